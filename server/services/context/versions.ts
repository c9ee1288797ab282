import { toAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import type { AppDatabase } from '../../../db/open-database';
import { ServiceError } from '../service-error';
import { SETTING_KEYS } from '../settings/district-settings';
import { sqlRow } from './query-results';

/**
 * Optimistic locking: no edit silently overwrites another. Every versioned record has a `version`
 * column that triggers (migration 0012) raise by 1 on every change of the record, whoever writes it
 * (a user's edit, the planner, a CJIB import); an edit sends the version it started from and
 * `expectVersion` refuses it with CONFLICT when the record changed since, naming who changed it, when
 * and how (the newest audit row of the record). Call it inside the write transaction (ctx.write), before
 * the write: BEGIN IMMEDIATE holds the lock, so nothing can change the record between check and write.
 */
export type VersionedRecord = 'case' | 'session' | 'reservation' | 'decision' | 'handoff' | 'template' | 'person' | 'settings';

interface RecordKind {
  table: string;
  /** 'Deze zaak', as the message starts. */
  label: string;
  /** Where the record's audit rows are: a condition on audit_event with one parameter (the record's id). */
  audit: string;
}

const KINDS: Record<Exclude<VersionedRecord, 'settings'>, RecordKind> = {
  case: {
    table: 'criminal_case',
    label: 'Deze zaak',
    // The case's own rows, and those of its hearings and decisions (the planner places a case by its hearing).
    audit: `(entity_type = 'case' and entity_id = @id)
      or (entity_type = 'hearing' and entity_id in (select id from hearing where case_id = @id))
      or (entity_type = 'decision' and entity_id in (select id from decision where case_id = @id))`,
  },
  session: { table: 'court_session', label: 'Deze zitting', audit: `entity_type = 'court_session' and entity_id = @id` },
  reservation: { table: 'reservation', label: 'Deze reservering', audit: `entity_type = 'reservation' and entity_id = @id` },
  decision: { table: 'decision', label: 'Deze beslissing', audit: `entity_type = 'decision' and entity_id = @id` },
  handoff: { table: 'cjib_handoff', label: 'Deze overdracht aan het CJIB', audit: `entity_type = 'cjib_handoff' and entity_id = @id` },
  template: { table: 'session_template', label: 'Dit zittingspatroon', audit: `entity_type = 'session_template' and entity_id = @id` },
  person: { table: 'person', label: 'Deze persoon', audit: `entity_type = 'person' and entity_id = @id` },
};

const SETTINGS_KEYS = Object.values(SETTING_KEYS);

/** The record's current version; null when it does not exist (the operation itself then reports that). */
async function currentVersion(db: AppDatabase, record: VersionedRecord, id: number): Promise<number | null> {
  if (record === 'settings') return await settingsVersion(db);
  const row = await sqlRow(db.$client, `select version from ${KINDS[record].table} where id = ?`, [id]) as { version: number } | undefined;
  return row?.version ?? null;
}

/** `row` with its record's version as it is now (RETURNING reports the version from before the triggers ran). */
export async function withCurrentVersion<T extends { id: number; version: number }>(db: AppDatabase, record: Exclude<VersionedRecord, 'settings'>, row: T): Promise<T> {
  return { ...row, version: await currentVersion(db, record, row.id) ?? row.version };
}

/**
 * The version of the district's settings as one record: 1 + the sum of the versions of its rows (a row
 * not written yet counts 0). Every write of a setting raises it: an update adds 1 to a row, a first
 * write adds a row of version 1, and setting rows are never deleted.
 */
export async function settingsVersion(db: AppDatabase): Promise<number> {
  const row = await sqlRow(db.$client, `select coalesce(sum(version), 0) as total from district_setting where key in (${SETTINGS_KEYS.map(() => '?').join(', ')})`, [...SETTINGS_KEYS]) as { total: number };
  return 1 + row.total;
}

/**
 * Refuses a stale edit: throws CONFLICT (HTTP 409) with a Dutch message when the record's version is not
 * `expectedVersion`. A missing record passes: the operation reports NOT_FOUND in its own words.
 */
export async function expectVersion(db: AppDatabase, record: VersionedRecord, id: number, expectedVersion: number): Promise<void> {
  const current = await currentVersion(db, record, id);
  if (current === null || current === expectedVersion) return;
  throw new ServiceError('CONFLICT', await conflictMessage(db, record, id));
}

/**
 * expectVersion for a record the operation has just read in its transaction (its version known): no query,
 * unless it is stale (then the same refusal, naming who changed it).
 */
export async function expectKnownVersion(db: AppDatabase, record: Exclude<VersionedRecord, 'settings'>, id: number, expectedVersion: number, currentVersion: number): Promise<void> {
  if (currentVersion === expectedVersion) return;
  throw new ServiceError('CONFLICT', await conflictMessage(db, record, id));
}

/** The case a hearing belongs to (a correction of its outcome is an edit of the case); null when unknown. */
export async function caseOfHearing(db: AppDatabase, hearingId: number): Promise<number | null> {
  const row = await sqlRow(db.$client, 'select case_id as "caseId" from hearing where id = ?', [hearingId]) as { caseId: number } | undefined;
  return row?.caseId ?? null;
}

/** 'Deze zaak is intussen gewijzigd door griffie.a op 4-12-2026 om 10:15 (tijdstippen gecorrigeerd). …' */
async function conflictMessage(db: AppDatabase, record: VersionedRecord, id: number): Promise<string> {
  const label = record === 'settings' ? 'De instellingen' : KINDS[record].label;
  const latest = await latestChange(db, record, id);
  const verb = record === 'settings' ? 'zijn' : 'is';
  const change = latest
    ? `${label} ${verb} intussen gewijzigd door ${latest.actor} op ${dutchMoment(latest.occurredAt)} (${actionLabel(latest.action)}).`
    : `${label} ${verb} intussen door iemand anders gewijzigd.`;
  return `${change} Uw wijziging is niet opgeslagen. Laad opnieuw om de nieuwe gegevens te zien en voer uw wijziging daarna nogmaals in.`;
}

interface Change {
  actor: string;
  occurredAt: string;
  action: string;
}

async function latestChange(db: AppDatabase, record: VersionedRecord, id: number): Promise<Change | undefined> {
  if (record === 'settings') {
    return await sqlRow(db.$client, `select actor, occurred_at as "occurredAt", action from audit_event where entity_type = 'district' and action = 'settings.changed' order by occurred_at desc, id desc limit 1`) as Change | undefined;
  }
  return await sqlRow(db.$client, `select actor, occurred_at as "occurredAt", action from audit_event where ${KINDS[record].audit} order by occurred_at desc, id desc limit 1`, [{ id }]) as Change | undefined;
}

/** '4-12-2026 om 10:15' in Amsterdam time. */
function dutchMoment(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const local = toAmsterdamLocal(instant);
  const [year, month, day] = local.date.split('-').map(Number) as [number, number, number];
  return `${day}-${month}-${year} om ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

const ACTION_LABELS: Record<string, string> = {
  'case.created': 'zaak ingevoerd',
  'case.events_changed': 'tijdstippen gecorrigeerd',
  'case.modality_changed': 'modaliteit gewijzigd',
  'case.status_changed': 'status gewijzigd',
  'case.precondition_set': 'voorwaarde bijgewerkt',
  'case.precondition_removed': 'voorwaarde verwijderd',
  'case.penalty_order_delivered': 'strafbeschikking uitgereikt',
  'zsm.decided': 'ZSM-beslissing vastgelegd',
  'hearing.planned': 'zitting gepland',
  'hearing.moved': 'zitting verplaatst',
  'hearing.unplanned': 'uit de planning gehaald',
  'outcome.recorded': 'uitkomst van de zitting vastgelegd',
  'outcome.corrected': 'uitkomst van de zitting gecorrigeerd',
  'decision.recorded': 'beslissing vastgelegd',
  'decision.corrected': 'beslissing gecorrigeerd',
  'decision.signals_updated': 'executiesignalen bijgewerkt',
  'decision.signed': 'vonnis getekend',
  'session.updated': 'zitting gewijzigd',
  'session.cancelled': 'zitting vervallen',
  'session.added_extra': 'extra zitting toegevoegd',
  'session.judge_assigned': 'rechter ingedeeld',
  'session.judge_unassigned': 'rechter uit de zitting gehaald',
  'session.prosecutor_assigned': 'officier ingedeeld',
  'session.prosecutor_unassigned': 'officier uit de zitting gehaald',
  'reservation.created': 'plaatsen gereserveerd',
  'reservation.released': 'reservering vrijgegeven',
  'template.created': 'patroon aangemaakt',
  'template.updated': 'patroon gewijzigd',
  'template.deactivated': 'patroon beëindigd',
  'person.created': 'persoon toegevoegd',
  'person.updated': 'persoon gewijzigd',
  'person.deactivated': 'persoon op inactief gezet',
  'person.unavailability_added': 'afwezigheid toegevoegd',
  'person.unavailability_removed': 'afwezigheid verwijderd',
  'cjib.handoff_created': 'in de overdrachtswachtrij gezet',
  'cjib.handoff_withdrawn': 'uit de overdrachtswachtrij gehaald',
  'cjib.handoff_sent': 'naar het CJIB verzonden',
  'cjib.handoff_reworked': 'hersteld na retour',
  'cjib.acknowledged': 'ontvangst bevestigd door het CJIB',
  'cjib.returned': 'teruggestuurd door het CJIB',
  'settings.changed': 'instellingen gewijzigd',
  'planner.recorded': 'planningsvoorstel vastgelegd',
  'undo.move': 'verplaatsing ongedaan gemaakt',
  'undo.unplan': 'uit de planning halen ongedaan gemaakt',
  'undo.cancel': 'vervallen van de zitting ongedaan gemaakt',
  'undo.plan': 'vastgelegd planningsvoorstel ongedaan gemaakt',
};

function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
