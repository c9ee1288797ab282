import { addCustodyDuration } from '../calendar/amsterdam-time';
import type { DayHourDuration } from '../calendar/amsterdam-time';
import type { LimitOutcome } from './result';

/*
 * Custody limits. They count real time from the moment of the event, are never extended for
 * weekends or holidays, and take the earlier reading when a daylight-saving change falls inside
 * (see addCustodyDuration).
 */

export const VOORGELEIDING_AFTER_ARREST: DayHourDuration = { days: 3, hours: 18 }; // art. 59a lid 1 Sv
export const CUSTODY_TERM: DayHourDuration = { days: 3, hours: 0 }; // art. 58 lid 1 Sv
export const CUSTODY_EXTENSION: DayHourDuration = { days: 3, hours: 0 }; // art. 58 lid 2 Sv
export const REMAND_TERM: DayHourDuration = { days: 14, hours: 0 }; // art. 64 lid 1 Sv
export const GEVANGENHOUDING_MAX: DayHourDuration = { days: 90, hours: 0 }; // art. 66 lid 1 en 3 Sv

// Shown with every custody limit: it is never extended, and across a clock change the earlier of
// the two readings (elapsed hours or the same clock time) is taken, the safe side for the detained.
export const NOT_EXTENDED = 'Wordt niet verlengd voor weekend of feestdag; valt er een klokwisseling in, dan geldt de vroegste lezing.';

// art. 59a lid 1 Sv
export function voorgeleidingLimit(arrestedAt: number): LimitOutcome {
  return {
    at: addCustodyDuration(arrestedAt, VOORGELEIDING_AFTER_ARREST),
    ruleId: 'voorgeleiding',
    article: 'art. 59a lid 1 Sv',
    explanation: `Voorgeleiding bij de rechter-commissaris uiterlijk 3 dagen en 18 uur na de aanhouding. ${NOT_EXTENDED}`,
    hard: true,
  };
}

/** End of the inverzekeringstelling: 3 days from its order (art. 58 lid 1 Sv), once extended by at most 3 days (lid 2). */
export function custodyEnd(custodyOrderedAt: number, extended: boolean): LimitOutcome {
  const initialEnd = addCustodyDuration(custodyOrderedAt, CUSTODY_TERM);
  if (!extended) {
    return {
      at: initialEnd,
      ruleId: 'custody',
      article: 'art. 58 lid 1 Sv',
      explanation: `Inverzekeringstelling duurt ten hoogste 3 dagen na het bevel. ${NOT_EXTENDED}`,
      hard: true,
    };
  }
  return {
    at: addCustodyDuration(initialEnd, CUSTODY_EXTENSION),
    ruleId: 'custody-extended',
    article: 'art. 58 lid 2 Sv',
    explanation:
      'Verlengde inverzekeringstelling: ten hoogste 3 dagen na afloop van de eerste 3 dagen ' +
      `(gerekend met de volle 3 dagen; controleer het verlengingsbevel). ${NOT_EXTENDED}`,
    hard: true,
  };
}

// art. 64 lid 1 Sv
export function remandEnd(remandOrderedAt: number): LimitOutcome {
  return {
    at: addCustodyDuration(remandOrderedAt, REMAND_TERM),
    ruleId: 'remand',
    article: 'art. 64 lid 1 Sv',
    explanation: `Bewaring duurt ten hoogste 14 dagen na het bevel van de rechter-commissaris en is niet verlengbaar. ${NOT_EXTENDED}`,
    hard: true,
  };
}

/**
 * Latest end of gevangenhouding, which follows the bewaring: at most 90 days in total (art. 66 Sv).
 * Not a field of the deadline result (a case still detained then is no longer snelrecht); offered for
 * the planner's custody overview.
 */
export function gevangenhoudingLatestEnd(gevangenhoudingStartsAt: number): number {
  return addCustodyDuration(gevangenhoudingStartsAt, GEVANGENHOUDING_MAX);
}
