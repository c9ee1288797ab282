import { addCustodyDuration } from '../calendar/amsterdam-time';
import { custodyEnd, NOT_EXTENDED, remandEnd, voorgeleidingLimit } from './custody-rules';
import { earliestOutcome } from './result';
import type { LimitOutcome } from './result';
import type { DeadlineSettings } from './settings';

export interface DetainedEvents {
  arrestedAt?: number | undefined;
  custodyOrderedAt?: number | undefined;
  custodyExtended: boolean;
  remandOrderedAt?: number | undefined;
}

/**
 * Latest supersnelrecht hearing: within the (extended) inverzekeringstelling and no later than the
 * voorgeleiding limit, whichever comes first (action plan; art. 58 and 59a Sv).
 */
export function supersnelrechtHearingBy(events: DetainedEvents): LimitOutcome | undefined {
  const byVoorgeleiding = events.arrestedAt === undefined ? undefined : voorgeleidingLimit(events.arrestedAt);
  const byCustody =
    events.custodyOrderedAt === undefined ? undefined : custodyEnd(events.custodyOrderedAt, events.custodyExtended);
  const binding = earliestOutcome([byVoorgeleiding, byCustody]);
  if (!binding) return undefined;
  const within = binding === byVoorgeleiding ? 'de voorgeleidingstermijn' : 'de (verlengde) inverzekeringstelling';
  return withRule(binding, binding === byVoorgeleiding ? 'supersnelrecht-within-voorgeleiding' : 'supersnelrecht-within-custody', `Supersnelrecht: zitting binnen ${within}. ${binding.explanation}`);
}

// art. 67a lid 2 onder 4 Sv (verify the hours: district setting)
function snelrechtArrestCap(arrestedAt: number, settings: DeadlineSettings): LimitOutcome {
  const { days, hours } = settings.snelrechtMaxAfterArrest;
  return {
    at: addCustodyDuration(arrestedAt, settings.snelrechtMaxAfterArrest),
    ruleId: 'snelrecht-after-arrest',
    article: 'art. 67a lid 2 onder 4 Sv',
    explanation:
      `Snelrecht (gedetineerd): berechting uiterlijk ${days} dagen${hours > 0 ? ` en ${hours} uur` : ''} na de aanhouding ` +
      `(districtsinstelling). ${NOT_EXTENDED}`,
    hard: true,
  };
}

/**
 * Latest detained snelrecht hearing: within the bewaring (14 days from the RC's order, art. 64 Sv) and
 * within the time after arrest of art. 67a lid 2 onder 4 Sv, whichever comes first.
 */
export function snelrechtHearingBy(events: DetainedEvents, settings: DeadlineSettings): LimitOutcome | undefined {
  const byRemand = events.remandOrderedAt === undefined ? undefined : remandEnd(events.remandOrderedAt);
  const byArrest = events.arrestedAt === undefined ? undefined : snelrechtArrestCap(events.arrestedAt, settings);
  const binding = earliestOutcome([byRemand, byArrest]);
  if (!binding) return undefined;
  if (binding === byRemand) return withRule(binding, 'snelrecht-within-remand', `Snelrecht: zitting binnen de bewaring. ${binding.explanation}`);
  const pending = byRemand === undefined ? ' Bewaring nog niet vastgelegd.' : '';
  return withRule(binding, binding.ruleId, `${binding.explanation}${pending}`);
}

/**
 * { ...binding, ruleId, explanation } for the outcomes of custody-rules.ts (those five fields, in this
 * order), written out: a spread costs microseconds, and the import computes a limit for every row.
 */
function withRule(binding: LimitOutcome, ruleId: string, explanation: string): LimitOutcome {
  return { at: binding.at, ruleId, article: binding.article, explanation, hard: binding.hard };
}
