import { and, eq } from 'drizzle-orm';
import { amsterdamDate, fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { freePlacesFor } from '../../../shared/domain/slot-occupancy';
import { sessionAcceptsCase } from '../../../shared/domain/session';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, criminalCases, hearings, suspects } from '../../../db/schema';
import { recordAudit, recordAudits, type AuditEntry } from '../audit';
import { transitionCase } from '../cases/case-transition';
import { reservationBreaches } from '../reservations/reservation-breach';
import { sessionOccupancy } from '../sessions/session-occupancy';
import { ServiceError } from '../service-error';
import { loadCourtCalendar, loadDeadlineContext, loadDeadlineSettings } from '../settings/district-settings';
import { unservedSummonsFrom, type SummonsFacts } from './planning-case';
import { earliestHearing } from '../../../shared/deadlines/summons-term';
import { describeReadinessGap, preconditionGap, type ReadinessGap } from '../../../shared/domain/planning-readiness';
import type { PreconditionKind } from '../../../shared/domain/precondition';
import type { HeardModality } from '../../../shared/domain/modality';
import { DutchTimeFormatter } from '../../../shared/planner/dutch-time';
import { suspectAge } from '../../../shared/intake/plausibility';
import type { UndoToken } from '../../../shared/api/undo-schemas';
import { caseVersions } from '../history/action-versions';
import { expectKnownVersion } from '../context/versions';
import { firstRow, inTransaction, returnedRow, sqlRow, sqlRows } from '../context/query-results';

const DUTCH = new DutchTimeFormatter();

export interface ManualPlacement {
  caseId: number;
  /** The session to put the case on, or null to take it out of the planning. */
  sessionId: number | null;
  pin: boolean;
  reason: string;
  /** A person who knows the rule is broken and takes responsibility says so explicitly. */
  confirmBreach: boolean;
  /**
   * The audit event this placement undoes (history.undo): its rows carry it, so an undo is never
   * offered for undoing again. The case goes back to the session it had: no new date, so no new
   * summons is needed (art. 265 lid 1 / art. 370 Sv); every other rule applies as for any placement.
   */
  undoOf?: number | undefined;
}

type CaseRow = typeof criminalCases.$inferSelect;
type SessionRow = typeof courtSessions.$inferSelect;

/** The facts about a session that decide whether a case may go there. */
interface SessionSlot {
  date: string;
  startTime: string;
  capacity: number;
  booked: number;
}

/** What the case itself stands in the way of: not ready yet, or a new summons needed for another date. */
export interface CaseBarriers {
  notReady: ReadinessGap[];
  /** For a case that already has a hearing: a new date needs a new summons, lawful only from this moment. */
  newSummonsFrom: number | null;
  /** A summons not yet served: the earliest hearing the summons term allows from its expected service (planning-case.ts). */
  unservedSummonsFrom?: number | null;
}

export async function caseBarriers(db: Pick<AppDatabase, '$client'>, c: CaseRow, hasHearing: boolean, now: Date): Promise<CaseBarriers> {
  const overdue = await sqlRows(db.$client, "select kind from case_precondition where case_id = ? and status = 'pending' and expected_on < ? order by kind", [c.id, amsterdamDate(now.getTime())]) as { kind: PreconditionKind }[];
  const notReady = [...(c.planningGaps ? (c.planningGaps.split(',') as ReadinessGap[]) : []), ...overdue.map((o) => preconditionGap('overdue', o.kind))];
  const heard = c.modality !== 'zsm';
  const newSummonsFrom =
    hasHearing && heard
      ? earliestHearing(now.getTime(), c.modality as HeardModality, c.shortTermConsent, await loadDeadlineSettings(db as AppDatabase), await loadCourtCalendar(db as AppDatabase)).at
      : null;
  const unservedFrom = hasHearing ? null : unservedSummonsFrom(c as SummonsFacts, now.getTime(), await loadDeadlineContext(db as AppDatabase));
  return { notReady, newSummonsFrom, unservedSummonsFrom: unservedFrom };
}

