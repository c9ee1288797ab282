import { z } from 'zod';
import { localDateSchema } from '../api/local-date';
import { MS_PER_DAY } from '../calendar/amsterdam-time';
import { isValidLocalDate, toEpochDay } from '../calendar/local-date';
import { templateFieldIssues } from '../capacity/capacity-rules';
import { HEARD_MODALITIES } from '../domain/modality';
import { DAYPARTS, DEFAULT_ACCEPTED_MODALITIES, SESSION_TYPES, type Daypart, type SessionType } from '../domain/session';
import { planHearings } from './plan-hearings';
import type { PlanOptions, PlanResult, PlanningCase, PlanningProblem } from './planning-problem';
import { mapResultToRealSessions, splitReservedCapacity, type UnfilledReservations } from './reserved-capacity';

/**
 * The what-if mode: the same planner on two in-memory problems (the current plan and a scenario
 * with other capacity or another intake), measured the same way and set side by side. Pure.
 */

/** What the measures need to know of a session beyond the planner's view. */
export interface WhatIfSessionInfo {
  sessionType: SessionType;
  /** All slots of the session; the problem's `capacity` is only what is still free. */
  capacitySlots: number;
}

export interface WhatIfInput {
  baseline: PlanningProblem;
  variant: PlanningProblem;
  /** Every session of both problems by id. */
  sessions: ReadonlyMap<number, WhatIfSessionInfo>;
  /** Unfilled prosecution reservations per real session (both scenarios honour them). */
  reservedSlots?: UnfilledReservations | undefined;
  options?: PlanOptions | undefined;
}

export interface TypeFill {
  sessionType: SessionType;
  sessions: number;
  capacity: number;
  /** Already booked plus what the scenario's plan places. */
  booked: number;
  /** booked / capacity; null without capacity. */
  fillRate: number | null;
}

export interface ScenarioMeasures {
  cases: number;
  planned: number;
  /** Cases with a hard limit that no session can take before it (never planned late). */
  infeasible: { caseId: number; reason: string }[];
  /** Cases without a hard limit that did not fit. */
  unplanned: number[];
  hardLimitCases: number;
  withinHardLimit: number;
  /** withinHardLimit / hardLimitCases; null when no case has a hard limit. */
  deadlineCompliance: number | null;
  targetCases: number;
  targetMet: number;
  /** Planned on or before the policy target / cases with a target; null when none has one. */
  targetCompliance: number | null;
  /** Days from `earliest` to the hearing's start, over planned cases; null when none is planned. */
  meanDaysToHearing: number | null;
  /** Nearest-rank 90th percentile of the same days. */
  p90DaysToHearing: number | null;
  sessions: number;
  capacity: number;
  booked: number;
  fillRate: number | null;
  fillBySessionType: TypeFill[];
}

export interface MeasureDifference {
  cases: number;
  planned: number;
  infeasible: number;
  unplanned: number;
  deadlineCompliance: number | null;
  targetCompliance: number | null;
  meanDaysToHearing: number | null;
  p90DaysToHearing: number | null;
  sessions: number;
  capacity: number;
  booked: number;
  fillRate: number | null;
  fillBySessionType: { sessionType: SessionType; sessions: number; capacity: number; booked: number; fillRate: number | null }[];
}

export interface WhatIfComparison {
  baseline: ScenarioMeasures;
  variant: ScenarioMeasures;
  /** Variant minus baseline; null where either side has no value. */
  difference: MeasureDifference;
}

export function compareWhatIf(input: WhatIfInput): WhatIfComparison {
  const run = (problem: PlanningProblem) => measureScenario(problem, planScenario(problem, input.reservedSlots, input.options), input.sessions);
  const baseline = run(input.baseline);
  const variant = run(input.variant);
  return { baseline, variant, difference: difference(baseline, variant) };
}

