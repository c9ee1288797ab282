import { fromAmsterdamLocal } from '../calendar/amsterdam-time';
import type { CourtCalendar } from '../calendar/court-calendar';
import { addDays } from '../calendar/local-date';
import type { HeardModality } from '../domain/modality';
import { DutchTimeFormatter, listDays, MODALITY_LABELS } from './dutch-time';

/** The detained flows whose arrivals cannot wait for the next planning round. */
export const URGENT_MODALITIES = ['supersnelrecht', 'snelrecht'] as const;
export type UrgentModality = (typeof URGENT_MODALITIES)[number];

export interface ForecastRule {
  /** Weeks of arrival history the forecast reads (default 8). */
  weeks: number;
  /** Percentile of the daily arrival counts taken as the expected arrivals per court day (default 0.8). */
  percentile: number;
  /** How many court days ahead (today included when it is one) arrivals are expected and held for (default 3). */
  arrivalDays: number;
  /**
   * Calendar days after the arrival day by which a case must be heard. Defaults follow
   * LEGAL-RULES.md: supersnelrecht "within 3 days of arrest" (action plan rule of thumb, bounded by
   * the voorgeleiding limit of 3 days and 18 hours, art. 59a Sv); detained snelrecht within the
   * bewaring, about 17 days after arrest (art. 64 and art. 67a lid 2 onder 4 Sv). The service passes
   * the district's settings for both.
   */
  hearingWithinDays: Record<UrgentModality, number>;
}

export const DEFAULT_FORECAST_RULE: Readonly<ForecastRule> = Object.freeze({
  weeks: 8,
  percentile: 0.8,
  arrivalDays: 3,
  hearingWithinDays: Object.freeze({ supersnelrecht: 3, snelrecht: 17 }),
});

export interface ForecastSession {
  id: number;
  /** YYYY-MM-DD, Europe/Amsterdam. */
  date: string;
  /** Epoch ms of the start; orders sessions on one day. */
  start: number;
  /** Slots still free for planning (the most that can be held back). */
  capacity: number;
  accepts: readonly HeardModality[];
}

export interface UrgentArrival {
  modality: UrgentModality;
  /** Arrival (arrest) date, YYYY-MM-DD Europe/Amsterdam. */
  date: string;
}

export interface ForecastInput {
  /** YYYY-MM-DD, Europe/Amsterdam. */
  today: string;
  /** Arrivals of urgent cases; those outside the history window are ignored. */
  arrivals: readonly UrgentArrival[];
  sessions: readonly ForecastSession[];
  calendar: Pick<CourtCalendar, 'isCourtDay' | 'addWorkingDays'>;
  rule?: Partial<ForecastRule> | undefined;
}

export interface HeldBackSlots {
  sessionId: number;
  date: string;
  slots: number;
  byModality: Record<UrgentModality, number>;
  /** Dutch. */
  explanation: string;
}

export interface ForecastReserve {
  /** The history window read (inclusive dates) and its number of court days. */
  historyFrom: string;
  historyTo: string;
  historyCourtDays: number;
  /** Expected arrivals per court day (the percentile of the daily counts). */
  expectedPerCourtDay: Record<UrgentModality, number>;
  /** The court days whose arrivals the reserve is held for. */
  arrivalDays: string[];
  /** What the planner takes as `PlanOptions.reserveBySession`. */
  reserveBySession: Record<number, number>;
  heldBack: HeldBackSlots[];
  /** Expected arrivals for which no session in reach had a free slot left. */
  uncovered: Record<UrgentModality, number>;
}

/**
 * How many slots to hold back on near sessions for urgent cases that have not arrived yet
 * (docs/planner.md, "Forecast reserve"). The rule, in the order a coordinator can check it:
 * 1. count the arrivals of each urgent modality per court day over the last `weeks` weeks (an
 *    arrest on a weekend or holiday counts on the next court day; days without arrivals count 0);
 * 2. expect, on each of the next `arrivalDays` court days, the `percentile` of those counts
 *    (nearest rank: on 80% of the court days no more arrived);
 * 3. give each expected case one slot on the earliest session after its arrival day that accepts
 *    its modality, lies within its limit and still has a slot; supersnelrecht (the shorter limit)
 *    goes first each day.
 */
