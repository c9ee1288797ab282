import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CASE_STATUSES, HEARING_STATUSES } from '../shared/domain/case-status';
import { FILLER_KINDS, MODALITIES } from '../shared/domain/modality';
import { OTHER_ROUTES, ZSM_OUTCOMES } from '../shared/domain/zsm-outcome';
import { DAYPARTS, SESSION_STATUSES, SESSION_TYPES } from '../shared/domain/session';
import { PERSON_ROLES } from '../shared/domain/person';
import { RESERVABLE_MODALITIES, RESERVATION_RELEASE_KINDS } from '../shared/domain/reservation';
import { PRECONDITION_KINDS, PRECONDITION_STATUSES } from '../shared/domain/precondition';
import { DECISION_KINDS, HEARING_OUTCOMES, REMEDIES, SANCTION_KINDS, SIGNAL_VALUES } from '../shared/domain/outcome';
import { CJIB_MESSAGE_KINDS, EXECUTION_STATUSES, HANDOFF_STATUSES } from '../shared/domain/cjib';
import { AGREEMENT_STATUSES, SIGNAL_STATUSES } from '../shared/domain/review';

// Conventions: instants are ISO-8601 UTC text ('2026-03-02T08:15:00.000Z'), calendar dates are
// 'YYYY-MM-DD' (Europe/Amsterdam), clock times 'HH:mm'. Text keeps the file readable for years
// (Archiefwet) without this application.
// Personal data is kept to what planning needs (name, date of birth, summons contact, lawyer).
// By design: no nationality, ethnicity or religion field, and no risk score (none is ever added).

/** SQLite does not enforce drizzle's text enums: a CHECK constraint does. */
function oneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/**
 * Optimistic locking (no lost updates): an edit sends the version it started from and a stale one is
 * refused (server/services/context/versions.ts). Triggers of migration 0012 add 1 on every change of the
 * record (and of the rows that belong to it), whoever writes it.
 */
const version = () => integer('version').notNull().default(1);

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

/** Days a location is closed (besides the court calendar's holidays): no session is generated or planned there. */
export const locationClosures = sqliteTable(
  'location_closure',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    locationId: integer('location_id').notNull().references(() => courtLocations.id),
    date: text('date').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('location_closure_location_date_uq').on(t.locationId, t.date)],
);

/** Judges and prosecutors on the rota. Only what planning needs: a name and a role. */
export const persons = sqliteTable(
  'person',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role', { enum: PERSON_ROLES }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [uniqueIndex('person_name_role_uq').on(t.name, t.role), check('person_role_ck', oneOf(t.role, PERSON_ROLES))],
);

/** A person's days away (leave, course, other duties): inclusive dates; the reason is a short word, never medical detail. */
export const personUnavailability = sqliteTable(
  'person_unavailability',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => persons.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('person_unavailability_person_idx').on(t.personId, t.fromDate), check('person_unavailability_range_ck', sql`${t.fromDate} <= ${t.toDate}`)],
);

/**
 * A recurring session (the capacity model): generated into dated court_session rows for a horizon,
 * never on a non-court day or a closure day of its location.
 */
