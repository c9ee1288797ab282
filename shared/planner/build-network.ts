import type { HeardModality } from '../domain/modality';
import { HEARD_MODALITIES } from '../domain/modality';
import { isFeasible } from './costs';
import type { PlanOptions, PlanningCase, PlanningProblem, PlanningSession } from './planning-problem';

/**
 * Sessions with the same set of accepted modalities form a class; inside a class they are
 * interchangeable up to their start time. For one case, the sessions it may use in a class are a
 * contiguous run of the class (start in [earliest, latest]), and its cost is non-decreasing along
 * the run, which is what the candidate pruning and the pricing step build on.
 */
export interface SessionClass {
  accepts: readonly HeardModality[];
  /** The class's sessions also hear minors (art. 77a Sr ff.). */
  acceptsMinors: boolean;
  /** Session indices (into `sessions`), sorted by start. */
  members: Int32Array;
  starts: Float64Array;
}

export interface PlanningNetwork {
  sessions: readonly PlanningSession[];
  sessionIndexById: ReadonlyMap<number, number>;
  /** Slots held back per session (reserve). */
  reserve: Int32Array;
  /** Capacity minus reserve: what cases (pinned or planned) may use; may be <= 0. */
  usable: Int32Array;
  classes: readonly SessionClass[];
  classesByModality: Readonly<Record<HeardModality, readonly number[]>>;
  /** Class of each session index, and its position in that class (-1: no usable capacity). */
  classOfSession: Int32Array;
  positionInClass: Int32Array;
  /** Every session accepting the modality (usable or not), sorted by start: for explanations. */
  sessionsByModality: Readonly<Record<HeardModality, { sessions: Int32Array; starts: Float64Array }>>;
}

export function buildNetwork(problem: PlanningProblem, options: PlanOptions = {}): PlanningNetwork {
  const sessions = problem.sessions;
  const m = sessions.length;
  const sessionIndexById = new Map<number, number>();
  sessions.forEach((s, index) => sessionIndexById.set(s.id, index));
  const reserve = new Int32Array(m);
  const usable = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const s = sessions[j]!;
    const own = options.reserveBySession?.[s.id];
    reserve[j] = own ?? options.reservePerSession ?? 0;
    usable[j] = s.capacity - reserve[j]!;
  }

  const byStart = Array.from({ length: m }, (_, j) => j).sort((a, b) => sessions[a]!.start - sessions[b]!.start || a - b);
  // Sessions that also hear minors form classes of their own: only they are open to a minor's case.
  const classKey = (s: PlanningSession) => {
    const modalities = HEARD_MODALITIES.filter((mod) => s.accepts.includes(mod)).join('+');
    return modalities === '' ? '' : `${modalities}${s.acceptsMinors === true ? '|minors' : ''}`;
  };
  const groups = new Map<string, number[]>();
  for (const j of byStart) {
    if (usable[j]! <= 0) continue;
    const s = sessions[j]!;
    const key = classKey(s);
    if (key === '') continue;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(j);
  }
  const classOfSession = new Int32Array(m).fill(-1);
  const positionInClass = new Int32Array(m).fill(-1);
  const classes: SessionClass[] = [];
  for (const list of groups.values()) {
    const index = classes.length;
    list.forEach((j, position) => {
      classOfSession[j] = index;
      positionInClass[j] = position;
    });
    classes.push({
      accepts: sessions[list[0]!]!.accepts,
      acceptsMinors: sessions[list[0]!]!.acceptsMinors === true,
      members: Int32Array.from(list),
      starts: Float64Array.from(list, (j) => sessions[j]!.start),
    });
  }
  const classesByModality = Object.fromEntries(
    HEARD_MODALITIES.map((mod) => [mod, classes.flatMap((cls, index) => (cls.accepts.includes(mod) ? [index] : []))]),
  ) as Record<HeardModality, number[]>;
  const sessionsByModality = Object.fromEntries(
    HEARD_MODALITIES.map((mod) => {
      const list = byStart.filter((j) => sessions[j]!.accepts.includes(mod));
      return [mod, { sessions: Int32Array.from(list), starts: Float64Array.from(list, (j) => sessions[j]!.start) }];
    }),
  ) as PlanningNetwork['sessionsByModality'];
  return { sessions, sessionIndexById, reserve, usable, classes, classesByModality, classOfSession, positionInClass, sessionsByModality };
}

/** First position whose start is >= `instant`. */
export function lowerBound(starts: Float64Array, instant: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose start is > `instant`. */
export function upperBound(starts: Float64Array, instant: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A case's runs of feasible sessions, one per class that accepts its modality, flattened as
 * [class, from, to) triples: positions in the class's `members`.
 */
export function feasibleRuns(network: PlanningNetwork, c: PlanningCase): number[] {
  const runs: number[] = [];
  for (const cls of network.classesByModality[c.modality]) {
    if (c.minor && !network.classes[cls]!.acceptsMinors) continue;
    const starts = network.classes[cls]!.starts;
    const from = lowerBound(starts, c.earliest);
    const to = c.latest === null ? starts.length : upperBound(starts, c.latest);
    if (from < to) runs.push(cls, from, to);
  }
  return runs;
}

/** Number of case-session pairs allowed by the hard rules, over the usable sessions. */
export function countFeasibleArcs(network: PlanningNetwork, cases: readonly PlanningCase[]): number {
  let total = 0;
  for (const c of cases) {
    if (c.pinnedSessionId !== undefined) continue;
    const runs = feasibleRuns(network, c);
    for (let k = 0; k < runs.length; k += 3) total += runs[k + 2]! - runs[k + 1]!;
  }
  return total;
}

/** The session index of the case's announced hearing when it is feasible and usable, else -1. */
export function usableCurrentSession(network: PlanningNetwork, c: PlanningCase): number {
  if (c.currentSessionId === undefined) return -1;
  const j = network.sessionIndexById.get(c.currentSessionId);
  if (j === undefined || network.classOfSession[j]! < 0) return -1;
  return isFeasible(c, network.sessions[j]!) ? j : -1;
}
