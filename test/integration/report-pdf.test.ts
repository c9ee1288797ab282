import { createTestApi } from '../support/test-api';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { PROJECT_PATHS } from '../../server/cli/project-paths';
import type { Dashboard } from '../../shared/metrics/dashboard-schemas';
import { reviewPeriodOf, reviewPeriodRange } from '../../shared/metrics/review-period';
import { formatFigure } from '../../renderer/src/pages/review/pack-figures';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
// The report prints the built UI: `npm test` builds it first; KETENPLANNER_UI points at another build.
const UI = process.env['KETENPLANNER_UI'] ?? PROJECT_PATHS.builtRenderer;
// The CLI's clock is pinned with --now; the demo and the expected figures use the same day.
const TODAY = '2026-11-20';
const NOW = '2026-11-20T10:00:00+01:00';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ketenplanner report', () => {
  it('prints the review pack of a period to a real PDF whose figures are the dashboard’s', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const database = await openDemoDatabase(dir, { seed: 5, casesPerYear: 1200, asOf: TODAY });
    const period = reviewPeriodOf(TODAY);
    const handle = createTestApi(database, { actor: 'test', today: () => TODAY });
    const answer = await handle('metrics.dashboard', reviewPeriodRange(period));
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const intake = formatFigure((answer.value as Dashboard).intake.total.value, 'aantal', (key) => key);
    const file = database.path;
    database.close();

    const out = path.join(dir, 'pack.pdf');
    const result = await run('report', '--db', file, '--now', NOW, '--period', period, '--out', out, '--ui', UI);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\[1\/3\] gegevens laden…\n\[2\/3\] grafieken…\n\[3\/3\] PDF…/);

    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);

    const summary = JSON.parse(result.out.slice(result.out.indexOf('{'))) as { figures: Record<string, string> };
    expect(summary.figures['intake']).toBe(intake);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Overlegpakket T${period.slice(-1)} ${period.slice(0, 4)}`);
    const intakeLine = text.split('\n').find((line) => /^\s*Instroom\s/.test(line));
    expect(intakeLine?.trim().split(/\s{2,}/)[1]).toBe(intake);
  });

  it('refuses a wrong period or a missing file before starting anything', async () => {
    const bad = await run('report', '--db', '/nonexistent.sqlite', '--period', '2026-T4', '--out', '/tmp/x.pdf');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--period must look like 2026-T3/);
    const missing = await run('report', '--db', '/nonexistent.sqlite', '--period', '2026-T3', '--out', '/tmp/x.pdf');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist/);
  });
});
