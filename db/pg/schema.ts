// GENERATED from db/schema.ts by scripts/db/generate-pg-schema.ts: do not edit by hand.
// Change db/schema.ts (with its SQLite migration), then run `npm run db:pg-schema` and `npm run db:generate:pg`.
// The type mapping and why instants stay text: scripts/db/pg-schema-source.ts and ADR 25.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jsonText } from './columns';

export const auditEvents = pgTable(
  'audit_event',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    occurredAt: text('occurred_at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    reason: text('reason'),
    details: jsonText('details'),
  },
  (t) => [
    index('audit_event_entity_idx').on(t.entityType, t.entityId, t.action),
    index('audit_event_occurred_idx').on(t.occurredAt),
  ],
);

export const casePreconditions = pgTable(
  'case_precondition',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    kind: text('kind', { enum: ['dossier', 'advice_3ro', 'advice_nifp', 'advice_nfi', 'advice_rvdk', 'advice_shn', 'interpreter', 'lawyer_informed', 'victim_informed'] }).notNull(),
    status: text('status', { enum: ['pending', 'met', 'not_needed'] }).notNull(),
    expectedOn: text('expected_on'),
    metOn: text('met_on'),
    note: text('note'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    uniqueIndex('case_precondition_case_kind_uq').on(t.caseId, t.kind),
    check('case_precondition_kind_ck', sql`${t.kind} in ('dossier', 'advice_3ro', 'advice_nifp', 'advice_nfi', 'advice_rvdk', 'advice_shn', 'interpreter', 'lawyer_informed', 'victim_informed')`),
    check('case_precondition_status_ck', sql`${t.status} in ('pending', 'met', 'not_needed')`),
  ],
);

export const cjibBatchItems = pgTable(
  'cjib_batch_item',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    batchId: integer('batch_id').notNull().references(() => cjibBatches.id),
    handoffId: integer('handoff_id').notNull().references(() => cjibHandoffs.id),
    attempt: integer('attempt').notNull(),
  },
  (t) => [
    uniqueIndex('cjib_batch_item_uq').on(t.batchId, t.handoffId),
    index('cjib_batch_item_handoff_idx').on(t.handoffId),
  ],
);

export const cjibBatches = pgTable('cjib_batch', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  batchUid: text('batch_uid').notNull().unique('cjib_batch_batch_uid_unique'),
  formatVersion: integer('format_version').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  decisionCount: integer('decision_count').notNull(),
  checksum: text('checksum').notNull(),
});

export const cjibHandoffs = pgTable(
  'cjib_handoff',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    decisionId: integer('decision_id').notNull().unique('cjib_handoff_decision_id_unique').references(() => decisions.id),
    correlationId: text('correlation_id').notNull().unique('cjib_handoff_correlation_id_unique'),
    status: text('status', { enum: ['waiting', 'sent', 'acknowledged', 'returned'] }).notNull().default('waiting'),
    attempt: integer('attempt').notNull().default(0),
    lastBatchId: integer('last_batch_id').references(() => cjibBatches.id),
    sentAt: text('sent_at'),
    acknowledgedAt: text('acknowledged_at'),
    returnedAt: text('returned_at'),
    returnCode: text('return_code'),
    returnReason: text('return_reason'),
    returnCount: integer('return_count').notNull().default(0),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('cjib_handoff_status_idx').on(t.status),
    index('cjib_handoff_sent_idx').on(t.sentAt),
    index('cjib_handoff_acknowledged_idx').on(t.acknowledgedAt),
    index('cjib_handoff_returned_idx').on(t.returnedAt),
    check('cjib_handoff_status_ck', sql`${t.status} in ('waiting', 'sent', 'acknowledged', 'returned')`),
  ],
);

export const cjibMessages = pgTable(
  'cjib_message',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    messageKey: text('message_key').notNull().unique('cjib_message_message_key_unique'),
    kind: text('kind', { enum: ['ack', 'return', 'execution'] }).notNull(),
    handoffId: integer('handoff_id').notNull().references(() => cjibHandoffs.id),
    attempt: integer('attempt').notNull(),
    occurredAt: text('occurred_at').notNull(),
    fileName: text('file_name').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    payload: jsonText('payload').notNull(),
  },
  (t) => [
    index('cjib_message_handoff_idx').on(t.handoffId),
    check('cjib_message_kind_ck', sql`${t.kind} in ('ack', 'return', 'execution')`),
  ],
);

export const courtLocations = pgTable('court_location', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  districtId: integer('district_id').notNull().references(() => districts.id),
  name: text('name').notNull(),
  city: text('city').notNull(),
});

