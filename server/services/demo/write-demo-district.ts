import type { AppDatabase } from '../../../db/open-database';
import { DEFAULT_ACCEPTED_MODALITIES, serializeList } from '../../../shared/domain/session';
import { DAYPART_LABELS, SESSION_TYPE_LABELS } from '../../../shared/capacity/capacity-labels';
import { DEMO_AGREEMENTS, DEMO_JUDGES, DEMO_PROSECUTORS, DEMO_SESSION_PATTERN, DEMO_SIGNALS } from './demo-blueprint';
import { addDays } from '../../../shared/calendar/local-date';
import { previousReviewPeriod, reviewPeriodOf, reviewPeriodRange } from '../../../shared/metrics/review-period';
import type { DemoDecision } from './demo-chain';
import { caseTimeline, type DemoEntity, type DemoIds, type HearingSlot } from './demo-timeline';
import { derivedColumns } from '../cases/derived-columns';
import { loadDeadlineContext, type DeadlineContext } from '../settings/district-settings';
import { ServiceError } from '../service-error';
import { BATCH_FORMAT_VERSION, buildBatch } from '../../../shared/cjib/batch-format';
import { batchFiles } from '../cjib/export-files';
import { batchDecisionSource } from '../cjib/export-sources';
import { evaluateHandoff, handoffDeadlines, loadHandoffFacts, type HandoffFacts } from '../cjib/queue-facts';
import type { DemoCase, DemoDistrict } from './generate-demo-district';
import { inTransaction, sqlRow } from '../context/query-results';

export const DEMO_ACTOR = 'demo-generator';

export interface DemoWriteSummary {
  districtName: string;
  sessions: number;
  cases: number;
  events: number;
}

type Statements = ReturnType<typeof prepareStatements>;

const ALREADY_A_DISTRICT = 'Dit databasebestand bevat al een arrondissement; de demo wordt alleen in een lege database geladen.';

/**
 * Writes a generated demo district into an empty database, all or nothing. Prepared statements in
 * one transaction, with the ids given here (the tables are empty), so a ten-year history of 100,000
 * cases and a million audit rows writes in seconds. `now` stamps the audit row of loading it.
 */
