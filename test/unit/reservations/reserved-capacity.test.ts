import { describe, expect, it } from 'vitest';
import { HEARD_MODALITIES, type HeardModality } from '../../../shared/domain/modality';
import { RESERVABLE_MODALITIES, type ReservableModality } from '../../../shared/domain/reservation';
import { isFeasible, resolveCostModel } from '../../../shared/planner/costs';
import { planHearings } from '../../../shared/planner/plan-hearings';
import type { PlanOptions, PlanResult, PlanningCase, PlanningProblem, PlanningSession } from '../../../shared/planner/planning-problem';
import { mapResultToRealSessions, RESERVED_SLOT_TEXT, splitReservedCapacity } from '../../../shared/planner/reserved-capacity';
import { createSeededRandom } from '../../../server/services/demo/seeded-random';
import { highs } from '../../support/planner-instances';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 5, 15, 7, 0);

interface Instance {
  problem: PlanningProblem;
  unfilled: Map<number, Partial<Record<ReservableModality, number>>>;
  options: PlanOptions;
}

/** Whether the booked counts per modality fit a session with reservations (the rule itself, not the split). */
function fits(session: PlanningSession, reserved: Partial<Record<ReservableModality, number>>, count: Partial<Record<HeardModality, number>>): boolean {
  const reservedTotal = Object.values(reserved).reduce((a, b) => a + (b ?? 0), 0);
  const pool = session.capacity - reservedTotal;
  let needPool = 0;
  for (const m of HEARD_MODALITIES) needPool += Math.max(0, (count[m] ?? 0) - (reserved[m as ReservableModality] ?? 0));
  return needPool <= pool && Object.values(count).reduce((a, b) => a + (b ?? 0), 0) <= session.capacity;
}

function randomInstance(seed: number): Instance {
  const random = createSeededRandom(seed);
  const sessions: PlanningSession[] = [];
  const unfilled = new Map<number, Partial<Record<ReservableModality, number>>>();
  for (let k = 0; k < random.int(1, 7); k++) {
    const accepts = HEARD_MODALITIES.filter(() => random.chance(0.6));
    const session: PlanningSession = {
      id: 10 + k,
      start: BASE + random.int(0, 30) * 8 * HOUR,
      date: '2026-06-15',
      capacity: random.int(0, 6),
      accepts: accepts.length > 0 ? accepts : ['filler'],
    };
    sessions.push(session);
    let left = session.capacity;
    const reserved: Partial<Record<ReservableModality, number>> = {};
    for (const m of RESERVABLE_MODALITIES) {
      if (!session.accepts.includes(m) || left === 0 || !random.chance(0.5)) continue;
      const slots = random.int(1, left);
      reserved[m] = slots;
      left -= slots;
    }
    if (Object.keys(reserved).length > 0) unfilled.set(session.id, reserved);
  }
  const cases: PlanningCase[] = [];
  const pins = new Map<number, Partial<Record<HeardModality, number>>>();
  for (let k = 0; k < random.int(1, 22); k++) {
    const modality = random.pick(HEARD_MODALITIES);
    const earliest = BASE + random.int(-24, 9 * 24) * HOUR;
    const c: PlanningCase = {
      id: 1 + k,
      modality,
      detained: modality === 'supersnelrecht' || modality === 'snelrecht',
      earliest,
      latest: random.chance(0.5) ? earliest + random.int(0, 8 * 24) * HOUR : null,
      targetBy: random.chance(0.5) ? earliest + random.int(0, 5 * 24) * HOUR : null,
    };
    if (random.chance(0.2)) c.group = random.pick(['A', 'B']);
    const at = random.pick(sessions);
    const pinned = { ...(pins.get(at.id) ?? {}) };
    pinned[modality] = (pinned[modality] ?? 0) + 1;
    if (random.chance(0.1) && at.accepts.includes(modality) && fits(at, unfilled.get(at.id) ?? {}, pinned)) {
      c.pinnedSessionId = at.id;
      pins.set(at.id, pinned);
      if (random.chance(0.5)) c.currentSessionId = at.id;
    } else if (random.chance(0.35)) c.currentSessionId = random.pick(sessions).id;
    cases.push(c);
  }
  const options: PlanOptions = { candidatesPerClass: random.int(1, 3) };
  if (random.chance(0.5)) {
    options.weights = {
      detainedDelayPerHour: random.int(0, 10),
      freeDelayPerHour: random.int(0, 3),
      targetMissPenalty: random.int(0, 300),
      targetLatePerHour: random.int(0, 5),
      moveCost: random.int(1, 500),
      plannedReward: random.int(1, 3000),
      hardLimitReward: random.int(0, 3000),
      ageRewardPerHour: random.int(0, 2),
    };
  }
  return { problem: { sessions, cases }, unfilled, options };
}

