import type { HearingSolver } from './hearing-solver';
import type { PlanningCase } from './planning-problem';

/**
 * Co-defendants on one session, as a lexicographically second goal. A hard 'together' rule or a
 * split penalty would turn the transportation problem into an integer program whose LP is no
 * longer integral (a group of k needing k slots of one session is a bin-packing constraint), and
 * the planner could no longer be exact. So the objective stays the transportation LP, and this
 * pass then moves split co-defendants together only along zero-cost cycles of the optimal flow:
 * the objective does not change by a single unit, the plan stays optimal, and a group stays split
 * only when joining it would make the plan worse (a later hearing for someone, a case left out).
 *
 * A cycle has zero cost exactly when all its arcs have reduced cost 0 under any optimal dual
 * (complementary slackness), so the search runs over the 'tight' arcs only. It moves the stray
 * member into the target session and shifts other, ungrouped cases along tight arcs to make
 * room; it never moves a grouped case, a case on its announced session, nor plans or unplans
 * anyone.
 */
export function keepCoDefendantsTogether(solver: HearingSolver, onlyGroups?: ReadonlySet<string>): void {
  const groups = groupMembers(solver, onlyGroups);
  if (groups.size === 0) return;
  solver.flow.tightenCasePotentials();
  for (const members of groups.values()) joinGroup(solver, members);
}

/**
 * Groups with members on different sessions, or some planned and some not. A group none of
 * whose members could be planned is not split: its members are listed as infeasible or unplanned.
 */
export function splitGroups(solver: HearingSolver): string[] {
  const split: string[] = [];
  for (const [group, members] of groupMembers(solver)) {
    const first = solver.sessionIndexOf(members[0]!.id);
    if (members.some((c) => solver.sessionIndexOf(c.id) !== first)) split.push(group);
  }
  return split.sort();
}

/** Whether the case's co-defendants all share its session. */
export function isWithCoDefendants(solver: HearingSolver, c: PlanningCase, members: readonly PlanningCase[]): boolean {
  const own = solver.sessionIndexOf(c.id);
  return own !== undefined && own >= 0 && members.every((m) => solver.sessionIndexOf(m.id) === own);
}

export function groupMembers(solver: HearingSolver, onlyGroups?: ReadonlySet<string>): Map<string, PlanningCase[]> {
  const groups = new Map<string, PlanningCase[]>();
  for (const c of solver.allCases()) {
    if (c.group === undefined || (onlyGroups && !onlyGroups.has(c.group))) continue;
    let list = groups.get(c.group);
    if (!list) groups.set(c.group, (list = []));
    list.push(c);
  }
  for (const [group, list] of groups) if (list.length < 2) groups.delete(group);
  return groups;
}

function joinGroup(solver: HearingSolver, members: readonly PlanningCase[]): void {
  for (const target of candidateTargets(solver, members)) {
    let joined = true;
    for (const c of members) {
      if (c.pinnedSessionId !== undefined) continue;
      const a = solver.flowIndexOf(c.id);
      if (a === undefined) continue;
      const at = solver.flow.placementOf(a);
      if (at >= 0 && at !== target && !moveAlongTightCycle(solver, a, target)) joined = false;
    }
    if (joined) return;
  }
}

/**
 * Sessions to gather the group on, best first: the session of the pinned members if any (it cannot
 * change), else the sessions holding members, most members first, earliest on a tie.
 */
function candidateTargets(solver: HearingSolver, members: readonly PlanningCase[]): number[] {
  const count = new Map<number, number>();
  const pinned = members.filter((c) => c.pinnedSessionId !== undefined);
  for (const c of pinned.length > 0 ? pinned : members) {
    const s = solver.sessionIndexOf(c.id);
    if (s !== undefined && s >= 0) count.set(s, (count.get(s) ?? 0) + 1);
  }
  const sessions = solver.network.sessions;
  const targets = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || sessions[a]!.start - sessions[b]!.start || a - b);
  return pinned.length > 0 ? targets.slice(0, 1) : targets;
}

const SINK = -2;

/** Moves case `a` to session `target` along a zero-cost cycle, if one exists. */
function moveAlongTightCycle(solver: HearingSolver, a: number, target: number): boolean {
  const flow = solver.flow;
  const from = flow.placementOf(a);
  const arcs = flow.arcSessionsOf(a);
  const k = arcs.indexOf(target);
  if (k < 0) return false;
  const entryCost = flow.arcCostsOf(a)[k]!;
  if (entryCost + flow.casePotentialOf(a) - flow.sessionPotentialOf(target) !== 0) return false;

  // Breadth-first search over tight residual arcs, from `target` (one case too many) back to
  // `from` (one case short once `a` has left).
  const parent = new Map<number, { previous: number; mover: number; cost: number }>();
  parent.set(target, { previous: -1, mover: -1, cost: 0 });
  const queue: number[] = [target];
  let sinkParent = -1;
  for (let head = 0; head < queue.length && !parent.has(from); head++) {
    const x = queue[head]!;
    if (x === SINK) {
      for (let y = 0; y < flow.sessionCount; y++) {
        if (!parent.has(y) && flow.casesAt(y).length > 0 && flow.sessionPotentialOf(y) === 0) {
          parent.set(y, { previous: SINK, mover: -1, cost: 0 });
          queue.push(y);
        }
      }
      continue;
    }
    if (sinkParent < 0 && flow.casesAt(x).length < flow.capacityOf(x) && flow.sessionPotentialOf(x) === 0) {
      sinkParent = x;
      queue.push(SINK);
    }
    for (const b of flow.casesAt(x)) {
      if (b === a || !isMovable(solver, b, x)) continue;
      const pb = flow.casePotentialOf(b);
      const sessions = flow.arcSessionsOf(b);
      const costs = flow.arcCostsOf(b);
      for (let arc = 0; arc < sessions.length; arc++) {
        const y = sessions[arc]!;
        if (y === x || parent.has(y)) continue;
        if (costs[arc]! + pb - flow.sessionPotentialOf(y) !== 0) continue;
        parent.set(y, { previous: x, mover: b, cost: costs[arc]! });
        queue.push(y);
      }
    }
  }
  if (!parent.has(from)) return false;

  const moves: { mover: number; to: number; cost: number }[] = [];
  let node = from;
  while (node !== target) {
    const link = parent.get(node)!;
    if (link.previous === SINK) {
      node = sinkParent;
      continue;
    }
    moves.push({ mover: link.mover, to: node, cost: link.cost });
    node = link.previous;
  }
  flow.relocate(a, target, entryCost);
  for (const move of moves) flow.relocate(move.mover, move.to, move.cost);
  return true;
}

function isMovable(solver: HearingSolver, b: number, at: number): boolean {
  const c = solver.flowCases[b]!.c;
  if (c.group !== undefined) return false;
  if (c.currentSessionId === undefined) return true;
  return solver.network.sessions[at]!.id !== c.currentSessionId;
}
