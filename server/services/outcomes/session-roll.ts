import { and, asc, eq, inArray, or, isNotNull } from 'drizzle-orm';
import { SLOT_OCCUPYING_HEARING_STATUSES } from '../../../shared/domain/slot-occupancy';
import type { SessionRoll } from '../../../shared/outcomes/decision-schemas';
import type { AppDatabase } from '../../../db/open-database';
import { alias } from 'drizzle-orm/sqlite-core';
import { casePreconditions, courtLocations, courtrooms, courtSessions, criminalCases, decisions, hearingOutcomes, hearings, persons, suspects } from '../../../db/schema';
import { ServiceError } from '../service-error';
import { decisionView } from '../decisions/decision-view';
import { returnedRow } from '../context/query-results';

/**
 * A session and its roll in planning order: the cases on it (planned or held), and those whose
 * outcome was recorded here (adjourned, withdrawn), each with its outcome and decision if any.
 */
export async function getSessionRoll(db: AppDatabase, sessionId: number): Promise<SessionRoll> {
  const judge = alias(persons, 'judge');
  const prosecutor = alias(persons, 'prosecutor');
  const session = returnedRow(await db
    .select({
      session: courtSessions,
      room: courtrooms.name,
      location: courtLocations.name,
      judgeName: judge.name,
      prosecutorName: prosecutor.name,
    })
    .from(courtSessions)
    .innerJoin(courtrooms, eq(courtrooms.id, courtSessions.courtroomId))
    .innerJoin(courtLocations, eq(courtLocations.id, courtrooms.locationId))
    .leftJoin(judge, eq(judge.id, courtSessions.judgeId))
    .leftJoin(prosecutor, eq(prosecutor.id, courtSessions.prosecutorId))
    .where(eq(courtSessions.id, sessionId)));
  if (!session) throw new ServiceError('NOT_FOUND', `Zitting ${sessionId} bestaat niet.`);

  const rows = (await db
    .select({ hearing: hearings, case: criminalCases, suspectName: suspects.fullName, outcome: hearingOutcomes })
    .from(hearings)
    .innerJoin(criminalCases, eq(criminalCases.id, hearings.caseId))
    .innerJoin(suspects, eq(suspects.id, criminalCases.suspectId))
    .leftJoin(hearingOutcomes, eq(hearingOutcomes.hearingId, hearings.id))
    .where(and(eq(hearings.sessionId, sessionId), or(inArray(hearings.status, [...SLOT_OCCUPYING_HEARING_STATUSES]), isNotNull(hearingOutcomes.id))))
    .orderBy(asc(hearings.id)));

  const caseIds = rows.map((r) => r.case.id);
  const advice = new Map(
    (caseIds.length
      ? (await db
          .select({ caseId: casePreconditions.caseId, status: casePreconditions.status, note: casePreconditions.note })
          .from(casePreconditions)
          .where(and(inArray(casePreconditions.caseId, caseIds), eq(casePreconditions.kind, 'advice_3ro'))))
      : []
    ).map(({ caseId, ...rest }) => [caseId, rest]),
  );
  const hearingIds = rows.map((r) => r.hearing.id);
  const decisionByHearing = new Map(
    (hearingIds.length ? (await db.select().from(decisions).where(inArray(decisions.hearingId, hearingIds))) : []).map((d) => [d.hearingId, d]),
  );

  const s = session.session;
  return {
    session: {
      id: s.id,
      date: s.date,
      daypart: s.daypart,
      startTime: s.startTime,
      endTime: s.endTime,
      sessionType: s.sessionType,
      status: s.status,
      location: session.location,
      room: session.room,
      judgeName: session.judgeName,
      prosecutorName: session.prosecutorName,
    },
    entries: await mapInOrder(rows, async (r) => {
      const decision = decisionByHearing.get(r.hearing.id);
      return {
        hearingId: r.hearing.id,
        hearingStatus: r.hearing.status,
        caseId: r.case.id,
        caseVersion: r.case.version,
        parketnummer: r.case.parketnummer,
        caseStatus: r.case.status,
        suspectName: r.suspectName,
        modality: r.case.modality,
        offenceSummary: r.case.offenceSummary,
        outcome: r.outcome
          ? {
              outcome: r.outcome.outcome,
              suspectPresent: r.outcome.suspectPresent,
              reason: r.outcome.adjournmentReason,
              resumeFrom: r.outcome.resumeFrom,
              note: r.outcome.note,
              recordedBy: r.outcome.recordedBy,
              recordedAt: r.outcome.recordedAt,
            }
          : null,
        decision: decision ? await decisionView(db, decision) : null,
        probationAdvice: advice.get(r.case.id) ?? null,
      };
    }),
  };
}

/** One after another: an operation's queries share one connection, which runs one query at a time. */
async function mapInOrder<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await map(item));
  return out;
}
