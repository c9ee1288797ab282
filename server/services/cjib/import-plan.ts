import { EXECUTION_STATUS_LABELS, executionCompletion, statusMismatch } from '../../../shared/cjib/execution-rules';
import { messageKey, type AckMessage, type ExecutionMessage, type ParsedMessage, type ResponseImportRow, type ReturnMessage } from '../../../shared/cjib/response-format';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import { SANCTION_LABELS } from '../../../shared/cjib/sanction-rules';
import { CASE_STATUS_LABELS, canTransition, transitionRefusal } from '../../../shared/domain/case-lifecycle';
import type { CaseStatus } from '../../../shared/domain/case-status';
import type { HandoffState, ImportState } from './import-state';

/** A checked message that changes something; applied in file order inside one transaction. */
export type ImportStep = { number: number; key: string; raw: unknown; handoff: HandoffState } & (
  | { kind: 'ack'; message: AckMessage; completesCase: boolean }
  | { kind: 'return'; message: ReturnMessage }
  | { kind: 'outdated'; message: AckMessage | ReturnMessage }
  | { kind: 'execution'; message: ExecutionMessage; completesCase: string | null }
);

export interface ImportPlan {
  steps: ImportStep[];
  rows: ResponseImportRow[];
}

/** A message may be dated a little ahead (clocks differ), not more. */
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;

const HANDOFF_STATUS_TEXT = { waiting: 'wacht op verzending', sent: 'verzonden', acknowledged: 'ontvangst bevestigd', returned: 'geretourneerd' } as const;

/**
 * Checks every message against the district's hand-offs as they will be after the messages before it
 * (so an ack followed by executions in one file works), and lists the changes to make. Nothing is written.
 */
