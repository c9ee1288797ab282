import loadHighs from 'highs';
import { fromAmsterdamLocal } from '../../shared/calendar/amsterdam-time';
import { createCourtCalendar } from '../../shared/calendar/court-calendar';
import { addDays, dayOfWeek } from '../../shared/calendar/local-date';
import { HEARD_MODALITIES, type HeardModality } from '../../shared/domain/modality';
import { DEFAULT_ACCEPTED_MODALITIES } from '../../shared/domain/session';
import { isFeasible, resolveCostModel } from '../../shared/planner/costs';
import type { PlanOptions, PlanningCase, PlanningProblem, PlanningSession } from '../../shared/planner/planning-problem';
import { DEMO_MODALITY_MIX, DEMO_SESSION_PATTERN } from '../../server/services/demo/demo-blueprint';
import { createSeededRandom, type SeededRandom } from '../../server/services/demo/seeded-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoInstanceOptions {
  seed: number;
  /** Arrivals a year, ZSM included as in the demo generator (ZSM cases need no hearing and are left out). */
  casesPerYear: number;
  /** First session day, YYYY-MM-DD. */
  from: string;
  /** Days with sessions, from `from`. */
  sessionDays: number;
  /** Arrivals start this many days after `from` (negative: a backlog from before). */
  arrivalsOffset?: number;
  arrivalsDays: number;
  /** Share of arrivals that come with co-defendants (groups of 2 or 3). */
  groupShare?: number;
  /** Share of cases with an announced hearing (one of their first feasible sessions). */
  announcedShare?: number;
  /** Share of cases pinned to their first feasible session. */
  pinnedShare?: number;
}

/**
 * A demo-like planning instance: the sessions of the demo district's weekly pattern on court days
 * (slots scaled with the volume as in the demo generator), cases in the demo's modality mix with
 * limits after the legal rules (supersnelrecht within 3 days 18 hours of the arrest, detained
 * snelrecht within the 14 days of bewaring, non-detained cases with a soft target only).
 */
export function demoPlanningInstance(o: DemoInstanceOptions): PlanningProblem {
  const random = createSeededRandom(o.seed);
  const calendar = createCourtCalendar();
  const scale = o.casesPerYear / 2800;
  const sessions: PlanningSession[] = [];
  for (let d = 0; d < o.sessionDays; d++) {
    const date = addDays(o.from, d);
    if (!calendar.isCourtDay(date)) continue;
    const isoWeekday = ((dayOfWeek(date) + 6) % 7) + 1;
    for (const pattern of DEMO_SESSION_PATTERN) {
      if (!pattern.weekdays.includes(isoWeekday)) continue;
      const [hour, minute] = pattern.startTime.split(':').map(Number) as [number, number];
      sessions.push({
        id: sessions.length + 1,
        start: fromAmsterdamLocal(date, hour, minute),
        date,
        capacity: Math.max(1, Math.round(pattern.slotsPer2800Cases * scale)),
        accepts: DEFAULT_ACCEPTED_MODALITIES[pattern.sessionType],
      });
    }
  }
  const byStart = [...sessions].sort((a, b) => a.start - b.start);
  const firstSession = byStart[0]?.start ?? -Infinity;

  const cases: PlanningCase[] = [];
  const arrivals = Math.round((o.casesPerYear * o.arrivalsDays) / 365);
  const firstArrival = fromAmsterdamLocal(addDays(o.from, o.arrivalsOffset ?? 0));
  let groups = 0;
  for (let n = 0; n < arrivals; n++) {
    const modality = random.weighted(DEMO_MODALITY_MIX);
    const arrival = firstArrival + random.int(0, o.arrivalsDays * 24 - 1) * HOUR + random.int(0, 59) * 60_000;
    if (modality === 'zsm') continue;
    const base = caseTimes(random, modality, arrival);
    // A backlog case whose hard limit passed before the first session was heard (or released) already.
    if (base.latest !== null && base.latest < firstSession) continue;
    const size = random.chance(o.groupShare ?? 0) ? (random.chance(0.8) ? 2 : 3) : 1;
    const group = size > 1 ? `G${++groups}` : undefined;
    // Co-defendants share their pin or announced hearing, as they share their arrest.
    const feasible = firstFeasible(byStart, { id: 0, ...base }, 3);
    const pinned = feasible.length > 0 && random.chance(o.pinnedShare ?? 0) ? feasible[0]!.id : undefined;
    const announced = pinned === undefined && feasible.length > 0 && random.chance(o.announcedShare ?? 0) ? random.pick(feasible).id : undefined;
    for (let k = 0; k < size; k++) {
      const c: PlanningCase = { id: cases.length + 1, ...base, ...(group ? { group } : {}) };
      if (pinned !== undefined) c.pinnedSessionId = pinned;
      if (announced !== undefined) c.currentSessionId = announced;
      cases.push(c);
    }
  }
  return { sessions, cases };
}