/**
 * The optimum with reservations as an integer program on the REAL sessions, built without the
 * split: a column per feasible (case, session) pair and, per session and per set T of its reserved
 * modalities, a row 'cases of the modalities in T or unreserved <= pool + unfilled slots of T'
 * (the pool only takes what overflows the reservations). T = all reserved is the capacity row.
 */
async function optimumWithReservations({ problem, unfilled, options }: Instance): Promise<number> {
  const solver = await highs();
  const model = resolveCostModel(problem, options);
  const sessionById = new Map(problem.sessions.map((s) => [s.id, s]));
  let offset = 0;
  const pinned = new Map<number, Partial<Record<HeardModality, number>>>();
  const open: PlanningCase[] = [];
  for (const c of problem.cases) {
    if (c.pinnedSessionId === undefined) {
      open.push(c);
      continue;
    }
    const count = pinned.get(c.pinnedSessionId) ?? {};
    count[c.modality] = (count[c.modality] ?? 0) + 1;
    pinned.set(c.pinnedSessionId, count);
    offset += model.cost(c, sessionById.get(c.pinnedSessionId)!) - model.reward(c);
  }
  const rows: { session: number; modalities: Set<HeardModality>; upper: number }[] = [];
  for (const s of problem.sessions) {
    const reserved = unfilled.get(s.id) ?? {};
    const reservedModalities = RESERVABLE_MODALITIES.filter((m) => (reserved[m] ?? 0) > 0);
    const pool = s.capacity - reservedModalities.reduce((a, m) => a + reserved[m]!, 0);
    for (let mask = 0; mask < 1 << reservedModalities.length; mask++) {
      const inT = reservedModalities.filter((_, k) => mask & (1 << k));
      const modalities = new Set<HeardModality>(HEARD_MODALITIES.filter((m) => !reservedModalities.includes(m as ReservableModality) || inT.includes(m as ReservableModality)));
      const pinnedHere = [...modalities].reduce((a, m) => a + (pinned.get(s.id)?.[m] ?? 0), 0);
      rows.push({ session: s.id, modalities, upper: pool + inT.reduce((a, m) => a + reserved[m]!, 0) - pinnedHere });
    }
  }
  const costs: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  open.forEach((c, k) => {
    for (const s of problem.sessions) {
      if (!isFeasible(c, s)) continue;
      costs.push(model.cost(c, s) - model.reward(c));
      rows.forEach((row, r) => {
        if (row.session === s.id && row.modalities.has(c.modality)) indices.push(r);
      });
      indices.push(rows.length + k);
      starts.push(indices.length);
    }
  });
  const numCols = costs.length;
  if (numCols === 0) return offset;
  const numRows = rows.length + open.length;
  const lp = solver.createModel({
    numCols,
    numRows,
    offset,
    colCost: Float64Array.from(costs),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(-solver.infinity),
    rowUpper: Float64Array.from([...rows.map((r) => r.upper), ...open.map(() => 1)]),
    integrality: new Int32Array(numCols).fill(1),
    matrix: { format: 'csc', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: new Float64Array(indices.length).fill(1) },
  });
  try {
    lp.options.set({ output_flag: false });
    lp.run();
    expect(lp.getModelStatus()).toBe(solver.constants.modelStatus.optimal);
    return lp.getObjectiveValue();
  } finally {
    lp.dispose();
  }
}

function planWithReservations({ problem, unfilled, options }: Instance): PlanResult {
  const split = splitReservedCapacity(problem, unfilled);
  return mapResultToRealSessions(split, problem, planHearings(split.problem, options));
}

/** The plan keeps the reservation rule on the real sessions, counted from the original input. */
function checkReservationRule(instance: Instance, result: PlanResult, label: string): void {
  const cases = new Map(instance.problem.cases.map((c) => [c.id, c]));
  const counts = new Map<number, Partial<Record<HeardModality, number>>>();
  for (const p of result.placements) {
    const c = cases.get(p.caseId)!;
    expect(instance.problem.sessions.some((s) => s.id === p.sessionId), `${label}: placement on a real session`).toBe(true);
    const count = counts.get(p.sessionId) ?? {};
    count[c.modality] = (count[c.modality] ?? 0) + 1;
    counts.set(p.sessionId, count);
  }
  for (const s of instance.problem.sessions) expect(fits(s, instance.unfilled.get(s.id) ?? {}, counts.get(s.id) ?? {}), `${label}: session ${s.id}`).toBe(true);
}

