import { asc, eq, inArray } from 'drizzle-orm';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { dutchDay } from '../../../shared/cjib/dutch-day';
import { enforceabilityOf, REMEDY_OF_KIND } from '../../../shared/cjib/enforceability';
import { EXECUTION_STATUS_LABELS, executionCompletion, throughputDays } from '../../../shared/cjib/execution-rules';
import { describeReturnReason } from '../../../shared/cjib/return-reasons';
import { SANCTION_LABELS } from '../../../shared/cjib/sanction-rules';
import type { OperationOutput } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import {
  cjibBatches,
  cjibBatchItems,
  cjibHandoffs,
  cjibMessages,
  courtSessions,
  criminalCases,
  decisions,
  hearingOutcomes,
  hearings,
  sanctionExecutions,
  sanctions,
  zsmDecisions,
} from '../../../db/schema';
import { ServiceError } from '../service-error';
import { caseAuditTrail } from './case-history';
import { loadDeadlineContext } from '../settings/district-settings';
import { deadlinesOf, utc } from './derived-columns';
import { firstRow } from '../context/query-results';

export type CaseTimeline = OperationOutput<'cases.timeline'>;
type Entry = CaseTimeline['entries'][number];

const ZSM_LABELS: Record<string, string> = {
  strafbeschikking: 'strafbeschikking (OM)',
  sepot: 'sepot',
  summons_supersnelrecht: 'dagvaarden, supersnelrecht',
  summons_snelrecht: 'dagvaarden, snelrecht gedetineerd',
  summons_snelrecht_nd: 'dagvaarden, snelrecht niet-gedetineerd',
  other_route: 'andere afdoening',
};
const OUTCOME_LABELS: Record<string, string> = {
  decided: 'Zaak behandeld ter zitting',
  adjourned: 'Zaak aangehouden ter zitting',
  not_appeared: 'Verdachte niet verschenen',
  withdrawn: 'Zaak ter zitting ingetrokken',
};
/** Audit actions of others that belong on the timeline; the rest is in the tables or not a step in the chain. */
const AUDIT_LABELS: Record<string, string> = {
  'case.created': 'Zaak ingevoerd',
  'case.events_changed': 'Tijdstippen van de zaak gecorrigeerd',
  'case.details_changed': 'Gegevens van verdachte of zaak gecorrigeerd',
  'case.modality_changed': 'Modaliteit gewijzigd',
  'case.penalty_order_delivered': 'Strafbeschikking uitgereikt',
  'hearing.planned': 'Zitting gepland',
  'hearing.moved': 'Zitting verplaatst',
  'hearing.unplanned': 'Uit de planning gehaald',
  'outcome.corrected': 'Uitkomst van de zitting gecorrigeerd',
  'decision.corrected': 'Beslissing gecorrigeerd',
  'decision.signals_updated': 'Executiesignalen bijgewerkt',
  'cjib.handoff_created': 'In de overdrachtswachtrij voor het CJIB gezet',
  'cjib.handoff_withdrawn': 'Uit de overdrachtswachtrij gehaald',
  'cjib.handoff_reworked': 'Hersteld na retour: wacht op nieuwe verzending',
};
const STATUS_STEP_LABELS: Record<string, string> = {
  withdrawn: 'Zaak ingetrokken',
  completed: 'Zaak afgerond',
};

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const sessionMoment = (date: string, startTime: string) => {
  const [h, m] = startTime.split(':').map(Number) as [number, number];
  return new Date(fromAmsterdamLocal(date, h, m)).toISOString();
};
const sessionText = (s: { date: string; startTime: string } | undefined) => (s ? ` op ${dutchDay(s.date)} ${s.date.slice(0, 4)} ${s.startTime}` : '');

type SanctionRow = typeof sanctions.$inferSelect;

