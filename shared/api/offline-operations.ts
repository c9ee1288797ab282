import type { OperationName } from './contract';

/**
 * What a desktop connected to a district server may do while the server cannot be reached (issue 14,
 * docs/offline.md): a record over every operation name, so a new operation does not compile until it is
 * classified here.
 * - read: answered from the desktop's local copy of the district (the same role rules as the server).
 * - queue: a write applied to the local copy at once and kept in the outbox, marked "nog niet
 *   bevestigd"; the server decides when it is back (it applies it once, or refuses it into the conflict
 *   inbox). Only writes that change one known row, carry the version they were based on (or take one
 *   slot that the server re-checks), and need no number or plan only the server can give.
 * - online-only: refused offline, with the reason in Dutch (shown next to the disabled action).
 */
export type OfflinePolicy = { offline: 'read' } | { offline: 'queue' } | { offline: 'online-only'; reason: string };

const READ = { offline: 'read' } as const;
const QUEUE = { offline: 'queue' } as const;
const online = (reason: string): OfflinePolicy => ({ offline: 'online-only', reason });

const NEEDS_PLAN = 'de planning en de capaciteit worden door meerdere mensen tegelijk gewijzigd; dit vraagt de actuele stand van de districtsserver';
const NEEDS_SERVER_NUMBER = 'een nieuwe zaak krijgt haar nummer en de controle op dubbele zaken van de districtsserver';
const ADMINISTRATION = 'beheer van het district (instellingen, rooster, bewaartermijnen) gebeurt alleen op de districtsserver';
const BULK = 'handelingen op veel zaken of reserveringen tegelijk worden alleen met de actuele stand van de districtsserver uitgevoerd';
const CJIB = 'de overdracht aan het CJIB gebruikt de batchnummering van de districtsserver';
const SERVER_FILES = 'bestanden en reservekopieën worden op de districtsserver gemaakt';
const SERVER_ONLY_DATA = 'deze gegevens staan alleen op de districtsserver';
const SYNC_SERVER = 'de kopie komt van de districtsserver';

export const OFFLINE_OPERATIONS: Record<OperationName, OfflinePolicy> = {
  'district.get': READ,
  'district.create': online(ADMINISTRATION),
  'demo.load': online(ADMINISTRATION),
  'backups.list': online(SERVER_FILES),
  'backups.create': online(SERVER_FILES),
  'settings.get': READ,
  'settings.update': online(ADMINISTRATION),
  'retention.preview': READ,
  'retention.apply': online(ADMINISTRATION),
  'retention.setTerm': online(ADMINISTRATION),

  'sessions.week': READ,
  'sessions.courtRoll': READ,
  'capacity.overview': READ,
  'capacity.saveTemplate': online(NEEDS_PLAN),
  'capacity.deactivateTemplate': online(NEEDS_PLAN),
  'capacity.generate': online(NEEDS_PLAN),
  'capacity.addClosure': online(NEEDS_PLAN),
  'capacity.removeClosure': online(NEEDS_PLAN),
  'sessions.cancel': online(NEEDS_PLAN),
  'sessions.addExtra': online(NEEDS_PLAN),
  'sessions.update': online(NEEDS_PLAN),
  'sessions.assign': online(NEEDS_PLAN),

  'cases.create': online(NEEDS_SERVER_NUMBER),
  'cases.import': online(NEEDS_SERVER_NUMBER),
  'cases.importProgress': online(NEEDS_SERVER_NUMBER),
  'cases.importTemplate': READ,
  'cases.find': READ,
  'cases.search': READ,
  'cases.get': READ,
  'cases.timeline': READ,
  // One case, at the version the user saw: the server refuses it when someone changed the case meanwhile.
  'cases.updateEvents': QUEUE,
  'cases.updateDetails': QUEUE,
  'cases.setPrecondition': QUEUE,
  'cases.removePrecondition': QUEUE,
  'cases.releaseToPlanning': QUEUE,
  'zsm.decide': QUEUE,
  'zsm.decideMany': online(BULK),
  'queue.list': READ,

  'planner.run': online(NEEDS_PLAN),
  'planner.place': online(NEEDS_PLAN),
  'planner.moveMany': online(NEEDS_PLAN),
  'planner.unplanMany': online(NEEDS_PLAN),
  'planner.candidates': READ,
  'planner.problems': READ,
  'planner.whatIf': READ,
  'planner.tower': READ,
  'history.undo': online('ongedaan maken herstelt de stand van de districtsserver en vraagt die actuele stand'),

  'reservations.list': READ,
  // The server re-checks the free places: a slot someone else took meanwhile lands in the conflict inbox.
  'reservations.reserve': QUEUE,
  'reservations.release': QUEUE,
  'reservations.releaseMany': online(BULK),

  'people.list': READ,
  'people.save': online(ADMINISTRATION),
  'people.deactivate': online(ADMINISTRATION),
  'people.addUnavailability': online(ADMINISTRATION),
  'people.removeUnavailability': online(ADMINISTRATION),
  'people.import': online(ADMINISTRATION),
  'people.importTemplate': READ,

  // The clerk records on the roll in the courtroom, where the network is often missing.
  'outcomes.roll': READ,
  'outcomes.record': QUEUE,
  'outcomes.correct': QUEUE,
  'decisions.forCase': READ,
  'decisions.recordPenaltyOrder': QUEUE,
  'decisions.updateSignals': QUEUE,
  'decisions.update': QUEUE,
  'decisions.markSigned': QUEUE,

  'cjib.queue': READ,
  'cjib.export': online(CJIB),
  'cjib.resend': online(CJIB),
  'cjib.importResponses': online(CJIB),
  'cjib.markReworked': online(CJIB),

  'review.agreements.list': READ,
  'review.agreements.save': online('het overlegregister wordt door de deelnemers samen bijgehouden op de districtsserver'),
  'review.signals.list': READ,
  'review.signals.save': online('het overlegregister wordt door de deelnemers samen bijgehouden op de districtsserver'),
  'monitoring.export': online(SERVER_FILES),
  'metrics.dashboard': READ,
  'metrics.cases': READ,
  'exports.list': READ,
  'calendars.get': READ,
  'calendars.subjects': READ,
  'notifications.list': READ,
  'notifications.markDone': QUEUE,
  'disclosures.list': online(SERVER_ONLY_DATA),
  'disclosures.setTerm': online(ADMINISTRATION),
  'disclosures.recordOffline': online(SYNC_SERVER),

  'sync.tables': online(SYNC_SERVER),
  'sync.copyPage': online(SYNC_SERVER),
  'sync.changes': online(SYNC_SERVER),
  'sync.rows': online(SYNC_SERVER),
  // The decision on a refused write is recorded on the server when it is back (the outbox keeps it).
  'sync.resolveConflict': QUEUE,
};

/** The Dutch refusal of an operation that needs the district server, while it cannot be reached. */
export function offlineRefusal(reason: string): string {
  return `Niet mogelijk zonder verbinding met de districtsserver: ${reason}.`;
}
