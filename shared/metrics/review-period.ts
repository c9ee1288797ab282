/**
 * The four-monthly review periods: 'YYYY-T1' = 1 Jan - 30 Apr, 'YYYY-T2' = 1 May - 31 Aug,
 * 'YYYY-T3' = 1 Sep - 31 Dec (Europe/Amsterdam calendar dates, both ends inclusive).
 */
export const REVIEW_PERIOD_PATTERN = /^(\d{4})-T([123])$/;

export interface ReviewPeriod {
  year: number;
  part: 1 | 2 | 3;
}

const FIRST_MONTH = { 1: 1, 2: 5, 3: 9 } as const;
const LAST_DAY = { 1: '04-30', 2: '08-31', 3: '12-31' } as const;
const MONTH_NAMES = { 1: 'januari – april', 2: 'mei – augustus', 3: 'september – december' } as const;

export function parseReviewPeriod(text: string): ReviewPeriod {
  const match = REVIEW_PERIOD_PATTERN.exec(text);
  if (!match) throw new Error(`Onbekende periode '${text}': gebruik JJJJ-T1, JJJJ-T2 of JJJJ-T3`);
  return { year: Number(match[1]), part: Number(match[2]) as 1 | 2 | 3 };
}

export function formatReviewPeriod(period: ReviewPeriod): string {
  return `${String(period.year).padStart(4, '0')}-T${period.part}`;
}

/** The first and last calendar date of a period (inclusive). */
export function reviewPeriodRange(text: string): { from: string; to: string } {
  const { year, part } = parseReviewPeriod(text);
  const y = String(year).padStart(4, '0');
  return { from: `${y}-${String(FIRST_MONTH[part]).padStart(2, '0')}-01`, to: `${y}-${LAST_DAY[part]}` };
}

/** The period a calendar date 'YYYY-MM-DD' falls in. */
export function reviewPeriodOf(date: string): string {
  const month = Number(date.slice(5, 7));
  const part = month <= 4 ? 1 : month <= 8 ? 2 : 3;
  return formatReviewPeriod({ year: Number(date.slice(0, 4)), part });
}

export function previousReviewPeriod(text: string): string {
  const { year, part } = parseReviewPeriod(text);
  return part === 1 ? formatReviewPeriod({ year: year - 1, part: 3 }) : formatReviewPeriod({ year, part: (part - 1) as 1 | 2 });
}

export function nextReviewPeriod(text: string): string {
  const { year, part } = parseReviewPeriod(text);
  return part === 3 ? formatReviewPeriod({ year: year + 1, part: 1 }) : formatReviewPeriod({ year, part: (part + 1) as 2 | 3 });
}

/** 'T2 2026 (mei – augustus)'. */
export function reviewPeriodLabel(text: string): string {
  const { year, part } = parseReviewPeriod(text);
  return `T${part} ${year} (${MONTH_NAMES[part]})`;
}

/** The periods touching [from, to], oldest first. */
export function reviewPeriodsBetween(from: string, to: string): string[] {
  const result: string[] = [];
  for (let p = reviewPeriodOf(from); reviewPeriodRange(p).from <= to; p = nextReviewPeriod(p)) result.push(p);
  return result;
}
