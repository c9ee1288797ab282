import type { ExportListName, OperationName, OperationOutput, ParsedInput } from './contract';

/**
 * Which operations disclose personal data (issue 13 item 5; docs/disclosures.md): the suspect's name,
 * date of birth, summons address or lawyer, shown next to the case. Every such read is traced: who
 * read which case when (table `personal_data_read`, written by server/services/api-handler.ts after
 * the read succeeded, in its own write transaction; a read that cannot be traced is refused).
 *
 * Why: the data in Ketenplanner are strafvorderlijke gegevens (Wjsg art. 1 onder b), processed under
 * the Wjsg and, for the police, the Wpg, which implement Richtlijn (EU) 2016/680; art. 25 of that
 * directive asks for logs of consultation and disclosure in automated processing systems, so that the
 * lawfulness of a read can be verified afterwards (who, which case, when). Ids only: the log keeps no
 * copy of the data itself.
 *
 * A record over every operation name, like operation-roles.ts: a new operation does not compile until
 * it is decided here.
 */
export type Disclosure<K extends OperationName> =
  | { discloses: false; reason: string }
  /** The cases disclosed, from the operation's answer (and input). */
  | { discloses: true; reason: string; caseIds: (output: OperationOutput<K>, input: ParsedInput<K>) => readonly number[] }
  /** The handler reports the cases itself through its context (`ctx.disclose`): its answer holds no ids (a file). */
  | { discloses: 'reported'; reason: string };

const NO_NAMES = { discloses: false, reason: 'Its answer holds no suspect data (ids, parketnummers, counts, sessions, people of the court and OM, settings).' } as const;
const WRITE = {
  discloses: false,
  reason: 'A write: it answers with what it changed, recorded by its own audit rows; the screen then reads the case through a traced read.',
} as const;