export const courtSessions = pgTable(
  'court_session',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    courtroomId: integer('courtroom_id').notNull().references(() => courtrooms.id),
    date: text('date').notNull(),
    daypart: text('daypart', { enum: ['morning', 'afternoon', 'full_day'] }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    sessionType: text('session_type', { enum: ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed'] }).notNull(),
    capacitySlots: integer('capacity_slots').notNull(),
    capacityMinutes: integer('capacity_minutes').notNull(),
    acceptedModalities: text('accepted_modalities').notNull().default(''),
    acceptedFillerKinds: text('accepted_filler_kinds').notNull().default(''),
    acceptsMinors: boolean('accepts_minors').notNull().default(false),
    overbookingSlots: integer('overbooking_slots').notNull().default(0),
    judgeId: integer('judge_id').references(() => persons.id),
    prosecutorId: integer('prosecutor_id').references(() => persons.id),
    templateId: integer('template_id').references(() => sessionTemplates.id),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('court_session_room_date_daypart_uq').on(t.courtroomId, t.date, t.daypart),
    index('court_session_date_idx').on(t.date),
    index('court_session_template_idx').on(t.templateId, t.date),
    check('court_session_daypart_ck', sql`${t.daypart} in ('morning', 'afternoon', 'full_day')`),
    check('court_session_type_ck', sql`${t.sessionType} in ('supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed')`),
    check('court_session_status_ck', sql`${t.status} in ('scheduled', 'cancelled')`),
    check('court_session_capacity_ck', sql`${t.capacitySlots} >= 0 and ${t.capacityMinutes} >= 0 and ${t.overbookingSlots} >= 0`),
  ],
);

export const courtrooms = pgTable(
  'courtroom',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    locationId: integer('location_id').notNull().references(() => courtLocations.id),
    name: text('name').notNull(),
  },
  (t) => [
    uniqueIndex('courtroom_location_name_uq').on(t.locationId, t.name),
  ],
);

export const criminalCases = pgTable(
  'criminal_case',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parketnummer: text('parketnummer').notNull().unique('criminal_case_parketnummer_unique'),
    suspectId: integer('suspect_id').notNull().references(() => suspects.id),
    modality: text('modality', { enum: ['zsm', 'supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler'] }).notNull(),
    fillerKind: text('filler_kind', { enum: ['older_case', 'verzet', 'vtl', 'summoned_suspect', 'stock_case', 'adjourned_case'] }),
    status: text('status', { enum: ['intake', 'zsm_decided', 'awaiting_planning', 'planned', 'heard', 'decided', 'adjourned', 'handed_to_cjib', 'in_execution', 'completed', 'returned_from_cjib', 'withdrawn'] }).notNull().default('intake'),
    policeUnit: text('police_unit').notNull(),
    offenceSummary: text('offence_summary').notNull(),
    offenceAt: text('offence_at'),
    arrestedAt: text('arrested_at'),
    custodyOrderedAt: text('custody_ordered_at'),
    custodyExtendedAt: text('custody_extended_at'),
    remandOrderedAt: text('remand_ordered_at'),
    summonsServedAt: text('summons_served_at'),
    expectedSummonsServiceOn: text('expected_summons_service_on'),
    shortTermConsent: boolean('short_term_consent').notNull().default(false),
    judgmentAt: text('judgment_at'),
    penaltyOrderDeliveredAt: text('penalty_order_delivered_at'),
    coDefendantGroup: text('co_defendant_group'),
    estimatedMinutes: integer('estimated_minutes'),
    voorgeleidingBy: text('voorgeleiding_by'),
    hearingBy: text('hearing_by'),
    hearingFrom: text('hearing_from'),
    hearingTargetBy: text('hearing_target_by'),
    nextLimit: text('next_limit'),
    nextLimitKind: text('next_limit_kind', { enum: ['voorgeleiding', 'hearing', 'target', 'none'] }).notNull().default('none'),
    queueOrder: text('queue_order').notNull().default('9999-12-31T23:59:59.999Z'),
    planningGaps: text('planning_gaps').notNull().default(''),
    readyFrom: text('ready_from'),
    zsmDecidedAt: text('zsm_decided_at'),
    firstHearingLocal: text('first_hearing_local'),
    handoffSentAt: text('handoff_sent_at'),
    cjibAcknowledgedAt: text('cjib_acknowledged_at'),
    executionCompletedAt: text('execution_completed_at'),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('criminal_case_status_idx').on(t.status),
    index('criminal_case_suspect_idx').on(t.suspectId),
    index('criminal_case_queue_order_idx').on(t.status, t.queueOrder, t.id),
    index('criminal_case_status_unit_idx').on(t.status, t.policeUnit),
    index('criminal_case_modality_idx').on(t.modality),
    index('criminal_case_group_idx').on(t.coDefendantGroup),
    index('criminal_case_created_idx').on(t.createdAt),
    index('criminal_case_zsm_step_idx').on(t.zsmDecidedAt),
    index('criminal_case_hearing_step_idx').on(t.firstHearingLocal),
    index('criminal_case_judgment_idx').on(t.judgmentAt),
    index('criminal_case_handoff_step_idx').on(t.handoffSentAt),
    index('criminal_case_ack_step_idx').on(t.cjibAcknowledgedAt),
    index('criminal_case_execution_step_idx').on(t.executionCompletedAt),
    check('criminal_case_modality_ck', sql`${t.modality} in ('zsm', 'supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler')`),
    check('criminal_case_status_ck', sql`${t.status} in ('intake', 'zsm_decided', 'awaiting_planning', 'planned', 'heard', 'decided', 'adjourned', 'handed_to_cjib', 'in_execution', 'completed', 'returned_from_cjib', 'withdrawn')`),
    check('criminal_case_filler_kind_ck', sql`${t.fillerKind} is null or ${t.fillerKind} in ('older_case', 'verzet', 'vtl', 'summoned_suspect', 'stock_case', 'adjourned_case')`),
  ],
);

