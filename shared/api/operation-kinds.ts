import type { OperationName } from './contract';

/**
 * Whether an operation changes the district's data. Writes take a request id (Idempotency-Key) and are
 * answered once per id; reads can be repeated freely. A record over every operation name, so a new
 * operation does not compile until it is classified here.
 */
export const OPERATION_KINDS: Record<OperationName, 'read' | 'write'> = {
  'district.get': 'read',
  'backups.list': 'read',
  'backups.create': 'write',
  'district.create': 'write',
  'demo.load': 'write',
  'sessions.week': 'read',
  'capacity.overview': 'read',
  'capacity.saveTemplate': 'write',
  'capacity.deactivateTemplate': 'write',
  'capacity.generate': 'write',
  'capacity.addClosure': 'write',
  'capacity.removeClosure': 'write',
  'sessions.cancel': 'write',
  'sessions.addExtra': 'write',
  'sessions.update': 'write',
  'sessions.assign': 'write',
  'cases.create': 'write',
  'cases.import': 'write',
  'cases.importTemplate': 'read',
  'cases.find': 'read',
  'cases.get': 'read',
  'cases.updateEvents': 'write',
  'cases.setPrecondition': 'write',
  'cases.removePrecondition': 'write',
  'cases.releaseToPlanning': 'write',
  'cases.timeline': 'read',
  'zsm.decide': 'write',
  'queue.list': 'read',
  'planner.run': 'write',
  'planner.place': 'write',
  'planner.candidates': 'read',
  'planner.problems': 'read',
  'planner.whatIf': 'read',
  'planner.tower': 'read',
  'reservations.list': 'read',
  'reservations.reserve': 'write',
  'reservations.release': 'write',
  'people.list': 'read',
  'people.save': 'write',
  'people.deactivate': 'write',
  'people.addUnavailability': 'write',
  'people.removeUnavailability': 'write',
  'people.import': 'write',
  'people.importTemplate': 'read',
  'outcomes.roll': 'read',
  'outcomes.record': 'write',
  'outcomes.correct': 'write',
  'decisions.forCase': 'read',
  'decisions.recordPenaltyOrder': 'write',
  'decisions.updateSignals': 'write',
  'decisions.update': 'write',
  'decisions.markSigned': 'write',
  'cjib.queue': 'read',
  'cjib.export': 'write',
  'cjib.resend': 'write',
  'cjib.importResponses': 'write',
  'cjib.markReworked': 'write',
  'review.agreements.list': 'read',
  'review.agreements.save': 'write',
  'review.signals.list': 'read',
  'review.signals.save': 'write',
  'monitoring.export': 'write',
  'metrics.dashboard': 'read',
  'metrics.cases': 'read',
  'settings.get': 'read',
  'settings.update': 'write',
};

export function isWriteOperation(operation: OperationName): boolean {
  return OPERATION_KINDS[operation] === 'write';
}

/** A request id a caller may choose: 8 to 128 characters of letters, digits and - _ : . */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
