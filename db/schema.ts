import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CASE_STATUSES, HEARING_STATUSES } from '../shared/domain/case-status';
import { FILLER_KINDS, MODALITIES } from '../shared/domain/modality';
import { DAYPARTS, SESSION_STATUSES, SESSION_TYPES } from '../shared/domain/session';

// Conventions: instants are ISO-8601 UTC text ('2026-03-02T08:15:00.000Z'), calendar dates are
// 'YYYY-MM-DD' (Europe/Amsterdam), clock times 'HH:mm'. Text keeps the file readable for years
// (Archiefwet) without this application.
// Personal data is kept to what planning needs (name, date of birth, summons contact, lawyer).
// By design there is no field for nationality, ethnicity or religion, and no risk score.

/** SQLite does not enforce drizzle's text enums: a CHECK constraint does. */
function oneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const districts = sqliteTable('district', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const courtLocations = sqliteTable('court_location', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  districtId: integer('district_id').notNull().references(() => districts.id),
  name: text('name').notNull(),
  city: text('city').notNull(),
});

export const courtrooms = sqliteTable(
  'courtroom',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    locationId: integer('location_id').notNull().references(() => courtLocations.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('courtroom_location_name_uq').on(t.locationId, t.name)],
);

export const courtSessions = sqliteTable(
  'court_session',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courtroomId: integer('courtroom_id').notNull().references(() => courtrooms.id),
    date: text('date').notNull(),
    daypart: text('daypart', { enum: DAYPARTS }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    sessionType: text('session_type', { enum: SESSION_TYPES }).notNull(),
    capacitySlots: integer('capacity_slots').notNull(),
    capacityMinutes: integer('capacity_minutes').notNull(),
    judgeName: text('judge_name'),
    prosecutorName: text('prosecutor_name'),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('scheduled'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('court_session_room_date_daypart_uq').on(t.courtroomId, t.date, t.daypart),
    index('court_session_date_idx').on(t.date),
    check('court_session_daypart_ck', oneOf(t.daypart, DAYPARTS)),
    check('court_session_type_ck', oneOf(t.sessionType, SESSION_TYPES)),
    check('court_session_status_ck', oneOf(t.status, SESSION_STATUSES)),
    check('court_session_capacity_ck', sql`${t.capacitySlots} >= 0 and ${t.capacityMinutes} >= 0`),
  ],
);

export const suspects = sqliteTable('suspect', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fullName: text('full_name').notNull(),
  dateOfBirth: text('date_of_birth').notNull(),
  summonsAddress: text('summons_address'),
  lawyerName: text('lawyer_name'),
});

export const criminalCases = sqliteTable(
  'criminal_case',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parketnummer: text('parketnummer').notNull().unique(),
    suspectId: integer('suspect_id').notNull().references(() => suspects.id),
    modality: text('modality', { enum: MODALITIES }).notNull(),
    fillerKind: text('filler_kind', { enum: FILLER_KINDS }),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('intake'),
    policeUnit: text('police_unit').notNull(),
    offenceSummary: text('offence_summary').notNull(),
    offenceAt: text('offence_at'),
    arrestedAt: text('arrested_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('criminal_case_status_idx').on(t.status),
    index('criminal_case_modality_idx').on(t.modality),
    check('criminal_case_modality_ck', oneOf(t.modality, MODALITIES)),
    check('criminal_case_status_ck', oneOf(t.status, CASE_STATUSES)),
    check('criminal_case_filler_kind_ck', sql`${t.fillerKind} is null or ${oneOf(t.fillerKind, FILLER_KINDS)}`),
  ],
);

export const hearings = sqliteTable(
  'hearing',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    sessionId: integer('session_id').notNull().references(() => courtSessions.id),
    status: text('status', { enum: HEARING_STATUSES }).notNull().default('planned'),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('hearing_session_status_idx').on(t.sessionId, t.status),
    index('hearing_case_idx').on(t.caseId),
    check('hearing_status_ck', oneOf(t.status, HEARING_STATUSES)),
  ],
);

/** The audit trail is part of the model: every change writes one of these in the same transaction. */
export const auditEvents = sqliteTable(
  'audit_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    occurredAt: text('occurred_at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    reason: text('reason'),
    details: text('details', { mode: 'json' }),
  },
  (t) => [index('audit_event_entity_idx').on(t.entityType, t.entityId), index('audit_event_occurred_idx').on(t.occurredAt)],
);
