import type { ExportListName, OperationName } from './contract';
import { describeRoles, ROLES, type Role } from '../domain/roles';

/**
 * Who may call each operation (issue 13, item 4): a record over every operation name, so a new operation
 * does not compile until its roles are decided here. Checked in the back end before anything else runs
 * (server/services/api-handler.ts), for every transport; docs/roles.md is generated from this table
 * (`npm run docs:roles`). Row scope (a police liaison sees only their own unit) is not in this table:
 * it needs the signed-in person's unit (issue 13, later).
 *
 * coordinator: court (capacity, rota, planning, moves, cancellations); prosecutor: OM (ZSM decisions,
 * intake, reservations and filling them, penalty orders); clerk: court (outcomes, decisions, CJIB
 * hand-off); police_liaison: intake of their own unit, reads their cases' progress; reviewer: reads
 * only (dashboard, review pack, metrics); administrator: settings, district, backups, retention, demo.
 */
const C = 'coordinator';
const P = 'prosecutor';
const K = 'clerk';
const L = 'police_liaison';
const R = 'reviewer';
const A = 'administrator';

/** The roles that work with cases; the administrator keeps the system, not the cases. */
const WORKING: readonly Role[] = [C, P, K, L, R];

export const OPERATION_ROLES: Record<OperationName, readonly Role[]> = {
  // The app reads the district at every start, whatever the role.
  'district.get': [...ROLES],
  'district.create': [A],
  'demo.load': [A],
  'backups.list': [A],
  'backups.create': [A],
  'settings.update': [A],
  // The settings page is the administrator's; the rules that use settings apply them in the back end.
  'settings.get': [A],
  'retention.preview': [A],
  'retention.apply': [A],
  'retention.setTerm': [A],

  // The week view is where every working role sees the plan.
  'sessions.week': WORKING,
  // The capacity page and the what-if scenarios are the coordinator's; others see capacity in the week view.
  'capacity.overview': [C],
  'capacity.saveTemplate': [C],
  'capacity.deactivateTemplate': [C],
  'capacity.generate': [C],
  'capacity.addClosure': [C],
  'capacity.removeClosure': [C],
  'sessions.cancel': [C],
  'sessions.addExtra': [C],
  'sessions.update': [C],
  'sessions.assign': [C],
  // The roll is used at the hearing: the court plans it, the prosecutor pleads from it, the clerk records on it.
  'sessions.courtRoll': [C, P, K],

  // Intake: the OM and the police (their own unit: row scope not yet built, docs/roles.md).
  'cases.create': [P, L],
  // Narrower: a bulk file crosses police units; the police liaison gets it once row scope exists.
  'cases.import': [P],
  'cases.importProgress': [P],
  'cases.importTemplate': [P],
  'cases.find': WORKING,
  'cases.search': WORKING,
  'cases.get': WORKING,
  'cases.timeline': WORKING,
  // Arrest, custody and summons service: recorded by the OM and the police who did them.
  'cases.updateEvents': [P, L],
  // Narrower: correcting identity data after intake is the OM's (parketsecretariaat), audited.
  'cases.updateDetails': [P],
  // The OM clears a case for planning (preconditions, release); the court plans what is released.
  'cases.setPrecondition': [P],
  'cases.removePrecondition': [P],
  'cases.releaseToPlanning': [P],
  'zsm.decide': [P],
  'zsm.decideMany': [P],
  // The intake and planning queues are worked by the OM and the court; the police follow cases one by one.
  'queue.list': [C, P],

  'planner.run': [C],
  // Placing a case is how a prosecutor fills a reservation; moves are checked by the same rules.
  'planner.place': [C, P],
  'planner.candidates': [C, P],
  'planner.moveMany': [C],
  'planner.unplanMany': [C],
  'planner.problems': [C],
  'planner.whatIf': [C],
  'planner.tower': [C],
  // Undoes moves, unplans, cancellations and recorded plans: all coordinator actions.
  'history.undo': [C],

  // The court sees the reservations on its sessions; only the OM makes and releases them.
  'reservations.list': [C, P],
  'reservations.reserve': [P],
  'reservations.release': [P],
  'reservations.releaseMany': [P],

  'people.list': [C],
  'people.save': [C],
  'people.deactivate': [C],
  'people.addUnavailability': [C],
  'people.removeUnavailability': [C],
  'people.import': [C],
  'people.importTemplate': [C],

  'outcomes.roll': [K],
  'outcomes.record': [K],
  'outcomes.correct': [K],
  // Narrower: sanctions are read by those who make, carry out or plan on them; not the police or the review.
  'decisions.forCase': [C, P, K],
  'decisions.recordPenaltyOrder': [P],
  // Corrections of recorded decisions go through the clerk, who hands them to CJIB.
  'decisions.updateSignals': [K],
  'decisions.update': [K],
  'decisions.markSigned': [K],
  'cjib.queue': [K],
  'cjib.export': [K],
  'cjib.resend': [K],
  'cjib.importResponses': [K],
  'cjib.markReworked': [K],

  // The overleg's register: the coordinator keeps it, the members read it (reviewers only read).
  'review.agreements.list': [C, R],
  'review.agreements.save': [C],
  'review.signals.list': [C, R],
  'review.signals.save': [C],
  // A file of figures for the review pack: a read, classified as a write because it is recorded.
  'monitoring.export': [C, R],
  'metrics.dashboard': [C, P, K, R],
  'metrics.cases': [C, P, K, R],
  // Anyone who may read one of the lists; each list is checked again against its own read (EXPORT_LIST_SOURCES).
  'exports.list': [C, P, K, R, A],

  // A calendar per judge, prosecutor and courtroom: for those who sit in or plan the sessions.
  'calendars.get': [C, P, K],
  'calendars.subjects': [C, P, K],
  // Notifications are for the working roles (shared/notifications/notification-schemas.ts), not the administrator.
  'notifications.list': WORKING,
  'notifications.markDone': WORKING,
  // Who read which person's case (issue 13 item 5): the administrator keeps the log, not the working roles.
  'disclosures.list': [A],
  'disclosures.setTerm': [A],
  // Every role that reads a local copy offline sends its reads of personal data back to the server's log.
  'disclosures.recordOffline': [C, P, K, L, R, A],
  // A desktop's local copy (issue 14): everyone who may sign in; row-level security decides what is copied.
  'sync.tables': [C, P, K, L, R, A],
  'sync.copyPage': [C, P, K, L, R, A],
  'sync.changes': [C, P, K, L, R, A],
  'sync.rows': [C, P, K, L, R, A],
  // Whoever had a write refused decides what happens to it; the decision is audited. Reviewers queue no writes.
  'sync.resolveConflict': [C, P, K, L, A],
};

/** The read each exportable list comes from: exporting a list needs the roles of that read. */
export const EXPORT_LIST_SOURCES: Record<ExportListName, OperationName> = {
  workQueue: 'queue.list',
  intake: 'queue.list',
  metricCases: 'metrics.cases',
  reservations: 'reservations.list',
  handoffQueue: 'cjib.queue',
  problems: 'planner.problems',
  courtRoll: 'sessions.courtRoll',
  disclosures: 'disclosures.list',
};

export function rolesFor(operation: OperationName): readonly Role[] {
  return OPERATION_ROLES[operation];
}

export function mayCall(actorRoles: readonly Role[], operation: OperationName): boolean {
  return OPERATION_ROLES[operation].some((role) => actorRoles.includes(role));
}

/** The refusal, in Dutch: which roles may, and which the user holds. */
export function forbiddenMessage(allowed: readonly Role[], actorRoles: readonly Role[]): string {
  const held = actorRoles.length === 0 ? 'zonder rol' : `als ${describeRoles(actorRoles, 'en')}`;
  return `Dit mag alleen iemand met de rol ${describeRoles(allowed, 'of')} doen; u bent aangemeld ${held}. Vraag het aan een collega met die rol of aan de beheerder.`;
}
