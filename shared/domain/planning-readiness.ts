import { startOfAmsterdamDay } from '../calendar/amsterdam-time';
import { isDetainedModality, type Modality } from './modality';
import { PRECONDITION_KINDS, PRECONDITION_LABELS, type PreconditionKind, type PreconditionStatus } from './precondition';

export interface ReadinessFacts {
  modality: Modality;
  arrestedAt: string | null;
  summonsServedAt: string | null;
  shortTermConsent: boolean;
}

/** One precondition of a case as readiness sees it. */
export interface PreconditionFacts {
  kind: PreconditionKind;
  status: PreconditionStatus;
  /** YYYY-MM-DD (Europe/Amsterdam) the party expects to deliver; null = not known. */
  expectedOn: string | null;
}

/**
 * Gaps in the intake facts the deadline engine needs. An unserved summons is no gap: the date comes
 * first and the summons is served for it (needsSummonsService; shared/deadlines/summons-term.ts).
 */
export const FACT_GAPS = ['arrest_time', 'short_term_consent'] as const;
export type FactGap = (typeof FACT_GAPS)[number];

/**
 * A pending precondition without an expected date ('no_date'), or whose expected date has passed
 * while it is still pending ('overdue': the party must give a new date).
 */
export const PRECONDITION_PROBLEMS = ['no_date', 'overdue'] as const;
export type PreconditionProblem = (typeof PRECONDITION_PROBLEMS)[number];
export type PreconditionGap = `precondition_${PreconditionProblem}:${PreconditionKind}`;
export type ReadinessGap = FactGap | PreconditionGap;

export const preconditionGap = (problem: PreconditionProblem, kind: PreconditionKind): PreconditionGap => `precondition_${problem}:${kind}`;

/** Every gap code (the cached column holds them comma-separated; the API validates against this list). */
export const READINESS_GAPS: readonly ReadinessGap[] = [
  ...FACT_GAPS,
  ...PRECONDITION_PROBLEMS.flatMap((problem) => PRECONDITION_KINDS.map((kind) => preconditionGap(problem, kind))),
];

export type ParsedGap = { type: 'fact'; gap: FactGap } | { type: 'precondition'; problem: PreconditionProblem; kind: PreconditionKind };

/** What a gap code says, so a reader can name the precondition it is about. */
export function parseReadinessGap(gap: ReadinessGap): ParsedGap {
  const match = /^precondition_(no_date|overdue):(.+)$/.exec(gap);
  if (!match) return { type: 'fact', gap: gap as FactGap };
  return { type: 'precondition', problem: match[1] as PreconditionProblem, kind: match[2] as PreconditionKind };
}

/** The intake facts the deadline engine needs and that are still missing. */
export function factGaps(c: ReadinessFacts): FactGap[] {
  const gaps: FactGap[] = [];
  const detained = isDetainedModality(c.modality);
  if (detained && !c.arrestedAt) gaps.push('arrest_time');
  // art. 265 lid 2 Sv: supersnelrecht only with the suspect's consent to a shorter summons term.
  if (c.modality === 'supersnelrecht' && !c.shortTermConsent) gaps.push('short_term_consent');
  return gaps;
}

/**
 * Whether the case still needs its summons served before the hearing (art. 265 lid 1 Sv): a heard case
 * other than supersnelrecht (served on the spot with consent, art. 265 lid 2 Sv) without a service
 * recorded. It is planned no earlier than the summons term allows from the expected service, and the
 * summons must then be served by the session minus the term.
 */
export function needsSummonsService(c: Pick<ReadinessFacts, 'modality' | 'summonsServedAt'>): boolean {
  return c.modality !== 'supersnelrecht' && c.modality !== 'zsm' && !c.summonsServedAt;
}

/**
 * Pending preconditions that keep a case off the planning: without an expected date, or (when
 * `today` is given) with an expected date before today. Without `today` only the time-independent
 * gaps are given: that is what the case row caches, as 'overdue' changes with the date by itself.
 */
export function preconditionGaps(preconditions: readonly PreconditionFacts[], today?: string | null): PreconditionGap[] {
  const gaps: PreconditionGap[] = [];
  for (const kind of PRECONDITION_KINDS) {
    const p = preconditions.find((item) => item.kind === kind);
    if (!p || p.status !== 'pending') continue;
    if (p.expectedOn === null) gaps.push(preconditionGap('no_date', kind));
    else if (today && p.expectedOn < today) gaps.push(preconditionGap('overdue', kind));
  }
  return gaps;
}

/** What a case still waits for before it can be put on a session; empty when nothing. */
export function readinessGaps(c: ReadinessFacts, preconditions: readonly PreconditionFacts[] = [], today?: string | null): ReadinessGap[] {
  return [...factGaps(c), ...preconditionGaps(preconditions, today)];
}

/**
 * The moment the case is ready: the start (Europe/Amsterdam) of the latest expected date of its
 * pending preconditions, as an ISO UTC instant; null when none is pending with a date. The case is
 * planned only on or after it.
 */
export function readyFrom(preconditions: readonly PreconditionFacts[]): string | null {
  let latest: string | null = null;
  for (const p of preconditions) if (p.status === 'pending' && p.expectedOn !== null && (latest === null || p.expectedOn > latest)) latest = p.expectedOn;
  return latest === null ? null : new Date(startOfAmsterdamDay(latest)).toISOString();
}

/** The preconditions a case of this modality usually needs: offered as suggestions, never forced. */
export const SUGGESTED_PRECONDITIONS: Record<Modality, readonly PreconditionKind[]> = {
  supersnelrecht: ['dossier', 'lawyer_informed'],
  snelrecht: ['dossier', 'lawyer_informed', 'victim_informed'],
  snelrecht_nd: ['dossier', 'lawyer_informed', 'victim_informed'],
  filler: ['dossier'],
  zsm: [],
};

/** Suggested kinds the case does not have yet, in the order of the suggestion. */
export function suggestedPreconditions(modality: Modality, existing: readonly { kind: PreconditionKind }[]): PreconditionKind[] {
  return SUGGESTED_PRECONDITIONS[modality].filter((kind) => !existing.some((p) => p.kind === kind));
}

const FACT_GAP_TEXT: Record<FactGap, string> = {
  arrest_time: 'Tijdstip aanhouding ontbreekt',
  short_term_consent: 'Instemming met kortere dagvaardingstermijn ontbreekt',
};

/** A readiness gap in Dutch, naming the precondition it is about: 'Rapportage NIFP (geen datum bekend)'. */
export function describeReadinessGap(gap: ReadinessGap): string {
  const parsed = parseReadinessGap(gap);
  if (parsed.type === 'fact') return FACT_GAP_TEXT[parsed.gap];
  const label = PRECONDITION_LABELS[parsed.kind];
  return parsed.problem === 'no_date' ? `${label} (geen datum bekend)` : `${label} (verwachte datum verstreken: vraag een nieuwe datum)`;
}
