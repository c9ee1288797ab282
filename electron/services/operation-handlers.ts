import type { AppDatabase } from '../../db/open-database';
import type { OperationHandlers } from './api-handler';
import { findCaseByParketnummer, getCaseDetail } from './cases/case-detail';
import { createCase } from './cases/create-case';
import { importCases } from './cases/import-cases';
import { importTemplate } from './cases/import-template';
import { recordZsmDecision } from './cases/record-zsm-decision';
import { releaseToPlanning } from './cases/release-to-planning';
import { updateCaseEvents } from './cases/update-case-events';
import { listWorkQueue } from './cases/work-queue';
import { placeCaseManually, placementCandidates } from './planning/manual-placement';
import { listPlanningProblems } from './planning/planning-problems';
import { runPlanner } from './planning/run-planner';
import { getSettingsOverview } from './settings/settings-overview';
import { updateSettings } from './settings/update-settings';
import { resolveDemoOptions } from './demo/demo-options';
import { generateDemoDistrict } from './demo/generate-demo-district';
import { writeDemoDistrict } from './demo/write-demo-district';
import { createDistrict, getDistrict } from './district-service';
import { getWeekOverview } from './sessions-service';

export interface ServiceContext {
  db: AppDatabase;
  /** Who is acting, for the audit trail (roles and sign-in come with a later issue). */
  actor: () => string;
  /** Today's date in Europe/Amsterdam (YYYY-MM-DD); injectable for tests. */
  today: () => string;
  /** The current moment; injectable for tests (countdowns in the work queue). */
  now?: () => Date;
}

/** Maps every contract operation to its service. The type makes a missing operation a compile error. */
export function createOperationHandlers(context: ServiceContext): OperationHandlers {
  const { db } = context;
  return {
    'district.get': () => getDistrict(db),
    'district.create': (input) => createDistrict(db, input, context.actor()),
    'demo.load': (input) => writeDemoDistrict(db, generateDemoDistrict(resolveDemoOptions(input, context.today()))),
    'sessions.week': (input) => getWeekOverview(db, input),
    'cases.create': (input) => createCase(db, input, context.actor()),
    'cases.import': ({ contentBase64, ...request }) =>
      importCases(db, { ...request, content: Buffer.from(contentBase64, 'base64') }, context.actor()),
    'cases.importTemplate': ({ format }) => importTemplate(format),
    'cases.find': ({ parketnummer }) => findCaseByParketnummer(db, parketnummer),
    'cases.get': ({ id }) => getCaseDetail(db, id),
    'cases.updateEvents': (input) => {
      updateCaseEvents(db, input, context.actor());
      return getCaseDetail(db, input.caseId);
    },
    'cases.releaseToPlanning': (input) => {
      releaseToPlanning(db, input, context.actor());
      return getCaseDetail(db, input.caseId);
    },
    'zsm.decide': (input) => {
      recordZsmDecision(db, input, context.actor());
      return getCaseDetail(db, input.caseId);
    },
    'queue.list': (input) => listWorkQueue(db, input, context.now?.() ?? new Date()),
    'planner.run': (input) => runPlanner(db, input, context.actor(), context.now?.() ?? new Date()),
    'planner.place': (input) => ({ ...placeCaseManually(db, input, context.actor()), detail: getCaseDetail(db, input.caseId) }),
    'planner.candidates': ({ caseId, from, to }) => placementCandidates(db, caseId, { from, to }),
    'planner.problems': () => listPlanningProblems(db, context.now?.() ?? new Date()),
    'settings.get': () => getSettingsOverview(db, Number(context.today().slice(0, 4))),
    'settings.update': (input) => ({
      ...updateSettings(db, input, context.actor()),
      overview: getSettingsOverview(db, Number(context.today().slice(0, 4))),
    }),
  };
}
