import { formatAmsterdam, fromAmsterdamLocal } from '../calendar/amsterdam-time';

/*
 * The moment of a judgment of the politierechter. The politierechter decides orally at the hearing,
 * straight after the examination (art. 378 lid 1 Sv); the judgment moment is that of the session, not
 * the moment a clerk records it. Every term runs from it: the appeal term of 14 days (art. 408 lid 1
 * Sv; Atw), the moment the judgment becomes enforceable and the Wet USB countdowns (vonnis naar OM,
 * naar CJIB). A later (written) judgment can be entered instead, never before the session and never in
 * the future.
 */

/** The moment of the case on the roll: the session's date and start time (Europe/Amsterdam), epoch ms. */
export function sessionMoment(session: { date: string; startTime: string }): number {
  const [hour, minute] = session.startTime.split(':').map(Number) as [number, number];
  return fromAmsterdamLocal(session.date, hour, minute);
}

/** The default judgment moment of a hearing, as ISO-8601 with the Amsterdam offset. */
export function defaultJudgmentMoment(session: { date: string; startTime: string }): string {
  return formatAmsterdam(sessionMoment(session));
}

/** A minute of slack for clocks that differ a little. */
const CLOCK_SLACK_MS = 60_000;

/** Why `at` cannot be the judgment moment of a case heard on this session, in Dutch; null when it can. */
export function judgmentMomentRefusal(at: number, session: { date: string; startTime: string }, now: number): string | null {
  const start = sessionMoment(session);
  if (at < start) {
    return `Het moment van de uitspraak ligt vóór de zitting (${session.date.split('-').reverse().join('-')} ${session.startTime}): vul het begin van de zitting of later in.`;
  }
  if (at > now + CLOCK_SLACK_MS) {
    return 'Het moment van de uitspraak ligt in de toekomst: vul het moment in waarop de rechter uitspraak deed.';
  }
  return null;
}