export async function writeDemoDistrict(db: AppDatabase, demo: DemoDistrict, now: Date): Promise<DemoWriteSummary> {
  const context = await loadDeadlineContext(db);
  const sqlite = db.$client;
  const write = () => inTransaction(db, async (): Promise<DemoWriteSummary> => {
    if (await sqlRow(sqlite, 'select id from district limit 1')) {
      throw new ServiceError('CONFLICT', ALREADY_A_DISTRICT);
    }
    const st = prepareStatements(db);
    const audit = (at: string, action: string, entityType: string, entityId: number, reason: string | null, details: unknown) =>
      st.audit.run(at, DEMO_ACTOR, action, entityType, entityId, reason, details === null ? null : JSON.stringify(details));

    const districtId = Number(st.district.run(demo.district.code, demo.district.name).lastInsertRowid);
    audit(now.toISOString(), 'district.created', 'district', districtId, null, { demo: demo.options });
    const roomIds = demo.locations.map((location) => {
      const locationId = Number(st.location.run(districtId, location.name, location.city).lastInsertRowid);
      return location.rooms.map((room) => Number(st.room.run(locationId, room).lastInsertRowid));
    });
    const personId = new Map<string, number>();
    for (const [names, role] of [[DEMO_JUDGES, 'politierechter'], [DEMO_PROSECUTORS, 'ovj']] as const) {
      for (const name of names) personId.set(name, Number(st.person.run(name, role).lastInsertRowid));
    }
    const firstDate = demo.sessions[0]?.date ?? demo.options.asOf;
    const templateIds = DEMO_SESSION_PATTERN.map((pattern, index) => {
      const sample = demo.sessions.find((s) => s.pattern === index);
      return Number(
        st.template.run(
          roomIds[pattern.location]![pattern.room]!,
          `${SESSION_TYPE_LABELS[pattern.sessionType]}, ${DAYPART_LABELS[pattern.daypart]}${pattern.acceptsMinors ? ', ook minderjarigen' : ''}`,
          pattern.weekdays.join(','),
          pattern.daypart,
          pattern.startTime,
          pattern.endTime,
          pattern.sessionType,
          sample?.capacitySlots ?? 1,
          sample?.capacityMinutes ?? pattern.minutesPerSlot,
          serializeList(DEFAULT_ACCEPTED_MODALITIES[pattern.sessionType]),
          pattern.acceptsMinors ? 1 : 0,
          firstDate,
        ).lastInsertRowid,
      );
    });
    const sessionIds = demo.sessions.map((s) =>
      Number(
        st.session.run(
          roomIds[s.location]![s.room]!,
          s.date,
          s.daypart,
          s.startTime,
          s.endTime,
          s.sessionType,
          s.capacitySlots,
          s.capacityMinutes,
          serializeList(DEFAULT_ACCEPTED_MODALITIES[s.sessionType]),
          s.acceptsMinors ? 1 : 0,
          templateIds[s.pattern]!,
          s.judgeName === null ? null : personId.get(s.judgeName)!,
          s.prosecutorName === null ? null : personId.get(s.prosecutorName)!,
        ).lastInsertRowid,
      ),
    );

    const next = await nextIds(db);
    const batches = createBatches(st, demo);
    let events = 1;
    for (const demoCase of demo.cases) events += writeCase(st, context, demoCase, demo, sessionIds, next, audit, batches);
    events += await completeBatches(db, st, context, demo, batches, audit);
    // The full demo (with the chain after the hearing) also has the register of the last review.
    if (demo.options.chain) {
      writeReviewRegister(sqlite, demo.options.asOf, audit);
      events += DEMO_AGREEMENTS.length + DEMO_SIGNALS.length;
    }
    return { districtName: demo.district.name, sessions: sessionIds.length, cases: demo.cases.length, events };
  });
  // A large history updates the audit indexes in time order, not insertion order: a bigger page
  // cache for this connection keeps that in memory.
  // Refused before anything engine-specific: the district server's database answers the same.
  if (await sqlRow(sqlite, 'select id from district limit 1')) throw new ServiceError('CONFLICT', ALREADY_A_DISTRICT);
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-Math.max(64_000, Math.min(512_000, demo.cases.length * 4))}`);
  try {
    return await write();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

type Audit = (at: string, action: string, entityType: string, entityId: number, reason: string | null, details: unknown) => void;
type NextIds = Record<'suspect' | 'case' | 'hearing' | 'decision' | 'sanction' | 'handoff' | 'message', number>;

async function nextIds(db: AppDatabase): Promise<NextIds> {
  const max = async (table: string) => (await sqlRow(db.$client, `select coalesce(max(id), 0) + 1 as n from ${table}`) as { n: number }).n;
  return {
    suspect: await max('suspect'),
    case: await max('criminal_case'),
    hearing: await max('hearing'),
    decision: await max('decision'),
    sanction: await max('sanction'),
    handoff: await max('cjib_handoff'),
    message: await max('cjib_message'),
  };
}

function writeCase(st: Statements, context: DeadlineContext, c: DemoCase, demo: DemoDistrict, sessionIds: number[], next: NextIds, audit: Audit, batches: DemoBatches): number {
  const suspectId = next.suspect++;
  st.suspect.run(suspectId, c.suspect.fullName, c.suspect.dateOfBirth, c.suspect.summonsAddress, c.suspect.lawyerName);
  const caseId = next.case++;
  const d = c.decision;
  const judgmentAt = d?.kind === 'judgment' ? d.decidedAt : null;
  const penaltyOrderDeliveredAt = d?.kind === 'penalty_order' ? d.deliveredAt : null;
  const resumeFrom = c.hearing?.outcome?.resumeFrom ?? null;
  const hearingTookPlace = c.hearing?.outcome?.outcome === 'decided' || c.hearing?.outcome?.outcome === 'adjourned';
  const derived = derivedColumns({ ...c, custodyExtendedAt: null, judgmentAt, penaltyOrderDeliveredAt }, context, Object.assign([], { resumeFrom, hearingTookPlace }));
  st.criminalCase.run(
    caseId, c.parketnummer, suspectId, c.modality, c.fillerKind, c.status, c.policeUnit, c.offenceSummary, c.offenceAt, c.arrestedAt,
    c.custodyOrderedAt, c.remandOrderedAt, c.summonsServedAt, c.shortTermConsent ? 1 : 0, judgmentAt, penaltyOrderDeliveredAt,
    derived.voorgeleidingBy, derived.hearingBy, derived.hearingFrom, derived.hearingTargetBy, derived.nextLimit, derived.nextLimitKind,
    derived.queueOrder, derived.planningGaps, derived.readyFrom, c.createdAt,
  );
  if (c.zsmDecision) {
    const z = c.zsmDecision;
    st.zsm.run(caseId, z.outcome, z.otherRoute, z.prosecutorName, z.reason, z.decidedAt, DEMO_ACTOR);
  }

  const hearingIds: Partial<Record<HearingSlot, number>> = {};
  const writeHearing = (slot: HearingSlot, sessionIndex: number, status: string, createdAt: string) => {
    const id = next.hearing++;
    hearingIds[slot] = id;
    st.hearing.run(id, caseId, sessionIds[sessionIndex]!, status, createdAt);
  };
  for (const [slot, h] of [['first', c.hearing], ['rehearing', c.rehearing]] as const) {
    if (!h) continue;
    if (h.movedFrom) writeHearing('moved', h.movedFrom.session, 'cancelled', h.plannedAt);
    writeHearing(slot, h.session, h.status, h.movedFrom?.movedAt ?? h.plannedAt);
    const o = h.outcome;
    if (o) st.outcome.run(hearingIds[slot]!, o.outcome, o.suspectPresent ? 1 : 0, o.adjournmentReason, o.resumeFrom, DEMO_ACTOR, o.recordedAt);
  }

  const decisionId = d ? next.decision++ : 0;
  const sanctionIds: number[] = [];
  let handoffId = 0;
  if (d) {
    const hearingId = d.kind === 'judgment' ? (hearingIds.rehearing ?? hearingIds.first ?? null) : null;
    st.decision.run(decisionId, caseId, hearingId, d.kind, d.decidedAt, d.decidedBy, d.suspectPresent === null ? null : d.suspectPresent ? 1 : 0, d.judgmentSignedAt, d.remedy, d.remedyFiledAt, DEMO_ACTOR, d.recordedAt);
    for (const s of d.sanctions) {
      const id = next.sanction++;
      sanctionIds.push(id);
      st.sanction.run(id, decisionId, s.kind, s.amountCents, s.hours, s.days, s.conditional ? 1 : 0, s.probationMonths, s.substituteDetentionDays, s.description);
    }
    if (d.handoff) handoffId = writeHandoff(st, d, decisionId, sanctionIds, next, batches);
  }

  const ids: DemoIds = {
    caseId,
    hearingId: (slot) => hearingIds[slot] ?? 0,
    sessionId: (index) => sessionIds[index]!,
    decisionId,
    handoffId,
    sanctionId: (index) => sanctionIds[index] ?? 0,
  };
  const entityOf = (e: DemoEntity): [string, number] => {
    switch (e.kind) {
      case 'case':
        return ['case', caseId];
      case 'hearing':
        return ['hearing', ids.hearingId(e.which)];
      case 'decision':
        return ['decision', decisionId];
      case 'handoff':
        return ['cjib_handoff', handoffId];
      case 'sanction':
        return ['sanction', ids.sanctionId(e.index)];
    }
  };
  const { events } = caseTimeline(c, demo.sessions, ids);
  for (const e of events) {
    const [type, id] = entityOf(e.entity);
    audit(e.at, e.action, type, id, e.reason, e.details);
  }
  return events.length;
}

/** The demo's batches by id: their row and the hand-offs (with attempt) they carried. */
type DemoBatches = Map<string, { id: number; createdAt: string; items: { handoffId: number; attempt: number }[] }>;

/**
 * A row for every batch the demo's sends went in (one per batch moment, demo-chain.ts), in time order;
 * the count and checksum follow once its decisions are written (completeBatches).
 */
function createBatches(st: Statements, demo: DemoDistrict): DemoBatches {
  const moments = new Map<string, string>();
  for (const c of demo.cases) for (const send of c.decision?.handoff?.sends ?? []) moments.set(send.batchUid, send.sentAt);
  const batches: DemoBatches = new Map();
  for (const [batchUid, createdAt] of [...moments].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))) {
    const id = Number(st.batch.run(batchUid, BATCH_FORMAT_VERSION, createdAt, DEMO_ACTOR, 0, '').lastInsertRowid);
    batches.set(batchUid, { id, createdAt, items: [] });
  }
  return batches;
}

/**
 * Each batch's decision count and the checksum of its JSON file, built from the written decisions with
 * the export's own builder (so 'opnieuw downloaden' gives the same bytes), and its audit row.
 */
async function completeBatches(db: AppDatabase, st: Statements, context: DeadlineContext, demo: DemoDistrict, batches: DemoBatches, audit: Audit): Promise<number> {
  const facts = new Map<number, HandoffFacts>();
  const handoffIds = [...new Set([...batches.values()].flatMap((b) => b.items.map((i) => i.handoffId)))];
  for (let i = 0; i < handoffIds.length; i += 500) {
    for (const f of await loadHandoffFacts(db, { handoffIds: handoffIds.slice(i, i + 500) })) facts.set(f.handoff.id, f);
  }
  for (const [batchUid, batch] of batches) {
    const sources = batch.items.map((item) => {
      const f = facts.get(item.handoffId)!;
      const { enforceability } = evaluateHandoff(f, handoffDeadlines(f, context), Date.parse(batch.createdAt));
      return batchDecisionSource(f, item.attempt, enforceability.state === 'enforceable' ? enforceability.enforceableAt : Date.parse(batch.createdAt));
    });
    const files = batchFiles(buildBatch({ batchUid, createdAt: batch.createdAt, district: demo.district, decisions: sources }));
    st.batchCompleted.run(batch.items.length, files.checksum, batch.id);
    audit(batch.createdAt, 'cjib.batch_created', 'cjib_batch', batch.id, null, { batchUid, decisionCount: batch.items.length, checksum: files.checksum });
  }
  return batches.size;
}

/** The hand-off row in its final state, the batches it went in, and every CJIB message it received. */
function writeHandoff(st: Statements, d: DemoDecision, decisionId: number, sanctionIds: number[], next: NextIds, batches: DemoBatches): number {
  const h = d.handoff!;
  const id = next.handoff++;
  const last = h.sends.at(-1);
  const returns = h.sends.flatMap((s) => (s.returned ? [{ ...s.returned, attempt: s.attempt }] : []));
  const lastReturn = returns.at(-1);
  const status = h.ack ? 'acknowledged' : !last ? 'waiting' : last.returned && !last.returned.reworkedAt ? 'returned' : last.returned ? 'waiting' : 'sent';
  st.handoff.run(
    id, decisionId, h.correlationId, status, h.sends.length, last ? batches.get(last.batchUid)!.id : null, last?.sentAt ?? null, h.ack?.at ?? null,
    lastReturn?.at ?? null, lastReturn?.code ?? null, lastReturn?.reason ?? null, returns.length, h.createdAt,
  );
  for (const send of h.sends) {
    const batch = batches.get(send.batchUid)!;
    batch.items.push({ handoffId: id, attempt: send.attempt });
    st.batchItem.run(batch.id, id, send.attempt);
  }
  const message = (key: string, kind: string, attempt: number, at: string, importedAt: string, payload: object) => {
    const messageId = next.message++;
    st.message.run(messageId, key, kind, id, attempt, at, `cjib-antwoord-${importedAt.slice(0, 10)}.json`, importedAt, DEMO_ACTOR, JSON.stringify(payload));
    return messageId;
  };
  for (const r of returns) {
    const payload = { type: 'return', correlationId: h.correlationId, attempt: r.attempt, at: r.at, reasonCode: r.code, reasonText: r.reason };
    message(`return:${h.correlationId}:${r.attempt}`, 'return', r.attempt, r.at, r.importedAt, payload);
  }
  if (h.ack) message(`ack:${h.correlationId}:${h.ack.attempt}`, 'ack', h.ack.attempt, h.ack.at, h.ack.importedAt, { type: 'ack', correlationId: h.correlationId, attempt: h.ack.attempt, at: h.ack.at });
  d.sanctions.forEach((s, index) => {
    const sanctionId = sanctionIds[index]!;
    for (const e of s.executions) {
      const payload = { type: 'execution', correlationId: h.correlationId, sanctionId, status: e.status, at: e.at };
      const messageId = message(`execution:${h.correlationId}:${sanctionId}:${e.status}:${e.at}`, 'execution', h.sends.length, e.at, e.importedAt, payload);
      st.execution.run(sanctionId, e.status, e.at, messageId);
    }
  });
  return id;
}

function prepareStatements(db: AppDatabase) {
  const sql = db.$client;
  return {
    audit: sql.prepare('insert into audit_event (occurred_at, actor, action, entity_type, entity_id, reason, details) values (?, ?, ?, ?, ?, ?, ?)'),
    district: sql.prepare('insert into district (code, name) values (?, ?)'),
    location: sql.prepare('insert into court_location (district_id, name, city) values (?, ?, ?)'),
    room: sql.prepare('insert into courtroom (location_id, name) values (?, ?)'),
    person: sql.prepare('insert into person (name, role) values (?, ?)'),
    template: sql.prepare(
      `insert into session_template (courtroom_id, name, weekdays, daypart, start_time, end_time, session_type, capacity_slots, capacity_minutes, accepted_modalities, accepts_minors, valid_from)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    session: sql.prepare(
      `insert into court_session (courtroom_id, date, daypart, start_time, end_time, session_type, capacity_slots, capacity_minutes, accepted_modalities, accepts_minors, template_id, judge_id, prosecutor_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    suspect: sql.prepare('insert into suspect (id, full_name, date_of_birth, summons_address, lawyer_name) values (?, ?, ?, ?, ?)'),
    criminalCase: sql.prepare(
      `insert into criminal_case (id, parketnummer, suspect_id, modality, filler_kind, status, police_unit, offence_summary, offence_at, arrested_at,
         custody_ordered_at, remand_ordered_at, summons_served_at, short_term_consent, judgment_at, penalty_order_delivered_at,
         voorgeleiding_by, hearing_by, hearing_from, hearing_target_by, next_limit, next_limit_kind, queue_order, planning_gaps, ready_from, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    zsm: sql.prepare('insert into zsm_decision (case_id, outcome, other_route, prosecutor_name, reason, decided_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?)'),
    hearing: sql.prepare('insert into hearing (id, case_id, session_id, status, created_at) values (?, ?, ?, ?, ?)'),
    outcome: sql.prepare('insert into hearing_outcome (hearing_id, outcome, suspect_present, adjournment_reason, resume_from, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)'),
    decision: sql.prepare(
      `insert into decision (id, case_id, hearing_id, kind, decided_at, decided_by, suspect_present, judgment_signed_at, remedy, remedy_filed_at, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    sanction: sql.prepare(
      `insert into sanction (id, decision_id, kind, amount_cents, hours, days, conditional, probation_months, substitute_detention_days, description)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    handoff: sql.prepare(
      `insert into cjib_handoff (id, decision_id, correlation_id, status, attempt, last_batch_id, sent_at, acknowledged_at, returned_at, return_code, return_reason, return_count, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    batch: sql.prepare('insert into cjib_batch (batch_uid, format_version, created_at, created_by, decision_count, checksum) values (?, ?, ?, ?, ?, ?)'),
    batchCompleted: sql.prepare('update cjib_batch set decision_count = ?, checksum = ? where id = ?'),
    batchItem: sql.prepare('insert into cjib_batch_item (batch_id, handoff_id, attempt) values (?, ?, ?)'),
    message: sql.prepare(
      `insert into cjib_message (id, message_key, kind, handoff_id, attempt, occurred_at, file_name, imported_at, imported_by, payload)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    execution: sql.prepare('insert into sanction_execution (sanction_id, status, occurred_at, message_id) values (?, ?, ?, ?)'),
  };
}

/**
 * The register of the last review (made at the start of the current four-month period) and a few
 * signals from the work floor, so the review pack of the demo has something to follow up.
 */
function writeReviewRegister(sqlite: AppDatabase['$client'], asOf: string, audit: Audit): void {
  const current = reviewPeriodOf(asOf);
  const previous = previousReviewPeriod(current);
  const { from } = reviewPeriodRange(current);
  const at = `${from}T10:00:00.000Z`;
  const agreement = sqlite.prepare(
    'insert into review_agreement (period, what, owner, due_on, status, evidence, created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const a of DEMO_AGREEMENTS) {
    const id = Number(agreement.run(previous, a.what, a.owner, addDays(from, a.dueInDays), a.status, a.evidence, DEMO_ACTOR, at, DEMO_ACTOR, at).lastInsertRowid);
    audit(at, 'review.agreement.created', 'review_agreement', id, null, { period: previous });
  }
  const signal = sqlite.prepare(
    'insert into work_signal (raised_on, raised_by, description, status, action_taken, created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const w of DEMO_SIGNALS) {
    const id = Number(signal.run(addDays(from, w.raisedAfterDays), w.raisedBy, w.description, w.status, w.actionTaken, DEMO_ACTOR, at, DEMO_ACTOR, at).lastInsertRowid);
    audit(at, 'review.signal.created', 'work_signal', id, null, null);
  }
}
