import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/api/case-schemas';
import { makeImportCsv } from '../support/import-fixture';
import { openEmptyTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** cases.import through the api handler on both engines: the row checks, the write and its audit rows. */
const tempDir = useTempDir();

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

describe('cases.import', () => {
  it('commits the valid rows with their audit rows and reports the bad ones by row and column, in Dutch', async () => {
    district = await openEmptyTestDistrict(tempDir());
    const api = district.api({ actor: 'coordinator.test', today: '2026-06-15', now: new Date('2026-06-15T12:00:00+02:00') });
    const { csv, badRows } = makeImportCsv(60, 6);
    const input = { fileName: 'zaken.csv', contentBase64: Buffer.from(csv).toString('base64'), mode: 'valid_only', dryRun: false };
    const result = await api('cases.import', input);
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value as ImportReport;
    expect(report).toMatchObject({ totalRows: 60, validRows: 54, invalidRows: 6, committed: 54, fileProblems: [] });
    expect(report.problems.map((p) => ({ row: p.row, column: p.column }))).toEqual(badRows);
    expect((await district.row<{ n: number }>('select count(*) as n from criminal_case'))!.n).toBe(54);
    // Each case its audit row, naming the file and the row it came from.
    const audits = await district.rows<{ parketnummer: string; details: string }>(
      "select c.parketnummer, a.details from audit_event a join criminal_case c on c.id = a.entity_id where a.action = 'case.created' and a.entity_type = 'case' order by c.id",
    );
    expect(audits).toHaveLength(54);
    for (const { parketnummer, details } of audits) {
      const parsed = JSON.parse(details) as { source: string; parketnummer: string; file: string; row: number };
      expect(parsed).toMatchObject({ source: 'import', parketnummer, file: 'zaken.csv' });
      expect(parsed.row).toBe(Number(parketnummer.slice(3, 9)) - 200000 + 2);
    }
    // The derived columns are stored, and the case is found by name.
    const first = (await district.row<{ queueOrder: string; nextLimitKind: string }>('select queue_order as "queueOrder", next_limit_kind as "nextLimitKind" from criminal_case order by id limit 1'))!;
    expect(first.queueOrder).not.toBe('9999-12-31T23:59:59.999Z');
    const found = await api('cases.search', { query: '200007', limit: 5 });
    if (!found.ok) throw new Error(found.error.message);
    expect(JSON.stringify(found.value)).toContain('19/200007-26');
  });

  it('refuses the whole file when asked for all or nothing, writing nothing', async () => {
    district = await openEmptyTestDistrict(tempDir());
    const api = district.api({ actor: 'coordinator.test', today: '2026-06-15', now: new Date('2026-06-15T12:00:00+02:00') });
    const { csv } = makeImportCsv(20, 2);
    const result = await api('cases.import', { fileName: 'zaken.csv', contentBase64: Buffer.from(csv).toString('base64'), mode: 'all_or_nothing', dryRun: false });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ validRows: 18, invalidRows: 2, committed: 0 });
    expect((await district.row<{ n: number }>('select count(*) as n from criminal_case'))!.n).toBe(0);
  });
});
