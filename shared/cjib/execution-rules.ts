import { amsterdamDate } from '../calendar/amsterdam-time';
import { toEpochDay } from '../calendar/local-date';
import type { ExecutionStatus } from '../domain/cjib';
import type { SanctionKind } from '../domain/outcome';
import { SANCTION_LABELS } from './sanction-rules';

/**
 * How CJIB's execution reports close a sanction, and with it the case. Compensation orders are
 * collected like fines (with substitute detention), so they take the fine statuses. Other measures
 * (e.g. a driving ban) have no execution status in format version 1: they are not tracked here.
 */
export const EXECUTION_STATUSES_BY_SANCTION_KIND: Readonly<Record<SanctionKind, readonly ExecutionStatus[]>> = {
  fine: ['fine_paid_in_full', 'fine_paid_by_arrangement', 'fine_collection_stopped'],
  compensation_order: ['fine_paid_in_full', 'fine_paid_by_arrangement', 'fine_collection_stopped'],
  community_service: ['community_service_started', 'community_service_completed', 'community_service_failed'],
  custodial: ['custodial_self_reported', 'custodial_arrested', 'custodial_served'],
  other_measure: [],
};

/**
 * Statuses after which CJIB does nothing more with the sanction itself. A payment arrangement is
 * still being paid, a started community service or a reported/arrested convict is still serving.
 * A failed community service ends the community service; the substitute detention that may follow
 * is a new execution, not this sanction's.
 */
export const TERMINAL_EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'fine_paid_in_full',
  'fine_collection_stopped',
  'community_service_completed',
  'community_service_failed',
  'custodial_served',
];

export const EXECUTION_STATUS_LABELS: Readonly<Record<ExecutionStatus, string>> = {
  fine_paid_in_full: 'volledig betaald',
  fine_paid_by_arrangement: 'betaling via regeling',
  fine_collection_stopped: 'inning gestaakt',
  community_service_started: 'taakstraf gestart',
  community_service_completed: 'taakstraf voltooid',
  community_service_failed: 'taakstraf niet (goed) verricht',
  custodial_self_reported: 'zelfmelder gemeld',
  custodial_arrested: 'aangehouden voor tenuitvoerlegging',
  custodial_served: 'straf uitgezeten',
};

export function statusFitsSanction(kind: SanctionKind, status: ExecutionStatus): boolean {
  return EXECUTION_STATUSES_BY_SANCTION_KIND[kind].includes(status);
}

/** Terminal for this kind of sanction: a status that does not fit the kind never closes it. */
export function isTerminalFor(kind: SanctionKind, status: ExecutionStatus): boolean {
  return statusFitsSanction(kind, status) && TERMINAL_EXECUTION_STATUSES.includes(status);
}

/** Why a status is refused for a sanction, in Dutch, or null when it fits. */
export function statusMismatch(kind: SanctionKind, status: ExecutionStatus): string | null {
  if (statusFitsSanction(kind, status)) return null;
  const allowed = EXECUTION_STATUSES_BY_SANCTION_KIND[kind];
  const label = SANCTION_LABELS[kind].toLowerCase();
  return (
    `status '${status}' (${EXECUTION_STATUS_LABELS[status]}) past niet bij een ${label}; ` +
    (allowed.length ? `mogelijk: ${allowed.join(', ')}` : `voor een ${label} kent formaat versie 1 geen executiestatus`)
  );
}

export interface SanctionFacts {
  id: number;
  kind: SanctionKind;
  conditional: boolean;
}

export interface ExecutionFact {
  sanctionId: number;
  status: ExecutionStatus;
  /** ISO instant (UTC). */
  occurredAt: string;
}

/**
 * A conditional sanction is only executed if a judge later orders it (a new decision), and other
 * measures have no status to report: neither keeps the case open.
 */
export function requiresExecution(sanction: Pick<SanctionFacts, 'kind' | 'conditional'>): boolean {
  return !sanction.conditional && EXECUTION_STATUSES_BY_SANCTION_KIND[sanction.kind].length > 0;
}

export interface ExecutionCompletion {
  complete: boolean;
  /** The sanctions still waiting for a terminal status. */
  pending: number[];
  /** When the last required sanction reached its terminal status; null when none was required or not complete. */
  completedAt: string | null;
}

/** Whether every sanction of a decision that needs executing has reached a terminal status. */
export function executionCompletion(sanctions: readonly SanctionFacts[], executions: readonly ExecutionFact[]): ExecutionCompletion {
  const pending: number[] = [];
  let completedAt: string | null = null;
  for (const sanction of sanctions) {
    if (!requiresExecution(sanction)) continue;
    const closing = executions
      .filter((e) => e.sanctionId === sanction.id && isTerminalFor(sanction.kind, e.status))
      .map((e) => new Date(e.occurredAt).toISOString())
      .sort()[0];
    if (closing === undefined) pending.push(sanction.id);
    else if (completedAt === null || closing > completedAt) completedAt = closing;
  }
  return pending.length ? { complete: false, pending, completedAt: null } : { complete: true, pending, completedAt };
}

/** Whole calendar days (Europe/Amsterdam) from one instant to another; null when either is unknown. */
export function throughputDays(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return toEpochDay(amsterdamDate(b)) - toEpochDay(amsterdamDate(a));
}
