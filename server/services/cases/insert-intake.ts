import type Database from 'better-sqlite3';
import type { CaseIntake } from '../../../shared/intake/case-intake';
import type { AppDatabase } from '../../../db/open-database';
import type { DeadlineContext } from '../settings/district-settings';
import { intakeDerivedValues, utc, type DerivedValues } from './derived-values';

export interface IntakeAudit {
  actor: string;
  source: 'form' | 'import';
  file?: string;
  row?: number;
}

const SUSPECT_COLUMNS = 'full_name, date_of_birth, summons_address, lawyer_name';
const CASE_COLUMNS = `parketnummer, suspect_id, modality, filler_kind, status, police_unit, offence_summary, offence_at,
       arrested_at, custody_ordered_at, custody_extended_at, remand_ordered_at, summons_served_at, short_term_consent,
       co_defendant_group, estimated_minutes,
       voorgeleiding_by, hearing_by, hearing_from, hearing_target_by, next_limit, next_limit_kind, queue_order, planning_gaps, ready_from, created_at`;
const CASE_VALUES = "?, ?, ?, ?, 'intake', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
const AUDIT_COLUMNS = 'occurred_at, actor, action, entity_type, entity_id, details';
const AUDIT_VALUES = "?, ?, 'case.created', 'case', ?, ?";

/** An intake's event moments as stored: UTC text (derived-values.ts utc), null when absent. */
export type StoredEvents = Record<'arrestedAt' | 'custodyOrderedAt' | 'custodyExtendedAt' | 'remandOrderedAt' | 'summonsServedAt', string | null>;

export interface IntakeToWrite {
  intake: CaseIntake;
  /** The row of the file it came from (in its audit row). */
  row?: number | undefined;
  /** As createIntakeWriter's `limits`. */
  limits?: DerivedValues | undefined;
  /** The intake's event moments as stored, when the checks computed them already (they do not depend on the district's settings). */
  events?: StoredEvents | undefined;
}

/**
 * Rows per multi-row INSERT: each statement run has a fixed cost (its program, triggers, journal
 * savepoint) that the rows share. 100,000 rows: 1.8 s instead of 3.6 s one row per statement.
 */
const BATCH = 200;

/** Writes intakes in batches inside the caller's write transaction (intakeWriter). */
export interface IntakeWriter {
  /** Writes these intakes now; returns their new case ids in their order. */
  add(items: readonly IntakeToWrite[]): number[];
}

/**
 * What createIntakeWriter writes, for many intakes at once (an import), inside the caller's write
 * transaction, as they come: multi-row INSERTs of BATCH rows. The suspect and case ids are given
 * explicitly, counting on from the highest id the table has had (its sqlite_sequence), which the write
 * lock keeps ours. Each audit row is `audit` with the item's row.
 */
export function intakeWriter(sqlite: Database.Database, context: DeadlineContext, now: Date, audit: Omit<IntakeAudit, 'row'>): IntakeWriter {
  const occurredAt = now.toISOString();
  const nextId = (table: string) =>
    (sqlite.prepare(`select max(coalesce((select max(id) from ${table}), 0), coalesce((select seq from sqlite_sequence where name = ?), 0)) as id`).pluck().get(table) as number) + 1;
  let suspectId = nextId('suspect');
  let caseId = nextId('criminal_case');
  const statements = new Map<string, Database.Statement>();
  const multiRow = (table: string, columns: string, values: string, rows: number) => {
    const key = `${table}:${rows}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = sqlite.prepare(`insert into ${table} (${columns}) values ${Array.from({ length: rows }, () => `(${values})`).join(', ')}`);
      statements.set(key, statement);
    }
    return statement;
  };
  return {
    add(items) {
      const caseIds: number[] = [];
      for (let start = 0; start < items.length; start += BATCH) {
        const batch = items.slice(start, start + BATCH);
        const suspects: unknown[] = [];
        const cases: unknown[] = [];
        const audits: unknown[] = [];
        for (const { intake, row, limits, events } of batch) {
          suspects.push(suspectId, ...suspectValues(intake));
          // Registered at the moment of the operation (its clock), as its audit row says; not the machine's.
          cases.push(caseId, ...caseValues(intake, suspectId, context, limits, events), occurredAt);
          audits.push(...auditValues(intake, { ...audit, row }, caseId, occurredAt));
          caseIds.push(caseId);
          suspectId += 1;
          caseId += 1;
        }
        multiRow('suspect', `id, ${SUSPECT_COLUMNS}`, '?, ?, ?, ?, ?', batch.length).run(suspects);
        multiRow('criminal_case', `id, ${CASE_COLUMNS}`, `?, ${CASE_VALUES}`, batch.length).run(cases);
        multiRow('audit_event', AUDIT_COLUMNS, AUDIT_VALUES, batch.length).run(audits);
      }
      return caseIds;
    },
  };
}

/** intakeWriter for one list of intakes. */
export async function insertIntakes(db: AppDatabase, context: DeadlineContext, now: Date, audit: Omit<IntakeAudit, 'row'>, items: readonly IntakeToWrite[]): Promise<number[]> {
  return intakeWriter(db.$client, context, now, audit).add(items);
}

function suspectValues({ suspect }: CaseIntake) {
  return [suspect.fullName, suspect.dateOfBirth, suspect.summonsAddress, suspect.lawyerName];
}

function caseValues(intake: CaseIntake, suspectId: number, context: DeadlineContext, limits: DerivedValues | undefined, stored?: StoredEvents) {
  // A new case has no preconditions yet.
  const { events, limits: columns } = limits ? { events: stored ?? storedEvents(intake), limits } : intakeDerivedValues(intake, context);
  return [
    intake.parketnummer,
    suspectId,
    intake.modality,
    intake.fillerKind,
    intake.policeUnit,
    intake.offenceSummary,
    utc(intake.offenceAt),
    events.arrestedAt,
    events.custodyOrderedAt,
    events.custodyExtendedAt,
    events.remandOrderedAt,
    events.summonsServedAt,
    intake.shortTermConsent ? 1 : 0,
    intake.coDefendantGroup,
    intake.estimatedMinutes,
    columns.voorgeleidingBy,
    columns.hearingBy,
    columns.hearingFrom,
    columns.hearingTargetBy,
    columns.nextLimit,
    columns.nextLimitKind,
    columns.queueOrder,
    columns.planningGaps,
    columns.readyFrom,
  ];
}

function auditValues(intake: CaseIntake, audit: IntakeAudit, caseId: number, occurredAt: string) {
  const details = { source: audit.source, parketnummer: intake.parketnummer, modality: intake.modality, ...(audit.file ? { file: audit.file, row: audit.row } : {}) };
  return [occurredAt, audit.actor, caseId, JSON.stringify(details)];
}

/** The event moments of an intake as stored: UTC text. */
function storedEvents(intake: CaseIntake): StoredEvents {
  return {
    arrestedAt: utc(intake.arrestedAt),
    custodyOrderedAt: utc(intake.custodyOrderedAt),
    custodyExtendedAt: utc(intake.custodyExtendedAt),
    remandOrderedAt: utc(intake.remandOrderedAt),
    summonsServedAt: utc(intake.summonsServedAt),
  };
}
