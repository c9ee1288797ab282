import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../db/open-database';
import { importCases } from '../../server/services/cases/import-cases';
import { stopImportThread } from '../../server/services/cases/read-import-file';
import { fixedClock } from '../../server/services/context/clock';
import type { OperationContext } from '../../server/services/context/operation-context';
import { sqliteDistrictDatabase } from '../../server/services/context/district-database';
import { runWriteTransaction } from '../../server/services/context/write-transaction';
import { openTestDatabase } from '../support/demo-database';
import { makeImportCsv } from '../support/import-fixture';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** Pinned: the fixture's events lie in March 2026. */
const NOW = new Date('2026-06-15T10:00:00Z');
/**
 * More rows than one batch the reader hands on (2,000, import-rows.ts) and one multi-row INSERT takes
 * (insert-intake.ts BATCH), a multiple of neither.
 */
const ROWS = 4_450;
const file = Buffer.from(makeImportCsv(ROWS, 0, 600000).csv);

afterAll(() => stopImportThread());

/**
 * The two ways the import writes: on a district file, while the file is read, on a connection of its
 * own (writeApart, as the api handler offers it); elsewhere (PostgreSQL) after the reading (write).
 */
const WAYS = [
  { way: 'while reading, on a connection of its own', apart: true },
  { way: 'after reading', apart: false },
] as const;

function context(database: OpenedDatabase, apart: boolean): OperationContext {
  const { writeApart } = sqliteDistrictDatabase(database.db, database.sqlite);
  return {
    db: database.db,
    actor: 'coordinator.test',
    clock: fixedClock(NOW),
    requestId: null,
    write: (work) => runWriteTransaction(database.sqlite, work),
    ...(apart && writeApart ? { writeApart: (work) => writeApart({ role: null, policeUnit: null, actor: 'coordinator.test' }, work) } : {}),
  };
}
const count = (database: OpenedDatabase, sql: string, ...params: unknown[]) => database.sqlite.prepare(sql).pluck().get(...params) as number;
const searchTrigger = (database: OpenedDatabase) => database.sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = 'case_search_ai'").pluck().get();
/** FTS5's settings of both indexes, automerge as it applies (4 when never set). */
const ftsConfig = (database: OpenedDatabase) =>
  ['case_search', 'case_search_name'].map((index) => {
    const rows = database.sqlite.prepare(`select k, v from ${index}_config`).all() as { k: string; v: unknown }[];
    return { automerge: 4, ...Object.fromEntries(rows.map((r) => [r.k, r.v])) };
  });
const matches = (database: OpenedDatabase, text: string) => count(database, 'select count(*) from case_search_name where case_search_name match ?', `"${text}"`);

describe.each(WAYS)('the case import writes its rows in batches (issue 12: 100,000 rows within 5 s), $way', ({ apart }) => {
  const importFile = (database: OpenedDatabase) => importCases(context(database, apart), { fileName: 'bulk.csv', content: file, mode: 'all_or_nothing', dryRun: false });

  it('gives each case the next unused id, its suspect and its audit row with file and row, and indexes it for search', async () => {
    const database = await openTestDatabase(tempDir());
    // Ids once used by cases and suspects since removed are never given again (AUTOINCREMENT).
    for (const table of ['criminal_case', 'suspect']) {
      const used = count(database, `select coalesce(max(id), 0) from ${table}`);
      database.sqlite.prepare('delete from sqlite_sequence where name = ?').run(table);
      database.sqlite.prepare('insert into sqlite_sequence (name, seq) values (?, ?)').run(table, used + 1000);
    }
    const highest = (table: string) => count(database, 'select seq from sqlite_sequence where name = ?', table);
    const [caseSeq, suspectSeq] = [highest('criminal_case'), highest('suspect')];
    const trigger = searchTrigger(database);
    const config = ftsConfig(database);

    const report = await importFile(database);

    expect(report).toMatchObject({ committed: ROWS, invalidRows: 0 });
    const rows = database.sqlite
      .prepare(
        `select c.id, c.suspect_id as suspectId, c.parketnummer, s.full_name as name, a.details from criminal_case c join suspect s on s.id = c.suspect_id
         join audit_event a on a.entity_type = 'case' and a.entity_id = c.id and a.action = 'case.created' where c.id > ? order by c.id`,
      )
      .all(caseSeq) as { id: number; suspectId: number; parketnummer: string; name: string; details: string }[];
    expect(rows).toHaveLength(ROWS);
    rows.forEach((r, i) => {
      expect(r).toMatchObject({ id: caseSeq + 1 + i, suspectId: suspectSeq + 1 + i, parketnummer: `19/${600000 + i}-26`, name: `A. Verdachte ${i}` });
      expect(JSON.parse(r.details)).toMatchObject({ source: 'import', parketnummer: r.parketnummer, file: 'bulk.csv', row: i + 2 });
    });
    expect(highest('criminal_case')).toBe(caseSeq + ROWS);
    // Registered at the import's moment (its pinned clock), not the machine's.
    expect(count(database, 'select count(*) from criminal_case where id > ? and created_at = ?', caseSeq, NOW.toISOString())).toBe(ROWS);
    expect(matches(database, 'Verdachte 4449')).toBe(1);
    expect(matches(database, '604449')).toBe(1);
    // The per-case search trigger stood aside for the import only; FTS5's settings apply as they did.
    expect(searchTrigger(database)).toBe(trigger);
    expect(ftsConfig(database)).toEqual(config);
    expect(count(database, 'pragma integrity_check') as unknown).toBe('ok');
    database.close();
  });

  it('leaves nothing of an import whose write fails halfway, and the search trigger in place', async () => {
    const database = await openTestDatabase(tempDir());
    const before = { cases: count(database, 'select count(*) from criminal_case'), audit: count(database, 'select count(*) from audit_event') };
    const trigger = searchTrigger(database);
    // The write fails in its third batch of rows read (as a full disk would).
    database.sqlite.exec(
      `create trigger fail_midway before insert on audit_event when json_extract(new.details, '$.row') = 4300 begin select raise(abort, 'disk full, say'); end`,
    );

    await expect(importFile(database)).rejects.toThrow('disk full, say');

    expect(count(database, 'select count(*) from criminal_case')).toBe(before.cases);
    expect(count(database, 'select count(*) from audit_event')).toBe(before.audit);
    expect(matches(database, '600001')).toBe(0);
    expect(searchTrigger(database)).toBe(trigger);
    database.sqlite.exec('drop trigger fail_midway');
    // The next import of the same file goes through whole.
    expect(await importFile(database)).toMatchObject({ committed: ROWS });
    expect(matches(database, '600001')).toBe(1);
    database.close();
  });
});