export const DISCLOSURES: { [K in OperationName]: Disclosure<K> } = {
  'district.get': NO_NAMES,
  'district.create': WRITE,
  'demo.load': WRITE,
  'backups.list': NO_NAMES,
  'backups.create': WRITE,
  'settings.get': NO_NAMES,
  'settings.update': WRITE,
  'retention.preview': { discloses: false, reason: 'Lists parketnummer, status and finished-at of cases past the term: no personal data (docs/retention.md).' },
  'retention.apply': WRITE,
  'retention.setTerm': WRITE,

  'sessions.week': { discloses: false, reason: 'Sessions with counts and parketnummers, no names.' },
  'capacity.overview': NO_NAMES,
  'capacity.saveTemplate': WRITE,
  'capacity.deactivateTemplate': WRITE,
  'capacity.generate': WRITE,
  'capacity.addClosure': WRITE,
  'capacity.removeClosure': WRITE,
  'sessions.cancel': WRITE,
  'sessions.addExtra': WRITE,
  'sessions.update': WRITE,
  'sessions.assign': WRITE,
  'sessions.courtRoll': {
    discloses: true,
    reason: "The roll names every suspect on the session, with the lawyer: each of the session's cases is disclosed.",
    caseIds: (roll) => roll.rows.map((row) => row.caseId),
  },

  'cases.create': WRITE,
  'cases.import': WRITE,
  'cases.importProgress': { discloses: false, reason: 'A count of rows read, no case data.' },
  'cases.importTemplate': { discloses: false, reason: 'An empty template file.' },
  'cases.find': { discloses: false, reason: 'Answers only the id of the case with a given parketnummer.' },
  'cases.search': {
    discloses: true,
    reason: 'The results show name and date of birth of each case found: every case in the answer is disclosed.',
    caseIds: (answer) => answer.results.map((result) => result.id),
  },
  'cases.get': {
    discloses: true,
    reason: "The case page: the suspect's name, date of birth, summons address and lawyer, and the names of the co-defendants.",
    caseIds: (detail) => [detail.id, ...detail.coDefendants.map((co) => co.id)],
  },
  'cases.timeline': { discloses: false, reason: 'Events with dates, actors and reasons; a correction of the suspect data names the field, not its value.' },
  'cases.updateEvents': WRITE,
  'cases.updateDetails': WRITE,
  'cases.setPrecondition': WRITE,
  'cases.removePrecondition': WRITE,
  'cases.releaseToPlanning': WRITE,
  'zsm.decide': WRITE,
  'zsm.decideMany': WRITE,
  'queue.list': {
    discloses: true,
    reason: "The work queue and intake show the suspect's name on every row: each case of the page is disclosed.",
    caseIds: (page) => page.rows.map((row) => row.id),
  },

  'planner.run': WRITE,
  'planner.place': WRITE,
  'planner.candidates': NO_NAMES,
  'planner.moveMany': WRITE,
  'planner.unplanMany': WRITE,
  'planner.problems': { discloses: false, reason: 'Problems name the parketnummer, not the person.' },
  'planner.whatIf': NO_NAMES,
  'planner.tower': NO_NAMES,
  'history.undo': WRITE,

  'reservations.list': NO_NAMES,
  'reservations.reserve': WRITE,
  'reservations.release': WRITE,
  'reservations.releaseMany': WRITE,

  'people.list': { discloses: false, reason: 'Judges, prosecutors and clerks in their role: no suspect data.' },
  'people.save': WRITE,
  'people.deactivate': WRITE,
  'people.addUnavailability': WRITE,
  'people.removeUnavailability': WRITE,
  'people.import': WRITE,
  'people.importTemplate': { discloses: false, reason: 'An empty template file.' },

  'outcomes.roll': {
    discloses: true,
    reason: 'The clerk\'s roll names the suspect of each case on the session.',
    caseIds: (roll) => roll.entries.map((entry) => entry.caseId),
  },
  'outcomes.record': WRITE,
  'outcomes.correct': WRITE,
  'decisions.forCase': { discloses: false, reason: 'Decisions and sanctions of one case without the suspect data.' },
  'decisions.recordPenaltyOrder': WRITE,
  'decisions.updateSignals': WRITE,
  'decisions.update': WRITE,
  'decisions.markSigned': WRITE,
  'cjib.queue': {
    discloses: true,
    reason: 'The hand-off queue names the suspect of each decision.',
    caseIds: (queue) => queue.items.map((item) => item.caseId),
  },
  'cjib.export': {
    discloses: false,
    reason: "A write: the batch file to CJIB holds the person's data and is the legal disclosure itself, recorded per decision by its audit rows (cjib batch).",
  },
  'cjib.resend': { discloses: false, reason: 'As cjib.export: the resent batch is recorded by its own audit row.' },
  'cjib.importResponses': WRITE,
  'cjib.markReworked': WRITE,

  'review.agreements.list': NO_NAMES,
  'review.agreements.save': WRITE,
  'review.signals.list': NO_NAMES,
  'review.signals.save': WRITE,
  'monitoring.export': { discloses: false, reason: 'Figures per case without personal data (the monitoring export reads no suspect table).' },
  'metrics.dashboard': NO_NAMES,
  'metrics.cases': { discloses: false, reason: 'The cases behind a figure by parketnummer, modality and unit: no names.' },
  'exports.list': {
    discloses: 'reported',
    reason: 'A file: the lists with names (EXPORT_LIST_DISCLOSES) report every case in the file; the others disclose nothing.',
  },

  'calendars.get': { discloses: false, reason: 'Sessions per judge, prosecutor or courtroom with counts, no suspect names.' },
  'calendars.subjects': NO_NAMES,
  'notifications.list': { discloses: false, reason: 'Notifications name the parketnummer and the deadline, not the person.' },
  'notifications.markDone': WRITE,

  'disclosures.setTerm': WRITE,
  'disclosures.recordOffline': { discloses: false, reason: 'Records reads the desktop answered offline: it answers with a count and discloses nothing itself.' },
  'disclosures.list': {
    discloses: false,
    reason: 'The log itself: actors, roles and parketnummers, no suspect data. Its reads are not traced again (a log of the log would grow with every look at it).',
  },

  // A desktop's local copy (issue 14): copying a suspect's row discloses it like showing it does.
  'sync.tables': { discloses: false, reason: 'The names of the copied tables.' },
  'sync.copyPage': { discloses: 'reported', reason: "A page of suspect rows (name, date of birth, address, lawyer): the handler reports the cases of the suspects copied." },
  'sync.changes': { discloses: 'reported', reason: 'Changed suspect rows travel to the desktop: the handler reports the cases of the suspects sent.' },
  'sync.rows': { discloses: 'reported', reason: 'Suspect rows asked for by key: the handler reports the cases of the suspects sent.' },
  'sync.resolveConflict': WRITE,
};

/** Which exported lists carry names (the same columns as their page): exporting one discloses every case in the file. */
export const EXPORT_LIST_DISCLOSES: Record<ExportListName, boolean> = {
  workQueue: true,
  intake: true,
  metricCases: false,
  reservations: false,
  handoffQueue: true,
  problems: false,
  courtRoll: true,
  /** The log itself: parketnummers and users, no suspect data. */
  disclosures: false,
};

/** The cases an operation disclosed, from its answer; 'reported' when the handler reports them itself; none otherwise. */
export function disclosedCaseIds<K extends OperationName>(operation: K, output: OperationOutput<K>, input: ParsedInput<K>): readonly number[] | 'reported' {
  const rule = DISCLOSURES[operation] as Disclosure<K>;
  if (rule.discloses === 'reported') return 'reported';
  if (!rule.discloses) return [];
  return [...new Set(rule.caseIds(output, input))];
}