/** What putting this case on this session would break: capacity, the summons term, a hard limit, readiness. */
export function placementBreaches(c: Pick<CaseRow, 'hearingBy' | 'hearingFrom' | 'readyFrom'>, session: SessionSlot, barriers: CaseBarriers): string[] {
  const breaches: string[] = [];
  if (barriers.notReady.length > 0) breaches.push(`De zaak is nog niet klaar voor planning: ${barriers.notReady.map(describeReadinessGap).join('; ')}.`);
  if (session.booked >= session.capacity) breaches.push(`De zitting is vol (${session.booked} van ${session.capacity} plaatsen bezet): dit is overboeken.`);
  const [hour, minute] = session.startTime.split(':').map(Number) as [number, number];
  const starts = fromAmsterdamLocal(session.date, hour, minute);
  if (c.hearingBy && starts > Date.parse(c.hearingBy)) {
    breaches.push(`De zitting begint na de wettelijke uiterste zittingsdatum van ${DUTCH.moment(Date.parse(c.hearingBy))}.`);
  }
  if (c.hearingFrom && starts < Date.parse(c.hearingFrom)) {
    breaches.push(`De zitting begint vóór het einde van de dagvaardingstermijn (${DUTCH.moment(Date.parse(c.hearingFrom))}).`);
  }
  if (barriers.newSummonsFrom !== null && starts < barriers.newSummonsFrom) {
    breaches.push(
      `Een andere datum vraagt een nieuwe dagvaarding, en die kan niet op tijd worden betekend voor een zitting vóór ${DUTCH.moment(barriers.newSummonsFrom)} (art. 265 lid 1 / art. 370 Sv).`,
    );
  }
  if (barriers.unservedSummonsFrom != null && starts < barriers.unservedSummonsFrom) {
    breaches.push(
      `De dagvaarding is nog niet betekend en kan niet op tijd worden betekend voor een zitting vóór ${DUTCH.moment(barriers.unservedSummonsFrom)} (art. 265 lid 1 / art. 370 Sv; verwachte betekening op de zaak).`,
    );
  }
  if (c.readyFrom && starts < Date.parse(c.readyFrom)) {
    breaches.push(`De zaak is pas klaar op ${amsterdamDate(Date.parse(c.readyFrom)).split('-').reverse().join('-')} (verwachte datum van een voorwaarde voor behandeling).`);
  }
  return breaches;
}

/** The sessions of a window that take the case's modality (not the one it is on), each with its free slots and what placing the case there would break. */
export async function placementCandidates(db: AppDatabase, caseId: number, window: { from: string; to: string }, now: Date) {
  const c = firstRow(await db.select().from(criminalCases).where(eq(criminalCases.id, caseId)));
  if (!c) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
  if (c.modality === 'zsm') return [];
  const current = firstRow(await db.select({ sessionId: hearings.sessionId }).from(hearings).where(and(eq(hearings.caseId, caseId), eq(hearings.status, 'planned'))));
  const rows = await sqlRows(db.$client, `select s.id, s.date, s.start_time as "startTime", s.session_type as "sessionType", s.accepted_modalities as "acceptedModalities", s.accepted_filler_kinds as "acceptedFillerKinds", s.accepts_minors as "acceptsMinors", s.status, s.capacity_slots as "capacitySlots", r.name as room, l.name as location
       from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id
       where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, s.id`, [window.from, window.to]) as { id: number; date: string; startTime: string; sessionType: SessionRow['sessionType']; acceptedModalities: string; acceptedFillerKinds: string; acceptsMinors: number; status: 'scheduled'; capacitySlots: number; room: string; location: string }[];
  const occupancy = await sessionOccupancy(db, rows);
  const barriers = await caseBarriers(db, c, current !== undefined, now);
  const minor = await minorAtOffence(db, c, now) !== null;
  return rows
    // A minor at the offence only on a session that accepts minors (juvenile law, art. 77a Sr ff.).
    .filter((r) => !minor || Boolean(r.acceptsMinors))
    // A session that has started (or took place) is never offered: a hearing cannot be planned in the past.
    .filter((r) => r.id !== current?.sessionId && !sessionHasStarted(r, now) && sessionAcceptsCase(r, c.modality, c.fillerKind))
    .map((r) => {
      const places = occupancy.get(r.id)!;
      return {
        sessionId: r.id,
        date: r.date,
        startTime: r.startTime,
        sessionType: r.sessionType,
        location: r.location,
        room: r.room,
        // Free for this case: its own modality's unfilled reserved slots count, other modalities' do not.
        free: freePlacesFor(c.modality, places.capacity, places.booked, places.unfilledByModality),
        breaches: [...placementBreaches(c, { ...r, ...places }, barriers), ...reservationBreaches(c.modality, places, places.reservation)],
      };
    });
}

