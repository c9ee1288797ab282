import type { FeatureHandlers } from '../api-handler';
import { withHistoryUndo } from '../history/case-history-undo';
import { expectVersion } from '../context/versions';
import { findCaseByParketnummer, getCaseDetail } from './case-detail';
import { getCaseTimeline } from './case-timeline';
import { createCase } from './create-case';
import { importCases } from './import-cases';
import { importProgressOf } from './import-progress';
import { importTemplate } from './import-template';
import { removePrecondition, setPrecondition } from './preconditions';
import { releaseToPlanning } from './release-to-planning';
import { searchCases } from './search-cases';
import { updateCaseDetails } from './update-case-details';
import { updateCaseEvents } from './update-case-events';
import { asOneWrite } from '../context/query-results';

export const casesHandlers: FeatureHandlers<'cases'> = {
  'cases.create': async (input, ctx) => await ctx.write(() => asOneWrite(async () => await createCase(ctx.db, input, ctx.actor, ctx.clock.now()))),
  'cases.import': ({ contentBase64, ...request }, ctx) => importCases(ctx, { ...request, content: Buffer.from(contentBase64, 'base64') }),
  'cases.importProgress': ({ requestId }) => importProgressOf(requestId),
  'cases.importTemplate': ({ format }) => importTemplate(format),
  'cases.find': async ({ parketnummer }, { db }) => await findCaseByParketnummer(db, parketnummer),
  'cases.search': async (input, { db }) => await searchCases(db, input),
  'cases.get': async ({ id }, { db, clock, actor }) => await withHistoryUndo(db, await getCaseDetail(db, id, clock.today()), actor, clock.now()),
  'cases.timeline': async ({ caseId }, { db, clock }) => await getCaseTimeline(db, caseId, clock.now()),
  'cases.setPrecondition': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      await setPrecondition(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
      return await getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.removePrecondition': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      await removePrecondition(ctx.db, input, ctx.actor, ctx.clock.now());
      return await getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.updateEvents': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      await updateCaseEvents(ctx.db, input, ctx.actor, ctx.clock.now());
      return await getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.updateDetails': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      await updateCaseDetails(ctx.db, input, ctx.actor, ctx.clock.now());
      return await getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.releaseToPlanning': async (input, ctx) =>
    await ctx.write(async () => {
      await expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      await releaseToPlanning(ctx.db, input, ctx.actor, ctx.clock.now());
      return await getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
};