function caseTimes(random: SeededRandom, modality: HeardModality, arrival: number): Omit<PlanningCase, 'id'> {
  switch (modality) {
    case 'supersnelrecht': {
      const late = random.chance(0.03) ? random.int(0, 48) * HOUR : 0;
      return { modality, detained: true, earliest: arrival + random.int(6, 20) * HOUR + late, latest: arrival + 90 * HOUR, targetBy: arrival + 72 * HOUR };
    }
    case 'snelrecht': {
      const remand = arrival + random.int(60, 80) * HOUR;
      const served = remand + random.int(20, 40) * HOUR;
      const late = random.chance(0.03) ? random.int(0, 7) * DAY : 0;
      return { modality, detained: true, earliest: served + 3 * DAY + late, latest: remand + 14 * DAY, targetBy: null };
    }
    case 'snelrecht_nd': {
      const late = random.chance(0.1) ? random.int(1, 7) * DAY : 0;
      return { modality, detained: false, earliest: arrival + random.int(4, 96) * HOUR + 10 * DAY + late, latest: null, targetBy: arrival + 28 * DAY };
    }
    case 'filler': {
      const late = random.chance(0.1) ? random.int(1, 14) * DAY : 0;
      return { modality, detained: false, earliest: arrival + 7 * DAY + random.int(0, 72) * HOUR + late, latest: null, targetBy: arrival + 60 * DAY };
    }
  }
}

function firstFeasible(byStart: readonly PlanningSession[], c: PlanningCase, count: number): PlanningSession[] {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid]!.start < c.earliest) lo = mid + 1;
    else hi = mid;
  }
  const found: PlanningSession[] = [];
  for (let k = lo; k < byStart.length && found.length < count; k++) if (isFeasible(c, byStart[k]!)) found.push(byStart[k]!);
  return found;
}

/** The three district-years of the benchmark (the demo generator's volumes) plus a 6-week window. */
export function districtYear(casesPerYear: number, seed = 2026): PlanningProblem {
  return demoPlanningInstance({ seed, casesPerYear, from: '2026-01-05', sessionDays: 365 + 42, arrivalsOffset: -7, arrivalsDays: 365, groupShare: 0.05, announcedShare: 0.1, pinnedShare: 0.01 });
}

export function sixWeekWindow(casesPerYear = 2800, seed = 2026): PlanningProblem {
  return demoPlanningInstance({ seed, casesPerYear, from: '2026-04-06', sessionDays: 42, arrivalsOffset: -21, arrivalsDays: 42 + 21 - 7, groupShare: 0.05, announcedShare: 0.3, pinnedShare: 0.02 });
}

/**
 * A small adversarial instance: few sessions with random acceptance sets, equal start times,
 * zero capacities, reserves, pins (also on sessions that break the rules), announced hearings,
 * co-defendants, random weights and a tiny candidate count so the pricing step has work.
 */
export function smallRandomInstance(seed: number): { problem: PlanningProblem; options: PlanOptions } {
  const random = createSeededRandom(seed);
  const base = Date.UTC(2026, 3, 6, 7, 0); // Monday 6 April 2026, 09:00 Amsterdam
  const sessionCount = random.int(1, 10);
  const sessions: PlanningSession[] = [];
  for (let k = 0; k < sessionCount; k++) {
    const accepts = HEARD_MODALITIES.filter(() => random.chance(0.55));
    sessions.push({
      id: 100 + k,
      start: base + random.int(0, 40) * 8 * HOUR + (random.chance(0.3) ? 30 * 60_000 : 0),
      date: '2026-04-06',
      capacity: random.int(0, 4),
      accepts: accepts.length > 0 ? accepts : [random.pick(HEARD_MODALITIES)],
    });
  }
  const caseCount = random.int(1, 24);
  const cases: PlanningCase[] = [];
  for (let k = 0; k < caseCount; k++) {
    const modality = random.pick(HEARD_MODALITIES);
    const earliest = base + random.int(-48, 14 * 24) * HOUR + random.int(0, 59) * 60_000;
    const c: PlanningCase = {
      id: 1 + k,
      modality,
      detained: modality === 'supersnelrecht' || modality === 'snelrecht' ? !random.chance(0.1) : random.chance(0.1),
      earliest,
      latest: random.chance(0.5) ? earliest + random.int(0, 10 * 24) * HOUR : null,
      targetBy: random.chance(0.5) ? earliest + random.int(0, 7 * 24) * HOUR : null,
    };
    if (random.chance(0.25)) c.group = random.pick(['A', 'B', 'C']);
    if (random.chance(0.08)) c.pinnedSessionId = random.pick(sessions).id;
    else if (random.chance(0.3)) c.currentSessionId = random.pick(sessions).id;
    cases.push(c);
  }
  const options: PlanOptions = { candidatesPerClass: random.int(1, 3) };
  if (random.chance(0.3)) options.reservePerSession = random.int(0, 1);
  if (random.chance(0.2)) options.reserveBySession = { [random.pick(sessions).id]: random.int(0, 2) };
  if (random.chance(0.5)) {
    options.weights = {
      detainedDelayPerHour: random.int(0, 10),
      freeDelayPerHour: random.int(0, 3),
      targetMissPenalty: random.int(0, 300),
      targetLatePerHour: random.int(0, 5),
      moveCost: random.int(0, 500),
      plannedReward: random.int(1, 3000),
      hardLimitReward: random.int(0, 3000),
      ageRewardPerHour: random.int(0, 2),
    };
  }
  return { problem: { sessions, cases }, options };
}