/** 'Geldboete € 450,00, 9 dagen vervangende hechtenis' — as the timeline names a sanction. */
export function describeSanction(s: SanctionRow): string {
  const parts: string[] = [SANCTION_LABELS[s.kind]];
  if (s.amountCents !== null) parts.push(euro.format(s.amountCents / 100));
  if (s.hours !== null) parts.push(`${s.hours} uur`);
  if (s.days !== null) parts.push(`${s.days} dagen`);
  if (s.description) parts.push(s.description);
  let text = parts.join(' ');
  if (s.conditional) text += `, voorwaardelijk${s.probationMonths ? ` (proeftijd ${s.probationMonths} maanden)` : ''}`;
  if (s.substituteDetentionDays !== null) text += `, ${s.substituteDetentionDays} dagen vervangende hechtenis`;
  return text;
}

/**
 * A case from offence to completed execution, oldest first: the legal events on the case, the ZSM
 * decision, each hearing planned, moved and held, the decision with its sanctions, signing and
 * enforceability, every hand-off to CJIB and CJIB's answers, each execution status, completion.
 * Built from the tables and the audit trail; `now` decides whether a decision has become final yet.
 */
export async function getCaseTimeline(db: AppDatabase, caseId: number, now: Date): Promise<CaseTimeline> {
  const c = firstRow(await db.select().from(criminalCases).where(eq(criminalCases.id, caseId)));
  if (!c) throw new ServiceError('NOT_FOUND', `Zaak ${caseId} bestaat niet.`);
  const entries: Entry[] = [];
  const add = (at: string | null | undefined, kind: string, what: string, who: string | null = null, why: string | null = null) => {
    const instant = utc(at);
    if (instant) entries.push({ at: instant, kind, what, who, why });
  };

  add(c.offenceAt, 'offence', `Strafbaar feit: ${c.offenceSummary}`, c.policeUnit);
  add(c.arrestedAt, 'arrest', 'Verdachte aangehouden', c.policeUnit);
  add(c.custodyOrderedAt, 'custody_ordered', 'In verzekering gesteld');
  add(c.custodyExtendedAt, 'custody_extended', 'Inverzekeringstelling verlengd');
  add(c.remandOrderedAt, 'remand_ordered', 'Bewaring bevolen door de rechter-commissaris');
  add(c.summonsServedAt, 'summons_served', 'Dagvaarding betekend');
  for (const z of (await db.select().from(zsmDecisions).where(eq(zsmDecisions.caseId, caseId)).orderBy(asc(zsmDecisions.id)))) {
    add(z.decidedAt, 'zsm_decision', `ZSM-beslissing: ${ZSM_LABELS[z.outcome] ?? z.outcome}`, z.prosecutorName, z.reason);
  }

  const caseHearings = (await db
    .select({ id: hearings.id, status: hearings.status, date: courtSessions.date, startTime: courtSessions.startTime })
    .from(hearings)
    .innerJoin(courtSessions, eq(courtSessions.id, hearings.sessionId))
    .where(eq(hearings.caseId, caseId)));
  const hearingIds = caseHearings.map((h) => h.id);
  const outcomes = hearingIds.length ? (await db.select().from(hearingOutcomes).where(inArray(hearingOutcomes.hearingId, hearingIds))) : [];
  let firstHearingAt: string | null = null;
  for (const o of outcomes) {
    const h = caseHearings.find((x) => x.id === o.hearingId)!;
    const at = sessionMoment(h.date, h.startTime);
    if (o.outcome !== 'withdrawn' && (firstHearingAt === null || at < firstHearingAt)) firstHearingAt = at;
    const presence = o.suspectPresent === null ? '' : o.suspectPresent ? ' (verdachte aanwezig)' : ' (verdachte niet aanwezig)';
    const resume = o.resumeFrom ? ` Opnieuw te plannen vanaf ${dutchDay(o.resumeFrom)} ${o.resumeFrom.slice(0, 4)}.` : '';
    const why = [o.adjournmentReason, o.note].filter(Boolean).join(' — ') || null;
    add(at, `hearing_${o.outcome}`, `${OUTCOME_LABELS[o.outcome] ?? o.outcome}${presence}.${resume}`, o.recordedBy, why);
  }
  if (firstHearingAt === null) {
    const held = caseHearings.filter((h) => h.status === 'held').map((h) => sessionMoment(h.date, h.startTime)).sort()[0];
    firstHearingAt = held ?? null;
  }

  const caseDecisions = (await db.select().from(decisions).where(eq(decisions.caseId, caseId)).orderBy(asc(decisions.id)));
  const decisionIds = caseDecisions.map((d) => d.id);
  const caseSanctions = decisionIds.length ? (await db.select().from(sanctions).where(inArray(sanctions.decisionId, decisionIds)).orderBy(asc(sanctions.id))) : [];
  const deadlines = caseDecisions.length ? deadlinesOf(c, await loadDeadlineContext(db)) : null;
  for (const d of caseDecisions) {
    const own = caseSanctions.filter((s) => s.decisionId === d.id);
    const kind = d.kind === 'judgment' ? 'Vonnis' : 'Strafbeschikking';
    add(d.decidedAt, 'decision', `${kind}: ${own.map(describeSanction).join('; ') || 'geen sancties'}`, d.decidedBy, d.conditions ? `Bijzondere voorwaarden: ${d.conditions}` : null);
    add(d.judgmentSignedAt, 'judgment_signed', 'Getekend vonnis overgedragen aan het OM');
    if (d.remedy !== 'none') add(d.remedyFiledAt, 'remedy_filed', d.remedy === 'appeal' ? 'Hoger beroep ingesteld' : 'Verzet gedaan');
    const enforceability = enforceabilityOf(d, deadlines!, now.getTime());
    if (enforceability.state === 'enforceable') {
      add(new Date(enforceability.enforceableAt).toISOString(), 'enforceable', `Onherroepelijk: de termijn voor ${REMEDY_OF_KIND[d.kind]} is op ${dutchDay(enforceability.termLastDay)} ongebruikt verstreken`);
    }
  }

  const handoffRows = decisionIds.length ? (await db.select().from(cjibHandoffs).where(inArray(cjibHandoffs.decisionId, decisionIds))) : [];
  const handoffIds = handoffRows.map((h) => h.id);
  const batchRows = handoffIds.length
    ? (await db
        .select({ batchId: cjibBatches.id, batchUid: cjibBatches.batchUid, createdAt: cjibBatches.createdAt, createdBy: cjibBatches.createdBy, attempt: cjibBatchItems.attempt })
        .from(cjibBatchItems)
        .innerJoin(cjibBatches, eq(cjibBatches.id, cjibBatchItems.batchId))
        .where(inArray(cjibBatchItems.handoffId, handoffIds)))
    : [];
  for (const b of batchRows) add(b.createdAt, 'handoff_sent', `Overgedragen aan het CJIB: batch ${b.batchUid.slice(0, 8)}, poging ${b.attempt}`, b.createdBy);

  // The case's history as the case page shows it (case-history.ts); the timeline keeps the steps of the chain.
  const audit = await caseAuditTrail(db, caseId);
  const outdated = new Set(audit.filter((e) => e.action === 'cjib.outdated_message_recorded').map((e) => (e.details as { messageId?: number } | null)?.messageId));
  const auditSessionIds = [...new Set(audit.flatMap((e) => sessionIdsOf(e.details)))];
  const sessionsById = new Map(
    (auditSessionIds.length
      ? (await db.select({ id: courtSessions.id, date: courtSessions.date, startTime: courtSessions.startTime }).from(courtSessions).where(inArray(courtSessions.id, auditSessionIds)))
      : []
    ).map((s) => [s.id, s]),
  );
  let completedAudit: string | null = null;
  for (const e of audit) {
    const details = (e.details ?? {}) as Record<string, unknown>;
    if (e.action === 'case.status_changed') {
      const to = String(details['to']);
      if (to === 'awaiting_planning') {
        const from = String(details['from']);
        const what = from === 'intake' || from === 'zsm_decided' ? 'Vrijgegeven voor planning' : from === 'adjourned' ? 'Na aanhouding terug in de planningswachtrij' : 'Terug in de planningswachtrij';
        add(e.occurredAt, 'released_to_planning', what, e.actor, e.reason);
      } else if (STATUS_STEP_LABELS[to]) {
        if (to === 'completed') completedAudit = e.occurredAt;
        add(e.occurredAt, to === 'completed' ? 'completed' : 'withdrawn', STATUS_STEP_LABELS[to]!, e.actor, e.reason);
      }
      continue;
    }
    if (e.action === 'cjib.batch_resent') {
      add(e.occurredAt, 'batch_resent', `Batch ${String(details['batchUid'] ?? '').slice(0, 8)} opnieuw aangemaakt (zelfde inhoud)`, e.actor, e.reason);
      continue;
    }
    const label = AUDIT_LABELS[e.action];
    if (!label) continue;
    const session = sessionsById.get(Number(details['toSessionId'] ?? details['sessionId']));
    const what = e.action === 'hearing.planned' || e.action === 'hearing.moved' ? `${label}${e.action === 'hearing.moved' ? ' naar' : ''}${sessionText(session)}` : label;
    const at = e.action === 'case.penalty_order_delivered' && typeof details['penaltyOrderDeliveredAt'] === 'string' ? details['penaltyOrderDeliveredAt'] : e.occurredAt;
    add(at, e.action.replace('.', '_'), what, e.actor, e.reason);
  }

  const messages = handoffIds.length ? (await db.select().from(cjibMessages).where(inArray(cjibMessages.handoffId, handoffIds)).orderBy(asc(cjibMessages.id))) : [];
  const executions = messages.length ? (await db.select().from(sanctionExecutions).where(inArray(sanctionExecutions.messageId, messages.map((m) => m.id)))) : [];
  for (const m of messages) {
    const who = `CJIB (ingelezen door ${m.importedBy} uit ${m.fileName})`;
    const payload = (m.payload ?? {}) as Record<string, unknown>;
    const old = outdated.has(m.id) ? ' — verouderd: er was al een nieuwere poging verzonden, er is niets gewijzigd' : '';
    if (m.kind === 'ack') add(m.occurredAt, 'cjib_ack', `Ontvangst bevestigd door het CJIB (poging ${m.attempt})${old}`, who);
    else if (m.kind === 'return') {
      const reason = describeReturnReason(String(payload['reasonCode'] ?? '?'), typeof payload['reasonText'] === 'string' ? payload['reasonText'] : null);
      add(m.occurredAt, 'cjib_return', `Retour van het CJIB (poging ${m.attempt})${old}`, who, reason);
    } else {
      const e = executions.find((x) => x.messageId === m.id);
      const s = e && caseSanctions.find((x) => x.id === e.sanctionId);
      if (e && s) add(m.occurredAt, 'execution', `Executie ${SANCTION_LABELS[s.kind].toLowerCase()} (sanctie ${s.id}): ${EXECUTION_STATUS_LABELS[e.status]}`, who);
    }
  }

  // Completed execution: when the last sanction reached its end, or, with nothing to execute, when the case closed.
  let completedAt: string | null = null;
  if (c.status === 'completed' && handoffRows.length > 0) {
    const completion = executionCompletion(
      caseSanctions.map((s) => ({ id: s.id, kind: s.kind, conditional: s.conditional })),
      executions.map((e) => ({ sanctionId: e.sanctionId, status: e.status, occurredAt: e.occurredAt })),
    );
    completedAt = completion.completedAt ?? completedAudit;
  }
  const startedAt = utc(c.offenceAt ?? c.arrestedAt);
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    caseId,
    parketnummer: c.parketnummer,
    entries,
    throughput: {
      startedAt,
      firstHearingAt,
      completedAt,
      arrestToHearingDays: throughputDays(utc(c.arrestedAt), firstHearingAt),
      offenceToCompletedDays: throughputDays(startedAt, completedAt),
    },
  };
}

function sessionIdsOf(details: unknown): number[] {
  const d = (details ?? {}) as Record<string, unknown>;
  return [d['sessionId'], d['toSessionId']].filter((v): v is number => typeof v === 'number');
}