/** The planner as the real run uses it: reserved slots kept for their modality, placements on real sessions. */
export function planScenario(problem: PlanningProblem, reservedSlots: UnfilledReservations | undefined, options: PlanOptions = {}): PlanResult {
  const opts: PlanOptions = { explain: false, ...options };
  if (!reservedSlots || reservedSlots.size === 0) return planHearings(problem, opts);
  const split = splitReservedCapacity(problem, reservedSlots);
  return mapResultToRealSessions(split, problem, planHearings(split.problem, opts));
}

export function measureScenario(problem: PlanningProblem, result: PlanResult, info: ReadonlyMap<number, WhatIfSessionInfo>): ScenarioMeasures {
  const sessionById = new Map(problem.sessions.map((s) => [s.id, s]));
  const startOf = new Map<number, number>();
  for (const p of result.placements) {
    const session = sessionById.get(p.sessionId);
    if (!session) throw new RangeError(`Placement on unknown session ${p.sessionId}`);
    startOf.set(p.caseId, session.start);
  }

  let hardLimitCases = 0;
  let withinHardLimit = 0;
  let targetCases = 0;
  let targetMet = 0;
  const days: number[] = [];
  for (const c of problem.cases) {
    const start = startOf.get(c.id);
    if (c.latest !== null) {
      hardLimitCases += 1;
      if (start !== undefined && start <= c.latest) withinHardLimit += 1;
    }
    if (c.targetBy !== null) {
      targetCases += 1;
      if (start !== undefined && start <= c.targetBy) targetMet += 1;
    }
    if (start !== undefined) days.push(Math.max(0, start - c.earliest) / MS_PER_DAY);
  }

  const plannedOn = new Map<number, number>();
  for (const p of result.placements) plannedOn.set(p.sessionId, (plannedOn.get(p.sessionId) ?? 0) + 1);
  const byType = new Map<string, TypeFill>();
  for (const session of problem.sessions) {
    const meta = info.get(session.id);
    if (!meta) throw new RangeError(`No session type for session ${session.id}`);
    const fill = byType.get(meta.sessionType) ?? { sessionType: meta.sessionType, sessions: 0, capacity: 0, booked: 0, fillRate: null };
    fill.sessions += 1;
    fill.capacity += meta.capacitySlots;
    // Booked before this plan (all slots minus the free ones, never below 0) plus this plan's placements.
    fill.booked += Math.max(0, meta.capacitySlots - session.capacity) + (plannedOn.get(session.id) ?? 0);
    byType.set(meta.sessionType, fill);
  }
  const fillBySessionType = [...byType.values()].sort(byTypeOrder).map((f) => ({ ...f, fillRate: ratio(f.booked, f.capacity) }));
  const capacity = sum(fillBySessionType.map((f) => f.capacity));
  const booked = sum(fillBySessionType.map((f) => f.booked));

  return {
    cases: problem.cases.length,
    planned: result.placements.length,
    infeasible: result.infeasible.map((i) => ({ caseId: i.caseId, reason: i.reason })),
    unplanned: [...result.unplanned],
    hardLimitCases,
    withinHardLimit,
    deadlineCompliance: ratio(withinHardLimit, hardLimitCases),
    targetCases,
    targetMet,
    targetCompliance: ratio(targetMet, targetCases),
    meanDaysToHearing: days.length === 0 ? null : sum(days) / days.length,
    p90DaysToHearing: percentile(days, 0.9),
    sessions: problem.sessions.length,
    capacity,
    booked,
    fillRate: ratio(booked, capacity),
    fillBySessionType,
  };
}