export function computeForecastReserve(input: ForecastInput): ForecastReserve {
  const rule = resolveRule(input.rule);
  const { calendar, today } = input;
  const historyFrom = addDays(today, -7 * rule.weeks);
  const historyTo = addDays(today, -1);

  const courtDays: string[] = [];
  for (let day = historyFrom; day <= historyTo; day = addDays(day, 1)) if (calendar.isCourtDay(day)) courtDays.push(day);
  const perDay = Object.fromEntries(URGENT_MODALITIES.map((m) => [m, new Map(courtDays.map((d) => [d, 0]))])) as Record<UrgentModality, Map<string, number>>;
  for (const arrival of input.arrivals) {
    if (arrival.date < historyFrom || arrival.date > historyTo) continue;
    const day = calendar.isCourtDay(arrival.date) ? arrival.date : calendar.addWorkingDays(arrival.date, 1);
    const counts = perDay[arrival.modality];
    const current = counts.get(day);
    // A weekend arrest just before today counts on today, which lies outside the history.
    if (current !== undefined) counts.set(day, current + 1);
  }
  const expectedPerCourtDay = Object.fromEntries(
    URGENT_MODALITIES.map((m) => [m, nearestRankPercentile([...perDay[m].values()], rule.percentile)]),
  ) as Record<UrgentModality, number>;

  const arrivalDays: string[] = [];
  let day = calendar.isCourtDay(today) ? today : calendar.addWorkingDays(today, 1);
  while (arrivalDays.length < rule.arrivalDays) {
    arrivalDays.push(day);
    day = calendar.addWorkingDays(day, 1);
  }

  const sessions = [...input.sessions].sort((a, b) => a.start - b.start || a.id - b.id);
  const room = new Map(sessions.map((s) => [s.id, Math.max(0, s.capacity)]));
  const held = new Map<number, { byModality: Record<UrgentModality, number>; arrivals: Record<UrgentModality, Set<string>> }>();
  const uncovered: Record<UrgentModality, number> = { supersnelrecht: 0, snelrecht: 0 };
  for (const arrivalDay of arrivalDays) {
    for (const modality of URGENT_MODALITIES) {
      const lastDay = addDays(arrivalDay, rule.hearingWithinDays[modality]);
      for (let k = 0; k < expectedPerCourtDay[modality]; k++) {
        const session = sessions.find((s) => s.date > arrivalDay && s.date <= lastDay && s.accepts.includes(modality) && room.get(s.id)! > 0);
        if (!session) {
          uncovered[modality] += 1;
          continue;
        }
        room.set(session.id, room.get(session.id)! - 1);
        let entry = held.get(session.id);
        if (!entry) {
          entry = { byModality: { supersnelrecht: 0, snelrecht: 0 }, arrivals: { supersnelrecht: new Set(), snelrecht: new Set() } };
          held.set(session.id, entry);
        }
        entry.byModality[modality] += 1;
        entry.arrivals[modality].add(arrivalDay);
      }
    }
  }

  const context = { rule, expectedPerCourtDay, historyFrom, historyCourtDays: courtDays.length };
  const heldBack: HeldBackSlots[] = sessions
    .filter((s) => held.has(s.id))
    .map((s) => {
      const entry = held.get(s.id)!;
      const slots = entry.byModality.supersnelrecht + entry.byModality.snelrecht;
      return { sessionId: s.id, date: s.date, slots, byModality: entry.byModality, explanation: explain(slots, entry, context) };
    });
  return {
    historyFrom,
    historyTo,
    historyCourtDays: courtDays.length,
    expectedPerCourtDay,
    arrivalDays,
    reserveBySession: Object.fromEntries(heldBack.map((h) => [h.sessionId, h.slots])),
    heldBack,
    uncovered,
  };
}

/** Nearest-rank percentile: the smallest count with at least that share of the days at or below it. */
export function nearestRankPercentile(values: readonly number[], percentile: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(percentile * sorted.length - 1e-9));
  return sorted[rank - 1]!;
}

function resolveRule(partial: Partial<ForecastRule> | undefined): ForecastRule {
  const rule: ForecastRule = {
    ...DEFAULT_FORECAST_RULE,
    ...partial,
    hearingWithinDays: { ...DEFAULT_FORECAST_RULE.hearingWithinDays, ...partial?.hearingWithinDays },
  };
  const problems: string[] = [];
  if (!Number.isInteger(rule.weeks) || rule.weeks < 1 || rule.weeks > 52) problems.push(`weken moet een geheel getal van 1 tot 52 zijn, niet ${rule.weeks}`);
  if (!(rule.percentile > 0 && rule.percentile <= 1)) problems.push(`percentiel moet tussen 0 en 1 liggen, niet ${rule.percentile}`);
  if (!Number.isInteger(rule.arrivalDays) || rule.arrivalDays < 1 || rule.arrivalDays > 10) problems.push(`dagen vooruit moet een geheel getal van 1 tot 10 zijn, niet ${rule.arrivalDays}`);
  for (const m of URGENT_MODALITIES) {
    const days = rule.hearingWithinDays[m];
    if (!Number.isInteger(days) || days < 1) problems.push(`termijn ${m} moet minstens 1 dag zijn, niet ${days}`);
  }
  if (problems.length > 0) throw new RangeError(`Ongeldige regel voor de spoedreserve: ${problems.join('; ')}`);
  return rule;
}

const time = new DutchTimeFormatter();
const dayText = (date: string) => time.day(fromAmsterdamLocal(date, 12));
const number = new Intl.NumberFormat('nl-NL');

function explain(
  slots: number,
  entry: { byModality: Record<UrgentModality, number>; arrivals: Record<UrgentModality, Set<string>> },
  context: { rule: ForecastRule; expectedPerCourtDay: Record<UrgentModality, number>; historyFrom: string; historyCourtDays: number },
): string {
  const parts = URGENT_MODALITIES.filter((m) => entry.byModality[m] > 0).map(
    (m) =>
      `${number.format(entry.byModality[m])} voor ${MODALITY_LABELS[m]} (binnenkomst ${listDays([...entry.arrivals[m]].map(dayText))}; ` +
      `te behandelen binnen ${number.format(context.rule.hearingWithinDays[m])} dagen)`,
  );
  const expected = URGENT_MODALITIES.map((m) => `${number.format(context.expectedPerCourtDay[m])} ${MODALITY_LABELS[m]}`).join(' en ');
  const percentile = number.format(Math.round(context.rule.percentile * 100));
  return (
    `${number.format(slots)} ${slots === 1 ? 'plaats' : 'plaatsen'} vastgehouden voor verwachte spoedzaken: ${parts.join(', ')}. ` +
    `Verwacht per zittingsdag: ${expected} (${percentile}e percentiel van de instroom op ${number.format(context.historyCourtDays)} zittingsdagen sinds ${dayText(context.historyFrom)}).`
  );
}
