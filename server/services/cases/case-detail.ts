import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { PRECONDITION_KINDS } from '../../../shared/domain/precondition';
import { needsSummonsService, readinessGaps } from '../../../shared/domain/planning-readiness';
import { latestServiceDay } from '../../../shared/deadlines/summons-term';
import { sessionMoment } from '../../../shared/outcomes/judgment-moment';
import type { HeardModality } from '../../../shared/domain/modality';
import type { AppDatabase } from '../../../db/open-database';
import { casePreconditions, courtSessions, criminalCases, hearings, suspects, zsmDecisions } from '../../../db/schema';
import { suspectAge } from '../../../shared/intake/plausibility';
import { startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { ServiceError } from '../service-error';
import { caseAuditTrail } from './case-history';
import { loadDeadlineContext } from '../settings/district-settings';
import { deadlinesOf } from './derived-columns';
import { firstRow } from '../context/query-results';

/**
 * Everything the case page shows: the case, the suspect, its limits with their rules, readiness (with
 * preconditions overdue as of `today`), co-defendants, decisions and full history.
 */
export async function getCaseDetail(db: AppDatabase, caseId: number, today: string) {
  const row = firstRow(await db
    .select({ c: criminalCases, s: suspects })
    .from(criminalCases)
    .innerJoin(suspects, eq(suspects.id, criminalCases.suspectId))
    .where(eq(criminalCases.id, caseId)));
  if (!row) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
  const { c, s } = row;
  const caseHearings = (await db
    .select({ id: hearings.id, status: hearings.status, sessionId: hearings.sessionId, date: courtSessions.date, startTime: courtSessions.startTime, explanation: hearings.explanation })
    .from(hearings)
    .innerJoin(courtSessions, eq(courtSessions.id, hearings.sessionId))
    .where(eq(hearings.caseId, caseId))
    .orderBy(asc(courtSessions.date)));
  // Newest first; the scope (case, hearings, decisions, sanctions, hand-offs) is the timeline's too: case-history.ts.
  const history = (await caseAuditTrail(db, caseId)).reverse();
  const preconditions = (await db
    .select()
    .from(casePreconditions)
    .where(eq(casePreconditions.caseId, caseId)))
    .sort((a, b) => PRECONDITION_KINDS.indexOf(a.kind) - PRECONDITION_KINDS.indexOf(b.kind));
  const coDefendants = c.coDefendantGroup
    ? (await db
        .select({ id: criminalCases.id, parketnummer: criminalCases.parketnummer, status: criminalCases.status, suspectName: suspects.fullName })
        .from(criminalCases)
        .innerJoin(suspects, eq(suspects.id, criminalCases.suspectId))
        .where(and(eq(criminalCases.coDefendantGroup, c.coDefendantGroup), ne(criminalCases.id, caseId)))
        .orderBy(asc(criminalCases.parketnummer)))
    : [];
  const context = await loadDeadlineContext(db);
  // A planned hearing while the summons is not served: it must be served by the session minus the term.
  const planned = caseHearings.find((h) => h.status === 'planned');
  const summonsServeBy =
    planned && needsSummonsService(c) ? latestServiceDay(sessionMoment(planned), c.modality as HeardModality, c.shortTermConsent, context.settings, context.calendar) : null;
  const decisions = (await db.select().from(zsmDecisions).where(eq(zsmDecisions.caseId, caseId)).orderBy(desc(zsmDecisions.id)));
  return {
    id: c.id,
    version: c.version,
    parketnummer: c.parketnummer,
    status: c.status,
    modality: c.modality,
    fillerKind: c.fillerKind,
    policeUnit: c.policeUnit,
    offenceSummary: c.offenceSummary,
    offenceAt: c.offenceAt,
    events: {
      arrestedAt: c.arrestedAt,
      custodyOrderedAt: c.custodyOrderedAt,
      custodyExtendedAt: c.custodyExtendedAt,
      remandOrderedAt: c.remandOrderedAt,
      summonsServedAt: c.summonsServedAt,
      judgmentAt: c.judgmentAt,
      penaltyOrderDeliveredAt: c.penaltyOrderDeliveredAt,
    },
    shortTermConsent: c.shortTermConsent,
    createdAt: c.createdAt,
    suspect: { fullName: s.fullName, dateOfBirth: s.dateOfBirth, summonsAddress: s.summonsAddress, lawyerName: s.lawyerName, age: suspectAge({ dateOfBirth: s.dateOfBirth, offenceAt: c.offenceAt, arrestedAt: c.arrestedAt }, startOfAmsterdamDay(today)) },
    deadlines: deadlinesOf(c, context),
    readinessGaps: readinessGaps(c, preconditions, today),
    readyFrom: c.readyFrom,
    preconditions: preconditions.map((p) => ({ kind: p.kind, status: p.status, expectedOn: p.expectedOn, metOn: p.metOn, note: p.note, updatedAt: p.updatedAt, updatedBy: p.updatedBy })),
    coDefendantGroup: c.coDefendantGroup,
    coDefendants,
    estimatedMinutes: c.estimatedMinutes,
    expectedSummonsServiceOn: c.expectedSummonsServiceOn,
    summonsServeBy,
    zsmDecisions: decisions.map((d) => ({ id: d.id, outcome: d.outcome, otherRoute: d.otherRoute, prosecutorName: d.prosecutorName, reason: d.reason, decidedAt: d.decidedAt, recordedBy: d.recordedBy })),
    hearings: caseHearings,
    history: history.map((e) => ({ id: e.id, occurredAt: e.occurredAt, actor: e.actor, action: e.action, reason: e.reason, details: e.details })),
  };
}

/** The case with this parketnummer (as typed: spaces around it ignored). */
export async function findCaseByParketnummer(db: AppDatabase, parketnummer: string): Promise<{ id: number }> {
  const row = firstRow(await db.select({ id: criminalCases.id }).from(criminalCases).where(eq(criminalCases.parketnummer, parketnummer.trim())));
  if (!row) throw new ServiceError('NOT_FOUND', `Er is geen zaak met parketnummer ${parketnummer.trim()} in dit arrondissement. Controleer het nummer (bijvoorbeeld 19/000123-26) en zoek opnieuw.`);
  return row;
}
