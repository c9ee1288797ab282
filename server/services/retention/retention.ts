import { isDeepStrictEqual } from 'node:util';
import type { AppDatabase } from '../../../db/open-database';
import { districtSettings } from '../../../db/schema';
import { amsterdamDate } from '../../../shared/calendar/amsterdam-time';
import type { CaseStatus } from '../../../shared/domain/case-status';
import type { Modality } from '../../../shared/domain/modality';
import { DEFAULT_RETENTION_TERM, FINISHED_STATUSES, PSEUDONYMISED_SUSPECT, retentionCutoff, type RetentionTerm } from '../../../shared/retention/retention';
import { recordAudit } from '../audit';
import { settingsVersion } from '../context/versions';
import { ServiceError } from '../service-error';
import { loadRetentionTerm, SETTING_KEYS } from '../settings/district-settings';
import { exactValues, scrubPersonalData, type PersonalValues } from './scrub-personal-data';
import { sqlRow, sqlRows, sqlRun } from '../context/query-results';

export const PSEUDONYMISED_ACTION = 'retention.pseudonymised';

interface FinishedCase {
  caseId: number;
  suspectId: number;
  parketnummer: string;
  status: CaseStatus;
  modality: Modality;
  /** When the case reached its finished status (its audit row), ISO instant. */
  finishedAt: string | null;
  pseudonymised: number;
}

export interface DueCase {
  caseId: number;
  parketnummer: string;
  status: CaseStatus;
  modality: Modality;
  finishedAt: string;
  suspectId: number;
}

interface RetentionState {
  term: RetentionTerm;
  cutoff: string;
  finished: number;
  pseudonymised: number;
  /** Past the term, but their suspect record also belongs to a case that is not: kept until that one is due too. */
  heldBack: number;
  due: DueCase[];
}

/**
 * The finished cases (statuses no case leaves: shared/retention/retention.ts) past the term: finished,
 * by their audit row, on an Amsterdam day before today minus the term, and not yet pseudonymised. A
 * suspect record shared with a case that is not past the term is held back (it is still needed).
 */
async function retentionState(db: AppDatabase, today: string): Promise<RetentionState> {
  const term = await loadRetentionTerm(db);
  const cutoff = retentionCutoff(today, term.months);
  const statuses = FINISHED_STATUSES.map(() => '?').join(', ');
  // The audit details are JSON in a text column on both engines.
  const finishedSql = (statusTo: string) => `select c.id as "caseId", c.suspect_id as "suspectId", c.parketnummer, c.status, c.modality,
              (select max(a.occurred_at) from audit_event a
                where a.entity_type = 'case' and a.entity_id = c.id and a.action = 'case.status_changed' and ${statusTo} = c.status) as "finishedAt",
              exists (select 1 from audit_event p where p.entity_type = 'case' and p.entity_id = c.id and p.action = '${PSEUDONYMISED_ACTION}') as "pseudonymised"
         from criminal_case c where c.status in (${statuses}) order by c.id`;
  const finished = await sqlRows(db.$client, { sqlite: finishedSql("json_extract(a.details, '$.to')"), postgresql: finishedSql("(a.details::jsonb ->> 'to')") }, [...FINISHED_STATUSES]) as FinishedCase[];
  const pastTerm = finished.filter((c) => !c.pseudonymised && c.finishedAt !== null && amsterdamDate(Date.parse(c.finishedAt)) < cutoff);
  const dueIds = new Set(pastTerm.map((c) => c.caseId));
  const sharedCases = await sqlRows(db.$client, `select suspect_id as "suspectId", id as "caseId" from criminal_case
       where suspect_id in (select suspect_id from criminal_case group by suspect_id having count(*) > 1)`) as { suspectId: number; caseId: number }[];
  const blocked = new Set(sharedCases.filter((s) => !dueIds.has(s.caseId)).map((s) => s.suspectId));
  const due = pastTerm
    .filter((c) => !blocked.has(c.suspectId))
    .map((c) => ({ caseId: c.caseId, parketnummer: c.parketnummer, status: c.status, modality: c.modality, finishedAt: c.finishedAt!, suspectId: c.suspectId }))
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.caseId - b.caseId);
  return { term, cutoff, finished: finished.length, pseudonymised: finished.filter((c) => c.pseudonymised).length, heldBack: pastTerm.length - due.length, due };
}

/** What `retention.apply` would do now: the term, the cut-off day and the cases past it (no personal data). */
export async function previewRetention(db: AppDatabase, today: string, limit: number) {
  const state = await retentionState(db, today);
  return {
    term: state.term,
    defaultTerm: DEFAULT_RETENTION_TERM,
    cutoff: state.cutoff,
    finishedStatuses: [...FINISHED_STATUSES],
    finishedCount: state.finished,
    pseudonymisedCount: state.pseudonymised,
    heldBackCount: state.heldBack,
    dueCount: state.due.length,
    cases: state.due.slice(0, limit).map(({ suspectId: _suspectId, ...c }) => c),
    version: await settingsVersion(db),
  };
}

