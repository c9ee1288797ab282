import { eq, inArray } from 'drizzle-orm';
import { mapResultToRealSessions, reserveOnPool, splitReservedCapacity } from '../../../shared/planner/reserved-capacity';
import { releaseDueReservations, SYSTEM_ACTOR } from '../reservations/release-reservations';
import type { AppDatabase } from '../../../db/open-database';
import type { OperationContext } from '../context/operation-context';
import { runWriteTransaction } from '../context/write-transaction';
import { courtSessions, criminalCases, hearings } from '../../../db/schema';
import { recordAudit } from '../audit';
import { transitionCase } from '../cases/case-transition';
import { buildPlanningProblem, type PlanningWindow } from './build-planning-problem';
import { planInWorker } from './planner-thread';
import { ServiceError } from '../service-error';
import type { PlannerSummary } from '../../../shared/api/case-schemas';
import { forecastReserveFor } from './forecast-reserve-input';
import type { UndoToken } from '../../../shared/api/undo-schemas';
import { caseVersions } from '../history/action-versions';
import { inTransaction, isPostgresClient, returnedRow, sqlRow } from '../context/query-results';

export interface PlannerRun extends PlanningWindow {
  dryRun: boolean;
  /** Hold back slots on near sessions for expected urgent arrivals (docs/planner.md, "Forecast reserve"). */
  holdBackForUrgent?: boolean | undefined;
}

/**
 * Runs the exact hearing planner over a window. A dry run is a proposal for a person to check; a
 * real run records every placement (hearing, lifecycle move, audit row with the planner's Dutch
 * explanation). Cases that no session can take before their hard limit are listed with the reason
 * and the options, never planned late.
 */
export function runPlanner(ctx: OperationContext, run: PlannerRun): Promise<PlannerSummary> {
  // One run at a time per district file: a second waits for the first to be recorded.
  const previous = runsInProgress.get(ctx.db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => planAndRecord(ctx, run));
  runsInProgress.set(ctx.db, next);
  return next;
}

const runsInProgress = new WeakMap<AppDatabase, Promise<unknown>>();

/** The last audit row: every change to the district writes one, so it tells whether anything changed. */
async function changeMarker(db: AppDatabase): Promise<number> {
  return (await sqlRow(db.$client, 'select coalesce(max(id), 0) as id from audit_event') as { id: number }).id;
}

