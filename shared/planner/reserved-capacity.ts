import type { HeardModality } from '../domain/modality';
import type { ReservableModality } from '../domain/reservation';
import type { PlanResult, PlanningCase, PlanningProblem, PlanningSession } from './planning-problem';

/** Unfilled reserved slots of the open reservations per real session id, per modality. */
export type UnfilledReservations = ReadonlyMap<number, Readonly<Partial<Record<ReservableModality, number>>>>;

export interface ReservedCapacitySplit {
  /** The problem the core solves: sessions with unfilled reservations replaced by virtual sessions. */
  problem: PlanningProblem;
  /** Virtual session id -> real session id (only split sessions appear). */
  realSessionOf: ReadonlyMap<number, number>;
  /** Virtual session id -> the modality whose reserved slots it holds (pool sessions are absent). */
  reservedModalityOf: ReadonlyMap<number, ReservableModality>;
}

export const RESERVED_SLOT_TEXT = 'op een door het OM gereserveerde plek';
const APART_TEXT = 'medeverdachten op een andere zitting: samen plannen zou de planning verslechteren';
const TOGETHER_TEXT = 'samen met de medeverdachten';

/**
 * Models prosecution reservations exactly without touching the core. A session with unfilled
 * reserved slots becomes one virtual session per reserved modality (capacity: its unfilled slots,
 * taking only that modality) plus a pool (capacity: the free slots minus all unfilled reserved
 * slots, taking what the session takes), all at the same start. A case of a reserved modality can
 * use its reserved slots and the pool at the same cost, every other case only the pool: that is
 * exactly the rule "until released, reserved-unfilled slots serve only their modality", and the
 * problem stays a transportation problem, so the core's optimum is the optimum with reservations.
 *
 * Cases referring to a split session (pinned or announced) are pointed at its reserved part for
 * their modality when there is one (pinned cases fill it first), else at the pool. Any plan of the
 * real session can be rearranged that way at no cost, so the move costs stay exact as well.
 */
export function splitReservedCapacity(problem: PlanningProblem, unfilled: UnfilledReservations): ReservedCapacitySplit {
  const sessions: PlanningSession[] = [];
  const realSessionOf = new Map<number, number>();
  const reservedModalityOf = new Map<number, ReservableModality>();
  const parts = new Map<number, { pool: number; reserved: Map<HeardModality, { id: number; capacity: number }> }>();
  let nextId = -1;
  for (const session of problem.sessions) {
    const byModality = unfilled.get(session.id);
    const reservedEntries = Object.entries(byModality ?? {})
      .filter(([modality, slots]) => (slots ?? 0) > 0 && session.accepts.includes(modality as HeardModality))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [ReservableModality, number][];
    if (reservedEntries.length === 0) {
      sessions.push(session);
      continue;
    }
    // A session filled beyond its reservations by other cases cannot hold all of them: the free slots are shared out in order.
    let free = session.capacity;
    const reserved = new Map<HeardModality, { id: number; capacity: number }>();
    for (const [modality, slots] of reservedEntries) {
      const capacity = Math.min(slots, free);
      free -= capacity;
      const id = nextId--;
      sessions.push({ ...session, id, capacity, accepts: [modality] });
      realSessionOf.set(id, session.id);
      reservedModalityOf.set(id, modality);
      reserved.set(modality, { id, capacity });
    }
    const poolId = nextId--;
    sessions.push({ ...session, id: poolId, capacity: free });
    realSessionOf.set(poolId, session.id);
    parts.set(session.id, { pool: poolId, reserved });
  }

  const pinnedOnReserved = new Map<number, number>();
  const target = (c: PlanningCase, realId: number, pinned: boolean): number => {
    const split = parts.get(realId);
    if (!split) return realId;
    const reserved = split.reserved.get(c.modality);
    if (!reserved) return split.pool;
    if (!pinned) return reserved.id;
    const used = pinnedOnReserved.get(reserved.id) ?? 0;
    if (used >= reserved.capacity) return split.pool;
    pinnedOnReserved.set(reserved.id, used + 1);
    return reserved.id;
  };
  const cases = problem.cases.map((c) => {
    if (c.pinnedSessionId === undefined && c.currentSessionId === undefined) return c;
    const copy: PlanningCase = { ...c };
    if (c.pinnedSessionId !== undefined) copy.pinnedSessionId = target(c, c.pinnedSessionId, true);
    if (c.currentSessionId !== undefined) {
      copy.currentSessionId = c.currentSessionId === c.pinnedSessionId ? copy.pinnedSessionId : target(c, c.currentSessionId, false);
    }
    return copy;
  });
  return { problem: { sessions, cases }, realSessionOf, reservedModalityOf };
}

/**
 * The core's answer on the virtual problem, told about the real sessions: placements on their real
 * session (those on reserved slots say so), co-defendants and moves judged by the real session.
 */
export function mapResultToRealSessions(split: ReservedCapacitySplit, original: PlanningProblem, result: PlanResult): PlanResult {
  const real = (id: number) => split.realSessionOf.get(id) ?? id;
  const sessionOfCase = new Map(result.placements.map((p) => [p.caseId, real(p.sessionId)]));
  const groups = new Map<string, number[]>();
  for (const c of original.cases) if (c.group !== undefined) groups.set(c.group, [...(groups.get(c.group) ?? []), c.id]);
  const togetherGroups = new Set<string>();
  for (const [group, ids] of groups) {
    const first = sessionOfCase.get(ids[0]!);
    if (ids.length > 1 && first !== undefined && ids.every((id) => sessionOfCase.get(id) === first)) togetherGroups.add(group);
  }
  const groupOf = new Map(original.cases.map((c) => [c.id, c.group]));
  const placements = result.placements.map((p) => {
    let explanation = p.explanation;
    const group = groupOf.get(p.caseId);
    if (explanation && group !== undefined && togetherGroups.has(group)) explanation = explanation.replace(APART_TEXT, TOGETHER_TEXT);
    if (explanation && split.reservedModalityOf.has(p.sessionId)) explanation = `${explanation}; ${RESERVED_SLOT_TEXT}`;
    return { ...p, sessionId: real(p.sessionId), explanation };
  });
  const moves = original.cases.filter((c) => c.currentSessionId !== undefined && sessionOfCase.get(c.id) !== c.currentSessionId).length;
  return { ...result, placements, moves, splitGroups: result.splitGroups.filter((g) => !togetherGroups.has(g)) };
}

/** Slots held back for urgent arrivals (any modality) come off a split session's pool. */
export function reserveOnPool(split: ReservedCapacitySplit, reserveBySession: Readonly<Record<number, number>>): Record<number, number> {
  const poolOf = new Map<number, number>();
  for (const [virtualId, realId] of split.realSessionOf) if (!split.reservedModalityOf.has(virtualId)) poolOf.set(realId, virtualId);
  return Object.fromEntries(Object.entries(reserveBySession).map(([id, n]) => [poolOf.get(Number(id)) ?? Number(id), n]));
}
