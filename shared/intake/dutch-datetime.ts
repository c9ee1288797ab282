import { amsterdamOffsetMinutes, amsterdamReadings, formatAmsterdam, fromAmsterdamLocal, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, parseOffsetDateTime, readingsOfNaive } from '../calendar/amsterdam-time';
import { daysInMonth, epochDayOfParts, formatLocalDate, isValidLocalDate } from '../calendar/local-date';

/*
 * Dates and times as police and OM exports and Dutch users write them: 14-04-2026, 14/4/2026,
 * 2026-04-14, with a time 18:00 or 18.00 after a space; machine exports may also carry full ISO-8601
 * with an offset. Wall-clock times are Europe/Amsterdam.
 */

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;
const ISO_START = /^\d{4}-/;
const ISO_WITH_OFFSET = /[T ]\d.*([+-]\d{2}:?\d{2}|Z)$/;
const WHITE_SPACE = /\s+/;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const DATE_HINT = 'dd-mm-jjjj';
export const DATE_TIME_HINT = 'dd-mm-jjjj uu:mm';
export const TIME_HINT = 'uu:mm';

/** A calendar date, 'YYYY-MM-DD'. */
export function parseDutchDate(text: string): ParseResult<string> {
  const trimmed = text.trim();
  const usual = usualDutchDate(trimmed);
  if (usual !== null && usual.end === trimmed.length) return { ok: true, value: usual.date };
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
  const usual = usualDutchDateTime(trimmed, options.dateOnlyAllowed === true);
  if (usual !== null) return { ok: true, value: usual };
  if (ISO_START.test(trimmed) && ISO_WITH_OFFSET.test(trimmed)) {
    const parsed = parseOffsetDateTime(trimmed);
    if (parsed.ok) return { ok: true, value: formatAmsterdam(parsed.instant) };
  }
  const [datePart = '', timePart, ...rest] = trimmed.replace('T', ' ').split(WHITE_SPACE);
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

const isDigit = (code: number) => code >= 48 && code <= 57;
const isDateSeparator = (code: number) => code === 45 || code === 47 || code === 46; // - / .
const isTimeSeparator = (code: number) => code === 58 || code === 46; // : .

/**
 * A valid date 'd-m-jjjj' (DUTCH_DATE: any of its separators) at the start of the text, read character
 * by character, up to the end of the text or a space: the date, its epoch day and where it ends.
 * Null otherwise (also for a date that does not exist: the general reading words that message).
 */
function usualDutchDate(text: string): { date: string; epochDay: number; end: number } | null {
  const length = text.length;
  let i = 0;
  let day = 0;
  let month = 0;
  let year = 0;
  let digits = 0;
  for (; i < length && isDigit(text.charCodeAt(i)) && digits < 3; i++, digits++) day = day * 10 + text.charCodeAt(i) - 48;
  if (digits < 1 || digits > 2 || i >= length || !isDateSeparator(text.charCodeAt(i))) return null;
  i++;
  for (digits = 0; i < length && isDigit(text.charCodeAt(i)) && digits < 3; i++, digits++) month = month * 10 + text.charCodeAt(i) - 48;
  if (digits < 1 || digits > 2 || i >= length || !isDateSeparator(text.charCodeAt(i))) return null;
  i++;
  for (digits = 0; i < length && isDigit(text.charCodeAt(i)) && digits < 5; i++, digits++) year = year * 10 + text.charCodeAt(i) - 48;
  if (digits !== 4 || (i < length && text.charCodeAt(i) !== 32)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { date: formatLocalDate(year, month, day), epochDay: epochDayOfParts(year, month, day), end: i };
}

/**
 * The value parseDutchDateTime gives for the notations exports use most, 'd-m-jjjj' and 'd-m-jjjj u:mm'
 * (any of its separators, one or more spaces, optional seconds), when that value is a moment; read
 * character by character. Null for any other text, and for a text it would refuse or whose wall-clock
 * time a clock change makes skipped or double: parseDutchDateTime's general reading then decides, and
 * words the message.
 */
function usualDutchDateTime(text: string, dateOnlyAllowed: boolean): string | null {
  const usual = usualDutchDate(text);
  if (usual === null) return null;
  const { date, epochDay } = usual;
  const length = text.length;
  let i = usual.end;
  let digits = 0;
  if (i === length) return dateOnlyAllowed ? startOfDay(date) : null;
  // parseDutchDateTime splits on any white space; here only spaces, the rest goes its general way.
  if (text.charCodeAt(i) !== 32) return null;
  while (i < length && text.charCodeAt(i) === 32) i++;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (digits = 0; i < length && isDigit(text.charCodeAt(i)) && digits < 3; i++, digits++) hour = hour * 10 + text.charCodeAt(i) - 48;
  if (digits < 1 || digits > 2 || i >= length || !isTimeSeparator(text.charCodeAt(i))) return null;
  i++;
  if (i + 2 > length || !isDigit(text.charCodeAt(i)) || !isDigit(text.charCodeAt(i + 1))) return null;
  minute = (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;
  i += 2;
  if (i < length) {
    if (i + 3 !== length || !isTimeSeparator(text.charCodeAt(i)) || !isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2))) return null;
    second = (text.charCodeAt(i + 1) - 48) * 10 + text.charCodeAt(i + 2) - 48;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const readings = readingsOfNaive(epochDay * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND);
  if (readings.length !== 1) return null;
  const offset = amsterdamOffsetMinutes(readings[0]!);
  const offsetHours = Math.floor(Math.abs(offset) / 60);
  const offsetMinutes = Math.abs(offset) % 60;
  // `${date}T${hh}:${mm}:${ss}${sign}${oh}:${om}` as one flat string (a template literal keeps its pieces; the intake keeps the text).
  return String.fromCharCode(
    date.charCodeAt(0), date.charCodeAt(1), date.charCodeAt(2), date.charCodeAt(3), 45, date.charCodeAt(5), date.charCodeAt(6), 45, date.charCodeAt(8), date.charCodeAt(9), 84,
    tens(hour), units(hour), 58, tens(minute), units(minute), 58, tens(second), units(second), offset < 0 ? 45 : 43, tens(offsetHours), units(offsetHours), 58, tens(offsetMinutes), units(offsetMinutes),
  );
}

/** The character code of the tens and of the units digit of 0-99. */
const tens = (n: number) => 48 + Math.floor(n / 10);
const units = (n: number) => 48 + (n % 10);

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