describe('the case import on a district file writes while it reads, in one transaction nobody sees before it commits', () => {
  const importWhileReading = (database: OpenedDatabase, content: Buffer, mode: 'all_or_nothing' | 'valid_only') =>
    importCases(context(database, true), { fileName: 'bulk.csv', content, mode, dryRun: false });
  /** The file with data line `line` (1: the first row under the header) changed by `change`. */
  const withLine = (line: number, change: (text: string) => string) => {
    const lines = file.toString('utf8').split('\r\n');
    lines[line] = change(lines[line]!);
    return Buffer.from(lines.join('\r\n'));
  };
  const cases = (database: OpenedDatabase) => count(database, 'select count(*) from criminal_case');

  it('shows the app none of the rows before the commit, while the app answers reads in between', async () => {
    const database = await openTestDatabase(tempDir());
    const before = cases(database);
    const seen = new Set<number>();
    let reading = true;
    const watch = async () => {
      while (reading) {
        seen.add(cases(database));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    const watching = watch();

    const report = await importWhileReading(database, file, 'valid_only');
    reading = false;
    await watching;

    expect(report).toMatchObject({ committed: ROWS, invalidRows: 0 });
    expect([...seen]).toEqual([before]);
    expect(cases(database)).toBe(before + ROWS);
    database.close();
  });

  it('all or nothing: a bad row near the end undoes the rows written before it, the search trigger and settings as they were', async () => {
    const database = await openTestDatabase(tempDir());
    const before = { cases: cases(database), audit: count(database, 'select count(*) from audit_event') };
    const trigger = searchTrigger(database);
    const config = ftsConfig(database);

    const report = await importWhileReading(database, withLine(4_300, (text) => text.replace('19/604299-26', '19-12345')), 'all_or_nothing');

    expect(report).toMatchObject({ committed: 0, validRows: ROWS - 1, invalidRows: 1, problems: [{ row: 4_301, column: 'parketnummer' }] });
    expect(cases(database)).toBe(before.cases);
    expect(count(database, 'select count(*) from audit_event')).toBe(before.audit);
    expect(matches(database, '600001')).toBe(0);
    expect(searchTrigger(database)).toBe(trigger);
    expect(ftsConfig(database)).toEqual(config);
    database.close();
  });

  it('a file refused halfway (a cell over the limit in its third batch) commits nothing and says why', async () => {
    const database = await openTestDatabase(tempDir());
    const before = cases(database);
    const trigger = searchTrigger(database);

    const report = await importWhileReading(database, withLine(4_100, (text) => text.replace('A. Verdachte 4099', `A. ${'x'.repeat(10_001)}`)), 'valid_only');

    expect(report).toMatchObject({ committed: 0, validRows: 0, problems: [] });
    expect(report.fileProblems).toEqual([expect.stringContaining('10.000')]);
    expect(cases(database)).toBe(before);
    expect(searchTrigger(database)).toBe(trigger);
    // The file is whole, and the next import goes through.
    expect(count(database, 'pragma integrity_check') as unknown).toBe('ok');
    expect(await importWhileReading(database, file, 'valid_only')).toMatchObject({ committed: ROWS });
    database.close();
  });
});