async function planAndRecord(ctx: OperationContext, run: PlannerRun) {
  const { db, actor } = ctx;
  const now = ctx.clock.now();
  const occurredAt = now.toISOString();
  const started = performance.now();
  // Housekeeping before the plan, in its own transaction but not through ctx.write: ctx.write marks the
  // request processed, and a run killed after this and before its placements would then be 'done'
  // without having planned anything (issue 12, found by the crash soak: scripts/soak/crash-soak.ts).
  // On PostgreSQL the whole operation is one transaction already (a killed run leaves nothing behind).
  const release = async () => await releaseDueReservations(db, ctx.clock.today(), SYSTEM_ACTOR, now);
  if (isPostgresClient(db.$client)) await release();
  else await runWriteTransaction(db.$client, release);
  const { problem, notReady, reservedSlots, announced } = await buildPlanningProblem(db, run, now);
  const builtAt = await changeMarker(db);
  const reserve = run.holdBackForUrgent ? await forecastReserveFor(db, problem.sessions, now) : null;
  // Reserved-unfilled slots become virtual sessions for their modality; placements come back on the real sessions.
  const split = splitReservedCapacity(problem, reservedSlots);
  // The solver runs in a worker thread (planner-thread.ts); this thread stays free meanwhile.
  const solved = await planInWorker(split.problem, reserve ? { reserveBySession: reserveOnPool(split, reserve.reserveBySession) } : {});
  const result = mapResultToRealSessions(split, problem, solved);
  const runTimeMs = Math.round((performance.now() - started) * 10) / 10;

  const caseIds = [...result.placements.map((p) => p.caseId), ...result.infeasible.map((i) => i.caseId), ...result.unplanned];
  const parketnummers = new Map(
    (caseIds.length ? (await db.select({ id: criminalCases.id, p: criminalCases.parketnummer }).from(criminalCases).where(inArray(criminalCases.id, caseIds))) : []).map((r) => [r.id, r.p]),
  );
  const sessionById = new Map(problem.sessions.map((s) => [s.id, s]));
  const announcedSession = new Map(problem.cases.filter((c) => announced?.hearingIdByCase.has(c.id)).map((c) => [c.id, (c.pinnedSessionId ?? c.currentSessionId)!]));
  const newPlacements = result.placements.filter((p) => !announcedSession.has(p.caseId));
  const moved = result.placements.filter((p) => announcedSession.has(p.caseId) && announcedSession.get(p.caseId) !== p.sessionId);
  const placedIds = new Set(result.placements.map((p) => p.caseId));
  const displaced = [...announcedSession.keys()].filter((id) => !placedIds.has(id));

  let undo: UndoToken | null = null;
  if (!run.dryRun && (newPlacements.length > 0 || moved.length > 0 || displaced.length > 0)) {
    // ctx.write takes the write lock first (BEGIN IMMEDIATE); the inner transaction is its savepoint.
    undo = await ctx.write(async () => await inTransaction(db, async (tx) => {
      const placed: { caseId: number; sessionId: number; hearingId: number }[] = [];
      // Someone changed the district while the planner was solving (a placement by hand, a new case): this plan is stale.
      if (await changeMarker(db) !== builtAt) throw new ServiceError('CONFLICT', 'De gegevens zijn gewijzigd terwijl de planner rekende. Maak een nieuw voorstel.');
      for (const placement of moved) {
        const oldHearingId = announced!.hearingIdByCase.get(placement.caseId)!;
        await tx.update(hearings).set({ status: 'cancelled' }).where(eq(hearings.id, oldHearingId));
        const hearingId = returnedRow(await tx
          .insert(hearings)
          .values({ caseId: placement.caseId, sessionId: placement.sessionId, status: 'planned', explanation: placement.explanation })
          .returning({ id: hearings.id })).id;
        await recordAudit(tx, {
          occurredAt,
          actor,
          action: 'hearing.moved',
          entityType: 'hearing',
          entityId: oldHearingId,
          reason: placement.explanation,
          details: { caseId: placement.caseId, fromSessionId: announcedSession.get(placement.caseId), toSessionId: placement.sessionId, newHearingId: hearingId, by: 'planner' },
        });
      }
      for (const caseId of displaced) {
        const oldHearingId = announced!.hearingIdByCase.get(caseId)!;
        const reason = result.infeasible.find((i) => i.caseId === caseId)?.reason ?? 'Bij herplanning ging de plaats naar een zaak met een hardere termijn; de zaak wacht weer op planning.';
        await tx.update(hearings).set({ status: 'cancelled' }).where(eq(hearings.id, oldHearingId));
        await recordAudit(tx, { occurredAt, actor, action: 'hearing.unplanned', entityType: 'hearing', entityId: oldHearingId, reason, details: { caseId, fromSessionId: announcedSession.get(caseId), by: 'planner' } });
        await transitionCase(tx, caseId, 'awaiting_planning', { actor, reason, details: { hearingId: oldHearingId } }, now);
      }
      for (const placement of newPlacements) {
        const hearingId = returnedRow(await tx
          .insert(hearings)
          .values({ caseId: placement.caseId, sessionId: placement.sessionId, status: 'planned', explanation: placement.explanation })
          .returning({ id: hearings.id })).id;
        placed.push({ caseId: placement.caseId, sessionId: placement.sessionId, hearingId });
        await transitionCase(tx, placement.caseId, 'planned', { actor, reason: placement.explanation, details: { sessionId: placement.sessionId, hearingId } }, now);
        await recordAudit(tx, {
          occurredAt,
          actor,
          action: 'hearing.planned',
          entityType: 'hearing',
          entityId: hearingId,
          reason: placement.explanation,
          details: { caseId: placement.caseId, sessionId: placement.sessionId, by: 'planner' },
        });
      }
      // The recorded plan as one action, written last: its undo token (history.undo unplans what it placed).
      const actionId = await recordAudit(tx, {
        occurredAt,
        actor,
        action: 'planner.recorded',
        entityType: 'planner_run',
        entityId: builtAt,
        reason: `Voorstel van de planner vastgelegd (${run.from} t/m ${run.to}).`,
        details: { from: run.from, to: run.to, placed, moved: moved.length, displaced: displaced.length, versions: await caseVersions(tx, placed.map((p) => p.caseId)) },
      });
      return { actionId, kind: 'plan' as const };
    }));
  }

  const planned = new Map<number, number>();
  for (const p of result.placements) planned.set(p.sessionId, (planned.get(p.sessionId) ?? 0) + 1);
  const types = (await db.select({ id: courtSessions.id, type: courtSessions.sessionType, capacity: courtSessions.capacitySlots }).from(courtSessions).where(inArray(courtSessions.id, problem.sessions.map((s) => s.id))));
  const fill: Record<string, { capacity: number; booked: number }> = {};
  for (const s of types) {
    const entry = (fill[s.type] ??= { capacity: 0, booked: 0 });
    entry.capacity += s.capacity;
    entry.booked += s.capacity - (sessionById.get(s.id)?.capacity ?? 0) + (planned.get(s.id) ?? 0);
  }

  return {
    dryRun: run.dryRun,
    from: run.from,
    to: run.to,
    moved: moved.map((p) => ({
      caseId: p.caseId,
      parketnummer: parketnummers.get(p.caseId) ?? String(p.caseId),
      fromSessionId: announcedSession.get(p.caseId)!,
      toSessionId: p.sessionId,
      date: sessionById.get(p.sessionId)?.date ?? '',
      explanation: p.explanation,
    })),
    pinnedBySummonsWindow: announced?.pinnedBySummonsWindow.length ?? 0,
    planned: newPlacements.map((p) => ({
      caseId: p.caseId,
      parketnummer: parketnummers.get(p.caseId) ?? String(p.caseId),
      sessionId: p.sessionId,
      date: sessionById.get(p.sessionId)?.date ?? '',
      explanation: p.explanation,
    })),
    infeasible: result.infeasible.map((i) => ({ caseId: i.caseId, parketnummer: parketnummers.get(i.caseId) ?? String(i.caseId), reason: i.reason, options: i.options })),
    unplanned: result.unplanned.map((id) => ({ caseId: id, parketnummer: parketnummers.get(id) ?? String(id) })),
    notReady: notReady.length,
    fillRateBySessionType: Object.entries(fill).map(([sessionType, f]) => ({ sessionType, capacity: f.capacity, booked: f.booked, fillRate: f.capacity ? f.booked / f.capacity : 0 })),
    moves: result.moves,
    objective: result.objective,
    runTimeMs,
    undo,
    ...(reserve ? { heldBack: reserve.heldBack.map((h) => ({ sessionId: h.sessionId, date: h.date, slots: h.slots, explanation: h.explanation })) } : {}),
  };
}

