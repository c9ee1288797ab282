import { amsterdamOffsetMinutes, amsterdamReadings, formatAmsterdam, fromAmsterdamLocal, parseOffsetDateTime } from '../calendar/amsterdam-time';
import { formatLocalDate, isValidLocalDate } from '../calendar/local-date';

/*
 * Dates and times as police and OM exports and Dutch users write them: 14-04-2026, 14/4/2026,
 * 2026-04-14, with a time 18:00 or 18.00 after a space; machine exports may also carry full ISO-8601
 * with an offset. Wall-clock times are Europe/Amsterdam.
 */

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const DATE_HINT = 'dd-mm-jjjj';
export const DATE_TIME_HINT = 'dd-mm-jjjj uu:mm';
export const TIME_HINT = 'uu:mm';

/** A calendar date, 'YYYY-MM-DD'. */
export function parseDutchDate(text: string): ParseResult<string> {
  const trimmed = text.trim();
  const dutch = DUTCH_DATE.exec(trimmed);
  const date = dutch
    ? safeFormat(Number(dutch[3]), Number(dutch[2]), Number(dutch[1]))
    : ISO_DATE.test(trimmed) && isValidLocalDate(trimmed)
      ? trimmed
      : null;
  return date ? { ok: true, value: date } : { ok: false, message: `"${trimmed}" is geen geldige datum (${DATE_HINT})` };
}

/**
 * A moment, as ISO-8601 with the Amsterdam offset ('2026-04-14T18:00:00+02:00').
 * A time is required unless `dateOnlyAllowed`: a custody limit counted from a guessed midnight is not a limit.
 */
export function parseDutchDateTime(text: string, options: { dateOnlyAllowed?: boolean } = {}): ParseResult<string> {
  const trimmed = text.trim();
  if (/^\d{4}-/.test(trimmed) && /[T ]\d.*([+-]\d{2}:?\d{2}|Z)$/.test(trimmed)) {
    const parsed = parseOffsetDateTime(trimmed);
    if (parsed.ok) return { ok: true, value: formatAmsterdam(parsed.instant) };
  }
  const [datePart = '', timePart, ...rest] = trimmed.replace('T', ' ').split(/\s+/);
  const invalid = { ok: false as const, message: `"${trimmed}" is geen geldige datum en tijd (${DATE_TIME_HINT})` };
  if (rest.length > 0) return invalid;
  const date = parseDutchDate(datePart);
  if (!date.ok) return invalid;
  if (timePart === undefined) {
    return options.dateOnlyAllowed
      ? { ok: true, value: startOfDay(date.value) }
      : { ok: false, message: `Vul ook de tijd in: "${trimmed}" heeft geen tijd (${DATE_TIME_HINT})` };
  }
  const time = TIME.exec(timePart);
  if (!time) return invalid;
  const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return invalid;
  // A clock change makes some wall-clock times ambiguous or impossible: never guess a legal moment.
  const readings = amsterdamReadings(date.value, hour, minute, second);
  if (readings.length === 0) {
    return { ok: false, message: `"${trimmed}" bestaat niet: die nacht sprong de klok van 02:00 naar 03:00 (zomertijd)` };
  }
  if (readings.length > 1) {
    return {
      ok: false,
      message: `"${trimmed}" kwam twee keer voor (de klok ging van 03:00 terug naar 02:00); geef het tijdstip met offset, bijvoorbeeld ${date.value}T${timePart.replace('.', ':').padStart(5, '0')}:00+02:00 (de eerste keer) of +01:00 (de tweede)`,
    };
  }
  // formatAmsterdam(readings[0]) without the round trip: that reading shows this very wall-clock time.
  const offset = amsterdamOffsetMinutes(readings[0]!);
  return { ok: true, value: `${date.value}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${offset < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(offset) / 60))}:${pad2(Math.abs(offset) % 60)}` };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Midnight of a date as formatAmsterdam writes it; an import repeats few dates, so the last ones are kept. */
const midnights = new Map<string, string>();
function startOfDay(date: string): string {
  let value = midnights.get(date);
  if (value === undefined) {
    if (midnights.size >= 4096) midnights.clear();
    value = formatAmsterdam(fromAmsterdamLocal(date));
    midnights.set(date, value);
  }
  return value;
}

/** 'YYYY-MM-DD' as dd-mm-jjjj, the notation the forms show and take. */
export function formatDutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}

/** A wall-clock time of day, 24-hour, as 'HH:mm' (accepts 9:05, 09.05 and 0905). */
export function parseDutchTime(text: string): ParseResult<string> {
  const trimmed = text.trim();
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(trimmed);
  const [hour, minute] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!match || hour > 23 || minute > 59) return { ok: false, message: `"${trimmed}" is geen geldige tijd (${TIME_HINT}, 24-uurs)` };
  return { ok: true, value: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/** 'HH:mm' (or 'HH:mm:ss') as the forms show it. */
export function formatDutchTime(time: string): string {
  return time.slice(0, 5);
}

/** Spreadsheet cells that are real dates (exceljs gives their wall clock as a UTC Date). */
export function wallClockDateToText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

function safeFormat(year: number, month: number, day: number): string | null {
  try {
    return formatLocalDate(year, month, day);
  } catch {
    return null;
  }
}