export const decisions = pgTable(
  'decision',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    hearingId: integer('hearing_id').references(() => hearings.id),
    kind: text('kind', { enum: ['judgment', 'penalty_order'] }).notNull(),
    decidedAt: text('decided_at').notNull(),
    decidedBy: text('decided_by').notNull(),
    suspectPresent: boolean('suspect_present'),
    conditions: text('conditions'),
    judgmentSignedAt: text('judgment_signed_at'),
    remedy: text('remedy', { enum: ['none', 'appeal', 'verzet'] }).notNull().default('none'),
    remedyFiledAt: text('remedy_filed_at'),
    fitForCommunityService: text('fit_for_community_service', { enum: ['yes', 'no', 'unknown'] }).notNull().default('unknown'),
    fitForDetention: text('fit_for_detention', { enum: ['yes', 'no', 'unknown'] }).notNull().default('unknown'),
    paymentArrangement: text('payment_arrangement', { enum: ['yes', 'no', 'unknown'] }).notNull().default('unknown'),
    problematicDebts: text('problematic_debts', { enum: ['yes', 'no', 'unknown'] }).notNull().default('unknown'),
    signalsNote: text('signals_note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('decision_case_idx').on(t.caseId, t.kind, t.decidedAt),
    index('decision_decided_idx').on(t.decidedAt),
    check('decision_kind_ck', sql`${t.kind} in ('judgment', 'penalty_order')`),
    check('decision_remedy_ck', sql`${t.remedy} in ('none', 'appeal', 'verzet')`),
    check('decision_signals_ck', sql`${t.fitForCommunityService} in ('yes', 'no', 'unknown') and ${t.fitForDetention} in ('yes', 'no', 'unknown') and ${t.paymentArrangement} in ('yes', 'no', 'unknown') and ${t.problematicDebts} in ('yes', 'no', 'unknown')`),
  ],
);

export const districtSettings = pgTable('district_setting', {
  key: text('key').primaryKey(),
  value: jsonText('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
  version: integer('version').notNull().default(1),
});

export const districts = pgTable('district', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique('district_code_unique'),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
});

export const hearingOutcomes = pgTable(
  'hearing_outcome',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    hearingId: integer('hearing_id').notNull().unique('hearing_outcome_hearing_id_unique').references(() => hearings.id),
    outcome: text('outcome', { enum: ['decided', 'adjourned', 'not_appeared', 'withdrawn'] }).notNull(),
    suspectPresent: boolean('suspect_present'),
    adjournmentReason: text('adjournment_reason'),
    resumeFrom: text('resume_from'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    check('hearing_outcome_outcome_ck', sql`${t.outcome} in ('decided', 'adjourned', 'not_appeared', 'withdrawn')`),
  ],
);

