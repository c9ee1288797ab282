import type { FeatureHandlers } from '../api-handler';
import { withHistoryUndo } from '../history/case-history-undo';
import { expectVersion } from '../context/versions';
import { findCaseByParketnummer, getCaseDetail } from './case-detail';
import { getCaseTimeline } from './case-timeline';
import { createCase } from './create-case';
import { importCases } from './import-cases';
import { importTemplate } from './import-template';
import { removePrecondition, setPrecondition } from './preconditions';
import { releaseToPlanning } from './release-to-planning';
import { searchCases } from './search-cases';
import { updateCaseDetails } from './update-case-details';
import { updateCaseEvents } from './update-case-events';

export const casesHandlers: FeatureHandlers<'cases'> = {
  'cases.create': (input, ctx) => ctx.write(() => createCase(ctx.db, input, ctx.actor, ctx.clock.now())),
  'cases.import': ({ contentBase64, ...request }, ctx) => importCases(ctx, { ...request, content: Buffer.from(contentBase64, 'base64') }),
  'cases.importTemplate': ({ format }) => importTemplate(format),
  'cases.find': ({ parketnummer }, { db }) => findCaseByParketnummer(db, parketnummer),
  'cases.search': (input, { db }) => searchCases(db, input),
  'cases.get': ({ id }, { db, clock, actor }) => withHistoryUndo(db, getCaseDetail(db, id, clock.today()), actor, clock.now()),
  'cases.timeline': ({ caseId }, { db, clock }) => getCaseTimeline(db, caseId, clock.now()),
  'cases.setPrecondition': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      setPrecondition(ctx.db, input, ctx.actor, ctx.clock.today(), ctx.clock.now());
      return getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.removePrecondition': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      removePrecondition(ctx.db, input, ctx.actor, ctx.clock.now());
      return getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.updateEvents': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      updateCaseEvents(ctx.db, input, ctx.actor, ctx.clock.now());
      return getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.updateDetails': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      updateCaseDetails(ctx.db, input, ctx.actor, ctx.clock.now());
      return getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
  'cases.releaseToPlanning': (input, ctx) =>
    ctx.write(() => {
      expectVersion(ctx.db, 'case', input.caseId, input.expectedVersion);
      releaseToPlanning(ctx.db, input, ctx.actor, ctx.clock.now());
      return getCaseDetail(ctx.db, input.caseId, ctx.clock.today());
    }),
};
