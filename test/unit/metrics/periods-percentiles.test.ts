import { describe, expect, it } from 'vitest';
import { distributionOf, nearestRank } from '../../../shared/metrics/percentile';
import { nextReviewPeriod, previousReviewPeriod, reviewPeriodLabel, reviewPeriodOf, reviewPeriodRange, reviewPeriodsBetween } from '../../../shared/metrics/review-period';
import { weekStartOf, monthsBetween } from '../../../shared/metrics/time-buckets';

describe('review periods', () => {
  it.each([
    ['2026-T1', '2026-01-01', '2026-04-30'],
    ['2026-T2', '2026-05-01', '2026-08-31'],
    ['2026-T3', '2026-09-01', '2026-12-31'],
  ])('%s runs from %s to %s', (period, from, to) => expect(reviewPeriodRange(period)).toEqual({ from, to }));
  it.each([
    ['2026-01-01', '2026-T1'], ['2026-04-30', '2026-T1'], ['2026-05-01', '2026-T2'], ['2026-08-31', '2026-T2'], ['2026-09-01', '2026-T3'], ['2026-12-31', '2026-T3'],
  ])('%s lies in %s', (date, period) => expect(reviewPeriodOf(date)).toBe(period));
  it('steps back and forth across years', () => {
    expect(previousReviewPeriod('2026-T1')).toBe('2025-T3');
    expect(previousReviewPeriod('2026-T3')).toBe('2026-T2');
    expect(nextReviewPeriod('2025-T3')).toBe('2026-T1');
    expect(reviewPeriodsBetween('2025-12-01', '2026-05-02')).toEqual(['2025-T3', '2026-T1', '2026-T2']);
    expect(reviewPeriodLabel('2026-T2')).toBe('T2 2026 (mei – augustus)');
    expect(() => previousReviewPeriod('2026-T4')).toThrow(/JJJJ-T1/);
  });
});

describe('nearest-rank percentiles', () => {
  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2], // rank ceil(2) = 2
    [[1, 2, 3, 4, 5], 50, 3], // rank ceil(2.5) = 3
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 80, 8], // rank 8
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9], // rank 9
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10], // rank ceil(9.9) = 10
    [[1, 2, 3], 0, 1],
    [[1, 2, 3], 100, 3],
  ])('%j at p%i is %s', (values, p, expected) => expect(nearestRank(values, p)).toBe(expected));
  it('sorts before ranking', () => expect(distributionOf([9, 1, 5])).toEqual({ count: 3, median: 5, p80: 9, p90: 9 }));
});

describe('weeks and months', () => {
  it('finds the Monday and lists months', () => {
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02'); // Sunday -> previous Monday
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
