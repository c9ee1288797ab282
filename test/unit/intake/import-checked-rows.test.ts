import { describe, expect, it } from 'vitest';
import { checkImportRows, deadlineContextOf, mapImportColumns, packCheckedRows, unpackCheckedRows } from '../../../server/services/cases/check-import-rows';
import { DEFAULT_DEADLINE_SETTINGS } from '../../../shared/deadlines/settings';
import { makeImportCsv } from '../../support/import-fixture';

const NOW = Date.parse('2026-06-15T10:00:00+02:00');

describe('checked import rows between the threads', () => {
  const [header, ...lines] = makeImportCsv(300, 30)
    .csv.split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
  const headers = header!;
  const rows = lines.map((cells, i) => ({ row: i + 2, cells }));
  const { columnAt } = mapImportColumns(headers);

  it('arrive as they were checked, with and without their derived columns', () => {
    const context = deadlineContextOf({ settings: structuredClone(DEFAULT_DEADLINE_SETTINGS), equivalentDaysByYear: {} });
    for (const checked of [checkImportRows(rows, headers, columnAt, NOW, context), checkImportRows(rows, headers, columnAt, NOW)]) {
      expect(checked.filter((r) => 'problems' in r)).toHaveLength(30);
      const crossed = unpackCheckedRows(structuredClone(packCheckedRows(checked)));
      expect(crossed).toStrictEqual(checked);
      expect(JSON.stringify(crossed)).toBe(JSON.stringify(checked));
    }
  });
});