export interface HighsAnswer {
  objective: number;
  columns: number;
  /** Largest distance of a column value from 0 or 1: 0 when HiGHS's optimal vertex is integral. */
  fractional: number;
  /** Building the model inside HiGHS (passModel), ms. */
  buildMs: number;
  /** HiGHS's solve (run), ms. */
  solveMs: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;

export function highs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/**
 * The planner's LP, built independently of the planner's network: one column per (case, session)
 * pair the hard rules allow (all sessions, no pruning), cost = placement cost - reward from the
 * same cost model; a row per case (<= 1) and per session (<= capacity - reserve - pinned). Pinned
 * cases are a constant. `restrictTo` (case id -> session ids) limits the columns, for the
 * benchmark's second reference.
 */
export async function solveWithHighs(problem: PlanningProblem, options: PlanOptions = {}, restrictTo?: ReadonlyMap<number, ReadonlySet<number>>): Promise<HighsAnswer> {
  const solver = await highs();
  const model = resolveCostModel(problem, options);
  const sessionRow = new Map<number, number>();
  problem.sessions.forEach((s, index) => sessionRow.set(s.id, index));
  const pinnedCount = new Map<number, number>();
  let offset = 0;
  const open: PlanningCase[] = [];
  for (const c of problem.cases) {
    if (c.pinnedSessionId === undefined) {
      open.push(c);
      continue;
    }
    pinnedCount.set(c.pinnedSessionId, (pinnedCount.get(c.pinnedSessionId) ?? 0) + 1);
    const session = problem.sessions.find((s) => s.id === c.pinnedSessionId)!;
    offset += model.cost(c, session) - model.reward(c);
  }
  const m = problem.sessions.length;
  const rowUpper: number[] = problem.sessions.map((s) => {
    const reserve = options.reserveBySession?.[s.id] ?? options.reservePerSession ?? 0;
    return Math.max(0, s.capacity - reserve - (pinnedCount.get(s.id) ?? 0));
  });
  const costs: number[] = [];
  const indices: number[] = [];
  open.forEach((c, k) => {
    const allowed = restrictTo?.get(c.id);
    for (const s of problem.sessions) {
      if (!isFeasible(c, s) || (allowed && !allowed.has(s.id))) continue;
      costs.push(model.cost(c, s) - model.reward(c));
      indices.push(m + k, sessionRow.get(s.id)!);
    }
    rowUpper.push(1);
  });
  const numCols = costs.length;
  const numRows = m + open.length;
  const started = performance.now();
  const lp = solver.createModel({
    numCols,
    numRows,
    offset,
    colCost: Float64Array.from(costs),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(-solver.infinity),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csc',
      numRows,
      numCols,
      starts: Int32Array.from({ length: numCols + 1 }, (_, k) => 2 * k),
      indices: Int32Array.from(indices),
      values: new Float64Array(2 * numCols).fill(1),
    },
  });
  try {
    lp.options.set({ output_flag: false });
    const built = performance.now();
    lp.run();
    const solved = performance.now();
    if (numCols > 0 && lp.getModelStatus() !== solver.constants.modelStatus.optimal) throw new Error(`HiGHS: model status ${lp.getModelStatus()}`);
    let fractional = 0;
    if (numCols > 0) for (const x of lp.getSolution().colValue) fractional = Math.max(fractional, Math.min(Math.abs(x), Math.abs(1 - x)));
    return { objective: numCols === 0 ? offset : lp.getObjectiveValue(), columns: numCols, fractional, buildMs: built - started, solveMs: solved - built };
  } finally {
    lp.dispose();
  }
}
