import { inArray } from 'drizzle-orm';
import { planHearings } from '../../../shared/planner/plan-hearings';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, criminalCases, hearings } from '../../../db/schema';
import { recordAudit } from '../audit';
import { transitionCase } from '../cases/case-transition';
import { buildPlanningProblem, type PlanningWindow } from './build-planning-problem';

export interface PlannerRun extends PlanningWindow {
  dryRun: boolean;
}

/**
 * Runs the exact hearing planner over a window. A dry run is a proposal for a person to check; a
 * real run records every placement (hearing, lifecycle move, audit row with the planner's Dutch
 * explanation). Cases that no session can take before their hard limit are listed with the reason
 * and the options, never planned late.
 */
export function runPlanner(db: AppDatabase, run: PlannerRun, actor: string, now: Date) {
  const started = performance.now();
  const { problem, notReady } = buildPlanningProblem(db, run, now);
  const result = planHearings(problem);
  const runTimeMs = Math.round((performance.now() - started) * 10) / 10;

  const caseIds = [...result.placements.map((p) => p.caseId), ...result.infeasible.map((i) => i.caseId), ...result.unplanned];
  const parketnummers = new Map(
    (caseIds.length ? db.select({ id: criminalCases.id, p: criminalCases.parketnummer }).from(criminalCases).where(inArray(criminalCases.id, caseIds)).all() : []).map((r) => [r.id, r.p]),
  );
  const sessionById = new Map(problem.sessions.map((s) => [s.id, s]));

  if (!run.dryRun && result.placements.length > 0) {
    db.transaction((tx) => {
      for (const placement of result.placements) {
        const hearingId = tx
          .insert(hearings)
          .values({ caseId: placement.caseId, sessionId: placement.sessionId, status: 'planned', explanation: placement.explanation })
          .returning({ id: hearings.id })
          .get().id;
        transitionCase(tx, placement.caseId, 'planned', { actor, reason: placement.explanation, details: { sessionId: placement.sessionId, hearingId } });
        recordAudit(tx, {
          actor,
          action: 'hearing.planned',
          entityType: 'hearing',
          entityId: hearingId,
          reason: placement.explanation,
          details: { caseId: placement.caseId, sessionId: placement.sessionId, by: 'planner' },
        });
      }
    });
  }

  const planned = new Map<number, number>();
  for (const p of result.placements) planned.set(p.sessionId, (planned.get(p.sessionId) ?? 0) + 1);
  const types = db.select({ id: courtSessions.id, type: courtSessions.sessionType, capacity: courtSessions.capacitySlots }).from(courtSessions).where(inArray(courtSessions.id, problem.sessions.map((s) => s.id))).all();
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
    planned: result.placements.map((p) => ({
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
  };
}

export type PlannerSummary = ReturnType<typeof runPlanner>;
