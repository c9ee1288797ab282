import type { AppDatabase } from '../../db/open-database';
import type { OperationHandlers } from './api-handler';
import { findCaseByParketnummer, getCaseDetail } from './cases/case-detail';
import { getCaseTimeline } from './cases/case-timeline';
import { importCjibResponses } from './cjib/import-responses';
import { createCase } from './cases/create-case';
import { importCases } from './cases/import-cases';
import { importTemplate } from './cases/import-template';
import { recordZsmDecision } from './cases/record-zsm-decision';
import { releaseToPlanning } from './cases/release-to-planning';
import { removePrecondition, setPrecondition } from './cases/preconditions';
import { updateCaseEvents } from './cases/update-case-events';
import { listWorkQueue } from './cases/work-queue';
import { placeCaseManually, placementCandidates } from './planning/manual-placement';
import { listPlanningProblems } from './planning/planning-problems';
import { runPlanner } from './planning/run-planner';
import { runWhatIf } from './planning/what-if';
import { listReservations } from './reservations/list-reservations';
import { releaseDueReservations, releaseReservation } from './reservations/release-reservations';
import { reserveSlots } from './reservations/reserve-slots';
import { getTrafficTower } from './planning/traffic-tower';
import { getSettingsOverview } from './settings/settings-overview';
import { updateSettings } from './settings/update-settings';
import { resolveDemoOptions } from './demo/demo-options';
import { generateDemoDistrict } from './demo/generate-demo-district';
import { writeDemoDistrict } from './demo/write-demo-district';
import { createDistrict, getDistrict } from './district-service';
import { getCapacityOverview } from './capacity/capacity-overview';
import { cancelSession } from './capacity/cancel-session';
import { addClosure, removeClosure } from './capacity/closure-service';
import { addExtraSession } from './capacity/extra-session';
import { generateSessionsForHorizon } from './capacity/generate-service';
import { deactivateTemplate, saveTemplate } from './capacity/template-service';
import { updateSession } from './capacity/update-session';
import { getWeekOverview } from './sessions-service';
import { assignSession } from './people/assign-session';
import { importRota } from './people/import-rota';
import { listRota } from './people/list-rota';
import { rotaTemplate } from './people/rota-template';
import { deactivatePerson, savePerson } from './people/save-person';
import { addUnavailability, removeUnavailability } from './people/unavailability';
import { correctOutcome } from './outcomes/correct-outcome';
import { decisionsForCase } from './outcomes/decision-view';
import { recordPenaltyOrder } from './outcomes/penalty-order';
import { recordOutcome } from './outcomes/record-outcome';
import { getSessionRoll } from './outcomes/session-roll';
import { markSigned, updateDecision, updateSignals } from './outcomes/update-decision';
import { exportCjibBatch } from './cjib/export-batch';
import { resendCjibBatch } from './cjib/export-resend';
import { listHandoffQueue } from './cjib/queue-service';
import { markHandoffReworked } from './cjib/rework-handoff';
import { getDashboard } from './metrics/dashboard';
import { listMetricCases } from './metrics/metric-cases';
import { listAgreements, saveAgreement } from './review/agreements';
import { listSignals, saveSignal } from './review/signals';
import { exportMonitoringFile } from './monitoring/export-monitoring';

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
  const now = () => context.now?.() ?? new Date();
  // Reservations that are due are released before anything counts them (ADR 14).
  const withDueReservationsReleased = <T>(work: () => T): T => {
    releaseDueReservations(db, context.today());
    return work();
  };
  return {
    'district.get': () => getDistrict(db),
    'district.create': (input) => createDistrict(db, input, context.actor()),
    'demo.load': (input) => writeDemoDistrict(db, generateDemoDistrict(resolveDemoOptions(input, context.today()))),
    'sessions.week': (input) => getWeekOverview(db, input),
    'capacity.overview': (input) => getCapacityOverview(db, input, context.today()),
    'capacity.saveTemplate': (input) => saveTemplate(db, input, context.actor()),
    'capacity.deactivateTemplate': (input) => deactivateTemplate(db, input, context.actor()),
    'capacity.generate': (input) => generateSessionsForHorizon(db, input, context.actor(), context.today()),
    'capacity.addClosure': (input) => addClosure(db, input, context.actor(), context.today()),
    'capacity.removeClosure': (input) => removeClosure(db, input, context.actor()),
    'sessions.cancel': (input) => cancelSession(db, input, context.actor(), context.today()),
    'sessions.addExtra': (input) => addExtraSession(db, input, context.actor(), context.today()),
    'sessions.update': (input) => updateSession(db, input, context.actor(), context.today()),
    'cases.create': (input) => createCase(db, input, context.actor()),
    'cases.import': ({ contentBase64, ...request }) =>
      importCases(db, { ...request, content: Buffer.from(contentBase64, 'base64') }, context.actor()),
    'cases.importTemplate': ({ format }) => importTemplate(format),
    'cases.find': ({ parketnummer }) => findCaseByParketnummer(db, parketnummer),
    'cases.get': ({ id }) => getCaseDetail(db, id, context.today()),
    'cases.setPrecondition': (input) => {
      setPrecondition(db, input, context.actor(), context.today());
      return getCaseDetail(db, input.caseId, context.today());
    },
    'cases.removePrecondition': (input) => {
      removePrecondition(db, input, context.actor());
      return getCaseDetail(db, input.caseId, context.today());
    },
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
    'planner.place': (input) =>
      withDueReservationsReleased(() => ({ ...placeCaseManually(db, input, context.actor(), now()), detail: getCaseDetail(db, input.caseId) })),
    'planner.candidates': ({ caseId, from, to }) => withDueReservationsReleased(() => placementCandidates(db, caseId, { from, to }, now())),
    'reservations.list': (input) => listReservations(db, input, context.today()),
    'reservations.reserve': (input) => reserveSlots(db, input, context.actor(), context.today(), context.now?.() ?? new Date()),
    'reservations.release': (input) => releaseReservation(db, input, context.actor(), context.today(), context.now?.() ?? new Date()),
    'planner.problems': () => listPlanningProblems(db, context.now?.() ?? new Date()),
    'planner.whatIf': (input) => runWhatIf(db, input, context.today(), context.now?.() ?? new Date()),
    'planner.tower': (input) => withDueReservationsReleased(() => getTrafficTower(db, input, context.today(), now())),
    'people.list': () => listRota(db, context.today()),
    'people.save': (input) => savePerson(db, input, context.actor(), context.today()),
    'people.deactivate': (input) => deactivatePerson(db, input, context.actor(), context.today()),
    'people.addUnavailability': (input) => addUnavailability(db, input, context.actor()),
    'people.removeUnavailability': (input) => removeUnavailability(db, input, context.actor()),
    'people.import': ({ contentBase64, ...request }) => importRota(db, { ...request, content: Buffer.from(contentBase64, 'base64') }, context.actor()),
    'people.importTemplate': () => rotaTemplate(),
    'sessions.assign': (input) => assignSession(db, input, context.actor()),
    'outcomes.roll': ({ sessionId }) => getSessionRoll(db, sessionId),
    'outcomes.record': (input) => recordOutcome(db, input, { actor: context.actor(), today: context.today(), now: context.now?.() ?? new Date() }),
    'outcomes.correct': (input) => correctOutcome(db, input, { actor: context.actor(), today: context.today(), now: context.now?.() ?? new Date() }),
    'decisions.forCase': ({ caseId }) => decisionsForCase(db, caseId),
    'decisions.recordPenaltyOrder': (input) => recordPenaltyOrder(db, input, context.actor(), context.now?.() ?? new Date()),
    'decisions.updateSignals': (input) => updateSignals(db, input, context.actor()),
    'decisions.update': (input) => updateDecision(db, input, context.actor(), context.now?.() ?? new Date()),
    'decisions.markSigned': (input) => markSigned(db, input, context.actor(), context.now?.() ?? new Date()),
    'cjib.queue': () => listHandoffQueue(db, context.now?.() ?? new Date()),
    'cjib.export': (input) => exportCjibBatch(db, input, context.actor(), context.now?.() ?? new Date()),
    'cjib.importResponses': ({ contentBase64, ...request }) =>
      importCjibResponses(db, { ...request, content: Buffer.from(contentBase64, 'base64') }, context.actor(), context.now?.() ?? new Date()),
    'cases.timeline': ({ caseId }) => getCaseTimeline(db, caseId, context.now?.() ?? new Date()),
    'cjib.resend': (input) => resendCjibBatch(db, input, context.actor(), context.now?.() ?? new Date()),
    'cjib.markReworked': (input) => markHandoffReworked(db, input, context.actor(), context.now?.() ?? new Date()),
    'review.agreements.list': (input) => listAgreements(db, input, context.today()),
    'review.agreements.save': (input) => saveAgreement(db, input, context.actor(), context.now?.() ?? new Date()),
    'review.signals.list': (input) => listSignals(db, input, context.today()),
    'review.signals.save': (input) => saveSignal(db, input, context.actor(), context.today(), context.now?.() ?? new Date()),
    'monitoring.export': (input) => exportMonitoringFile(db, input, context.actor(), context.now?.() ?? new Date()),
    'metrics.dashboard': (input) => getDashboard(db, input, context.today()),
    'metrics.cases': (input) => listMetricCases(db, input, context.today()),
    'settings.get': () => getSettingsOverview(db, Number(context.today().slice(0, 4))),
    'settings.update': (input) => ({
      ...updateSettings(db, input, context.actor()),
      overview: getSettingsOverview(db, Number(context.today().slice(0, 4))),
    }),
  };
}
