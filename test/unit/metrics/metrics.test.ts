import { describe, expect, it } from 'vitest';
import { backlogBucket, computeBacklog, computeClearance, computePendingAge, computeTimeToDisposition } from '../../../shared/metrics/caseload';
import { computeFairness, byPoliceUnit } from '../../../shared/metrics/fairness';
import { computeForecast } from '../../../shared/metrics/forecast';
import { computeAdjournments, computeDateCertainty, computeLegalCompliance, computeTargetCompliance } from '../../../shared/metrics/hearing-metrics';
import { computeIntake } from '../../../shared/metrics/intake';
import type { DisposalRow, HearingRow, IntakeRow, PendingRow, SessionRow, StepRow } from '../../../shared/metrics/metric-rows';
import { computeReturns } from '../../../shared/metrics/returns';
import { computeSessionFill } from '../../../shared/metrics/session-fill';
import { computeThroughput } from '../../../shared/metrics/throughput';
import { parseDrill, makeDrill } from '../../../shared/metrics/drill';

const intake = (caseId: number, modality: IntakeRow['modality'], policeUnit: string, intakeDate: string): IntakeRow => ({ caseId, modality, policeUnit, intakeDate });

describe('intake', () => {
  it('counts per modality, unit and ISO week inside the period only', () => {
    const rows = [
      intake(1, 'snelrecht', 'A', '2026-03-02'), // Monday, week of 2 March
      intake(2, 'snelrecht', 'B', '2026-03-08'), // Sunday, same week
      intake(3, 'zsm', 'A', '2026-03-09'), // next week
      intake(4, 'zsm', 'A', '2026-02-28'), // before the period: left out
    ];
    const r = computeIntake(rows, '2026-03-01', '2026-03-10');
    expect(r.total).toBe(3); // cases 1, 2, 3
    expect(r.byModality.snelrecht).toBe(2);
    expect(r.byModality.zsm).toBe(1);
    expect(r.byPoliceUnit).toEqual([{ policeUnit: 'A', count: 2 }, { policeUnit: 'B', count: 1 }]);
    // weeks touching 1-10 March: 23 Feb (holds 1 March), 2 March, 9 March
    expect(r.weekly.map((w) => [w.weekStart, w.total])).toEqual([['2026-02-23', 0], ['2026-03-02', 2], ['2026-03-09', 1]]);
  });
});

describe('session fill', () => {
  const s = (sessionId: number, date: string, capacitySlots: number, usedSlots: number, cancelled = false, reservedSlots = 0): SessionRow => ({ sessionId, date, capacitySlots, usedSlots, bookedSlots: usedSlots, cancelled, reservedSlots });
  it('counts held sessions up to today, not cancelled ones or future ones', () => {
    const rows = [s(1, '2026-03-02', 8, 6, false, 2), s(2, '2026-03-03', 4, 4), s(3, '2026-03-04', 8, 0, true), s(4, '2026-03-20', 8, 3)];
    const r = computeSessionFill(rows, '2026-03-01', '2026-03-31', '2026-03-10');
    expect(r.sessionsHeld).toBe(2); // sessions 1 and 2
    expect(r.slotsAvailable).toBe(12); // 8 + 4
    expect(r.slotsReserved).toBe(2);
    expect(r.slotsUsed).toBe(10); // 6 + 4
    expect(r.fillRate).toBeCloseTo(10 / 12); // 0.833
  });
  it('has no fill rate without slots', () => {
    expect(computeSessionFill([], '2026-03-01', '2026-03-31', '2026-03-31').fillRate).toBeNull();
  });
});

const hearing = (over: Partial<HearingRow>): HearingRow => ({
  hearingId: 1,
  caseId: 1,
  modality: 'snelrecht',
  policeUnit: 'A',
  locationId: 1,
  locationName: 'Hanzestad',
  intakeAt: '2026-03-01T10:00:00.000Z',
  date: '2026-03-10',
  startAt: '2026-03-10T08:00:00.000Z',
  status: 'held',
  hearingBy: null,
  hearingTargetBy: null,
  earlierHearings: 0,
  earlierTookPlace: 0,
  earlierHeld: 0,
  movedEvents: 0,
  ...over,
});

