import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CONFIG_FILES = ['eslint.config.js', 'scripts/lint/eslint-plugin-ketenplanner.js', 'scripts/lint/i18n-catalog.js'];
const made: string[] = [];

const CATALOG = {
  app: { title: 'Ketenplanner', days_one: '{{count}} dag', days_other: '{{count}} dagen' },
  modality: { snelrecht: 'Snelrecht', supersnelrecht: 'Supersnelrecht' },
  queue: { intakeIntro: 'Instroom', planningIntro: 'Werkvoorraad' },
  group: { first: 'Eerste' },
};

/** A miniature project with the real ESLint configuration, a small catalog and the given files. */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-eslint-'));
  made.push(dir);
  for (const file of CONFIG_FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const all = { 'shared/i18n/nl.json': JSON.stringify(CATALOG, null, 2), ...files };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

interface Finding {
  file: string;
  rule: string | null;
  message: string;
}

/** Runs ESLint (as `npm run lint:eslint` does) and returns its findings per file. */
async function eslint(dir: string): Promise<{ failed: boolean; findings: Finding[] }> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'eslint');
  let stdout: string;
  let failed = false;
  try {
    ({ stdout } = await run(bin, ['--format', 'json', '--max-warnings', '0', '.'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    if (!e.stdout) throw new Error(`ESLint did not run: ${e.stderr ?? String(error)}`);
    stdout = e.stdout;
    failed = true;
  }
  const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
  const findings = results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(dir, r.filePath), rule: m.ruleId, message: m.message })));
  return { failed, findings };
}

const GOOD: Record<string, string> = {
  'server/services/context/clock.ts': 'export const systemNow = () => new Date(Date.now());\n',
  'server/services/ok.ts': 'export const epoch = new Date(0);\nexport const parse = (text: string) => new Date(text);\n',
  'renderer/src/Ok.tsx': `import { useTranslation } from 'react-i18next';
const LABEL_KEYS: Partial<Record<string, string>> = { title: 'app.title', first: 'group.first' };
export function Ok({ n, modality, status, stage }: { n: number; modality: string; status: string; stage: 'intake' | 'planning' }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('app.title')} title={n > 1 ? t('modality.snelrecht') : t('group.first')}>
      <h1>{t('app.title')}</h1>
      <h2>{t(LABEL_KEYS[modality] ?? \`modality.\${modality}\`)}</h2>
      <p>{t('app.days', { count: n })} · {t(\`modality.\${modality}\`)} · {t(\`caseStatus.\${status}\`)} · {t(\`queue.\${stage}Intro\`)}</p>
      <p>{n} – 12:30 %</p>
    </section>
  );
}
`,
};

