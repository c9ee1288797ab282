import type { FeatureHandlers } from '../api-handler';
import { expectVersion } from '../context/versions';
import { getCaseDetail } from '../cases/case-detail';
import { releaseDueReservations } from '../reservations/release-reservations';
import { releaseDueBeforeReading } from '../reservations/release-before-reading';
import { placeCaseManually, placementCandidates } from './manual-placement';
import { moveMany, unplanMany } from './move-many';
import { listPlanningProblems } from './planning-problems';
import { runPlanner } from './run-planner';
import { getTrafficTower } from './traffic-tower';
import { runWhatIf } from './what-if';

export const plannerHandlers: FeatureHandlers<'planner'> = {
  'planner.run': (input, ctx) => runPlanner(ctx, input),
  'planner.place': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      releaseDueReservations(ctx.db, ctx.clock.today(), undefined, ctx.clock.now());
      const check = placeCaseManually(ctx.db, input, ctx.actor, ctx.clock.now());
      return { ...check, detail: getCaseDetail(ctx.db, input.caseId, ctx.clock.today()) };
    }),
  'planner.moveMany': (input, ctx) =>
    ctx.write(() => {
      releaseDueReservations(ctx.db, ctx.clock.today(), undefined, ctx.clock.now());
      return moveMany(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
  'planner.unplanMany': (input, ctx) => ctx.write(() => unplanMany(ctx.db, input, ctx.actor, ctx.clock.now())),
  'planner.candidates': async ({ caseId, from, to }, ctx) => {
    await releaseDueBeforeReading(ctx);
    return placementCandidates(ctx.db, caseId, { from, to }, ctx.clock.now());
  },
  'planner.problems': (_input, { db, clock }) => listPlanningProblems(db, clock.now()),
  'planner.whatIf': (input, { db, clock }) => runWhatIf(db, input, clock.today(), clock.now()),
  'planner.tower': async (input, ctx) => {
    await releaseDueBeforeReading(ctx);
    return getTrafficTower(ctx.db, input, ctx.clock.today(), ctx.clock.now());
  },
};