describe('deadline compliance, certainty and adjournments', () => {
  const rows = [
    hearing({ caseId: 1, hearingBy: '2026-03-10T08:00:00.000Z', hearingTargetBy: '2026-03-05T00:00:00.000Z' }), // legal met (equal), target missed
    hearing({ caseId: 2, hearingBy: '2026-03-09T23:00:00.000Z' }), // legal missed
    hearing({ caseId: 3, hearingTargetBy: '2026-03-20T00:00:00.000Z', earlierHearings: 1, movedEvents: 1 }), // no limit; target met; moved
    hearing({ caseId: 4, hearingBy: '2026-03-01T00:00:00.000Z', earlierTookPlace: 1, earlierHearings: 1 }), // second hearing: not measured
    hearing({ caseId: 5, status: 'adjourned', hearingBy: '2026-03-31T00:00:00.000Z' }), // legal met; adjourned
  ];
  it('measures the first hearing against hearing_by and the target', () => {
    // legal: cases 1 (met), 2 (missed), 5 (met) -> 2 of 3
    expect(computeLegalCompliance(rows)).toEqual({ measured: 3, met: 2, missed: 1, rate: 2 / 3 });
    // target: case 1 missed, case 3 met -> 1 of 2
    expect(computeTargetCompliance(rows)).toEqual({ measured: 2, met: 1, missed: 1, rate: 0.5 });
  });
  it('counts held hearings on the first planned date', () => {
    // held: 1, 2, 3, 4. first date: 1, 2 (3 moved, 4 had an earlier hearing) -> 2 of 4
    expect(computeDateCertainty(rows)).toEqual({ measured: 4, met: 2, missed: 2, rate: 0.5 });
  });
  it('counts adjourned hearings among those that took place', () => {
    expect(computeAdjournments(rows)).toEqual({ hearings: 5, adjourned: 1, share: 0.2 }); // 1 of 5
  });
});

describe('throughput', () => {
  const rows: StepRow[] = [
    { caseId: 1, steps: { arrest: '2026-03-01T08:00:00.000Z', hearing: '2026-03-04T08:00:00.000Z' } }, // 3 days
    { caseId: 2, steps: { arrest: '2026-03-01T08:00:00.000Z', hearing: '2026-03-11T20:00:00.000Z' } }, // 10.5 days
    { caseId: 3, steps: { arrest: '2026-03-02T08:00:00.000Z', hearing: '2026-03-08T08:00:00.000Z' } }, // 6 days
    { caseId: 4, steps: { arrest: '2026-03-09T08:00:00.000Z', hearing: '2026-03-05T08:00:00.000Z' } }, // inconsistent
    { caseId: 5, steps: { arrest: '2026-01-01T08:00:00.000Z', hearing: '2026-02-01T08:00:00.000Z' } }, // hearing before the period
  ];
  it('gives median and nearest-rank percentiles per pair, leaving out inconsistent rows', () => {
    const pair = computeThroughput(rows, '2026-03-01', '2026-03-31').find((p) => p.from === 'arrest' && p.to === 'hearing')!;
    // sorted 3, 6, 10.5: median rank ceil(1.5)=2 -> 6; p80 rank ceil(2.4)=3 -> 10.5; p90 rank ceil(2.7)=3 -> 10.5
    expect(pair).toMatchObject({ count: 3, median: 6, p80: 10.5, p90: 10.5, inconsistent: 1 });
  });
  it('covers all 21 ordered pairs of the 7 chain steps', () => {
    expect(computeThroughput([], '2026-03-01', '2026-03-31')).toHaveLength(21); // 7 * 6 / 2
  });
});