/** One file per violation, each expected to be reported by the named rule. */
const VIOLATIONS: [label: string, file: string, text: string, rule: string, message: RegExp][] = [
  ['new Date() in a service', 'server/services/bad-now.ts', 'export const now = new Date();\n', 'no-restricted-syntax', /clock/],
  ['Date.now() in db/', 'db/bad-now.ts', 'export const now = Date.now();\n', 'no-restricted-syntax', /clock/],
  ['new Date() in shared/', 'shared/bad-now.ts', 'export const today = () => new Date().toISOString();\n', 'no-restricted-syntax', /clock/],
  ['a key missing from the catalog', 'renderer/src/Missing.tsx', tsx("{t('app.nope')}"), 'ketenplanner/valid-i18n-keys', /'app\.nope' is not in/],
  ['a key that is a group of messages', 'renderer/src/Group.tsx', tsx("{t('group')}"), 'ketenplanner/valid-i18n-keys', /group of messages/],
  ['a plural key without a count', 'renderer/src/Plural.tsx', tsx("{t('app.days')}"), 'ketenplanner/valid-i18n-keys', /pass a count/],
  ['a dynamic key under an unknown prefix', 'renderer/src/Prefix.tsx', tsx('{t(`nothere.${x}`)}'), 'ketenplanner/valid-i18n-keys', /'nothere' is not a group/],
  ['a dynamic key that matches no message', 'renderer/src/NoMatch.tsx', tsx('{t(`queue.${x}Outro`)}'), 'ketenplanner/valid-i18n-keys', /matches no message/],
  ['a dynamic key without a prefix', 'renderer/src/Unlisted.tsx', tsx('{t(`${x}.first`)}'), 'ketenplanner/valid-i18n-keys', /no static prefix/],
  [
    'a missing key in a table of keys',
    'renderer/src/Table.tsx',
    "const KEYS: Record<string, string> = { a: 'app.title', b: 'app.lost' };\n" + tsx('{t(KEYS[x] ?? `modality.${x}`)}'),
    'ketenplanner/valid-i18n-keys',
    /'app\.lost' is not in/,
  ],
  ['a missing i18nKey', 'renderer/src/Trans.tsx', tsx('<Trans i18nKey="app.gone" />'), 'ketenplanner/valid-i18n-keys', /'app\.gone' is not in/],
  ['Dutch text in JSX', 'renderer/src/Text.tsx', tsx('Zaken zonder datum'), 'ketenplanner/no-ui-literals', /Zaken zonder datum/],
  ['a literal aria-label', 'renderer/src/Label.tsx', tsx('<button aria-label="Sluiten">×</button>'), 'ketenplanner/no-ui-literals', /aria-label/],
  ['a literal placeholder in a conditional', 'renderer/src/Placeholder.tsx', tsx("<input placeholder={x ? 'Zoek een zaak' : ''} />"), 'ketenplanner/no-ui-literals', /placeholder/],
  ['a literal string child', 'renderer/src/StringChild.tsx', tsx("{x && 'Opslaan'}"), 'ketenplanner/no-ui-literals', /Opslaan/],
  [
    'a hook called conditionally',
    'renderer/src/Hooks.tsx',
    "import { useState } from 'react';\nexport function Hooks({ x }: { x: boolean }) {\n  if (x) {\n    const [v] = useState(0);\n    return <p>{v}</p>;\n  }\n  return null;\n}\n",
    'react-hooks/rules-of-hooks',
    /conditionally/,
  ],
  [
    'an effect with a missing dependency',
    'renderer/src/Deps.tsx',
    "import { useEffect } from 'react';\nexport function Deps({ x }: { x: string }) {\n  useEffect(() => {\n    document.title = x;\n  }, []);\n  return null;\n}\n",
    'react-hooks/exhaustive-deps',
    /missing dependency/,
  ],
  [
    'reading the clock during render',
    'renderer/src/Impure.tsx',
    'export function Impure() {\n  const now = Date.now();\n  return <p>{now}</p>;\n}\n',
    'react-hooks/purity',
    /impure/,
  ],
  ['an unused variable', 'server/services/unused.ts', 'const forgotten = 1;\nexport const kept = 2;\n', '@typescript-eslint/no-unused-vars', /forgotten/],
];

/** A component that shows `body` (and has `t`, `x` and Trans at hand). */
function tsx(body: string): string {
  return `import { Trans, useTranslation } from 'react-i18next';
export function View({ x }: { x: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Trans />
      {t('app.title')}
      {x}
      ${body}
    </div>
  );
}
`;
}

describe('the ESLint rules (npm run lint:eslint)', () => {
  let good: Awaited<ReturnType<typeof eslint>>;
  let bad: Awaited<ReturnType<typeof eslint>>;

  beforeAll(async () => {
    const violations = Object.fromEntries(VIOLATIONS.map(([, file, text]) => [file, text]));
    [good, bad] = await Promise.all([eslint(project(GOOD)), eslint(project({ ...GOOD, ...violations }))]);
  }, 120_000);

  afterAll(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes a project that keeps the conventions', () => {
    expect(good.findings).toEqual([]);
    expect(good.failed).toBe(false);
  });

  it('fails the lint when any rule is broken', () => {
    expect(bad.failed).toBe(true);
  });

  it.each(VIOLATIONS)('reports %s', (_label, file, _text, rule, message) => {
    const found = bad.findings.filter((f) => f.file === file);
    expect(found.map((f) => f.rule)).toContain(rule);
    expect(found.find((f) => f.rule === rule)?.message).toMatch(message);
  });

  it('reports nothing in the files that keep the conventions, next to the violations', () => {
    expect(bad.findings.filter((f) => f.file in GOOD)).toEqual([]);
  });
});
