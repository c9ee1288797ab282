import type { OperationOutput } from '../../../../shared/api/contract';

type Candidates = OperationOutput<'planner.candidates'>;

/** A session every checked case can go to, as the bulk move's drop-down offers it. */
interface SharedCandidate {
  sessionId: number;
  date: string;
  startTime: string;
  location: string;
  room: string;
  /** The fewest free places any of the cases sees there (a modality's own reserved slots count for it only). */
  free: number;
  /** How many of the checked cases would break a rule there (summons term, hard limit, capacity): those are refused. */
  withBreaches: number;
}

/**
 * The sessions offered to each of several cases (one planner.candidates list per case), in the first
 * list's order (date, time): a session missing from one list (another modality, minors, started, the
 * case's own session) is left out; a session where some cases would break a rule stays, with that count.
 */
export function sharedCandidates(lists: readonly Candidates[]): SharedCandidate[] {
  return (lists[0] ?? [])
    .filter((s) => lists.every((list) => list.some((o) => o.sessionId === s.sessionId)))
    .map((s) => {
      const seen = lists.map((list) => list.find((o) => o.sessionId === s.sessionId)!);
      return {
        sessionId: s.sessionId,
        date: s.date,
        startTime: s.startTime,
        location: s.location,
        room: s.room,
        free: Math.min(...seen.map((o) => o.free)),
        withBreaches: seen.filter((o) => o.breaches.length > 0).length,
      };
    });
}
