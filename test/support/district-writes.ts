import type { TestDistrict } from './test-district';

/**
 * What an operation test needs to show that nothing (or exactly one row) was written, on both engines.
 * SQLite: total_changes() of the connection the api uses (triggers included). PostgreSQL: rows inserted
 * or updated after a transaction id carry a newer xmin, and a deleted row shows in the row counts (in
 * the test's fresh cluster the xid epoch is 0, so xmin and txid_current() compare).
 */
export interface WriteMark {
  at: number;
  rows: number;
}

export async function writeMark(district: TestDistrict): Promise<WriteMark> {
  if (district.engine === 'sqlite') return { at: (await district.row<{ n: number }>('SELECT total_changes() AS "n"'))!.n, rows: 0 };
  const at = Number((await district.row<{ n: string }>('SELECT txid_current() % 4294967296 AS "n"'))!.n);
  return { at, rows: await postgresRows(district, '') };
}

/** Rows written since the mark: changed rows on SQLite; on PostgreSQL inserted or updated rows plus deleted ones. */
export async function writtenSince(district: TestDistrict, mark: WriteMark): Promise<number> {
  if (district.engine === 'sqlite') return (await district.row<{ n: number }>('SELECT total_changes() AS "n"'))!.n - mark.at;
  const written = await postgresRows(district, ` where xmin::text::bigint > ${mark.at}`);
  const deleted = mark.rows + written - (await postgresRows(district, ''));
  return written + Math.max(0, deleted);
}

/** The row count of every table of the district, as 'table:count' in name order. */
export async function tableCounts(district: TestDistrict): Promise<string> {
  const tables =
    district.engine === 'sqlite'
      ? (await district.rows<{ name: string }>("select name from sqlite_master where type = 'table' order by name")).map((t) => t.name)
      : (await district.rows<{ name: string }>("select table_name as \"name\" from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")).map((t) => t.name);
  const counts: string[] = [];
  for (const name of tables) counts.push(`${name}:${String((await district.row<{ n: number | string }>(`select count(*) as "n" from "${name}"`))!.n)}`);
  return counts.join(',');
}

async function postgresRows(district: TestDistrict, where: string): Promise<number> {
  const row = await district.row<{ n: string | number }>(
    `SELECT coalesce(sum((xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I${where.replace(/'/g, "''")}', table_schema, table_name), false, true, '')))[1]::text::bigint), 0) AS "n"
       FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  return Number(row!.n);
}
