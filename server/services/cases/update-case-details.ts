import { eq } from 'drizzle-orm';
import { CASE_STATUS_LABELS } from '../../../shared/domain/case-lifecycle';
import type { CaseStatus } from '../../../shared/domain/case-status';
import {
  CASE_DETAIL_FIELDS,
  SUSPECT_DETAIL_FIELDS,
  type CaseDetailChanges,
  type CaseDetailField,
} from '../../../shared/intake/case-details';
import { caseIntakeSchema } from '../../../shared/intake/case-intake';
import { checkCaseDates } from '../../../shared/intake/plausibility';
import type { AppDatabase } from '../../../db/open-database';
import { cjibHandoffs, criminalCases, decisions, suspects } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { utc } from './derived-columns';
import { firstRow } from '../context/query-results';

export interface CaseDetailsRequest {
  caseId: number;
  changes: CaseDetailChanges;
  reason: string;
}

/** Dutch field names, as the case page's form labels them: a refusal names the field. */
export const CASE_DETAIL_LABELS: Readonly<Record<CaseDetailField, string>> = {
  fullName: 'Naam verdachte',
  dateOfBirth: 'Geboortedatum',
  summonsAddress: 'Adres voor dagvaarding',
  lawyerName: 'Advocaat',
  policeUnit: 'Politie-eenheid',
  offenceSummary: 'Feit',
  offenceAt: 'Pleegdatum',
};

/** A finished case is not corrected any more: its record is what it was. */
const CLOSED_STATUSES: readonly CaseStatus[] = ['completed', 'withdrawn'];
/** The person's data CJIB receives with a hand-off (docs/cjib-exchange.md). */
const SENT_TO_CJIB: readonly CaseDetailField[] = ['fullName', 'dateOfBirth', 'summonsAddress'];

/** The case's event moments, for the age at the offence or arrest. */
const datedFacts = (c: typeof criminalCases.$inferSelect) => ({ arrestedAt: c.arrestedAt });

/** Maps an intake-schema issue path to the detail field it is about ('suspect.dateOfBirth' -> 'dateOfBirth'). */
function fieldOfIssue(path: readonly PropertyKey[]): CaseDetailField | null {
  const key = String(path[0] === 'suspect' ? path[1] : path[0]);
  return (CASE_DETAIL_FIELDS as readonly string[]).includes(key) ? (key as CaseDetailField) : null;
}

/**
 * Corrects the details of a case and its suspect after intake: name, date of birth, summons address,
 * lawyer, police unit, offence and offence moment. Only the fields given are changed; each is held to
 * the intake's own checks (shared/intake/case-intake.ts) on the case as it will be, so a correction is
 * never less plausible than a first entry. The audit row (action case.details_changed, on the case)
 * holds every changed field's old and new value and the reason, in the same transaction. Call inside
 * ctx.write after the version check.
 *
 * The suspect's fields are stored on the suspect, so a correction shows on every case of that person.
 * While a hand-off of the case lies at CJIB awaiting an answer ('sent'), the person's data CJIB
 * received is not changed here: CJIB answers about what it got; correct it after the return.
 */