/** Nearest rank: the smallest value with at least `p` of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function difference(a: ScenarioMeasures, b: ScenarioMeasures): MeasureDifference {
  const types = [...new Set([...a.fillBySessionType, ...b.fillBySessionType].map((f) => f.sessionType))];
  const empty = (sessionType: SessionType): TypeFill => ({ sessionType, sessions: 0, capacity: 0, booked: 0, fillRate: null });
  const fillBySessionType = types
    .map((type) => {
      const x = a.fillBySessionType.find((f) => f.sessionType === type) ?? empty(type);
      const y = b.fillBySessionType.find((f) => f.sessionType === type) ?? empty(type);
      return { sessionType: type, sessions: y.sessions - x.sessions, capacity: y.capacity - x.capacity, booked: y.booked - x.booked, fillRate: minus(x.fillRate, y.fillRate) };
    })
    .sort(byTypeOrder);
  return {
    cases: b.cases - a.cases,
    planned: b.planned - a.planned,
    infeasible: b.infeasible.length - a.infeasible.length,
    unplanned: b.unplanned.length - a.unplanned.length,
    deadlineCompliance: minus(a.deadlineCompliance, b.deadlineCompliance),
    targetCompliance: minus(a.targetCompliance, b.targetCompliance),
    meanDaysToHearing: minus(a.meanDaysToHearing, b.meanDaysToHearing),
    p90DaysToHearing: minus(a.p90DaysToHearing, b.p90DaysToHearing),
    sessions: b.sessions - a.sessions,
    capacity: b.capacity - a.capacity,
    booked: b.booked - a.booked,
    fillRate: minus(a.fillRate, b.fillRate),
    fillBySessionType,
  };
}

/**
 * Past arrivals as future planning cases: every instant moved by `shiftMs`, a new id (minus the
 * source id, so never a real case's id), co-defendant groups kept apart from the real ones, and no
 * session of the past (pinned or announced) carried over.
 */
export function replayIntake(cases: readonly PlanningCase[], shiftMs: number): PlanningCase[] {
  return cases.map((c) => {
    if (!Number.isInteger(c.id) || c.id <= 0) throw new RangeError(`Replay needs positive case ids, got ${c.id}`);
    return {
      id: -c.id,
      modality: c.modality,
      earliest: c.earliest + shiftMs,
      latest: c.latest === null ? null : c.latest + shiftMs,
      targetBy: c.targetBy === null ? null : c.targetBy + shiftMs,
      detained: c.detained,
      group: c.group === undefined ? undefined : `herhaling:${c.group}`,
    };
  });
}