export const hearings = pgTable(
  'hearing',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    sessionId: integer('session_id').notNull().references(() => courtSessions.id),
    status: text('status', { enum: ['planned', 'held', 'adjourned', 'cancelled'] }).notNull().default('planned'),
    pinned: boolean('pinned').notNull().default(false),
    explanation: text('explanation'),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  },
  (t) => [
    index('hearing_session_status_idx').on(t.sessionId, t.status),
    index('hearing_case_idx').on(t.caseId, t.status),
    check('hearing_status_ck', sql`${t.status} in ('planned', 'held', 'adjourned', 'cancelled')`),
  ],
);

export const locationClosures = pgTable(
  'location_closure',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    locationId: integer('location_id').notNull().references(() => courtLocations.id),
    date: text('date').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  },
  (t) => [
    uniqueIndex('location_closure_location_date_uq').on(t.locationId, t.date),
  ],
);

export const notificationDone = pgTable('notification_done', {
  key: text('key').primaryKey(),
  doneBy: text('done_by').notNull(),
  doneAt: text('done_at').notNull(),
  reason: text('reason'),
});

export const personUnavailability = pgTable(
  'person_unavailability',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    personId: integer('person_id').notNull().references(() => persons.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  },
  (t) => [
    index('person_unavailability_person_idx').on(t.personId, t.fromDate),
    check('person_unavailability_range_ck', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);

export const personalDataRead = pgTable(
  'personal_data_read',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    readAt: text('read_at').notNull(),
    actor: text('actor').notNull(),
    roles: jsonText('roles').notNull(),
    operation: text('operation').notNull(),
    caseId: integer('case_id').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('personal_data_read_read_at_idx').on(t.readAt),
    index('personal_data_read_case_idx').on(t.caseId, t.readAt),
    index('personal_data_read_actor_idx').on(t.actor, t.readAt),
    uniqueIndex('personal_data_read_request_case_idx').on(t.requestId, t.caseId),
  ],
);

export const persons = pgTable(
  'person',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    role: text('role', { enum: ['politierechter', 'rc_politierechter', 'ovj'] }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('person_name_role_uq').on(t.name, t.role),
    check('person_role_ck', sql`${t.role} in ('politierechter', 'rc_politierechter', 'ovj')`),
  ],
);

export const processedRequests = pgTable(
  'processed_request',
  {
    requestId: text('request_id').primaryKey(),
    operation: text('operation').notNull(),
    inputHash: text('input_hash').notNull(),
    answer: jsonText('answer'),
    actor: text('actor').notNull(),
    processedAt: text('processed_at').notNull(),
  },
  (t) => [
    index('processed_request_processed_at_idx').on(t.processedAt),
  ],
);

export const reservations = pgTable(
  'reservation',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    sessionId: integer('session_id').notNull().references(() => courtSessions.id),
    modality: text('modality', { enum: ['supersnelrecht', 'snelrecht', 'snelrecht_nd'] }).notNull(),
    slots: integer('slots').notNull(),
    reservedBy: text('reserved_by').notNull(),
    reservedAt: text('reserved_at').notNull(),
    note: text('note'),
    releaseDueOn: text('release_due_on').notNull(),
    releasedAt: text('released_at'),
    releasedBy: text('released_by'),
    releaseKind: text('release_kind', { enum: ['manual', 'auto'] }),
    releasedSlots: integer('released_slots'),
    bookedBefore: integer('booked_before').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('reservation_session_idx').on(t.sessionId),
    index('reservation_release_idx').on(t.releasedAt, t.releaseDueOn),
    check('reservation_modality_ck', sql`${t.modality} in ('supersnelrecht', 'snelrecht', 'snelrecht_nd')`),
    check('reservation_slots_ck', sql`${t.slots} > 0`),
    check('reservation_release_kind_ck', sql`${t.releaseKind} is null or ${t.releaseKind} in ('manual', 'auto')`),
  ],
);

export const reviewAgreements = pgTable(
  'review_agreement',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    period: text('period').notNull(),
    what: text('what').notNull(),
    owner: text('owner').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'done', 'dropped'] }).notNull().default('open'),
    evidence: text('evidence'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('review_agreement_period_idx').on(t.period),
    check('review_agreement_status_ck', sql`${t.status} in ('open', 'in_progress', 'done', 'dropped')`),
  ],
);

