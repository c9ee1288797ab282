import { describe, expect, it } from 'vitest';
import type { PlanningCase, PlanningProblem, PlanningSession } from '../../../shared/planner/planning-problem';
import { compareWhatIf, measureScenario, percentile, planScenario, replayIntake, type WhatIfSessionInfo } from '../../../shared/planner/what-if';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 15 June 2026 09:00 Amsterdam. */
const T0 = Date.UTC(2026, 5, 15, 7, 0);

const session = (id: number, offset: number, capacity: number, accepts: PlanningSession['accepts']): PlanningSession => ({
  id,
  start: T0 + offset,
  date: new Date(T0 + offset).toISOString().slice(0, 10),
  capacity,
  accepts,
});
const kase = (id: number, modality: PlanningCase['modality'], earliest: number, latest: number | null, targetBy: number | null): PlanningCase => ({
  id,
  modality,
  earliest: T0 + earliest,
  latest: latest === null ? null : T0 + latest,
  targetBy: targetBy === null ? null : T0 + targetBy,
  detained: modality === 'supersnelrecht' || modality === 'snelrecht',
});

// s1: supersnelrecht, 3 slots of which 1 free; s2: snelrecht_nd, 4 slots of which 2 free.
// s3 (scenario): supersnelrecht, 2 slots, all free, the same day; s4 (scenario): mixed, 3 slots.
const S1 = session(1, DAY, 1, ['supersnelrecht']);
const S2 = session(2, 3 * DAY, 2, ['snelrecht_nd']);
const S3 = session(3, 6 * HOUR, 2, ['supersnelrecht']);
const S4 = session(4, 2 * DAY, 3, ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler']);
const INFO = new Map<number, WhatIfSessionInfo>([
  [1, { sessionType: 'supersnelrecht', capacitySlots: 3 }],
  [2, { sessionType: 'snelrecht_nd', capacitySlots: 4 }],
  [3, { sessionType: 'supersnelrecht', capacitySlots: 2 }],
  [4, { sessionType: 'mixed', capacitySlots: 3 }],
]);

// a: only s1 before its limit; b: limit before every current session; c, d: snelrecht_nd; e: filler (no current session takes it).
const CASES = [
  kase(10, 'supersnelrecht', 0, 2 * DAY, DAY),
  kase(11, 'supersnelrecht', 0, 12 * HOUR, null),
  kase(12, 'snelrecht_nd', DAY, null, 2 * DAY),
  kase(13, 'snelrecht_nd', 0, null, null),
  kase(14, 'filler', 0, null, null),
];
const BASELINE: PlanningProblem = { sessions: [S1, S2], cases: CASES };
const VARIANT: PlanningProblem = { sessions: [S1, S3, S4], cases: CASES };

describe('measuring one scenario', () => {
  it.each([
    {
      name: 'current plan: one custody case misses, filler does not fit',
      problem: BASELINE,
      expected: {
        cases: 5,
        planned: 3,
        unplanned: [14],
        hardLimitCases: 2,
        withinHardLimit: 1,
        deadlineCompliance: 0.5,
        targetCases: 2,
        targetMet: 1,
        targetCompliance: 0.5,
        // a: 1 day, c: 2 days (from its earliest T0+1d to T0+3d), d: 3 days.
        meanDaysToHearing: 2,
        p90DaysToHearing: 3,
        sessions: 2,
        capacity: 7,
        booked: 7,
        fillRate: 1,
        fillBySessionType: [
          { sessionType: 'supersnelrecht', sessions: 1, capacity: 3, booked: 3, fillRate: 1 },
          { sessionType: 'snelrecht_nd', sessions: 1, capacity: 4, booked: 4, fillRate: 1 },
        ],
      },
      infeasible: [11],
    },
    {
      name: 'scenario: an early supersnelrecht session and a mixed one instead of snelrecht_nd',
      problem: VARIANT,
      expected: {
        cases: 5,
        planned: 5,
        unplanned: [],
        hardLimitCases: 2,
        withinHardLimit: 2,
        deadlineCompliance: 1,
        targetCases: 2,
        targetMet: 2,
        targetCompliance: 1,
        // a, b on s3 (0.25 days), c, d, e on s4 (1, 2, 2 days).
        meanDaysToHearing: 1.1,
        p90DaysToHearing: 2,
        sessions: 3,
        capacity: 8,
        booked: 7,
        fillRate: 0.875,
        fillBySessionType: [
          { sessionType: 'supersnelrecht', sessions: 2, capacity: 5, booked: 4, fillRate: 0.8 },
          { sessionType: 'mixed', sessions: 1, capacity: 3, booked: 3, fillRate: 1 },
        ],
      },
      infeasible: [],
    },
    {
      name: 'no cases: no compliance and no days, only capacity',
      problem: { sessions: [S1], cases: [] },
      expected: {
        cases: 0,
        planned: 0,
        deadlineCompliance: null,
        targetCompliance: null,
        meanDaysToHearing: null,
        p90DaysToHearing: null,
        capacity: 3,
        booked: 2,
        fillRate: 2 / 3,
      },
      infeasible: [],
    },
    {
      name: 'no sessions: every custody case misses, fill rate unknown',
      problem: { sessions: [], cases: CASES.slice(0, 2) },
      expected: { cases: 2, planned: 0, withinHardLimit: 0, deadlineCompliance: 0, capacity: 0, fillRate: null, fillBySessionType: [] },
      infeasible: [10, 11],
    },
  ])('$name', ({ problem, expected, infeasible }) => {
    const measures = measureScenario(problem, planScenario(problem, undefined), INFO);
    expect(measures).toMatchObject(expected);
    expect(measures.infeasible.map((i) => i.caseId)).toEqual(infeasible);
    for (const i of measures.infeasible) expect(i.reason).toMatch(/\w/);
  });

  it('keeps reserved-unfilled slots for their modality, as the real run does', () => {
    const mixed = session(5, DAY, 1, ['snelrecht', 'snelrecht_nd']);
    const problem: PlanningProblem = { sessions: [mixed], cases: [kase(20, 'snelrecht_nd', 0, null, null)] };
    const info = new Map<number, WhatIfSessionInfo>([[5, { sessionType: 'mixed', capacitySlots: 1 }]]);
    expect(measureScenario(problem, planScenario(problem, undefined), info).planned).toBe(1);
    const reserved = new Map([[5, { snelrecht: 1 }]]);
    const measures = measureScenario(problem, planScenario(problem, reserved), info);
    expect(measures).toMatchObject({ planned: 0, unplanned: [20], booked: 0 });
  });

  it('refuses a session it has no type for', () => {
    expect(() => measureScenario(BASELINE, planScenario(BASELINE, undefined), new Map())).toThrow(/session 1/);
  });
});

describe('comparing the current plan with a scenario', () => {
  it('gives both sides and the difference (scenario minus current)', () => {
    const { baseline, variant, difference } = compareWhatIf({ baseline: BASELINE, variant: VARIANT, sessions: INFO });
    expect(baseline.planned).toBe(3);
    expect(variant.planned).toBe(5);
    expect(difference).toMatchObject({
      cases: 0,
      planned: 2,
      infeasible: -1,
      unplanned: -1,
      deadlineCompliance: 0.5,
      targetCompliance: 0.5,
      p90DaysToHearing: -1,
      sessions: 1,
      capacity: 1,
      booked: 0,
      fillRate: -0.125,
    });
    expect(difference.meanDaysToHearing).toBeCloseTo(-0.9, 10);
    expect(difference.fillBySessionType).toEqual([
      { sessionType: 'supersnelrecht', sessions: 1, capacity: 2, booked: 1, fillRate: expect.closeTo(-0.2, 10) as number },
      { sessionType: 'snelrecht_nd', sessions: -1, capacity: -4, booked: -4, fillRate: null },
      { sessionType: 'mixed', sessions: 1, capacity: 3, booked: 3, fillRate: null },
    ]);
  });

  it('leaves the inputs untouched', () => {
    const copy = structuredClone(BASELINE);
    compareWhatIf({ baseline: BASELINE, variant: BASELINE, sessions: INFO });
    expect(BASELINE).toEqual(copy);
  });
});

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 0.9, null],
    [[5], 0.9, 5],
    [[3, 1, 2], 0.9, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9, 10],
    [[4, 1, 3, 2], 0.5, 2],
  ])('%j at %d is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('replaying a past intake', () => {
  const WEEK = 7 * DAY;
  it.each([
    {
      name: 'every instant moves, the id becomes the negated source id',
      source: { ...kase(7, 'snelrecht', 0, 10 * DAY, 5 * DAY) },
      expected: { id: -7, modality: 'snelrecht', earliest: T0 + WEEK, latest: T0 + 10 * DAY + WEEK, targetBy: T0 + 5 * DAY + WEEK, detained: true, group: undefined },
    },
    {
      name: 'missing limits stay missing',
      source: kase(8, 'filler', -DAY, null, null),
      expected: { id: -8, earliest: T0 - DAY + WEEK, latest: null, targetBy: null, detained: false },
    },
    {
      name: 'co-defendants stay together, apart from real groups; past sessions are dropped',
      source: { ...kase(9, 'snelrecht_nd', 0, null, DAY), group: 'PV-1', pinnedSessionId: 4, currentSessionId: 4 },
      expected: { id: -9, group: 'herhaling:PV-1' },
    },
  ])('$name', ({ source, expected }) => {
    const [replayed] = replayIntake([source], WEEK);
    expect(replayed).toMatchObject(expected);
    expect(replayed).not.toHaveProperty('pinnedSessionId');
    expect(replayed).not.toHaveProperty('currentSessionId');
  });

  it('refuses ids it cannot negate into a free range', () => {
    expect(() => replayIntake([kase(0, 'filler', 0, null, null)], DAY)).toThrow(/positive/);
    expect(() => replayIntake([kase(-3, 'filler', 0, null, null)], DAY)).toThrow(/positive/);
  });
});