/** The session's start, epoch ms (its date and start time are Europe/Amsterdam wall clock). */
export function sessionStart(session: Pick<SessionSlot, 'date' | 'startTime'>): number {
  const [hour, minute] = session.startTime.split(':').map(Number) as [number, number];
  return fromAmsterdamLocal(session.date, hour, minute);
}

/** A session has started once its start moment is reached: from then on nothing is placed on it, by hand or by the planner. */
export function sessionHasStarted(session: Pick<SessionSlot, 'date' | 'startTime'>, now: Date): boolean {
  return sessionStart(session) <= now.getTime();
}

/** The suspect's age when 12 to 17 at the offence (else the arrest): juvenile law applies (art. 77a Sr ff.); null for an adult. */
export async function minorAtOffence(db: Pick<AppDatabase, '$client'>, c: Pick<CaseRow, 'suspectId' | 'offenceAt' | 'arrestedAt'>, now: Date, known?: { dateOfBirth: string }): Promise<number | null> {
  const suspect = known ?? (await sqlRow(db.$client, 'select date_of_birth as "dateOfBirth" from suspect where id = ?', [c.suspectId]) as { dateOfBirth: string } | undefined);
  const age = suspect ? suspectAge({ dateOfBirth: suspect.dateOfBirth, offenceAt: c.offenceAt, arrestedAt: c.arrestedAt }, now.getTime()) : null;
  return age?.minor ? age.years : null;
}

export interface PlacementCheck {
  breaches: string[];
  /** A move or unplan can be undone (history.undo) by its audit event; a first placement cannot. */
  undo: UndoToken | null;
}

/**
 * A coordinator places, moves or unplans a case by hand. The move is checked against the session
 * (open, accepts the modality, a free slot) and the legal limits (never before the summons term, never
 * after a hard limit). A breach is refused unless explicitly confirmed; then it is recorded, with the
 * reason, in the audit trail. A moved hearing is kept as cancelled, so the history shows both.
 */