function byTypeOrder(a: { sessionType: string }, b: { sessionType: string }): number {
  const rank = (t: string) => {
    const i = (SESSION_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? SESSION_TYPES.length : i;
  };
  return rank(a.sessionType) - rank(b.sessionType) || (a.sessionType < b.sessionType ? -1 : a.sessionType > b.sessionType ? 1 : 0);
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

// The request: one set of rules for the contract, the service (with today) and the form.

/** 26 weeks, both ends included. */
export const MAX_WHAT_IF_DAYS = 26 * 7;
export const MAX_WHAT_IF_PATTERNS = 10;
export const MAX_WHAT_IF_REMOVALS = 50;

export interface WhatIfPattern {
  courtroomId: number;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  daypart: Daypart;
  startTime: string;
  endTime: string;
  sessionType: SessionType;
  capacitySlots: number;
}

export interface WhatIfRequest {
  from: string;
  to: string;
  replay?: { from: string; to: string } | undefined;
  addPatterns?: WhatIfPattern[] | undefined;
  removeTemplateIds?: number[] | undefined;
}

export interface WhatIfIssue {
  path: (string | number)[];
  message: string;
}

/** Days from `from` to `to`, both included. */
export const daysInclusive = (from: string, to: string) => toEpochDay(to) - toEpochDay(from) + 1;

const dutchDate = (date: string) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;

/**
 * Every problem with a what-if request, in Dutch, naming the field. Without `today` only the rules
 * that hold on any day; with it also: the scenario starts today or later, the replayed period has passed.
 */
export function whatIfRequestIssues(request: WhatIfRequest, today: string | null): WhatIfIssue[] {
  const issues: WhatIfIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const windowValid = isValidLocalDate(request.from) && isValidLocalDate(request.to);
  if (windowValid) {
    if (request.to < request.from) add(['to'], 'Tot en met: ligt vóór de begindatum van het scenario');
    else if (daysInclusive(request.from, request.to) > MAX_WHAT_IF_DAYS) add(['to'], 'Tot en met: een scenario beslaat hoogstens 26 weken');
    if (today !== null && request.from < today) add(['from'], `Van: het scenario ligt in de toekomst; begin op of na vandaag (${dutchDate(today)})`);
  }

  const replay = request.replay;
  if (replay && isValidLocalDate(replay.from) && isValidLocalDate(replay.to)) {
    if (replay.to < replay.from) add(['replay', 'to'], 'Herhaalperiode tot en met: ligt vóór het begin van de herhaalperiode');
    else if (daysInclusive(replay.from, replay.to) > MAX_WHAT_IF_DAYS) add(['replay', 'to'], 'Herhaalperiode tot en met: herhaal hoogstens 26 weken');
    else if (windowValid && request.from <= request.to && daysInclusive(replay.from, replay.to) > daysInclusive(request.from, request.to)) {
      add(['replay', 'to'], 'Herhaalperiode tot en met: de herhaalperiode is langer dan het scenario; kies een kortere periode of een later einde van het scenario');
    }
    if (today !== null && replay.to >= today) add(['replay', 'to'], `Herhaalperiode tot en met: herhaal een periode in het verleden (vóór vandaag, ${dutchDate(today)})`);
  }

  const patterns = request.addPatterns ?? [];
  if (patterns.length > MAX_WHAT_IF_PATTERNS) add(['addPatterns'], `Zittingspatronen toevoegen: hoogstens ${MAX_WHAT_IF_PATTERNS} tegelijk`);
  patterns.forEach((pattern, index) => {
    const label = `Zittingspatroon ${index + 1}`;
    const known = (SESSION_TYPES as readonly string[]).includes(pattern.sessionType);
    const fields = {
      ...pattern,
      name: label,
      capacityMinutes: 0,
      overbookingSlots: 0,
      acceptedModalities: known ? DEFAULT_ACCEPTED_MODALITIES[pattern.sessionType] : [],
      acceptedFillerKinds: [],
      validFrom: windowValid ? request.from : '2000-01-01',
      validUntil: null,
    };
    for (const issue of templateFieldIssues(fields)) add(['addPatterns', index, issue.field], `${label} – ${issue.message}`);
    if (!Number.isInteger(pattern.courtroomId) || pattern.courtroomId <= 0) add(['addPatterns', index, 'courtroomId'], `${label} – Zaal: kies een zaal`);
    if (pattern.capacitySlots === 0) add(['addPatterns', index, 'capacitySlots'], `${label} – Aantal plaatsen: een zitting zonder plaatsen voegt niets toe; vul minstens 1 in`);
  });

  const removals = request.removeTemplateIds ?? [];
  if (removals.length > MAX_WHAT_IF_REMOVALS) add(['removeTemplateIds'], `Zittingspatronen weghalen: hoogstens ${MAX_WHAT_IF_REMOVALS} tegelijk`);
  const seen = new Set<number>();
  removals.forEach((id, index) => {
    if (seen.has(id)) add(['removeTemplateIds', index], `Zittingspatronen weghalen: patroon ${id} staat er twee keer in`);
    seen.add(id);
  });
  return issues;
}

const wholeNumber = (what: string) => z.number({ message: `${what}: vul een heel getal in` });
/** 'uu:mm' (the format itself is checked by templateFieldIssues); the max only bounds the input. */
const clockTime = (what: string, example: string) => z.string().max(5, `${what}: vul een tijd in als uu:mm, bijvoorbeeld ${example}`);

export const whatIfPatternSchema = z
  .object({
    courtroomId: wholeNumber('Zaal'),
    weekdays: z.array(z.number({ message: 'Weekdagen: alleen de getallen 1 tot en met 7' })).max(7, 'Weekdagen: elke weekdag hoogstens één keer'),
    daypart: z.enum(DAYPARTS, { message: 'Dagdeel: kies ochtend, middag of hele dag' }),
    startTime: clockTime('Begintijd', '09:00'),
    endTime: clockTime('Eindtijd', '12:30'),
    sessionType: z.enum(SESSION_TYPES, { message: 'Zittingstype: kies een zittingstype' }),
    capacitySlots: wholeNumber('Aantal plaatsen'),
  })
  .strict();

export const whatIfInputSchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    replay: z.object({ from: localDateSchema, to: localDateSchema }).strict().optional(),
    addPatterns: z.array(whatIfPatternSchema).max(MAX_WHAT_IF_PATTERNS, `Zittingspatronen toevoegen: hoogstens ${MAX_WHAT_IF_PATTERNS} tegelijk`).optional(),
    removeTemplateIds: z
      .array(z.number({ message: 'Zittingspatronen weghalen: onbekend patroon' }).int().positive())
      .max(MAX_WHAT_IF_REMOVALS, `Zittingspatronen weghalen: hoogstens ${MAX_WHAT_IF_REMOVALS} tegelijk`)
      .optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    for (const issue of whatIfRequestIssues(request, null)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

const int = z.number().int();
const fraction = z.number().nullable();

const typeFillSchema = z.object({ sessionType: z.enum(SESSION_TYPES), sessions: int, capacity: int, booked: int, fillRate: fraction });

const scenarioSchema = z.object({
  cases: int,
  planned: int,
  unplanned: int,
  infeasible: z.array(
    z.object({
      caseId: int,
      parketnummer: z.string(),
      modality: z.enum(HEARD_MODALITIES),
      /** ISO instant of the hard limit (shifted for a replayed case). */
      latest: z.string().nullable(),
      /** A past arrival replayed in the scenario (its id is minus the source case's id). */
      replayed: z.boolean(),
      reason: z.string(),
    }),
  ),
  hardLimitCases: int,
  withinHardLimit: int,
  deadlineCompliance: fraction,
  targetCases: int,
  targetMet: int,
  targetCompliance: fraction,
  meanDaysToHearing: z.number().nullable(),
  p90DaysToHearing: z.number().nullable(),
  sessions: int,
  capacity: int,
  booked: int,
  fillRate: fraction,
  fillBySessionType: z.array(typeFillSchema),
});

export const whatIfResultSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  replay: z.object({ from: localDateSchema, to: localDateSchema, cases: int, shiftDays: int }).nullable(),
  changes: z.object({
    addedSessions: int,
    addedSlots: int,
    /** Occurrences of the added patterns that give no session, with the reason in Dutch. */
    skipped: z.array(z.object({ pattern: int, date: localDateSchema, reason: z.string(), message: z.string() })),
    removedSessions: int,
    removedSlots: int,
    /** Cases already planned on a removed session: in the scenario they are planned again. */
    toReplan: z.array(z.object({ caseId: int, parketnummer: z.string(), sessionId: int, date: localDateSchema })),
  }),
  /** Waiting cases that are not ready (left out of both scenarios). */
  notReady: int,
  baseline: scenarioSchema,
  variant: scenarioSchema,
  difference: z.object({
    cases: int,
    planned: int,
    infeasible: int,
    unplanned: int,
    deadlineCompliance: fraction,
    targetCompliance: fraction,
    meanDaysToHearing: z.number().nullable(),
    p90DaysToHearing: z.number().nullable(),
    sessions: int,
    capacity: int,
    booked: int,
    fillRate: fraction,
    fillBySessionType: z.array(typeFillSchema),
  }),
  runTimeMs: z.number(),
});

export type WhatIfResult = z.infer<typeof whatIfResultSchema>;
