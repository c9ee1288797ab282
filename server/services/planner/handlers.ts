import type { FeatureHandlers } from '../api-handler';
import { getCaseDetail } from '../cases/case-detail';
import { releaseDueReservations } from '../reservations/release-reservations';
import { releaseDueBeforeReading } from '../reservations/release-before-reading';
import { placeCaseManually, placementCandidates } from './manual-placement';
import { moveMany, unplanMany } from './move-many';
import { listPlanningProblems } from './planning-problems';
import { runPlanner } from './run-planner';
import { getTrafficTower } from './traffic-tower';
import { runWhatIf } from './what-if';
import { asOneWrite } from '../context/query-results';

export const plannerHandlers: FeatureHandlers<'planner'> = {
  'planner.run': (input, ctx) => runPlanner(ctx, input),
  'planner.place': async (input, ctx) =>
    await ctx.write(() =>
      asOneWrite(async () => {
        await releaseDueReservations(ctx.db, ctx.clock.today(), undefined, ctx.clock.now());
        // The stale-edit check on the case as placeCaseManually reads it (releasing reservations leaves the case's version as it is).
        const check = await placeCaseManually(ctx.db, input, ctx.actor, ctx.clock.now(), { expectedVersion: input.expectedVersion });
        return { ...check, detail: await getCaseDetail(ctx.db, input.caseId, ctx.clock.today()) };
      }),
    ),
  'planner.moveMany': async (input, ctx) =>
    await ctx.write(async () => {
      await releaseDueReservations(ctx.db, ctx.clock.today(), undefined, ctx.clock.now());
      return await moveMany(ctx.db, input, ctx.actor, ctx.clock.now());
    }),
  'planner.unplanMany': async (input, ctx) => await ctx.write(async () => await unplanMany(ctx.db, input, ctx.actor, ctx.clock.now())),
  'planner.candidates': async ({ caseId, from, to }, ctx) => {
    await releaseDueBeforeReading(ctx);
    return await placementCandidates(ctx.db, caseId, { from, to }, ctx.clock.now());
  },
  'planner.problems': async (_input, { db, clock }) => await listPlanningProblems(db, clock.now()),
  'planner.whatIf': async (input, { db, clock }) => await runWhatIf(db, input, clock.today(), clock.now()),
  'planner.tower': async (input, ctx) => {
    await releaseDueBeforeReading(ctx);
    return await getTrafficTower(ctx.db, input, ctx.clock.today(), ctx.clock.now());
  },
};