export const sessionTemplates = sqliteTable(
  'session_template',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courtroomId: integer('courtroom_id').notNull().references(() => courtrooms.id),
    name: text('name').notNull(),
    /** ISO weekdays, comma-separated ('1,3,5' = Monday, Wednesday, Friday). */
    weekdays: text('weekdays').notNull(),
    daypart: text('daypart', { enum: DAYPARTS }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    sessionType: text('session_type', { enum: SESSION_TYPES }).notNull(),
    capacitySlots: integer('capacity_slots').notNull(),
    capacityMinutes: integer('capacity_minutes').notNull(),
    /** Comma-separated heard modalities and filler kinds the session takes. */
    acceptedModalities: text('accepted_modalities').notNull(),
    acceptedFillerKinds: text('accepted_filler_kinds').notNull().default(''),
    /** The session also hears suspects who were minors at the offence (juvenile law, art. 77a Sr ff.); default: adults only. */
    acceptsMinors: integer('accepts_minors', { mode: 'boolean' }).notNull().default(false),
    overbookingSlots: integer('overbooking_slots').notNull().default(0),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    check('session_template_daypart_ck', oneOf(t.daypart, DAYPARTS)),
    check('session_template_type_ck', oneOf(t.sessionType, SESSION_TYPES)),
    check('session_template_capacity_ck', sql`${t.capacitySlots} >= 0 and ${t.capacityMinutes} >= 0 and ${t.overbookingSlots} >= 0`),
  ],
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
    /** Comma-separated heard modalities and filler kinds the session takes (from its template or set by hand). */
    acceptedModalities: text('accepted_modalities').notNull().default(''),
    acceptedFillerKinds: text('accepted_filler_kinds').notNull().default(''),
    /** The session also hears suspects who were minors at the offence (juvenile law, art. 77a Sr ff.); default: adults only. */
    acceptsMinors: integer('accepts_minors', { mode: 'boolean' }).notNull().default(false),
    /** Cases the coordinator may book beyond capacity (no-shows are common in snelrecht). */
    overbookingSlots: integer('overbooking_slots').notNull().default(0),
    judgeId: integer('judge_id').references(() => persons.id),
    prosecutorId: integer('prosecutor_id').references(() => persons.id),
    /** Null for an extra session added by hand (an exception to the pattern). */
    templateId: integer('template_id').references(() => sessionTemplates.id),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('court_session_room_date_daypart_uq').on(t.courtroomId, t.date, t.daypart),
    index('court_session_date_idx').on(t.date),
    index('court_session_template_idx').on(t.templateId, t.date),
    check('court_session_daypart_ck', oneOf(t.daypart, DAYPARTS)),
    check('court_session_type_ck', oneOf(t.sessionType, SESSION_TYPES)),
    check('court_session_status_ck', oneOf(t.status, SESSION_STATUSES)),
    check('court_session_capacity_ck', sql`${t.capacitySlots} >= 0 and ${t.capacityMinutes} >= 0 and ${t.overbookingSlots} >= 0`),
  ],
);