export const sanctionExecutions = pgTable(
  'sanction_execution',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    sanctionId: integer('sanction_id').notNull().references(() => sanctions.id),
    status: text('status', { enum: ['fine_paid_in_full', 'fine_paid_by_arrangement', 'fine_collection_stopped', 'community_service_started', 'community_service_completed', 'community_service_failed', 'custodial_self_reported', 'custodial_arrested', 'custodial_served'] }).notNull(),
    occurredAt: text('occurred_at').notNull(),
    messageId: integer('message_id').notNull().references(() => cjibMessages.id),
  },
  (t) => [
    uniqueIndex('sanction_execution_uq').on(t.sanctionId, t.status, t.occurredAt),
    index('sanction_execution_occurred_idx').on(t.occurredAt),
    check('sanction_execution_status_ck', sql`${t.status} in ('fine_paid_in_full', 'fine_paid_by_arrangement', 'fine_collection_stopped', 'community_service_started', 'community_service_completed', 'community_service_failed', 'custodial_self_reported', 'custodial_arrested', 'custodial_served')`),
  ],
);

export const sanctions = pgTable(
  'sanction',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    decisionId: integer('decision_id').notNull().references(() => decisions.id),
    kind: text('kind', { enum: ['fine', 'community_service', 'custodial', 'compensation_order', 'other_measure'] }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    hours: integer('hours'),
    days: integer('days'),
    conditional: boolean('conditional').notNull().default(false),
    probationMonths: integer('probation_months'),
    substituteDetentionDays: integer('substitute_detention_days'),
    description: text('description'),
  },
  (t) => [
    index('sanction_decision_idx').on(t.decisionId),
    check('sanction_kind_ck', sql`${t.kind} in ('fine', 'community_service', 'custodial', 'compensation_order', 'other_measure')`),
  ],
);

export const sessionTemplates = pgTable(
  'session_template',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    courtroomId: integer('courtroom_id').notNull().references(() => courtrooms.id),
    name: text('name').notNull(),
    weekdays: text('weekdays').notNull(),
    daypart: text('daypart', { enum: ['morning', 'afternoon', 'full_day'] }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    sessionType: text('session_type', { enum: ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed'] }).notNull(),
    capacitySlots: integer('capacity_slots').notNull(),
    capacityMinutes: integer('capacity_minutes').notNull(),
    acceptedModalities: text('accepted_modalities').notNull(),
    acceptedFillerKinds: text('accepted_filler_kinds').notNull().default(''),
    acceptsMinors: boolean('accepts_minors').notNull().default(false),
    overbookingSlots: integer('overbooking_slots').notNull().default(0),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    active: boolean('active').notNull().default(true),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('session_template_daypart_ck', sql`${t.daypart} in ('morning', 'afternoon', 'full_day')`),
    check('session_template_type_ck', sql`${t.sessionType} in ('supersnelrecht', 'snelrecht', 'snelrecht_nd', 'mixed')`),
    check('session_template_capacity_ck', sql`${t.capacitySlots} >= 0 and ${t.capacityMinutes} >= 0 and ${t.overbookingSlots} >= 0`),
  ],
);

export const suspects = pgTable('suspect', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  fullName: text('full_name').notNull(),
  dateOfBirth: text('date_of_birth').notNull(),
  summonsAddress: text('summons_address'),
  lawyerName: text('lawyer_name'),
  version: integer('version').notNull().default(1),
});

export const workSignals = pgTable(
  'work_signal',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    raisedOn: text('raised_on').notNull(),
    raisedBy: text('raised_by').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'resolved', 'not_taken_up'] }).notNull().default('open'),
    actionTaken: text('action_taken'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('work_signal_raised_idx').on(t.raisedOn),
    check('work_signal_status_ck', sql`${t.status} in ('open', 'in_progress', 'resolved', 'not_taken_up')`),
  ],
);

export const zsmDecisions = pgTable(
  'zsm_decision',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id').notNull().references(() => criminalCases.id),
    outcome: text('outcome', { enum: ['strafbeschikking', 'sepot', 'summons_supersnelrecht', 'summons_snelrecht', 'summons_snelrecht_nd', 'other_route'] }).notNull(),
    otherRoute: text('other_route', { enum: ['halt', 'zorg_en_veiligheidshuis', 'wijkagent', 'reclassering_vroeghulp', 'overig'] }),
    prosecutorName: text('prosecutor_name').notNull(),
    reason: text('reason').notNull(),
    decidedAt: text('decided_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    index('zsm_decision_case_idx').on(t.caseId),
    index('zsm_decision_decided_idx').on(t.decidedAt),
    check('zsm_decision_outcome_ck', sql`${t.outcome} in ('strafbeschikking', 'sepot', 'summons_supersnelrecht', 'summons_snelrecht', 'summons_snelrecht_nd', 'other_route')`),
    check('zsm_decision_route_ck', sql`(${t.outcome} = 'other_route') = (${t.otherRoute} is not null)`),
  ],
);
