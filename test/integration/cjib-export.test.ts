import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/**
 * `ketenplanner export cjib` on a district file (the standalone CLI). The hand-off queue and the batch
 * export through the api, on both engines: test/operations/cjib-export.test.ts.
 */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T09:00:00+02:00');
const validateBatch = new Ajv2020({ strict: true }).compile(
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/cjib/batch-v1.schema.json'), 'utf8')) as object,
);

interface SanctionRow {
  kind: string;
  amount_cents?: number | null;
  hours?: number | null;
  days?: number | null;
  substitute_detention_days?: number | null;
}

/** A decided case with its decision, sanctions and a waiting hand-off, as the outcome registration leaves it. */
function decide(
  sqlite: Database.Database,
  caseId: number,
  options: { kind?: 'judgment' | 'penalty_order'; at: string; signed?: boolean; sanctions?: SanctionRow[] },
): { handoffId: number; decisionId: number; parketnummer: string } {
  const kind = options.kind ?? 'judgment';
  if (kind === 'judgment') sqlite.prepare("update criminal_case set status = 'decided', judgment_at = ? where id = ?").run(options.at, caseId);
  else sqlite.prepare("update criminal_case set status = 'zsm_decided', penalty_order_delivered_at = ? where id = ?").run(options.at, caseId);
  const decision = sqlite
    .prepare(
      `insert into decision (case_id, kind, decided_at, decided_by, suspect_present, judgment_signed_at, remedy, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, 'none', 'griffier.test', ?) returning id`,
    )
    .get(caseId, kind, options.at, kind === 'judgment' ? 'mr. A. de Vries' : 'mr. B. Bakker', kind === 'judgment' ? 1 : null, options.signed === false || kind !== 'judgment' ? null : options.at, options.at) as { id: number };
  const sanctions = options.sanctions ?? [{ kind: 'fine', amount_cents: 45_000, substitute_detention_days: 9 }];
  for (const s of sanctions) {
    sqlite
      .prepare('insert into sanction (decision_id, kind, amount_cents, hours, days, substitute_detention_days) values (?, ?, ?, ?, ?, ?)')
      .run(decision.id, s.kind, s.amount_cents ?? null, s.hours ?? null, s.days ?? null, s.substitute_detention_days ?? null);
  }
  const handoff = sqlite.prepare("insert into cjib_handoff (decision_id, correlation_id, status, attempt) values (?, ?, 'waiting', 0) returning id").get(decision.id, randomUUID()) as { id: number };
  const { parketnummer } = sqlite.prepare('select parketnummer from criminal_case where id = ?').get(caseId) as { parketnummer: string };
  return { handoffId: handoff.id, decisionId: decision.id, parketnummer };
}

describe('ketenplanner export cjib', () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('is in the help', async () => {
    const { out } = await run('--help');
    expect(out).toContain('ketenplanner export cjib --db FILE --out DIR [--resend BATCHUID]');
  });

  it('writes the batch files, prints a summary, and writes the same bytes again with --resend', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    // The CLI runs at --now: the judgment lies a month before it.
    const today = '2026-06-15';
    const database = await openDemoDatabase(dir, { seed: 7, casesPerYear: 700, asOf: today });
    const caseId = (database.sqlite.prepare("select id from criminal_case where status = 'heard' order by id limit 1").get() as { id: number }).id;
    const monthAgo = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
    const { handoffId } = decide(database.sqlite, caseId, { at: monthAgo });
    database.close();

    const outDir = path.join(dir, 'uit');
    const first = await run('export', 'cjib', '--db', file, '--out', outDir, '--now', NOW.toISOString());
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out) as { batchUid: string; decisionCount: number; files: string[]; resent: boolean };
    expect(summary).toMatchObject({ decisionCount: 1, resent: false });
    expect(summary.files.map((f) => path.basename(f))).toEqual([`ketenplanner-cjib-${summary.batchUid}.json`, `ketenplanner-cjib-${summary.batchUid}.csv`]);
    const bytes = summary.files.map((f) => fs.readFileSync(f));
    expect(validateBatch(JSON.parse(bytes[0]!.toString('utf8')))).toBe(true);

    const resendDir = path.join(dir, 'opnieuw');
    const second = await run('export', 'cjib', '--db', file, '--out', resendDir, '--resend', summary.batchUid, '--now', NOW.toISOString());
    expect(second.code).toBe(0);
    const resent = JSON.parse(second.out) as { files: string[]; resent: boolean };
    expect(resent.resent).toBe(true);
    expect(resent.files.map((f) => fs.readFileSync(f))).toEqual(bytes);

    const reopened = await openDemoDatabaseFile(file);
    expect(reopened.prepare('select status, attempt from cjib_handoff where id = ?').get(handoffId)).toEqual({ status: 'sent', attempt: 1 });
    expect(reopened.prepare('select count(*) as n from cjib_batch').get()).toEqual({ n: 1 });
    reopened.close();

    const nothing = await run('export', 'cjib', '--db', file, '--out', outDir, '--now', NOW.toISOString());
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('Geen beslissingen klaar om te verzenden');
    expect((await run('export', 'csv', '--db', file, '--out', outDir)).code).toBe(2);
    expect((await run('export', 'cjib', '--db', file, '--out', outDir, '--resend', 'abc')).code).toBe(2);
  });
});

async function openDemoDatabaseFile(file: string): Promise<Database.Database> {
  const { default: BetterSqlite } = await import('better-sqlite3');
  return new BetterSqlite(file, { readonly: true });
}
