import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api/case-schemas';
import { IMPORT_COLUMNS } from '../../shared/intake/import-columns';
import { openDemoDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** Monday 15 June 2026, 10:00 in Amsterdam (the small demo's moment). */
const NOW = SMALL_DEMO_NOW;

async function setup() {
  const database = await openDemoDatabase(tempDir());
  const api = createTestApi(database, { actor: 'coordinator.test', now: NOW });
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await api(operation, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  return { database, api, call };
}

/** The import's side (it reads a file): the operations are in test/operations/plausible-dates.test.ts. */
describe('impossible dates are refused, naming the field (issue 11, item 4)', () => {
  it('the import refuses the same rows, each with its row and column, and takes the rest', async () => {
    const { call } = await setup();
    const headers = IMPORT_COLUMNS.map((c) => c.header);
    const row = (n: number, birth: string, arrest: string) => {
      const cells: Record<string, string> = {
        parketnummer: `19/4100${String(n).padStart(2, '0')}-26`,
        'naam verdachte': `A. Rij ${n}`,
        geboortedatum: birth,
        modaliteit: 'supersnelrecht',
        'politie-eenheid': 'Basisteam Noord',
        feit: 'Winkeldiefstal',
        pleegdatum: '14-06-2026 16:40',
        aanhouding: arrest,
        'instemming kortere termijn': 'ja',
      };
      return headers.map((h) => cells[h] ?? '').join(';');
    };
    const csv = [
      headers.join(';'),
      row(1, '06-05-1990', '01-01-2099 10:00'),
      row(2, '01-01-1800', '14-06-2026 17:05'),
      row(3, '01-01-0000', '14-06-2026 17:05'),
      row(4, '28-02-2100', '14-06-2026 17:05'),
      row(5, '01-01-2020', '14-06-2026 17:05'),
      row(6, '06-05-1990', '14-06-2026 17:05'),
      row(7, '01-03-2010', '14-06-2026 17:05'),
    ].join('\n');
    const report = await call<ImportReport>('cases.import', { fileName: 'datums.csv', contentBase64: Buffer.from(csv).toString('base64'), mode: 'valid_only', dryRun: true });
    const problem = (r: number) => report.problems.filter((p) => p.row === r).map((p) => `${p.column}: ${p.message}`).join(' | ');
    expect(problem(2)).toMatch(/^aanhouding: Aanhouding ligt in de toekomst/);
    expect(problem(3)).toMatch(/^geboortedatum: Geboortedatum 01-01-1800/);
    expect(problem(4)).toMatch(/^geboortedatum: /);
    expect(problem(5)).toMatch(/^geboortedatum: .*(toekomst|na de aanhouding)/);
    expect(problem(6)).toMatch(/^geboortedatum: .*art\. 486 Sv/);
    expect(problem(7)).toBe('');
    expect(problem(8)).toBe('');
    expect(report.validRows).toBe(2);
    expect(report.invalidRows).toBe(5);
  });
});
