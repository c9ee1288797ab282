import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { addDays, format, getISODay, parseISO } from 'date-fns';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { toDeadlineInput } from '../../../shared/intake/case-intake';
import type { CaseStatus, HearingStatus } from '../../../shared/domain/case-status';
import type { Modality } from '../../../shared/domain/modality';
import { OTHER_ROUTES, type ZsmOutcome } from '../../../shared/domain/zsm-outcome';
import { DEFAULT_ACCEPTED_MODALITIES } from '../../../shared/domain/session';
import {
  DEMO_DISTRICT,
  DEMO_FILLER_KINDS,
  DEMO_FIRST_INITIALS,
  DEMO_HEARING_WINDOW_DAYS,
  DEMO_JUDGES,
  DEMO_LAWYERS,
  DEMO_LOCATIONS,
  DEMO_MODALITY_MIX,
  DEMO_OFFENCES,
  DEMO_POLICE_UNITS,
  DEMO_PROSECUTORS,
  DEMO_SESSION_PATTERN,
  DEMO_SURNAMES,
  DEMO_ZSM_REASONS,
} from './demo-blueprint';
import { createSeededRandom } from './seeded-random';
import { addHistory } from './demo-history';
import { caseTimeline } from './demo-timeline';
import type { DemoCase, DemoSession } from './demo-types';

export type { DemoCase, DemoHearing, DemoHearingOutcome, DemoSession } from './demo-types';

export interface DemoOptions {
  seed: number;
  /** Cases arriving per year of history. */
  casesPerYear: number;
  /** The demo's 'today' (YYYY-MM-DD): the years before it are history, and sessions run six weeks beyond it. */
  asOf: string;
  /** Years of history up to `asOf` (default 1). */
  years?: number;
  /**
   * Also reschedule some hearings once before they were held (a cancelled hearing and a
   * 'hearing.moved' event). Off by default: the one-year demo's event log then holds only the moves
   * a user makes.
   */
  moves?: boolean;
  /**
   * Add what happened after planning: the clerk's outcomes, judgments and strafbeschikkingen, the
   * hand-off to CJIB and its answers. Off when not asked for (the planning-only district that
   * integration tests build their own decisions on); resolveDemoOptions turns it on.
   */
  chain?: boolean;
}

const DAYS_PER_YEAR = 365;
const FUTURE_DAYS = 42;


export interface DemoDistrict {
  options: DemoOptions;
  district: typeof DEMO_DISTRICT;
  locations: typeof DEMO_LOCATIONS;
  sessions: DemoSession[];
  cases: DemoCase[];
}

const BASE_VOLUME = 2800;

