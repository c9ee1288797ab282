import { describe, expect, it } from 'vitest';
import { parsePlanOptions, parsePlanningProblem } from '../../../shared/planner/planning-problem';

const session = { id: 1, start: Date.UTC(2026, 3, 13, 7), date: '2026-04-13', capacity: 2, accepts: ['supersnelrecht'] };
const kase = { id: 10, modality: 'supersnelrecht', earliest: Date.UTC(2026, 3, 12), latest: null, targetBy: null, detained: true };

describe('the planner input schema (the worker boundary)', () => {
  it('accepts a valid problem', () => {
    expect(parsePlanningProblem({ sessions: [session], cases: [{ ...kase, group: 'A', currentSessionId: 1 }] }).cases).toHaveLength(1);
  });

  it.each([
    ['a session id twice', { sessions: [session, session], cases: [] }, 'zitting 1 komt twee keer voor'],
    ['a case id twice', { sessions: [session], cases: [kase, kase] }, 'zaak 10 komt twee keer voor'],
    ['a pin on an unknown session', { sessions: [session], cases: [{ ...kase, pinnedSessionId: 2 }] }, 'onbekende zitting 2'],
    ['a negative capacity', { sessions: [{ ...session, capacity: -1 }], cases: [] }, '"capacity"'],
    ['an unknown modality', { sessions: [session], cases: [{ ...kase, modality: 'zsm' }] }, '"modality"'],
    ['a missing hard limit field', { sessions: [session], cases: [{ ...kase, latest: undefined }] }, '"latest"'],
  ])('refuses %s', (_, input, message) => {
    expect(() => parsePlanningProblem(input)).toThrow(message);
  });

  it('accepts options and refuses non-integer or zero-reward weights', () => {
    expect(parsePlanOptions({ weights: { moveCost: 10 }, reservePerSession: 1, reserveBySession: { 3: 2 } })).toMatchObject({ reservePerSession: 1 });
    expect(parsePlanOptions(undefined)).toEqual({});
    expect(() => parsePlanOptions({ weights: { moveCost: 1.5 } })).toThrow();
    expect(() => parsePlanOptions({ weights: { plannedReward: 0 } })).toThrow();
    expect(() => parsePlanOptions({ candidatesPerClass: 0 })).toThrow();
  });
});
