import { eq } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { AppDatabase } from '../../../db/open-database';
import { districtSettings } from '../../../db/schema';
import type { ParsedInput } from '../../../shared/api/contract';
import { fromAmsterdamLocal, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import type { Role } from '../../../shared/domain/roles';
import {
  DEFAULT_DISCLOSURE_TERM,
  disclosureTermSchema,
  type DisclosureRow,
  type DisclosureTerm,
} from '../../../shared/disclosures/disclosure-schemas';
import { retentionCutoff } from '../../../shared/retention/retention';
import { recordAudit } from '../audit';
import { settingsVersion } from '../context/versions';
import { ServiceError } from '../service-error';
import { SETTING_KEYS } from '../settings/district-settings';
import { firstRow, sqlRow, sqlRows, sqlRun } from '../context/query-results';

/**
 * The log of reads of personal data (issue 13 item 5; docs/disclosures.md): rows written by the api
 * handler after a traced read (shared/api/disclosures.ts), listed for the administrator, removed after
 * the district's term by `retention.apply`.
 */

export const DISCLOSURES_PURGED_ACTION = 'disclosures.purged';

/** Refusal when the trace cannot be written: the read is not answered (the trace is the point). */
export const NOT_TRACED_MESSAGE =
  'Deze gegevens kunnen nu niet worden getoond: het vastleggen van wie welke zaak inziet lukte niet (het districtsbestand is alleen-lezen, vol of bezet). Probeer het over een minuut opnieuw; lukt het dan nog niet, meld het aan de beheerder.';

export interface DisclosureEntry {
  readAt: string;
  actor: string;
  roles: readonly Role[];
  operation: string;
  caseIds: readonly number[];
  /** The caller's id for this read: the same id again records nothing new (unique on request id and case). */
  requestId: string | null;
}

/**
 * A person's reads of the same case within this window are one disclosure, traced at the first: a list
 * left open refreshes every minute, and a row per case per refresh would bury the log (tens of thousands
 * of rows a day) without telling anyone more about who saw what.
 */
export const DISCLOSURE_WINDOW_MS = 15 * 60_000;

const windowStart = (readAt: string) => new Date(Date.parse(readAt) - DISCLOSURE_WINDOW_MS).toISOString();

/** The cases of `entry` this person has not been traced reading within the window (a read, no lock). */
export async function untracedCaseIds(db: AppDatabase, entry: Pick<DisclosureEntry, 'actor' | 'caseIds' | 'readAt'>): Promise<number[]> {
  if (entry.caseIds.length === 0) return [];
  const rows = (await sqlRows(
    db.$client,
    {
      sqlite: 'select distinct case_id as "caseId" from personal_data_read where actor = ? and read_at >= ? and case_id in (select value from json_each(?))',
      postgresql: 'select distinct case_id as "caseId" from personal_data_read where actor = ? and read_at >= ? and case_id in (select value::int from json_array_elements_text(?::json))',
    },
    [entry.actor, windowStart(entry.readAt), JSON.stringify(entry.caseIds)],
  )) as { caseId: number }[];
  const traced = new Set(rows.map((row) => row.caseId));
  return entry.caseIds.filter((id) => !traced.has(id));
}

/**
 * One row per case not traced for this person within the window, in one INSERT statement (an export of
 * many cases included); a repeated request id adds nothing.
 */
export async function recordDisclosures(db: AppDatabase, entry: DisclosureEntry): Promise<number> {
  if (entry.caseIds.length === 0) return 0;
  const result = await sqlRun(
    db.$client,
    {
      sqlite: `insert into personal_data_read (read_at, actor, roles, operation, case_id, request_id)
       select ?, ?, ?, ?, value, ? from json_each(?)
       where value not in (select case_id from personal_data_read where actor = ? and read_at >= ?)
       on conflict (request_id, case_id) do nothing`,
      postgresql: `insert into personal_data_read (read_at, actor, roles, operation, case_id, request_id)
       select ?::text, ?::text, ?::text, ?::text, value::int, ?::text from json_array_elements_text(?::json)
       where value::int not in (select case_id from personal_data_read where actor = ? and read_at >= ?)
       on conflict (request_id, case_id) do nothing`,
    },
    [entry.readAt, entry.actor, JSON.stringify(entry.roles), entry.operation, entry.requestId, JSON.stringify(entry.caseIds), entry.actor, windowStart(entry.readAt)],
  );
  return result.changes;
}

/**
 * disclosures.recordOffline: the reads a desktop answered from its local copy while offline, traced under
 * the signed-in person and roles (never a name the desktop sends), at the moment the desktop answered
 * them, each operation marked as read offline. A read sent twice (same request id) is recorded once.
 */
export async function recordOfflineReads(db: AppDatabase, person: { actor: string; roles: readonly Role[] }, input: ParsedInput<'disclosures.recordOffline'>): Promise<number> {
  let recorded = 0;
  for (const read of input.reads) {
    recorded += await recordDisclosures(db, {
      readAt: new Date(read.readAt).toISOString(),
      actor: person.actor,
      roles: person.roles,
      operation: `${read.operation} ${OFFLINE_READ_MARK}`,
      caseIds: read.caseIds,
      requestId: read.requestId,
    });
  }
  return recorded;
}

/** How the log names a read answered from a desktop's local copy (docs/disclosures.md). */
export const OFFLINE_READ_MARK = '(zonder verbinding)';

export async function loadDisclosureTerm(db: Pick<AppDatabase, 'select'>): Promise<DisclosureTerm> {
  const value = firstRow(await db.select().from(districtSettings).where(eq(districtSettings.key, SETTING_KEYS.disclosureLogTerm)))?.value;
  if (value === undefined) return { ...DEFAULT_DISCLOSURE_TERM };
  const parsed = disclosureTermSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`District setting '${SETTING_KEYS.disclosureLogTerm}' in the database is invalid (${parsed.error.issues[0]?.message ?? ''}).`);
}