/** Realistic synthetic years for one district up to `asOf`, identical for identical options. Pure: no I/O. */
export function generateDemoDistrict(options: DemoOptions): DemoDistrict {
  const random = createSeededRandom(options.seed);
  const calendar = createCourtCalendar();
  const years = options.years ?? 1;
  const historyDays = DAYS_PER_YEAR * years;
  const periodStart = addDays(parseISO(options.asOf), -(historyDays - 1));
  const dates = Array.from({ length: historyDays + FUTURE_DAYS }, (_, i) => format(addDays(periodStart, i), 'yyyy-MM-dd'));
  const scale = options.casesPerYear / BASE_VOLUME;

  const sessions: DemoSession[] = [];
  for (const date of dates) {
    if (!calendar.isCourtDay(date)) continue;
    const weekday = getISODay(parseISO(date));
    for (const [patternIndex, pattern] of DEMO_SESSION_PATTERN.entries()) {
      if (!pattern.weekdays.includes(weekday)) continue;
      const slots = Math.max(1, Math.round(pattern.slotsPer2800Cases * scale));
      sessions.push({
        pattern: patternIndex,
        location: pattern.location,
        room: pattern.room,
        date,
        daypart: pattern.daypart,
        startTime: pattern.startTime,
        endTime: pattern.endTime,
        sessionType: pattern.sessionType,
        capacitySlots: slots,
        capacityMinutes: slots * pattern.minutesPerSlot,
        acceptsMinors: pattern.acceptsMinors,
        judgeName: random.chance(0.03) ? null : random.pick(DEMO_JUDGES),
        prosecutorName: random.chance(0.03) ? null : random.pick(DEMO_PROSECUTORS),
      });
    }
  }

  const sessionsByDate = new Map<string, number[]>();
  sessions.forEach((session, index) => {
    const list = sessionsByDate.get(session.date) ?? [];
    list.push(index);
    sessionsByDate.set(session.date, list);
  });
  const booked = new Array<number>(sessions.length).fill(0);
  const sessionStart = sessions.map((session) => {
    const [hour, minute] = session.startTime.split(':').map(Number) as [number, number];
    return Date.parse(amsterdamInstant(session.date, hour, minute));
  });
  const dayIndex = new Map(dates.map((date, i) => [date, i]));

  const arrivalDates = dates.slice(0, historyDays);
  const arrivalDays = Array.from({ length: options.casesPerYear * years }, () => random.pick(arrivalDates)).sort();

  const recentFrom = format(addDays(parseISO(options.asOf), -3), 'yyyy-MM-dd');
  const cases: DemoCase[] = arrivalDays.map((arrivalDate, index) => {
    const modality = random.weighted(DEMO_MODALITY_MIX);
    const arrested = modality !== 'filler' || random.chance(0.2);
    const arrestedAt = arrested ? amsterdamInstant(arrivalDate, random.int(0, 23), random.int(0, 59)) : null;
    const offenceDate = modality === 'filler' ? format(addDays(parseISO(arrivalDate), -random.int(30, 300)), 'yyyy-MM-dd') : arrivalDate;
    const offenceAt = amsterdamInstant(offenceDate, random.int(0, 23), random.int(0, 59));
    const suspectName = `${random.pick(DEMO_FIRST_INITIALS)}. ${random.pick(DEMO_SURNAMES)}`;
    const dateOfBirth = format(addDays(parseISO(arrivalDate), -random.int(18 * 365, 65 * 365)), 'yyyy-MM-dd');
    const base = arrestedAt ?? amsterdamInstant(arrivalDate, 9, 0);

    // The legal events, in the order the chain produces them.
    const detained = modality === 'supersnelrecht' || modality === 'snelrecht';
    const custodyOrderedAt = detained && arrestedAt ? later(arrestedAt, random.int(1, 6)) : null;
    const remandOrderedAt = modality === 'snelrecht' && arrestedAt ? later(arrestedAt, random.int(60, 80)) : null;
    const summonsServedAt =
      modality === 'snelrecht' && remandOrderedAt
        ? later(remandOrderedAt, random.int(20, 40))
        : modality === 'snelrecht_nd' || modality === 'filler'
          ? later(base, random.int(4, 96))
          : null;
    const shortTermConsent = modality === 'supersnelrecht' && random.chance(0.92);

    const arrivesToday = arrivalDate === options.asOf && modality !== 'filler';
    const waitsForPlanning = arrivalDate >= recentFrom && modality !== 'supersnelrecht';
    let hearing: { session: number; status: HearingStatus } | null = null;
    let released = false;
    if (modality !== 'zsm' && !arrivesToday && !waitsForPlanning) {
      // The demo keeps the law: a hearing never before the summons term has run nor after a hard limit.
      const limits = computeDeadlines(
        toDeadlineInput(String(index), { modality, arrestedAt, custodyOrderedAt, remandOrderedAt, summonsServedAt, shortTermConsent }) as never,
      );
      const [from, to] = DEMO_HEARING_WINDOW_DAYS[modality];
      hearing = findFreeSession(arrivalDate, from, to, modality, {
        notBefore: limits.hearingFrom ? Date.parse(limits.hearingFrom) : -Infinity,
        notAfter: limits.hearingBy ? Date.parse(limits.hearingBy) : Infinity,
      });
      // No session before a detained case's limit: the chain releases the suspect and takes the
      // non-detained route (LEGAL-RULES.md), rather than holding anyone past the limit.
      if (!hearing && detained) {
        released = true;
        const [ndFrom, ndTo] = DEMO_HEARING_WINDOW_DAYS.snelrecht_nd;
        hearing = findFreeSession(arrivalDate, ndFrom, ndTo, 'snelrecht_nd', { notBefore: -Infinity, notAfter: Infinity });
      }
      if (hearing) booked[hearing.session]! += 1;
    }
    const heardBefore = hearing !== null && sessions[hearing.session]!.date < options.asOf;
    if (hearing && heardBefore) hearing.status = random.chance(0.06) ? 'adjourned' : 'held';

    const finalModality = released ? 'snelrecht_nd' : modality;
    return {
      parketnummer: `${DEMO_DISTRICT.parketCode}/${String(100000 + index).padStart(6, '0')}-${arrivalDate.slice(2, 4)}`,
      suspect: {
        fullName: suspectName,
        dateOfBirth,
        summonsAddress: `Postbus ${random.int(100, 9999)}, ${random.pick(DEMO_LOCATIONS).city}`,
        lawyerName: random.chance(0.7) ? random.pick(DEMO_LAWYERS) : null,
      },
      modality: finalModality,
      fillerKind: modality === 'filler' ? random.pick(DEMO_FILLER_KINDS) : null,
      status: 'intake' as CaseStatus,
      policeUnit: random.weighted(DEMO_POLICE_UNITS.map((unit, i) => [unit, i === 0 ? 3 : 2] as const)),
      offenceSummary: random.pick(DEMO_OFFENCES),
      offenceAt,
      arrestedAt,
      custodyOrderedAt: released ? null : custodyOrderedAt,
      remandOrderedAt: released ? null : remandOrderedAt,
      summonsServedAt: released ? later(base, 48) : summonsServedAt,
      shortTermConsent: released ? false : shortTermConsent,
      createdAt: base,
      zsmDecision: modality === 'filler' || arrivesToday ? null : zsmDecisionFor(finalModality === 'filler' ? modality : finalModality, base),
      hearing: hearing && { ...hearing, plannedAt: base, movedFrom: null, outcome: null },
      rehearing: null,
      decision: null,
    };
  });

  addHistory(cases, {
    sessions,
    sessionStart,
    asOf: options.asOf,
    moves: options.moves ?? false,
    chain: options.chain ?? false,
    random: createSeededRandom((options.seed ^ 0x5bd1e995) >>> 0),
    calendar,
    findFreeSession: (fromDate, fromDays, toDays, modality, window) => {
      const found = findFreeSession(fromDate, fromDays, toDays, modality, window);
      if (found) booked[found.session]! += 1;
      return found?.session ?? null;
    },
  });
  for (const c of cases) c.status = caseTimeline(c, sessions).status;
  return { options, district: DEMO_DISTRICT, locations: DEMO_LOCATIONS, sessions, cases };

  function zsmDecisionFor(modality: Exclude<Modality, 'filler'>, arrival: string): NonNullable<DemoCase['zsmDecision']> {
    const outcome: ZsmOutcome =
      modality === 'zsm'
        ? random.weighted([['strafbeschikking', 55], ['sepot', 30], ['other_route', 15]] as const)
        : modality === 'supersnelrecht'
          ? 'summons_supersnelrecht'
          : modality === 'snelrecht'
            ? 'summons_snelrecht'
            : 'summons_snelrecht_nd';
    return {
      outcome,
      otherRoute: outcome === 'other_route' ? random.pick(OTHER_ROUTES) : null,
      prosecutorName: random.pick(DEMO_PROSECUTORS),
      reason: DEMO_ZSM_REASONS[outcome],
      decidedAt: later(arrival, random.int(2, 10)),
    };
  }

  function findFreeSession(
    arrivalDate: string,
    fromDays: number,
    toDays: number,
    modality: Exclude<Modality, 'zsm'>,
    window: { notBefore: number; notAfter: number },
  ) {
    const first = dayIndex.get(arrivalDate);
    if (first === undefined) return null;
    for (let offset = fromDays; offset <= toDays; offset++) {
      const date = dates[first + offset];
      if (date === undefined) break;
      for (const index of sessionsByDate.get(date) ?? []) {
        const session = sessions[index]!;
        const starts = sessionStart[index]!;
        const lawful = starts >= window.notBefore && starts <= window.notAfter;
        if (lawful && DEFAULT_ACCEPTED_MODALITIES[session.sessionType].includes(modality) && booked[index]! < session.capacitySlots) {
          return { session: index, status: 'planned' as HearingStatus };
        }
      }
    }
    return null;
  }
}

function later(instant: string, hours: number): string {
  return new Date(Date.parse(instant) + hours * 3_600_000).toISOString();
}

function amsterdamInstant(date: string, hour: number, minute: number): string {
  return new Date(fromAmsterdamLocal(date, hour, minute)).toISOString();
}