export const suspects = sqliteTable('suspect', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fullName: text('full_name').notNull(),
  dateOfBirth: text('date_of_birth').notNull(),
  summonsAddress: text('summons_address'),
  lawyerName: text('lawyer_name'),
  version: version(),
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
    // The events the legal limits are counted from (LEGAL-RULES.md).
    arrestedAt: text('arrested_at'),
    custodyOrderedAt: text('custody_ordered_at'),
    custodyExtendedAt: text('custody_extended_at'),
    remandOrderedAt: text('remand_ordered_at'),
    summonsServedAt: text('summons_served_at'),
    /**
     * YYYY-MM-DD (Europe/Amsterdam) the summons is expected to be served while it is not yet: the planner
     * places the case no earlier than the summons term allows from it (art. 265 lid 1 Sv); null = now.
     */
    expectedSummonsServiceOn: text('expected_summons_service_on'),
    shortTermConsent: integer('short_term_consent', { mode: 'boolean' }).notNull().default(false),
    judgmentAt: text('judgment_at'),
    penaltyOrderDeliveredAt: text('penalty_order_delivered_at'),
    /** Co-defendants share a group code (e.g. the shared proces-verbaal number): heard on one session where possible. */
    coDefendantGroup: text('co_defendant_group'),
    /** Expected hearing time in minutes (for the session's minutes capacity); null = the modality's default. */
    estimatedMinutes: integer('estimated_minutes'),
    // A cache of the deadline engine's result (and of readiness) for sorting and filtering large
    // queues; rewritten in the same transaction as every change (server/services/cases/derived-columns.ts).
    voorgeleidingBy: text('voorgeleiding_by'),
    hearingBy: text('hearing_by'),
    hearingFrom: text('hearing_from'),
    hearingTargetBy: text('hearing_target_by'),
    // The limit that binds planning now (the voorgeleiding limit of a detained case not yet in
    // remand, else the hearing limit, else the policy target), its kind, and the queue's sort key
    // (that limit, or the end of time for cases without any, so they come last).
    nextLimit: text('next_limit'),
    nextLimitKind: text('next_limit_kind', { enum: ['voorgeleiding', 'hearing', 'target', 'none'] }).notNull().default('none'),
    queueOrder: text('queue_order').notNull().default('9999-12-31T23:59:59.999Z'),
    // Cached readiness for planning: comma-separated gap codes of shared/domain/planning-readiness.ts, '' when ready.
    planningGaps: text('planning_gaps').notNull().default(''),
    /** Cached: the moment the case will be ready (latest expected date of open preconditions); null = ready or unknown. */
    readyFrom: text('ready_from'),
    // The chain steps the monitoring measures, kept by triggers on the tables they come from (migration
    // 0009, ADR 16): first ZSM decision, first hearing that took place (Amsterdam 'YYYY-MM-DD HH:mm'),
    // first send to CJIB, first acknowledgement, last completed execution.
    zsmDecidedAt: text('zsm_decided_at'),
    firstHearingLocal: text('first_hearing_local'),
    handoffSentAt: text('handoff_sent_at'),
    cjibAcknowledgedAt: text('cjib_acknowledged_at'),
    executionCompletedAt: text('execution_completed_at'),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    index('criminal_case_status_idx').on(t.status),
    // A suspect's cases: the search index's trigger on a name change (migration 0018) and retention.
    index('criminal_case_suspect_idx').on(t.suspectId),
    // The work queue's order: nearest binding limit first (server/services/cases/work-queue.ts).
    index('criminal_case_queue_order_idx').on(t.status, t.queueOrder, t.id),
    index('criminal_case_status_unit_idx').on(t.status, t.policeUnit),
    index('criminal_case_modality_idx').on(t.modality),
    index('criminal_case_group_idx').on(t.coDefendantGroup),
    // Monitoring: intake by registration date.
    index('criminal_case_created_idx').on(t.createdAt),
    index('criminal_case_zsm_step_idx').on(t.zsmDecidedAt),
    index('criminal_case_hearing_step_idx').on(t.firstHearingLocal),
    index('criminal_case_judgment_idx').on(t.judgmentAt),
    index('criminal_case_handoff_step_idx').on(t.handoffSentAt),
    index('criminal_case_ack_step_idx').on(t.cjibAcknowledgedAt),
    index('criminal_case_execution_step_idx').on(t.executionCompletedAt),
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
    /** Why the planner (or a coordinator) put the case on this session, in Dutch. */
    explanation: text('explanation'),
    createdAt: createdAt(),
  },
  (t) => [
    index('hearing_session_status_idx').on(t.sessionId, t.status),
    index('hearing_case_idx').on(t.caseId, t.status),
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
  (t) => [index('audit_event_entity_idx').on(t.entityType, t.entityId, t.action), index('audit_event_occurred_idx').on(t.occurredAt)],
);

/** The outcome of the ZSM table for a case: who decided, when and why. A revised decision is a new row. */
export const zsmDecisions = sqliteTable(
  'zsm_decision',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    outcome: text('outcome', { enum: ZSM_OUTCOMES }).notNull(),
    otherRoute: text('other_route', { enum: OTHER_ROUTES }),
    prosecutorName: text('prosecutor_name').notNull(),
    reason: text('reason').notNull(),
    decidedAt: text('decided_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    index('zsm_decision_case_idx').on(t.caseId),
    index('zsm_decision_decided_idx').on(t.decidedAt),
    check('zsm_decision_outcome_ck', oneOf(t.outcome, ZSM_OUTCOMES)),
    check('zsm_decision_route_ck', sql`(${t.outcome} = 'other_route') = (${t.otherRoute} is not null)`),
  ],
);

/** District settings (legal readings marked 'verify', holiday-equivalent days) as JSON values. */
export const districtSettings = sqliteTable('district_setting', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
  version: version(),
});

/**
 * Slots the prosecution reserves for one modality on a future session. Unfilled slots go back to the
 * court (for filler cases) when released by hand or automatically a set number of working days before.
 */
