import { describe, expect, it } from 'vitest';
import { applyDisclosureControl, GENERALISED, quasiIdentifierKey } from '../../../shared/monitoring/disclosure-control';
import { dayBand, type MonitoringRecord } from '../../../shared/monitoring/monitoring-record';

function record(caseKey: string, over: Partial<MonitoringRecord>): MonitoringRecord {
  return {
    caseKey,
    modality: 'snelrecht_nd',
    fillerKind: null,
    status: 'completed',
    policeUnit: 'Basisteam A',
    courtLocation: 'Hanzestad',
    referenceEvent: 'registration',
    referencePeriod: '2026-03',
    zsmOutcome: null,
    days: { zsmDecision: null, firstHearing: '15-28', legalLimit: null, policyTarget: '15-28', judgment: '15-28', cjibSent: null, cjibAcknowledged: null, executionCompleted: null },
    firstHearingWithinLegalLimit: null,
    firstHearingWithinPolicyTarget: true,
    hearings: { total: 1, held: 1, adjourned: 0, cancelled: 0 },
    decisionKind: 'judgment',
    sanctionKinds: [],
    cjib: { status: null, returnCount: 0 },
    ...over,
  };
}

const many = (prefix: string, n: number, over: Partial<MonitoringRecord>) => Array.from({ length: n }, (_, i) => record(`${prefix}${i}`, over));

describe('disclosure control of the monitoring export (k-anonymity on the quasi-identifiers)', () => {
  it('bands day offsets', () => {
    expect([null, -2, 0, 1, 3, 4, 14, 15, 28, 29, 365, 366].map(dayBand)).toEqual([null, '<0', '0', '1-3', '1-3', '4-7', '8-14', '15-28', '15-28', '29-56', '183-365', '366+']);
  });

  it('keeps large groups as they are, makes small ones coarser step by step, and leaves out what stays small', () => {
    const input = [
      ...many('a', 5, {}), // a group of 5: kept precise
      ...many('b', 3, { courtLocation: 'Veenoord' }), // 3 at another location, same unit and month: location generalised...
      ...many('c', 2, { courtLocation: 'Kasteel' }), // ...together with these 2: a group of 5 with location '*'
      ...many('d', 4, { policeUnit: 'Basisteam B', referencePeriod: '2026-01' }), // 4 in January, 1 in February: the unit and then
      ...many('e', 1, { policeUnit: 'Basisteam B', referencePeriod: '2026-02' }), // the month go, together they are 5 in 2026-T1
      ...many('z', 1, { modality: 'supersnelrecht' }), // alone in its modality: left out
    ];
    const result = applyDisclosureControl(input, 5);
    expect(result.suppressed).toBe(1);
    expect(result.generalised).toBe(10);
    expect(result.records.map((r) => r.caseKey)).toEqual(input.filter((r) => r.modality !== 'supersnelrecht').map((r) => r.caseKey));
    const byKey = Object.fromEntries(result.records.map((r) => [r.caseKey, r]));
    expect(byKey['a0']).toMatchObject({ courtLocation: 'Hanzestad', policeUnit: 'Basisteam A', referencePeriod: '2026-03' });
    expect(byKey['b0']).toMatchObject({ courtLocation: GENERALISED, policeUnit: 'Basisteam A', referencePeriod: '2026-03' });
    expect(byKey['e0']).toMatchObject({ courtLocation: GENERALISED, policeUnit: GENERALISED, referencePeriod: '2026-T1' });
    const sizes = new Map<string, number>();
    for (const r of result.records) sizes.set(quasiIdentifierKey(r), (sizes.get(quasiIdentifierKey(r)) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(5);
  });
});