describe('splitReservedCapacity', () => {
  const session: PlanningSession = { id: 7, start: BASE, date: '2026-06-15', capacity: 6, accepts: ['snelrecht', 'snelrecht_nd', 'filler'] };

  it('splits a session into one virtual session per reserved modality plus a pool, with negative ids mapped back', () => {
    const split = splitReservedCapacity({ sessions: [session, { ...session, id: 8 }], cases: [] }, new Map([[7, { snelrecht: 2, snelrecht_nd: 1 }]]));
    expect(split.problem.sessions.map((s) => [s.id, s.capacity, s.accepts])).toEqual([
      [-1, 2, ['snelrecht']],
      [-2, 1, ['snelrecht_nd']],
      [-3, 3, ['snelrecht', 'snelrecht_nd', 'filler']],
      [8, 6, ['snelrecht', 'snelrecht_nd', 'filler']],
    ]);
    expect([...split.realSessionOf]).toEqual([[-1, 7], [-2, 7], [-3, 7]]);
    expect(split.problem.sessions.every((s) => s.start === BASE && s.date === '2026-06-15')).toBe(true);
  });

  it.each([
    ['no reservation', {}, 1],
    ['only released or filled (0 unfilled)', { snelrecht: 0 }, 1],
    ['a modality the session does not take', { supersnelrecht: 3 }, 1],
  ] as const)('leaves a session whole with %s', (_, reserved, count) => {
    const split = splitReservedCapacity({ sessions: [session], cases: [] }, new Map([[7, reserved]]));
    expect(split.problem.sessions).toHaveLength(count);
    expect(split.problem.sessions[0]).toBe(session);
  });

  it('shares out the free slots when other cases leave less room than reserved', () => {
    const split = splitReservedCapacity({ sessions: [{ ...session, capacity: 2 }], cases: [] }, new Map([[7, { snelrecht: 2, snelrecht_nd: 2 }]]));
    expect(split.problem.sessions.map((s) => s.capacity)).toEqual([2, 0, 0]);
  });

  it('keeps filler off reserved slots until release, and says when a case got a reserved slot', () => {
    const filler: PlanningCase = { id: 1, modality: 'filler', detained: false, earliest: BASE - HOUR, latest: null, targetBy: null };
    const nd: PlanningCase = { ...filler, id: 2, modality: 'snelrecht_nd' };
    const problem: PlanningProblem = { sessions: [{ ...session, capacity: 2 }], cases: [filler, { ...filler, id: 3 }, nd] };
    const instance = { problem, unfilled: new Map([[7, { snelrecht_nd: 1 }]]), options: {} };
    const result = planWithReservations(instance);
    expect(result.placements.map((p) => p.caseId).sort()).toEqual([1, 2]);
    expect(result.unplanned).toEqual([3]);
    expect(result.placements.every((p) => p.sessionId === 7)).toBe(true);
    expect(result.placements.find((p) => p.caseId === 2)!.explanation).toContain(RESERVED_SLOT_TEXT);
    expect(result.placements.find((p) => p.caseId === 1)!.explanation).not.toContain(RESERVED_SLOT_TEXT);
    // Released: both filler cases fit.
    expect(planHearings(problem).placements).toHaveLength(2);
  });

  it('judges co-defendants and moves by the real session', () => {
    const a: PlanningCase = { id: 1, modality: 'snelrecht', detained: true, earliest: BASE - HOUR, latest: null, targetBy: null, group: 'G', currentSessionId: 7 };
    const problem: PlanningProblem = { sessions: [{ ...session, capacity: 2 }], cases: [a, { ...a, id: 2, currentSessionId: undefined }] };
    const result = planWithReservations({ problem, unfilled: new Map([[7, { snelrecht: 1 }]]), options: {} });
    expect(result.placements.map((p) => p.sessionId)).toEqual([7, 7]);
    expect(result.splitGroups).toEqual([]);
    expect(result.moves).toBe(0);
    for (const p of result.placements) expect(p.explanation).toContain('samen met de medeverdachten');
  });
});

describe('planning with reservations against the HiGHS optimum (test oracle only)', () => {
  it('equals the integer optimum with per-modality reservation rows on 300 seeded instances, and keeps the rule', async () => {
    let reservedPlacements = 0;
    let bindingInstances = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const instance = randomInstance(seed);
      const result = planWithReservations(instance);
      const optimum = await optimumWithReservations(instance);
      expect(Math.round(optimum), `seed ${seed}`).toBe(result.objective);
      checkReservationRule(instance, result, `seed ${seed}`);
      reservedPlacements += result.placements.filter((p) => p.explanation.includes(RESERVED_SLOT_TEXT)).length;
      if (planHearings(instance.problem, instance.options).objective !== result.objective) bindingInstances += 1;
    }
    // The instances do exercise the reservations: they change the optimum, and cases land on reserved slots.
    expect(bindingInstances).toBeGreaterThan(20);
    expect(reservedPlacements).toBeGreaterThan(50);
  });
});
