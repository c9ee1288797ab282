import { lowerBound, type PlanningNetwork } from './build-network';
import { isFeasible } from './costs';
import { listDays, MODALITY_LABELS, type DutchTimeFormatter } from './dutch-time';
import type { PlanningCase } from './planning-problem';

/** What the texts need of a finished plan. */
export interface PlanView {
  network: PlanningNetwork;
  /** Slots taken on a session: planned plus pinned cases. */
  used(session: number): number;
  time: DutchTimeFormatter;
}

export type CoDefendantState = 'none' | 'together' | 'apart';

/**
 * The short Dutch explanation of a placement, for example
 * 'vroegste zitting die supersnelrecht accepteert vóór de termijn van di 14 apr 18:00; zitting 13 apr was vol'.
 */
export function explainPlacement(view: PlanView, c: PlanningCase, session: number, coDefendants: CoDefendantState): string {
  const { network, time } = view;
  const s = network.sessions[session]!;
  const label = MODALITY_LABELS[c.modality];
  const parts: string[] = [];
  if (c.pinnedSessionId !== undefined) {
    parts.push(`vastgezet op zitting ${time.day(s.start)}`);
    if (!s.accepts.includes(c.modality)) parts.push(`let op: deze zitting accepteert geen ${label}`);
    if (s.start < c.earliest) parts.push(`let op: vóór het vroegst mogelijke moment ${time.moment(c.earliest)}`);
    if (c.latest !== null && s.start > c.latest) parts.push(`let op: na de termijn van ${time.moment(c.latest)}`);
  } else {
    const earlier = earlierSessions(view, c, s.start);
    let head: string;
    if (earlier.withRoom === 0) head = `vroegste zitting die ${label} accepteert`;
    else if (s.id === c.currentSessionId) head = 'aangekondigde zitting behouden (verplaatsen naar een eerdere zitting weegt daar niet tegen op)';
    else head = `zitting die ${label} accepteert; een eerdere zitting met ruimte geeft geen betere planning`;
    parts.push(head + limitText(view, c, s.start));
    if (earlier.full.length > 0) {
      const days = listDays(earlier.full.map((j) => time.day(network.sessions[j]!.start)));
      const reserve = earlier.reserveHeld ? ' (reserve voor spoedzaken aangehouden)' : '';
      parts.push(earlier.full.length === 1 ? `zitting ${days} was vol${reserve}` : `zittingen ${days} waren vol${reserve}`);
    }
    if (c.currentSessionId !== undefined && c.currentSessionId !== s.id) parts.push(movedText(view, c));
  }
  if (coDefendants === 'together') parts.push('samen met de medeverdachten');
  else if (coDefendants === 'apart') parts.push('medeverdachten op een andere zitting: samen plannen zou de planning verslechteren');
  return parts.join('; ');
}

function limitText(view: PlanView, c: PlanningCase, start: number): string {
  if (c.latest !== null) return ` vóór de termijn van ${view.time.moment(c.latest)}`;
  if (c.targetBy === null) return '';
  return start <= c.targetBy ? ` binnen de streefdatum ${view.time.moment(c.targetBy)}` : ` (streefdatum ${view.time.moment(c.targetBy)} niet haalbaar)`;
}

function movedText(view: PlanView, c: PlanningCase): string {
  const j = view.network.sessionIndexById.get(c.currentSessionId!);
  if (j === undefined) return 'aangekondigde zitting bestaat niet meer';
  const current = view.network.sessions[j]!;
  const day = view.time.day(current.start);
  return isFeasible(c, current) ? `verplaatst van de aangekondigde zitting ${day}` : `verplaatst van de aangekondigde zitting ${day}, die niet meer binnen de regels past`;
}

/** Sessions accepting the case's modality from its earliest moment up to (not including) `before`. */
function earlierSessions(view: PlanView, c: PlanningCase, before: number): { full: number[]; withRoom: number; reserveHeld: boolean } {
  const { sessions, starts } = view.network.sessionsByModality[c.modality];
  const full: number[] = [];
  let withRoom = 0;
  let reserveHeld = false;
  for (let k = lowerBound(starts, c.earliest); k < sessions.length && starts[k]! < before; k++) {
    const j = sessions[k]!;
    const used = view.used(j);
    if (used < view.network.usable[j]!) withRoom += 1;
    else {
      full.push(j);
      if (used < view.network.sessions[j]!.capacity) reserveHeld = true;
    }
  }
  return { full, withRoom, reserveHeld };
}