export const reservations = sqliteTable(
  'reservation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id').notNull().references(() => courtSessions.id),
    modality: text('modality', { enum: RESERVABLE_MODALITIES }).notNull(),
    slots: integer('slots').notNull(),
    reservedBy: text('reserved_by').notNull(),
    reservedAt: text('reserved_at').notNull(),
    note: text('note'),
    /** The date from which unfilled slots are released (N working days before the session). */
    releaseDueOn: text('release_due_on').notNull(),
    releasedAt: text('released_at'),
    releasedBy: text('released_by'),
    releaseKind: text('release_kind', { enum: RESERVATION_RELEASE_KINDS }),
    /** Slots still unfilled at release (what went back to the court). */
    releasedSlots: integer('released_slots'),
    /**
     * Cases of the reserved modality already booked on the session when the reservation was made: they
     * were there before it, so they do not fill it (issue 11, item 10). 0 for reservations made before this column.
     */
    bookedBefore: integer('booked_before').notNull().default(0),
    version: version(),
  },
  (t) => [
    index('reservation_session_idx').on(t.sessionId),
    index('reservation_release_idx').on(t.releasedAt, t.releaseDueOn),
    check('reservation_modality_ck', oneOf(t.modality, RESERVABLE_MODALITIES)),
    check('reservation_slots_ck', sql`${t.slots} > 0`),
    check('reservation_release_kind_ck', sql`${t.releaseKind} is null or ${oneOf(t.releaseKind, RESERVATION_RELEASE_KINDS)}`),
  ],
);

/** What a case waits for before it can be heard (dossier, advice reports, interpreter, ...), with the expected date. */
export const casePreconditions = sqliteTable(
  'case_precondition',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    kind: text('kind', { enum: PRECONDITION_KINDS }).notNull(),
    status: text('status', { enum: PRECONDITION_STATUSES }).notNull(),
    /** YYYY-MM-DD the party expects to deliver; null = not known yet (then the case cannot be planned). */
    expectedOn: text('expected_on'),
    metOn: text('met_on'),
    note: text('note'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    uniqueIndex('case_precondition_case_kind_uq').on(t.caseId, t.kind),
    check('case_precondition_kind_ck', oneOf(t.kind, PRECONDITION_KINDS)),
    check('case_precondition_status_ck', oneOf(t.status, PRECONDITION_STATUSES)),
  ],
);

/** What happened at a hearing, recorded by the clerk: one row per hearing. */
export const hearingOutcomes = sqliteTable(
  'hearing_outcome',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hearingId: integer('hearing_id').notNull().unique().references(() => hearings.id),
    outcome: text('outcome', { enum: HEARING_OUTCOMES }).notNull(),
    suspectPresent: integer('suspect_present', { mode: 'boolean' }),
    /** Adjourned: why, and from when the case can be heard again (back in the planning queue). */
    adjournmentReason: text('adjournment_reason'),
    resumeFrom: text('resume_from'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [check('hearing_outcome_outcome_ck', oneOf(t.outcome, HEARING_OUTCOMES))],
);

/** A judgment of the politierechter, or an OM strafbeschikking; with advisory executability signals. */
export const decisions = sqliteTable(
  'decision',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    hearingId: integer('hearing_id').references(() => hearings.id),
    kind: text('kind', { enum: DECISION_KINDS }).notNull(),
    decidedAt: text('decided_at').notNull(),
    /** The judge or OvJ who decided (name as on the decision). */
    decidedBy: text('decided_by').notNull(),
    suspectPresent: integer('suspect_present', { mode: 'boolean' }),
    conditions: text('conditions'),
    /** Court -> OM: the signed judgment handed over (Wet USB norm). */
    judgmentSignedAt: text('judgment_signed_at'),
    remedy: text('remedy', { enum: REMEDIES }).notNull().default('none'),
    remedyFiledAt: text('remedy_filed_at'),
    fitForCommunityService: text('fit_for_community_service', { enum: SIGNAL_VALUES }).notNull().default('unknown'),
    fitForDetention: text('fit_for_detention', { enum: SIGNAL_VALUES }).notNull().default('unknown'),
    paymentArrangement: text('payment_arrangement', { enum: SIGNAL_VALUES }).notNull().default('unknown'),
    problematicDebts: text('problematic_debts', { enum: SIGNAL_VALUES }).notNull().default('unknown'),
    signalsNote: text('signals_note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    version: version(),
  },
  (t) => [
    index('decision_case_idx').on(t.caseId, t.kind, t.decidedAt),
    index('decision_decided_idx').on(t.decidedAt),
    check('decision_kind_ck', oneOf(t.kind, DECISION_KINDS)),
    check('decision_remedy_ck', oneOf(t.remedy, REMEDIES)),
    check('decision_signals_ck', sql`${oneOf(t.fitForCommunityService, SIGNAL_VALUES)} and ${oneOf(t.fitForDetention, SIGNAL_VALUES)} and ${oneOf(t.paymentArrangement, SIGNAL_VALUES)} and ${oneOf(t.problematicDebts, SIGNAL_VALUES)}`),
  ],
);

export const sanctions = sqliteTable(
  'sanction',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    decisionId: integer('decision_id').notNull().references(() => decisions.id),
    kind: text('kind', { enum: SANCTION_KINDS }).notNull(),
    /** Fine or compensation order, in euro cents. */
    amountCents: integer('amount_cents'),
    hours: integer('hours'),
    days: integer('days'),
    conditional: integer('conditional', { mode: 'boolean' }).notNull().default(false),
    probationMonths: integer('probation_months'),
    /** Vervangende hechtenis (days) for a fine, community service or compensation order. */
    substituteDetentionDays: integer('substitute_detention_days'),
    /** Other measure: what it is; compensation order: the victim's reference number at CJIB (no name). */
    description: text('description'),
  },
  (t) => [index('sanction_decision_idx').on(t.decisionId), check('sanction_kind_ck', oneOf(t.kind, SANCTION_KINDS))],
);