export async function listDisclosures(db: AppDatabase, input: ParsedInput<'disclosures.list'>, today: string) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.parketnummer) {
    where.push('c.parketnummer = ?');
    params.push(input.parketnummer);
  }
  if (input.actor) {
    where.push('r.actor = ?');
    params.push(input.actor);
  }
  if (input.from) {
    where.push('r.read_at >= ?');
    params.push(new Date(startOfAmsterdamDay(input.from)).toISOString());
  }
  if (input.to) {
    where.push('r.read_at <= ?');
    params.push(new Date(fromAmsterdamLocal(input.to, 23, 59, 59, 999)).toISOString());
  }
  const whereSql = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const from = `from personal_data_read r left join criminal_case c on c.id = r.case_id ${whereSql}`;
  const sqlite = db.$client;
  const { total } = await sqlRow(sqlite, `select count(*) as total ${from}`, [...params]) as { total: number };
  const rows = await sqlRows(sqlite, `select r.id, r.read_at as "readAt", r.actor, r.roles, r.operation, r.case_id as "caseId", c.parketnummer
       ${from} order by r.read_at desc, r.id desc limit ? offset ?`, [...params, input.limit, input.offset]) as (Omit<DisclosureRow, 'roles'> & { roles: string })[];
  const term = await loadDisclosureTerm(db);
  return {
    total,
    offset: input.offset,
    rows: rows.map((row) => ({ ...row, roles: JSON.parse(row.roles) as Role[] })),
    term,
    defaultTerm: { ...DEFAULT_DISCLOSURE_TERM },
    cutoff: retentionCutoff(today, term.months),
    version: await settingsVersion(db),
  };
}

async function purgeBefore(db: AppDatabase, today: string): Promise<{ cutoff: string; before: string; months: number }> {
  const { months } = await loadDisclosureTerm(db);
  const cutoff = retentionCutoff(today, months);
  return { cutoff, before: new Date(startOfAmsterdamDay(cutoff)).toISOString(), months };
}

/** How many rows are past the term now (what `retention.apply` would remove). */
export async function countDisclosuresDue(db: AppDatabase, today: string): Promise<number> {
  const { before } = await purgeBefore(db, today);
  return (await sqlRow(db.$client, 'select count(*) as n from personal_data_read where read_at < ?', [before]) as { n: number }).n;
}

/** Removes the rows read before the cut-off day, with one audit row (count and cut-off, no personal data). Inside a write transaction. */
export async function purgeDisclosures(db: AppDatabase, today: string, actor: string, now: Date, reason: string): Promise<number> {
  const { cutoff, before, months } = await purgeBefore(db, today);
  const removed = (await sqlRun(db.$client, 'delete from personal_data_read where read_at < ?', [before])).changes;
  if (removed > 0) {
    await recordAudit(db, {
      occurredAt: now.toISOString(),
      actor,
      action: DISCLOSURES_PURGED_ACTION,
      entityType: 'district',
      entityId: 0,
      reason,
      details: { removed, cutoff, termMonths: months },
    });
  }
  return removed;
}

/** `disclosures.setTerm`: a changed term or confirmation, with the reason, audited as settings.changed. */
export async function setDisclosureTerm(db: AppDatabase, term: DisclosureTerm, reason: string, actor: string, now: Date): Promise<DisclosureTerm> {
  const before = await loadDisclosureTerm(db);
  if (isDeepStrictEqual(before, term)) throw new ServiceError('CONFLICT', 'Er is niets gewijzigd: de bewaartermijn van het inzage-log en de bevestiging zijn al zo ingesteld.');
  const row = { key: SETTING_KEYS.disclosureLogTerm, value: term, updatedAt: now.toISOString(), updatedBy: actor };
  await db.insert(districtSettings).values(row).onConflictDoUpdate({ target: districtSettings.key, set: row });
  await recordAudit(db, { actor, action: 'settings.changed', entityType: 'district', entityId: 0, reason, details: { disclosureLogTerm: { from: before, to: term } }, occurredAt: now.toISOString() });
  return term;
}