export async function placeCaseManually(db: AppDatabase, input: ManualPlacement, actor: string, now: Date, options: { expectedVersion?: number } = {}): Promise<PlacementCheck> {
  return await inTransaction(db, async (tx) => {
    // With the suspect's date of birth (the juvenile check below), in one query.
    const found = firstRow(await tx.select({ c: criminalCases, dateOfBirth: suspects.dateOfBirth }).from(criminalCases).leftJoin(suspects, eq(suspects.id, criminalCases.suspectId)).where(eq(criminalCases.id, input.caseId)));
    if (!found) throw new ServiceError('NOT_FOUND', `Zaak ${input.caseId} bestaat niet.`);
    const { c, dateOfBirth } = found;
    // A stale edit is refused before anything is written (expectVersion, with the version just read).
    if (options.expectedVersion !== undefined) await expectKnownVersion(db, 'case', c.id, options.expectedVersion, c.version);
    if (c.status !== 'planned' && c.status !== 'awaiting_planning') {
      throw new ServiceError('CONFLICT', 'Alleen een zaak die wacht op planning of al gepland is, kan worden (her)gepland.');
    }
    const current = firstRow(await tx
      .select()
      .from(hearings)
      .where(and(eq(hearings.caseId, c.id), eq(hearings.status, 'planned'))));

    const breaches: string[] = [];
    let target: typeof courtSessions.$inferSelect | undefined;
    if (input.sessionId !== null) {
      target = firstRow(await tx.select().from(courtSessions).where(eq(courtSessions.id, input.sessionId)));
      if (!target || target.status !== 'scheduled') throw new ServiceError('CONFLICT', 'Deze zitting bestaat niet of is vervallen.');
      if (current?.sessionId === target.id) throw new ServiceError('CONFLICT', 'De zaak staat al op deze zitting.');
      // Not to be confirmed away: a hearing on a session that has begun or took place cannot happen.
      if (sessionHasStarted(target, now)) {
        throw new ServiceError('CONFLICT', `Deze zitting is al begonnen of voorbij (${DUTCH.moment(sessionStart(target))}): kies een zitting die nog moet beginnen.`);
      }
      if (c.modality === 'zsm' || !sessionAcceptsCase(target, c.modality, c.fillerKind)) {
        throw new ServiceError('CONFLICT', 'Deze zitting neemt deze modaliteit niet.');
      }
      const minorAge = await minorAtOffence(db, c, now, dateOfBirth === null ? undefined : { dateOfBirth });
      if (minorAge !== null && !target.acceptsMinors) {
        throw new ServiceError(
          'CONFLICT',
          `De verdachte was ${minorAge} jaar ten tijde van het feit: een minderjarige valt onder het jeugdstrafrecht (art. 77a Sr e.v.) en deze zitting neemt geen minderjarigen. Kies een zitting die minderjarigen neemt (in te stellen bij Capaciteit).`,
        );
      }
      const places = (await sessionOccupancy(db, [target])).get(target.id)!;
      const slot = { ...target, capacity: places.capacity, booked: places.booked };
      breaches.push(...placementBreaches(c, slot, await caseBarriers(db, c, current !== undefined && input.undoOf === undefined, now)), ...reservationBreaches(c.modality, slot, places.reservation));
    }
    if (breaches.length > 0 && !input.confirmBreach) {
      throw new ServiceError('CONFLICT', `Niet zonder uitdrukkelijke bevestiging: ${breaches.join(' ')}`);
    }

    const undoOf = input.undoOf === undefined ? {} : { undoOf: input.undoOf };
    // The audit rows of the placement and the status change, written together (one statement); the move's
    // own row after them, on its own: its id is the undo token.
    const audits: AuditEntry[] = [];
    if (current) await tx.update(hearings).set({ status: 'cancelled' }).where(eq(hearings.id, current.id));
    let newHearingId: number | undefined;
    if (target) {
      const explanation = `Handmatig geplaatst door ${actor}: ${input.reason}`;
      const hearingId = returnedRow(await tx
        .insert(hearings)
        .values({ caseId: c.id, sessionId: target.id, status: 'planned', pinned: input.pin, explanation })
        .returning({ id: hearings.id })).id;
      newHearingId = hearingId;
      audits.push({
        actor,
        action: 'hearing.planned',
        entityType: 'hearing',
        entityId: hearingId,
        reason: input.reason,
        details: { caseId: c.id, sessionId: target.id, by: 'hand', pinned: input.pin, ...(breaches.length ? { breaches, confirmed: true } : {}), ...undoOf },
        occurredAt: now.toISOString(),
      });
      if (c.status === 'awaiting_planning') await transitionCase(tx, c.id, 'planned', { actor, reason: input.reason }, now, { from: c.status, audits });
    } else if (c.status === 'planned') {
      await transitionCase(tx, c.id, 'awaiting_planning', { actor, reason: input.reason }, now, { from: c.status, audits });
    }
    await recordAudits(tx, audits);
    if (!current) return { breaches, undo: null };
    // The move or unplan is written last: its audit row is the action's undo token and carries the case's
    // version after it (history.undo refuses when the case changed since, as any edit would be).
    const kind = input.sessionId === null ? 'unplan' : 'move';
    const actionId = await recordAudit(tx, {
      actor,
      action: kind === 'unplan' ? 'hearing.unplanned' : 'hearing.moved',
      entityType: 'hearing',
      entityId: current.id,
      reason: input.reason,
      details: { caseId: c.id, fromSessionId: current.sessionId, toSessionId: input.sessionId, ...(newHearingId ? { newHearingId } : {}), versions: await caseVersions(tx, [c.id]), ...undoOf },
      occurredAt: now.toISOString(),
    });
    return { breaches, undo: input.undoOf === undefined ? { actionId, kind } : null };
  });
}