/** One per enforceable decision: its way to CJIB, with one correlation id for its whole life. */
export const cjibHandoffs = sqliteTable(
  'cjib_handoff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    decisionId: integer('decision_id').notNull().unique().references(() => decisions.id),
    correlationId: text('correlation_id').notNull().unique(),
    status: text('status', { enum: HANDOFF_STATUSES }).notNull().default('waiting'),
    /** Increases with every send after a return: CJIB answers per (correlation id, attempt). */
    attempt: integer('attempt').notNull().default(0),
    lastBatchId: integer('last_batch_id').references(() => cjibBatches.id),
    sentAt: text('sent_at'),
    acknowledgedAt: text('acknowledged_at'),
    returnedAt: text('returned_at'),
    returnCode: text('return_code'),
    returnReason: text('return_reason'),
    /** How many times CJIB returned it (the rework loop the action plan wants to see shrink). */
    returnCount: integer('return_count').notNull().default(0),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    index('cjib_handoff_status_idx').on(t.status),
    index('cjib_handoff_sent_idx').on(t.sentAt),
    index('cjib_handoff_acknowledged_idx').on(t.acknowledgedAt),
    index('cjib_handoff_returned_idx').on(t.returnedAt),
    check('cjib_handoff_status_ck', oneOf(t.status, HANDOFF_STATUSES)),
  ],
);

/** An exported batch file: re-sending the same batch writes the same file again. */
export const cjibBatches = sqliteTable('cjib_batch', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  batchUid: text('batch_uid').notNull().unique(),
  formatVersion: integer('format_version').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  decisionCount: integer('decision_count').notNull(),
  /** SHA-256 of the JSON file as first written. */
  checksum: text('checksum').notNull(),
});

export const cjibBatchItems = sqliteTable(
  'cjib_batch_item',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id').notNull().references(() => cjibBatches.id),
    handoffId: integer('handoff_id').notNull().references(() => cjibHandoffs.id),
    attempt: integer('attempt').notNull(),
  },
  (t) => [uniqueIndex('cjib_batch_item_uq').on(t.batchId, t.handoffId), index('cjib_batch_item_handoff_idx').on(t.handoffId)],
);

/** Every message read from a CJIB file, once: its key makes a re-import a no-op. */
export const cjibMessages = sqliteTable(
  'cjib_message',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageKey: text('message_key').notNull().unique(),
    kind: text('kind', { enum: CJIB_MESSAGE_KINDS }).notNull(),
    handoffId: integer('handoff_id').notNull().references(() => cjibHandoffs.id),
    attempt: integer('attempt').notNull(),
    occurredAt: text('occurred_at').notNull(),
    fileName: text('file_name').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
  },
  (t) => [index('cjib_message_handoff_idx').on(t.handoffId), check('cjib_message_kind_ck', oneOf(t.kind, CJIB_MESSAGE_KINDS))],
);

