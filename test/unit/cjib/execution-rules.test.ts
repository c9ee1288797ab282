import { describe, expect, it } from 'vitest';
import {
  EXECUTION_STATUSES_BY_SANCTION_KIND,
  executionCompletion,
  isTerminalFor,
  requiresExecution,
  statusFitsSanction,
  statusMismatch,
  throughputDays,
} from '../../../shared/cjib/execution-rules';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../../../shared/domain/cjib';
import { SANCTION_KINDS, type SanctionKind } from '../../../shared/domain/outcome';

describe('execution rules per sanction kind', () => {
  it.each<[SanctionKind, ExecutionStatus, boolean, boolean]>([
    ['fine', 'fine_paid_in_full', true, true],
    ['fine', 'fine_paid_by_arrangement', true, false],
    ['fine', 'fine_collection_stopped', true, true],
    ['fine', 'community_service_completed', false, false],
    ['fine', 'custodial_served', false, false],
    ['compensation_order', 'fine_paid_in_full', true, true],
    ['compensation_order', 'fine_paid_by_arrangement', true, false],
    ['community_service', 'community_service_started', true, false],
    ['community_service', 'community_service_completed', true, true],
    ['community_service', 'community_service_failed', true, true],
    ['community_service', 'fine_paid_in_full', false, false],
    ['custodial', 'custodial_self_reported', true, false],
    ['custodial', 'custodial_arrested', true, false],
    ['custodial', 'custodial_served', true, true],
    ['custodial', 'community_service_completed', false, false],
    ['other_measure', 'fine_paid_in_full', false, false],
    ['other_measure', 'custodial_served', false, false],
  ])('%s with %s: fits %s, terminal %s', (kind, status, fits, terminal) => {
    expect(statusFitsSanction(kind, status)).toBe(fits);
    expect(isTerminalFor(kind, status)).toBe(terminal);
    expect(statusMismatch(kind, status) === null).toBe(fits);
  });

  it('gives every execution status a home and every executable kind a way to end', () => {
    const used = new Set(Object.values(EXECUTION_STATUSES_BY_SANCTION_KIND).flat());
    expect([...used].sort()).toEqual([...EXECUTION_STATUSES].sort());
    for (const kind of SANCTION_KINDS) {
      const statuses = EXECUTION_STATUSES_BY_SANCTION_KIND[kind];
      if (statuses.length) expect(statuses.some((s) => isTerminalFor(kind, s))).toBe(true);
    }
  });

  it('explains a mismatch in Dutch, naming what would fit', () => {
    expect(statusMismatch('fine', 'custodial_served')).toBe(
      "status 'custodial_served' (straf uitgezeten) past niet bij een geldboete; mogelijk: fine_paid_in_full, fine_paid_by_arrangement, fine_collection_stopped",
    );
    expect(statusMismatch('other_measure', 'fine_paid_in_full')).toMatch(/andere maatregel kent formaat versie 1 geen executiestatus/);
  });

  it.each<[SanctionKind, boolean, boolean]>([
    ['fine', false, true],
    ['fine', true, false],
    ['custodial', true, false],
    ['community_service', false, true],
    ['compensation_order', false, true],
    ['other_measure', false, false],
  ])('a %s (conditional %s) requires execution: %s', (kind, conditional, expected) => {
    expect(requiresExecution({ kind, conditional })).toBe(expected);
  });
});

describe('whether a decision is fully executed', () => {
  const fine = { id: 1, kind: 'fine' as const, conditional: false };
  const service = { id: 2, kind: 'community_service' as const, conditional: false };
  const suspended = { id: 3, kind: 'custodial' as const, conditional: true };
  const at = (day: number) => `2026-07-${String(day).padStart(2, '0')}T10:00:00.000Z`;

  it.each<[string, { sanctionId: number; status: ExecutionStatus; occurredAt: string }[], boolean, number[], string | null]>([
    ['nothing reported', [], false, [1, 2], null],
    ['only an arrangement and a start', [
      { sanctionId: 1, status: 'fine_paid_by_arrangement', occurredAt: at(1) },
      { sanctionId: 2, status: 'community_service_started', occurredAt: at(2) },
    ], false, [1, 2], null],
    ['the fine paid, the service running', [
      { sanctionId: 1, status: 'fine_paid_in_full', occurredAt: at(3) },
      { sanctionId: 2, status: 'community_service_started', occurredAt: at(2) },
    ], false, [2], null],
    ['both closed: the later closing counts', [
      { sanctionId: 1, status: 'fine_paid_in_full', occurredAt: at(9) },
      { sanctionId: 2, status: 'community_service_failed', occurredAt: at(4) },
    ], true, [], at(9)],
    ['a status of another kind never closes', [
      { sanctionId: 1, status: 'custodial_served', occurredAt: at(3) },
      { sanctionId: 2, status: 'community_service_completed', occurredAt: at(4) },
    ], false, [1], null],
    ['the first terminal report closes a sanction', [
      { sanctionId: 1, status: 'fine_collection_stopped', occurredAt: at(5) },
      { sanctionId: 1, status: 'fine_paid_in_full', occurredAt: at(8) },
      { sanctionId: 2, status: 'community_service_completed', occurredAt: at(4) },
    ], true, [], at(5)],
  ])('%s', (_, executions, complete, pending, completedAt) => {
    expect(executionCompletion([fine, service, suspended], executions)).toEqual({ complete, pending, completedAt });
  });

  it('is complete at once when nothing needs executing', () => {
    expect(executionCompletion([suspended, { id: 4, kind: 'other_measure', conditional: false }], [])).toEqual({ complete: true, pending: [], completedAt: null });
  });
});

describe('throughput in days', () => {
  it.each<[string | null, string | null, number | null]>([
    ['2026-06-01T10:00:00Z', '2026-06-01T20:00:00Z', 0],
    // 23:30 UTC on 1 June is already 2 June in Amsterdam.
    ['2026-06-01T21:30:00Z', '2026-06-01T22:30:00Z', 1],
    ['2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', 2],
    ['2026-01-01T10:00:00+01:00', '2026-12-31T10:00:00+01:00', 364],
    [null, '2026-06-01T10:00:00Z', null],
    ['2026-06-01T10:00:00Z', null, null],
    ['gisteren', '2026-06-01T10:00:00Z', null],
  ])('from %s to %s: %s', (from, to, days) => {
    expect(throughputDays(from, to)).toBe(days);
  });
});
