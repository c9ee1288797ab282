import { lowerBound, upperBound } from './build-network';
import { listDays, MODALITY_LABELS } from './dutch-time';
import type { PlanView } from './explanations';
import type { InfeasibleCase, PlanningCase } from './planning-problem';

/**
 * Why a case with a hard limit has no session, in Dutch, with what the chain can do instead
 * (LEGAL-RULES.md: such a case is never planned late in silence). Called only for cases the
 * optimal plan leaves out; then every accepting session before the limit is full (the reward
 * for a planned case exceeds any placement cost, so a free slot would have been used).
 */
export function explainInfeasible(view: PlanView, c: PlanningCase): InfeasibleCase {
  const { network, time } = view;
  const latest = c.latest!;
  const label = MODALITY_LABELS[c.modality];
  const limit = time.moment(latest);
  const options = ['ander zittingstype', `extra zitting vóór ${limit}`];
  if (c.detained) options.push('invrijheidstelling en niet-gedetineerde route');
  if (c.earliest > latest) {
    return { caseId: c.id, reason: `het vroegst mogelijke moment (${time.moment(c.earliest)}) ligt na de termijn van ${limit}`, options };
  }
  const { sessions, starts } = network.sessionsByModality[c.modality];
  const window = Array.from(sessions.subarray(lowerBound(starts, c.earliest), upperBound(starts, latest))).filter((j) => !c.minor || network.sessions[j]!.acceptsMinors === true);
  if (window.length === 0 && c.minor) {
    return { caseId: c.id, reason: `geen zitting die minderjarigen hoort (jeugdstrafrecht, art. 77a Sr) en ${label} accepteert tussen ${time.moment(c.earliest)} en de termijn van ${limit}`, options: [...options, 'zitting openstellen voor minderjarigen'] };
  }
  if (window.length === 0) {
    return { caseId: c.id, reason: `geen zitting die ${label} accepteert tussen ${time.moment(c.earliest)} en de termijn van ${limit}`, options };
  }
  const days = listDays(window.map((j) => time.day(network.sessions[j]!.start)));
  const reserveHeld = window.some((j) => view.used(j) < network.sessions[j]!.capacity);
  if (reserveHeld) options.push('reservecapaciteit voor spoedzaken vrijgeven');
  const all = window.length === 1 ? `de enige zitting die ${label} accepteert vóór de termijn van ${limit} is vol` : `alle ${window.length} zittingen die ${label} accepteren vóór de termijn van ${limit} zijn vol`;
  return { caseId: c.id, reason: `${all}: ${days}${reserveHeld ? ' (reserve voor spoedzaken aangehouden)' : ''}`, options };
}