export async function updateCaseDetails(db: AppDatabase, input: CaseDetailsRequest, actor: string, now: Date): Promise<void> {
  const current = firstRow(await db
    .select({ c: criminalCases, s: suspects })
    .from(criminalCases)
    .innerJoin(suspects, eq(suspects.id, criminalCases.suspectId))
    .where(eq(criminalCases.id, input.caseId)));
  if (!current) throw new ServiceError('NOT_FOUND', `Zaak ${input.caseId} bestaat niet.`);
  const { c, s } = current;
  if (CLOSED_STATUSES.includes(c.status)) {
    throw new ServiceError('CONFLICT', `De gegevens van een zaak met status '${CASE_STATUS_LABELS[c.status]}' worden niet meer gewijzigd.`);
  }

  const before: Record<CaseDetailField, string | null> = {
    fullName: s.fullName,
    dateOfBirth: s.dateOfBirth,
    summonsAddress: s.summonsAddress,
    lawyerName: s.lawyerName,
    policeUnit: c.policeUnit,
    offenceSummary: c.offenceSummary,
    offenceAt: c.offenceAt,
  };
  const after = { ...before };
  const diff: Partial<Record<CaseDetailField, { from: string | null; to: string | null }>> = {};
  for (const field of CASE_DETAIL_FIELDS) {
    if (!(field in input.changes)) continue;
    const given = input.changes[field] ?? null;
    const value = field === 'offenceAt' ? utc(given) : given;
    if (value !== before[field]) {
      diff[field] = { from: before[field], to: value };
      after[field] = value;
    }
  }
  const changed = Object.keys(diff) as CaseDetailField[];
  if (changed.length === 0) throw new ServiceError('CONFLICT', 'Er is niets gewijzigd: de ingevulde gegevens zijn gelijk aan wat er al stond.');

  const atCjib = changed.filter((f) => SENT_TO_CJIB.includes(f));
  if (atCjib.length > 0) {
    const sent = (await db
      .select({ status: cjibHandoffs.status })
      .from(cjibHandoffs)
      .innerJoin(decisions, eq(decisions.id, cjibHandoffs.decisionId))
      .where(eq(decisions.caseId, c.id)))
      .some((h) => h.status === 'sent');
    if (sent) {
      throw new ServiceError(
        'CONFLICT',
        `De beslissing ligt bij het CJIB en wacht op antwoord: ${atCjib.map((f) => CASE_DETAIL_LABELS[f]).join(', ')} kan pas na een retour worden gecorrigeerd.`,
      );
    }
  }

  // The intake's checks on the case as it will be; only problems with a changed field count (an old
  // record may predate a rule, and a correction of the address should not be refused for that).
  const check = caseIntakeSchema.safeParse({
    parketnummer: c.parketnummer,
    suspect: { fullName: after.fullName, dateOfBirth: after.dateOfBirth, summonsAddress: after.summonsAddress, lawyerName: after.lawyerName },
    modality: c.modality,
    fillerKind: c.fillerKind,
    policeUnit: after.policeUnit,
    offenceSummary: after.offenceSummary,
    offenceAt: after.offenceAt,
    arrestedAt: c.arrestedAt,
    custodyOrderedAt: c.custodyOrderedAt,
    custodyExtendedAt: c.custodyExtendedAt,
    remandOrderedAt: c.remandOrderedAt,
    summonsServedAt: c.summonsServedAt,
    shortTermConsent: c.shortTermConsent,
  });
  const problems = (check.success ? [] : check.error.issues).flatMap((issue) => {
    const field = fieldOfIssue(issue.path);
    return field && changed.includes(field) ? [{ path: `changes.${field}`, message: sentence(CASE_DETAIL_LABELS[field], issue.message) }] : [];
  });
  // The intake's plausibility of dates (shared/intake/plausibility.ts): not in the future, not decades
  // ago, a birth date that gives a possible age (art. 486 Sv); reported for the fields corrected.
  for (const issue of checkCaseDates({ ...datedFacts(c), dateOfBirth: after.dateOfBirth, offenceAt: after.offenceAt }, now.getTime())) {
    const field = fieldOfIssue(issue.path.split('.'));
    if (field && changed.includes(field)) problems.push({ path: `changes.${field}`, message: sentence(CASE_DETAIL_LABELS[field], issue.message) });
  }
  if (problems.length > 0) throw new ServiceError('INVALID_INPUT', problems.map((p) => p.message).join(' '), problems);

  const suspectChanges = Object.fromEntries(changed.filter((f) => (SUSPECT_DETAIL_FIELDS as readonly string[]).includes(f)).map((f) => [f, after[f]]));
  if (Object.keys(suspectChanges).length > 0) await db.update(suspects).set(suspectChanges).where(eq(suspects.id, s.id));
  const caseChanges = Object.fromEntries(changed.filter((f) => !(SUSPECT_DETAIL_FIELDS as readonly string[]).includes(f)).map((f) => [f, after[f]]));
  if (Object.keys(caseChanges).length > 0) await db.update(criminalCases).set(caseChanges).where(eq(criminalCases.id, c.id));
  await recordAudit(db, { actor, action: 'case.details_changed', entityType: 'case', entityId: c.id, reason: input.reason, details: diff, occurredAt: now.toISOString() });
}

/** 'Geboortedatum: ligt na de aanhouding.'; a message that names its field already keeps its own words. */
function sentence(label: string, message: string): string {
  const text = message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