describe('backlog, pending age, disposition and clearance', () => {
  const pending = (caseId: number, intakeDate: string, awaitsHearing = true): PendingRow => ({ caseId, modality: awaitsHearing ? 'snelrecht' : 'zsm', intakeDate, awaitsHearing });
  it.each([
    [0, '0-7'], [7, '0-7'], [8, '8-14'], [14, '8-14'], [15, '15-28'], [28, '15-28'], [29, '29-56'], [56, '29-56'], [57, '57+'],
  ])('%i days waiting is bucket %s', (days, bucket) => expect(backlogBucket(days)).toBe(bucket));
  it('buckets cases waiting for a hearing and ages all pending cases', () => {
    const rows = [pending(1, '2026-03-30'), pending(2, '2026-03-20'), pending(3, '2026-01-01'), pending(4, '2026-03-29', false)];
    // ages on 31 March: 1, 11, 89, 2 days
    expect(computeBacklog(rows, '2026-03-31').map((b) => b.count)).toEqual([1, 1, 0, 0, 1]); // 0-7: case 1; 8-14: case 2; 57+: case 3
    // sorted 1, 2, 11, 89: median rank 2 -> 2; p80 rank ceil(3.2)=4 -> 89; p90 rank 4 -> 89
    expect(computePendingAge(rows, '2026-03-31')).toEqual({ count: 4, median: 2, p80: 89, p90: 89 });
  });
  const disposals: DisposalRow[] = [
    { caseId: 1, intakeAt: '2026-03-01T10:00:00.000Z', disposedAt: '2026-03-05T10:00:00.000Z', kind: 'heard' }, // 4 days
    { caseId: 2, intakeAt: '2026-03-02T10:00:00.000Z', disposedAt: '2026-04-02T10:00:00.000Z', kind: 'heard' }, // 31 days
    { caseId: 3, intakeAt: '2026-03-03T10:00:00.000Z', disposedAt: '2026-03-03T12:00:00.000Z', kind: 'zsm' }, // 0 days
  ];
  it('measures time to disposition for cases disposed in the period', () => {
    // sorted 0, 4, 31: median rank 2 -> 4; p80 rank ceil(2.4) = 3 -> 31
    expect(computeTimeToDisposition(disposals, '2026-03-01', '2026-04-30')).toEqual({ count: 3, median: 4, p80: 31, p90: 31 });
  });
  it('divides cases out by cases in, per month', () => {
    const rows = [intake(1, 'snelrecht', 'A', '2026-03-01'), intake(2, 'snelrecht', 'A', '2026-03-02'), intake(3, 'zsm', 'A', '2026-03-03'), intake(4, 'zsm', 'A', '2026-03-04')];
    const r = computeClearance(rows, disposals, '2026-03-01', '2026-04-30');
    expect(r.total).toEqual({ incoming: 4, outgoing: 3, rate: 0.75 }); // 3 / 4
    expect(r.monthly).toEqual([
      { month: '2026-03', incoming: 4, outgoing: 2, rate: 0.5 }, // cases 1 and 3 out in March: 2 / 4
      { month: '2026-04', incoming: 0, outgoing: 1, rate: null }, // nothing came in: no ratio
    ]);
  });
});

describe('returns', () => {
  it('counts latest returns in the period per code, a missing code apart', () => {
    const r = computeReturns(
      [
        { caseId: 1, returnCode: 'R01', returnedAt: '2026-03-02T10:00:00.000Z' },
        { caseId: 2, returnCode: 'R01', returnedAt: '2026-03-03T10:00:00.000Z' },
        { caseId: 3, returnCode: null, returnedAt: '2026-03-04T10:00:00.000Z' },
        { caseId: 4, returnCode: 'R02', returnedAt: '2026-05-01T10:00:00.000Z' }, // after the period
      ],
      '2026-03-01',
      '2026-03-31',
    );
    expect(r).toEqual({ total: 3, byCode: [{ code: 'R01', count: 2 }, { code: 'zonder code', count: 1 }] });
  });
});