/**
 * Pseudonymises every case past the term, in the caller's write transaction: the suspect's name,
 * date of birth, summons address and lawyer are replaced (PSEUDONYMISED_SUSPECT); the same data is
 * taken out of the details of the case's own audit rows (earlier edits keep old and new values
 * there), of the audit rows of its hearings, decisions and hand-offs, and of stored answers of
 * earlier requests (ADR 19). One audit row per case with the reason; its details hold no personal
 * data. Figures are untouched: no status, date, hearing, decision or sanction changes.
 */
export async function applyRetention(db: AppDatabase, today: string, reason: string, actor: string, now: Date) {
  const state = await retentionState(db, today);
  const client = db.$client;
  const occurredAt = now.toISOString();
  let scrubbedAuditRows = 0;

  const scrubRows = async <Row extends { text: string }>(rows: Row[], exact: ReadonlySet<string>, write: (row: Row, text: string) => Promise<unknown>) => {
    let changed = 0;
    for (const row of rows) {
      const before: unknown = JSON.parse(row.text);
      const after = scrubPersonalData(before, exact);
      if (!isDeepStrictEqual(before, after)) {
        await write(row, JSON.stringify(after));
        changed += 1;
      }
    }
    return changed;
  };

  for (const c of state.due) {
    const personal = await sqlRow(client, 'select full_name as "fullName", date_of_birth as "dateOfBirth", summons_address as "summonsAddress", lawyer_name as "lawyerName" from suspect where id = ?', [c.suspectId]) as PersonalValues | undefined;
    if (!personal) throw new ServiceError('NOT_FOUND', `De verdachte van zaak ${c.parketnummer} ontbreekt in het databasebestand.`);
    const exact = exactValues(personal);
    await sqlRun(client, 'update suspect set full_name = ?, date_of_birth = ?, summons_address = ?, lawyer_name = ? where id = ?',
      [PSEUDONYMISED_SUSPECT.fullName, PSEUDONYMISED_SUSPECT.dateOfBirth, PSEUDONYMISED_SUSPECT.summonsAddress, PSEUDONYMISED_SUSPECT.lawyerName, c.suspectId]);
    const audited = await sqlRows(client, `select id, details from audit_event where details is not null and (
        (entity_type = 'case' and entity_id = ?)
        or (entity_type = 'suspect' and entity_id = ?)
        or (entity_type = 'hearing' and entity_id in (select id from hearing where case_id = ?))
        or (entity_type = 'decision' and entity_id in (select id from decision where case_id = ?))
        or (entity_type = 'cjib_handoff' and entity_id in (select h.id from cjib_handoff h join decision d on d.id = h.decision_id where d.case_id = ?)))
        order by id`, [c.caseId, c.suspectId, c.caseId, c.caseId, c.caseId]) as { id: number; details: string }[];
    const rows = audited.map((r) => ({ id: r.id, text: r.details }));
    const scrubbedHere = await scrubRows(rows, exact, (row, text) => sqlRun(client, 'update audit_event set details = ? where id = ?', [text, row.id]));
    scrubbedAuditRows += scrubbedHere;
    // Only answers about this case (its parketnummer) that hold the name: another suspect's answer stays as it is.
    const answers = await sqlRows(client, {
      sqlite: 'select request_id as "requestId", answer from processed_request where answer is not null and instr(answer, ?) > 0 and instr(answer, ?) > 0 order by request_id',
      postgresql: 'select request_id as "requestId", answer from processed_request where answer is not null and strpos(answer, ?) > 0 and strpos(answer, ?) > 0 order by request_id',
    }, [personal.fullName, c.parketnummer]) as { requestId: string; answer: string }[];
    const stored = answers.map((r) => ({ requestId: r.requestId, text: r.answer }));
    const scrubbedAnswers = await scrubRows(stored, exact, (row, text) => sqlRun(client, 'update processed_request set answer = ? where request_id = ?', [text, row.requestId]));
    await recordAudit(db, {
      actor,
      action: PSEUDONYMISED_ACTION,
      entityType: 'case',
      entityId: c.caseId,
      reason,
      details: { status: c.status, finishedAt: c.finishedAt, termMonths: state.term.months, cutoff: state.cutoff, scrubbedAuditRows: scrubbedHere, scrubbedAnswers },
      occurredAt,
    });
  }
  return { pseudonymised: state.due.length, caseIds: state.due.map((c) => c.caseId), scrubbedAuditRows, cutoff: state.cutoff, termMonths: state.term.months };
}

/** Changes the retention term (and whether the privacy officer confirmed it), audited as a settings change. */
export async function setRetentionTerm(db: AppDatabase, term: RetentionTerm, reason: string, actor: string, now: Date): Promise<RetentionTerm> {
  const before = await loadRetentionTerm(db);
  if (isDeepStrictEqual(before, term)) throw new ServiceError('CONFLICT', 'Er is niets gewijzigd: de bewaartermijn en de bevestiging zijn al zo ingesteld.');
  const row = { key: SETTING_KEYS.retention, value: term, updatedAt: now.toISOString(), updatedBy: actor };
  await db.insert(districtSettings).values(row).onConflictDoUpdate({ target: districtSettings.key, set: row });
  await recordAudit(db, { actor, action: 'settings.changed', entityType: 'district', entityId: 0, reason, details: { retention: { from: before, to: term } }, occurredAt: now.toISOString() });
  return term;
}