/** Execution status per sanction as CJIB reports it. */
export const sanctionExecutions = sqliteTable(
  'sanction_execution',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sanctionId: integer('sanction_id').notNull().references(() => sanctions.id),
    status: text('status', { enum: EXECUTION_STATUSES }).notNull(),
    occurredAt: text('occurred_at').notNull(),
    messageId: integer('message_id').notNull().references(() => cjibMessages.id),
  },
  (t) => [
    uniqueIndex('sanction_execution_uq').on(t.sanctionId, t.status, t.occurredAt),
    index('sanction_execution_occurred_idx').on(t.occurredAt),
    check('sanction_execution_status_ck', oneOf(t.status, EXECUTION_STATUSES)),
  ],
);

/** Binding agreements made in the four-monthly review (what, who, by when, status, evidence). */
export const reviewAgreements = sqliteTable(
  'review_agreement',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The review period it was made in, e.g. '2026-T3' (the third four-month period of 2026). */
    period: text('period').notNull(),
    what: text('what').notNull(),
    /** Who is responsible: an organisation or a role, not a private person's details. */
    owner: text('owner').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: AGREEMENT_STATUSES }).notNull().default('open'),
    evidence: text('evidence'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('review_agreement_period_idx').on(t.period), check('review_agreement_status_ck', oneOf(t.status, AGREEMENT_STATUSES))],
);

/** Signals from the work floor (knelpunten): who raised them, and what was done. */
export const workSignals = sqliteTable(
  'work_signal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    raisedOn: text('raised_on').notNull(),
    /** Who raised it: a role or team ('griffie Hanzestad'), kept minimal. */
    raisedBy: text('raised_by').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: SIGNAL_STATUSES }).notNull().default('open'),
    actionTaken: text('action_taken'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('work_signal_raised_idx').on(t.raisedOn), check('work_signal_status_ck', oneOf(t.status, SIGNAL_STATUSES))],
);

/**
 * The answers to writes, by the request id their caller chose (Idempotency-Key): the same request sent
 * again gets the first answer and changes nothing. Written in the same transaction as the write; kept
 * at least 7 days. `answer` is null only when the process stopped between the commit and storing it.
 */
export const processedRequests = sqliteTable('processed_request', {
  requestId: text('request_id').primaryKey(),
  operation: text('operation').notNull(),
  inputHash: text('input_hash').notNull(),
  answer: text('answer', { mode: 'json' }),
  actor: text('actor').notNull(),
  processedAt: text('processed_at').notNull(),
}, (t) => [index('processed_request_processed_at_idx').on(t.processedAt)]);

/**
 * Notifications marked done (issue 15, item 7). Notifications themselves are derived from the data on
 * every read (server/services/notifications); only the "done" mark is stored, per key (kind, entity,
 * moment), so a new deadline of the same case notifies again.
 */
export const notificationDone = sqliteTable('notification_done', {
  key: text('key').primaryKey(),
  doneBy: text('done_by').notNull(),
  doneAt: text('done_at').notNull(),
  reason: text('reason'),
});

/**
 * Reads of personal data (issue 13 item 5; docs/disclosures.md): one row per case whose suspect's data
 * an operation disclosed (shared/api/disclosures.ts says which operations do), written by the api
 * handler after the read. Ids only, never a copy of the data. `request_id` makes a resend of the same
 * read record nothing new. Removed after the district's term (setting 'disclosures.logTerm'), audited.
 */
export const personalDataRead = sqliteTable('personal_data_read', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  readAt: text('read_at').notNull(),
  actor: text('actor').notNull(),
  /** JSON array of the actor's roles at the moment of the read. */
  roles: text('roles', { mode: 'json' }).notNull().$type<string[]>(),
  operation: text('operation').notNull(),
  /** The case disclosed; deliberately no foreign key: the trace outlives any change to the case. */
  caseId: integer('case_id').notNull(),
  requestId: text('request_id'),
}, (t) => [
  index('personal_data_read_read_at_idx').on(t.readAt),
  index('personal_data_read_case_idx').on(t.caseId, t.readAt),
  index('personal_data_read_actor_idx').on(t.actor, t.readAt),
  uniqueIndex('personal_data_read_request_case_idx').on(t.requestId, t.caseId),
]);