describe('supply vs capacity forecast', () => {
  it('averages the last 8 whole weeks of heard intake against free slots per coming week', () => {
    // asOf Wednesday 2026-03-11: this week starts 9 March; history 12 Jan - 8 Mar; forecast from 16 March
    const rows = [
      ...Array.from({ length: 16 }, (_, i) => intake(i, 'snelrecht', 'A', '2026-02-02')), // 16 / 8 = 2 per week
      intake(20, 'filler', 'A', '2026-01-12'), // 1 / 8 = 0.125 -> 0.1
      intake(21, 'zsm', 'A', '2026-02-02'), // zsm needs no slot: left out
      intake(22, 'snelrecht', 'A', '2026-03-09'), // this week: not history
    ];
    const sessions: SessionRow[] = [
      { sessionId: 1, date: '2026-03-16', cancelled: false, capacitySlots: 8, reservedSlots: 0, usedSlots: 3, bookedSlots: 3 },
      { sessionId: 2, date: '2026-03-17', cancelled: false, capacitySlots: 4, reservedSlots: 0, usedSlots: 6, bookedSlots: 6 }, // overbooked: 0 free
      { sessionId: 3, date: '2026-03-18', cancelled: true, capacitySlots: 8, reservedSlots: 0, usedSlots: 0, bookedSlots: 0 },
    ];
    const weeks = computeForecast(rows, sessions, '2026-03-11');
    expect(weeks).toHaveLength(8);
    expect(weeks[0]).toMatchObject({ weekStart: '2026-03-16', expectedTotal: 2.1, capacitySlots: 12, freeSlots: 5, planned: 9 }); // 17/8 = 2.125; 8+4; 5+0; 3+6
    expect(weeks[0]!.expected).toEqual({ supersnelrecht: 0, snelrecht: 2, snelrecht_nd: 0, filler: 0.1 });
    expect(weeks[7]).toMatchObject({ weekStart: '2026-05-04', capacitySlots: 0, freeSlots: 0 });
  });
});

describe('fairness', () => {
  it('flags groups beyond 10 percentage points or 3 days from the district, not small groups', () => {
    const rows: HearingRow[] = [];
    // Unit A: 10 cases, all met, waiting 2 days. Unit B: 10 cases, 5 met, waiting 9 days. Unit C: 2 cases, none met.
    for (let i = 0; i < 10; i++) rows.push(hearing({ caseId: i, policeUnit: 'A', intakeAt: '2026-03-08T10:00:00.000Z', hearingBy: '2026-03-31T00:00:00.000Z' }));
    for (let i = 0; i < 10; i++) rows.push(hearing({ caseId: 10 + i, policeUnit: 'B', intakeAt: '2026-03-01T10:00:00.000Z', hearingBy: i < 5 ? '2026-03-31T00:00:00.000Z' : '2026-03-02T00:00:00.000Z' }));
    for (let i = 0; i < 2; i++) rows.push(hearing({ caseId: 20 + i, policeUnit: 'C', hearingBy: '2026-03-02T00:00:00.000Z' }));
    const r = computeFairness(rows, byPoliceUnit);
    // district: 15 met of 22 = 68.2%; waiting sorted: 2 x10 (A), 9 x12 (B and C: intake 1 March) -> median rank 11 -> 9 days
    expect(r.overall).toMatchObject({ measured: 22, met: 15, medianWaitingDays: 9 });
    const [a, b, c] = r.groups;
    // A: 100% - 68.2% = +31.8 points, flagged; waiting 2 - 9 = -7 days, flagged
    expect(a).toMatchObject({ key: 'A', complianceDifference: 31.8, complianceFlagged: true, waitingDifference: -7, waitingFlagged: true });
    // B: 50% - 68.2% = -18.2 points, flagged; waiting 9 - 9 = 0, not flagged
    expect(b).toMatchObject({ key: 'B', complianceDifference: -18.2, complianceFlagged: true, waitingDifference: 0, waitingFlagged: false });
    // C: 0% is far off, but 2 cases are too few to flag
    expect(c).toMatchObject({ key: 'C', complianceRate: 0, complianceFlagged: false });
  });
});

describe('drill keys', () => {
  it('round-trips values with colons and spaces and refuses unknown or incomplete keys', () => {
    expect(parseDrill(makeDrill('intake-unit', 'Basisteam A: Oost'))).toEqual({ kind: 'intake-unit', value: 'Basisteam A: Oost' });
    expect(parseDrill('intake')).toEqual({ kind: 'intake', value: null });
    expect(parseDrill('intake-unit')).toBeNull();
    expect(parseDrill('nonsense')).toBeNull();
    expect(parseDrill('backlog:9-99')).toBeNull();
    expect(parseDrill('throughput:arrest-hearing')).toEqual({ kind: 'throughput', value: 'arrest-hearing' });
  });
});
