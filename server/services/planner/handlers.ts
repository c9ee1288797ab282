import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { getCaseDetail } from '../cases/case-detail';
import { releaseDueReservations } from '../reservations/release-reservations';
import type { OperationContext } from '../context/operation-context';
import { placeCaseManually, placementCandidates } from './manual-placement';
import { listPlanningProblems } from './planning-problems';
import { runPlanner } from './run-planner';
import { getTrafficTower } from './traffic-tower';
import { runWhatIf } from './what-if';

/** Reservations that are due go back to the court before anything counts free places (ADR 14). */
function releaseDue(ctx: OperationContext): Promise<unknown> {
  return ctx.write(() => releaseDueReservations(ctx.db, ctx.clock.today(), undefined, ctx.clock.now()));
}

export const plannerHandlers: FeatureHandlers<'planner'> = {
  'planner.run': (input, ctx) => runPlanner(ctx, input),
  'planner.place': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      releaseDueReservations(ctx.db, ctx.clock.today(), undefined, ctx.clock.now());
      const check = placeCaseManually(ctx.db, input, ctx.actor, ctx.clock.now());
      return { ...check, detail: getCaseDetail(ctx.db, input.caseId, ctx.clock.today()) };
    }),
  'planner.candidates': async ({ caseId, from, to }, ctx) => {
    await releaseDue(ctx);
    return placementCandidates(ctx.db, caseId, { from, to }, ctx.clock.now());
  },
  'planner.problems': (_input, { db, clock }) => listPlanningProblems(db, clock.now()),
  'planner.whatIf': (input, { db, clock }) => runWhatIf(db, input, clock.today(), clock.now()),
  'planner.tower': async (input, ctx) => {
    await releaseDue(ctx);
    return getTrafficTower(ctx.db, input, ctx.clock.today(), ctx.clock.now());
  },
};