export function planImport(messages: readonly ParsedMessage[], state: ImportState, now: Date): ImportPlan {
  const steps: ImportStep[] = [];
  const rows: ResponseImportRow[] = [];
  const keysInFile = new Map<string, number>();

  for (const parsed of messages) {
    const { number } = parsed;
    if (!parsed.ok) {
      const raw = (parsed.raw ?? {}) as Record<string, unknown>;
      rows.push({
        number,
        type: null,
        correlationId: typeof raw['correlationId'] === 'string' ? raw['correlationId'] : null,
        parketnummer: null,
        sanctionId: null,
        outcome: 'error',
        message: parsed.problems.join(' '),
      });
      continue;
    }
    const m = parsed.message;
    const handoff = state.handoffs.get(m.correlationId);
    const row: ResponseImportRow = {
      number,
      type: m.type,
      correlationId: m.correlationId,
      parketnummer: handoff?.parketnummer ?? null,
      sanctionId: m.type === 'execution' ? m.sanctionId : null,
      outcome: 'error',
      message: '',
    };
    rows.push(row);
    const refuse = (why: string) => {
      row.outcome = 'error';
      row.message = `Bericht ${number}: ${why}`;
    };
    if (!handoff) {
      refuse(`onbekend correlationId ${m.correlationId}: geen overdracht met dit kenmerk in dit arrondissement.`);
      continue;
    }
    const key = messageKey(m);
    const known = state.knownKeys.get(key);
    const earlier = keysInFile.get(key);
    if (known || earlier !== undefined) {
      row.outcome = 'already_processed';
      row.message = known ? `Al verwerkt (bestand ${known.fileName}, ingelezen ${known.importedAt.slice(0, 10)}); er verandert niets.` : `Al verwerkt: hetzelfde bericht staat als bericht ${earlier} in dit bestand.`;
      continue;
    }
    if (Date.parse(m.at) > now.getTime() + FUTURE_TOLERANCE_MS) {
      refuse(`het tijdstip ${m.at} ligt in de toekomst.`);
      continue;
    }
    const caseStatus = state.caseStatus.get(handoff.caseId)!;
    const base = { number, key, raw: parsed.raw, handoff };

    if (m.type === 'execution') {
      const sanction = handoff.sanctions.find((s) => s.id === m.sanctionId);
      if (!sanction) {
        refuse(`sanctie ${m.sanctionId} hoort niet bij de beslissing van zaak ${handoff.parketnummer} (sancties: ${handoff.sanctions.map((s) => s.id).join(', ') || 'geen'}).`);
        continue;
      }
      const mismatch = statusMismatch(sanction.kind, m.status);
      if (mismatch) {
        refuse(`sanctie ${sanction.id}: ${mismatch}.`);
        continue;
      }
      if (handoff.status !== 'acknowledged') {
        refuse(`het CJIB meldt een executie voor zaak ${handoff.parketnummer}, maar heeft de ontvangst van de overdracht niet bevestigd (stand: ${HANDOFF_STATUS_TEXT[handoff.status]}).`);
        continue;
      }
      const wasComplete = executionCompletion(handoff.sanctions, handoff.executions).complete;
      handoff.executions.push({ sanctionId: sanction.id, status: m.status, occurredAt: m.at });
      const completion = executionCompletion(handoff.sanctions, handoff.executions);
      const completes = !wasComplete && completion.complete && caseStatus === 'in_execution';
      if (completes) state.caseStatus.set(handoff.caseId, 'completed');
      keysInFile.set(key, number);
      steps.push({ ...base, kind: 'execution', message: m, completesCase: completes ? (completion.completedAt ?? m.at) : null });
      row.outcome = 'processed';
      row.message =
        `${SANCTION_LABELS[sanction.kind]} (sanctie ${sanction.id}): ${EXECUTION_STATUS_LABELS[m.status]}.` +
        (completes ? ` Alle sancties zijn ten uitvoer gelegd: zaak naar '${CASE_STATUS_LABELS.completed}'.` : '');
      continue;
    }

    if (handoff.attempt === 0) {
      refuse(`zaak ${handoff.parketnummer} is nog nooit naar het CJIB verzonden; een ${m.type === 'ack' ? 'ontvangstbevestiging' : 'retour'} kan niet.`);
      continue;
    }
    if (m.attempt > handoff.attempt) {
      refuse(`poging ${m.attempt} van zaak ${handoff.parketnummer} is nooit verzonden (laatst verzonden: poging ${handoff.attempt}).`);
      continue;
    }
    if (m.attempt < handoff.attempt) {
      keysInFile.set(key, number);
      steps.push({ ...base, kind: 'outdated', message: m });
      row.outcome = 'outdated';
      row.message = `Verouderd: gaat over poging ${m.attempt}, inmiddels is poging ${handoff.attempt} verzonden. Bewaard, er verandert niets.`;
      continue;
    }
    if (handoff.status !== 'sent') {
      refuse(
        `poging ${m.attempt} van zaak ${handoff.parketnummer} staat al op '${HANDOFF_STATUS_TEXT[handoff.status]}'; ` +
          `een ${m.type === 'ack' ? 'ontvangstbevestiging' : 'retour'} daarna is tegenstrijdig. Vraag het CJIB om opheldering.`,
      );
      continue;
    }
    const target: CaseStatus = m.type === 'ack' ? 'in_execution' : 'returned_from_cjib';
    if (caseStatus !== target && !canTransition(caseStatus, target)) {
      refuse(`zaak ${handoff.parketnummer}: ${transitionRefusal(caseStatus, target)}`);
      continue;
    }
    keysInFile.set(key, number);
    row.outcome = 'processed';
    if (m.type === 'ack') {
      handoff.status = 'acknowledged';
      const completesCase = executionCompletion(handoff.sanctions, handoff.executions).complete;
      state.caseStatus.set(handoff.caseId, completesCase ? 'completed' : 'in_execution');
      steps.push({ ...base, kind: 'ack', message: m, completesCase });
      row.message =
        `Ontvangst bevestigd (poging ${m.attempt}): zaak naar '${CASE_STATUS_LABELS.in_execution}'.` +
        (completesCase ? ` Er is niets ten uitvoer te leggen (alleen voorwaardelijke straffen of andere maatregelen): zaak naar '${CASE_STATUS_LABELS.completed}'.` : '');
    } else {
      handoff.status = 'returned';
      state.caseStatus.set(handoff.caseId, 'returned_from_cjib');
      steps.push({ ...base, kind: 'return', message: m });
      row.message = `Retour (poging ${m.attempt}): ${describeReturnReason(m.reasonCode, m.reasonText)}. Terug in de overdrachtswachtrij voor herstel (${handoff.returnCount + 1}e retour).`;
    }
  }
  return { steps, rows };
}
