import { addDays, toEpochDay } from '../../../shared/calendar/local-date';
import { fromAmsterdamLocal, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { minutesBetween } from '../../../shared/capacity/capacity-rules';
import { generateSessions, type GenerationTemplate } from '../../../shared/capacity/generate-sessions';
import { HEARD_MODALITIES, type HeardModality } from '../../../shared/domain/modality';
import { DEFAULT_ACCEPTED_MODALITIES } from '../../../shared/domain/session';
import type { PlanningCase, PlanningProblem, PlanningSession } from '../../../shared/planner/planning-problem';
import {
  compareWhatIf,
  replayIntake,
  whatIfRequestIssues,
  type ScenarioMeasures,
  type WhatIfPattern,
  type WhatIfRequest,
  type WhatIfResult,
  type WhatIfSessionInfo,
} from '../../../shared/planner/what-if';
import type { AppDatabase } from '../../../db/open-database';
import { loadGenerationContext } from '../capacity/generation-context';
import { ServiceError } from '../service-error';
import { buildPlanningProblem, type PlanningWindow } from './build-planning-problem';
import { toPlanningCase, type CaseLimitsRow } from './planning-case';
import { sqlRow, sqlRows } from '../context/query-results';

type Sqlite = AppDatabase['$client'];

interface SessionMeta extends WhatIfSessionInfo {
  templateId: number | null;
}

interface CaseLabel {
  parketnummer: string;
  modality: HeardModality;
  latest: number | null;
  replayed: boolean;
}

const heardList = HEARD_MODALITIES.map(() => '?').join(', ');
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The what-if mode: the current plan (free capacity, waiting ready cases, optionally a past intake
 * replayed as new arrivals) against a scenario with patterns added or removed, both planned by the
 * real planner in memory. Reads only; nothing is written, not even an audit row.
 */
export async function runWhatIf(db: AppDatabase, request: WhatIfRequest, today: string, now: Date): Promise<WhatIfResult> {
  const issues = whatIfRequestIssues(request, today);
  if (issues.length > 0) throw new ServiceError('INVALID_INPUT', issues.map((i) => i.message).join('. '));
  const started = performance.now();
  const sqlite = db.$client;
  const window: PlanningWindow = { from: request.from, to: request.to };
  const { problem, notReady, reservedSlots } = await buildPlanningProblem(db, window, now);
  const meta = await sessionMeta(sqlite, problem.sessions);
  const labels = new Map<number, CaseLabel>();

  const removed = await removedSessions(sqlite, problem.sessions, meta, request.removeTemplateIds ?? []);
  const toReplan = await casesOnSessions(sqlite, removed, now, labels);
  const added = await addedSessions(db, request.addPatterns ?? [], window, new Set(removed.map((s) => s.id)), now);
  for (const [id, info] of added.info) meta.set(id, { ...info, templateId: null });
  const replay = request.replay ? await replayedCases(sqlite, request.replay, window.from, now, labels) : null;

  const waiting = [...problem.cases, ...(replay?.cases ?? [])];
  const pinnedOn = new Map<number, number>();
  for (const r of toReplan) pinnedOn.set(r.sessionId, (pinnedOn.get(r.sessionId) ?? 0) + 1);
  // In the current plan the booked cases stay on their session (pinned, so they are measured too).
  const baseline: PlanningProblem = {
    sessions: problem.sessions.map((s) => (pinnedOn.has(s.id) ? { ...s, capacity: s.capacity + pinnedOn.get(s.id)! } : s)),
    cases: [...waiting, ...toReplan.map((r) => ({ ...r.case, pinnedSessionId: r.sessionId }))],
  };
  const removedIds = new Set(removed.map((s) => s.id));
  const variant: PlanningProblem = {
    sessions: [...problem.sessions.filter((s) => !removedIds.has(s.id)), ...added.sessions].sort((a, b) => a.start - b.start || a.id - b.id),
    cases: [...waiting, ...toReplan.map((r) => r.case)],
  };
  const comparison = compareWhatIf({ baseline, variant, sessions: meta, reservedSlots });

  await labelRealCases(sqlite, [...comparison.baseline.infeasible, ...comparison.variant.infeasible].map((i) => i.caseId), [...baseline.cases], labels);
  return {
    from: request.from,
    to: request.to,
    replay: request.replay && replay ? { ...request.replay, cases: replay.cases.length, shiftDays: replay.shiftDays } : null,
    changes: {
      addedSessions: added.sessions.length,
      addedSlots: added.sessions.reduce((sum, s) => sum + s.capacity, 0),
      skipped: added.skipped,
      removedSessions: removed.length,
      removedSlots: removed.reduce((sum, s) => sum + meta.get(s.id)!.capacitySlots, 0),
      toReplan: toReplan.map((r) => ({ caseId: r.case.id, parketnummer: labels.get(r.case.id)!.parketnummer, sessionId: r.sessionId, date: r.date })),
    },
    notReady: notReady.length,
    baseline: present(comparison.baseline, labels),
    variant: present(comparison.variant, labels),
    difference: comparison.difference,
    runTimeMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

async function sessionMeta(sqlite: Sqlite, sessions: readonly PlanningSession[]): Promise<Map<number, SessionMeta>> {
  const ids = sessions.map((s) => s.id);
  if (ids.length === 0) return new Map();
  const rows = await sqlRows(sqlite, `select id, session_type as "sessionType", capacity_slots as "capacitySlots", template_id as "templateId" from court_session where id in (${placeholders(ids)})`, [...ids]) as ({ id: number } & SessionMeta)[];
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}

/** The window's sessions (not yet started) of the templates to take out; an unknown template is refused. */
async function removedSessions(sqlite: Sqlite, sessions: readonly PlanningSession[], meta: ReadonlyMap<number, SessionMeta>, templateIds: readonly number[]): Promise<PlanningSession[]> {
  if (templateIds.length === 0) return [];
  const known = new Set(
    (await sqlRows(sqlite, `select id from session_template where id in (${placeholders(templateIds)})`, [...templateIds]) as { id: number }[]).map((r) => r.id),
  );
  const unknown = templateIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ServiceError('NOT_FOUND', `Zittingspatronen weghalen: patroon ${unknown.join(', ')} bestaat niet`);
  const remove = new Set(templateIds);
  return sessions.filter((s) => {
    const templateId = meta.get(s.id)?.templateId;
    return templateId !== null && templateId !== undefined && remove.has(templateId);
  });
}

interface BookedCase {
  case: PlanningCase;
  sessionId: number;
  date: string;
}

/** Cases planned on the removed sessions: in the scenario they need another session. */
async function casesOnSessions(sqlite: Sqlite, sessions: readonly PlanningSession[], now: Date, labels: Map<number, CaseLabel>): Promise<BookedCase[]> {
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const rows = await sqlRows(sqlite, `select c.id, c.parketnummer, c.modality, c.hearing_from as "hearingFrom", c.hearing_by as "hearingBy", c.hearing_target_by as "hearingTargetBy",
              c.ready_from as "readyFrom", c.co_defendant_group as "coDefendantGroup", c.next_limit_kind as "nextLimitKind", h.session_id as "sessionId", s.date
       from hearing h join criminal_case c on c.id = h.case_id join court_session s on s.id = h.session_id
       where h.status = 'planned' and h.session_id in (${placeholders(ids)}) and c.modality in (${heardList}) order by s.date, c.id`, [...ids, ...HEARD_MODALITIES]) as {
    id: number;
    parketnummer: string;
    modality: HeardModality;
    hearingFrom: string | null;
    hearingBy: string | null;
    hearingTargetBy: string | null;
    readyFrom: string | null;
    coDefendantGroup: string | null;
    nextLimitKind: CaseLimitsRow['nextLimitKind'];
    sessionId: number;
    date: string;
  }[];
  return rows.map((row) => {
    const latest = instant(row.hearingBy);
    labels.set(row.id, { parketnummer: row.parketnummer, modality: row.modality, latest, replayed: false });
    return {
      case: toPlanningCase(row, now.getTime()),
      sessionId: row.sessionId,
      date: row.date,
    };
  });
}

/**
 * The added patterns' sessions over the window, from the capacity generator: never on a non-court
 * day or a closure day, never clashing with a session in the room (a removed one no longer counts).
 */
async function addedSessions(db: AppDatabase, patterns: readonly WhatIfPattern[], window: PlanningWindow, removedIds: ReadonlySet<number>, now: Date) {
  const info = new Map<number, WhatIfSessionInfo>();
  const sessions: PlanningSession[] = [];
  const skipped: WhatIfResult['changes']['skipped'] = [];
  if (patterns.length === 0) return { sessions, skipped, info };

  const context = await loadGenerationContext(db, window.from, window.to);
  // Template ids below every real one; the lowest wins a room, so pattern 1 goes first.
  const idOf = (index: number) => index - patterns.length;
  const patternOf = (templateId: number) => templateId + patterns.length + 1;
  const templates = patterns.map((p, index): GenerationTemplate => {
    const room = context.rooms.get(p.courtroomId);
    if (!room) throw new ServiceError('NOT_FOUND', `Zittingspatroon ${index + 1} – Zaal: zaal nummer ${p.courtroomId} bestaat niet`);
    return {
      id: idOf(index),
      name: `Zittingspatroon ${index + 1}`,
      courtroomId: p.courtroomId,
      locationId: room.locationId,
      weekdays: p.weekdays,
      daypart: p.daypart,
      startTime: p.startTime,
      endTime: p.endTime,
      sessionType: p.sessionType,
      capacitySlots: p.capacitySlots,
      capacityMinutes: minutesBetween(p.startTime, p.endTime),
      acceptedModalities: DEFAULT_ACCEPTED_MODALITIES[p.sessionType],
      acceptedFillerKinds: [],
      overbookingSlots: 0,
      validFrom: window.from,
      validUntil: null,
      active: true,
    };
  });
  const plan = generateSessions({ ...context, templates, existing: context.existing.filter((s) => !removedIds.has(s.id)), from: window.from, to: window.to });

  let nextId = (await sqlRow(db.$client, 'select coalesce(max(id), 0) as id from court_session') as { id: number }).id + 1;
  for (const s of plan.create) {
    const [hour, minute] = s.startTime.split(':').map(Number) as [number, number];
    const start = fromAmsterdamLocal(s.date, hour, minute);
    if (start < now.getTime()) {
      skipped.push({ pattern: patternOf(s.templateId), date: s.date, reason: 'started', message: 'Begintijd al voorbij' });
      continue;
    }
    const id = nextId++;
    sessions.push({ id, start, date: s.date, capacity: s.capacitySlots, accepts: DEFAULT_ACCEPTED_MODALITIES[s.sessionType] });
    info.set(id, { sessionType: s.sessionType, capacitySlots: s.capacitySlots });
  }
  for (const s of plan.skipped) skipped.push({ pattern: patternOf(s.templateId), date: s.date, reason: s.reason, message: s.message });
  skipped.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.pattern - b.pattern));
  return { sessions, skipped, info };
}

/** The heard-modality cases created in the past period, as new arrivals moved so its first day is the window's. */
async function replayedCases(sqlite: Sqlite, period: { from: string; to: string }, windowFrom: string, now: Date, labels: Map<number, CaseLabel>) {
  const rows = await sqlRows(sqlite, `select id, parketnummer, modality, created_at as "createdAt", hearing_from as "hearingFrom", hearing_by as "hearingBy", hearing_target_by as "hearingTargetBy",
              co_defendant_group as "coDefendantGroup"
       from criminal_case where modality in (${heardList}) and created_at >= ? and created_at < ? order by id`, [...HEARD_MODALITIES, isoOf(startOfAmsterdamDay(period.from)), isoOf(startOfAmsterdamDay(addDays(period.to, 1)))]) as {
    id: number;
    parketnummer: string;
    modality: HeardModality;
    createdAt: string;
    hearingFrom: string | null;
    hearingBy: string | null;
    hearingTargetBy: string | null;
    coDefendantGroup: string | null;
  }[];
  const shiftMs = startOfAmsterdamDay(windowFrom) - startOfAmsterdamDay(period.from);
  const sources: PlanningCase[] = rows.map((row) => toPlanningCase({ ...row, readyFrom: null, nextLimitKind: 'hearing' }, Date.parse(row.createdAt)) /* replayed as new arrivals: their limits bind */);
  // An arrival shifted to earlier today than now can be heard from now on.
  const cases = replayIntake(sources, shiftMs).map((c) => ({ ...c, earliest: Math.max(c.earliest, now.getTime()) }));
  cases.forEach((c, index) => labels.set(c.id, { parketnummer: rows[index]!.parketnummer, modality: c.modality, latest: c.latest, replayed: true }));
  return { cases, shiftDays: toEpochDay(windowFrom) - toEpochDay(period.from) };
}

async function labelRealCases(sqlite: Sqlite, caseIds: readonly number[], cases: readonly PlanningCase[], labels: Map<number, CaseLabel>): Promise<void> {
  const missing = [...new Set(caseIds.filter((id) => !labels.has(id)))];
  if (missing.length === 0) return;
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rows = await sqlRows(sqlite, `select id, parketnummer from criminal_case where id in (${placeholders(missing)})`, [...missing]) as { id: number; parketnummer: string }[];
  for (const row of rows) {
    const c = byId.get(row.id)!;
    labels.set(row.id, { parketnummer: row.parketnummer, modality: c.modality, latest: c.latest, replayed: false });
  }
}

function present(measures: ScenarioMeasures, labels: ReadonlyMap<number, CaseLabel>): WhatIfResult['baseline'] {
  return {
    ...measures,
    unplanned: measures.unplanned.length,
    infeasible: measures.infeasible.map((i) => {
      const label = labels.get(i.caseId);
      if (!label) throw new Error(`No label for case ${i.caseId}`);
      return { caseId: i.caseId, parketnummer: label.parketnummer, modality: label.modality, latest: label.latest === null ? null : isoOf(label.latest), replayed: label.replayed, reason: i.reason };
    }),
  };
}

const instant = (iso: string | null) => (iso ? Date.parse(iso) : null);
const isoOf = (ms: number) => new Date(ms).toISOString();
