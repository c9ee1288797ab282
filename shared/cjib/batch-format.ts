import { instantOf } from '../calendar/amsterdam-time';
import type { DecisionKind, SanctionKind } from '../domain/outcome';

/*
 * The batch file Ketenplanner hands to CJIB, exchange format version 1 (docs/cjib-exchange.md, JSON
 * Schema docs/cjib/batch-v1.schema.json). The builder is deterministic: the same facts always give
 * the same bytes, so a batch can be rebuilt and re-sent byte for byte.
 */

export const BATCH_FORMAT = 'ketenplanner.cjib.batch';
export const BATCH_FORMAT_VERSION = 1;

export interface BatchSanction {
  sanctionId: number;
  kind: SanctionKind;
  amountCents: number | null;
  hours: number | null;
  days: number | null;
  conditional: boolean;
  probationMonths: number | null;
  substituteDetentionDays: number | null;
  description: string | null;
}

export interface BatchDecision {
  correlationId: string;
  attempt: number;
  parketnummer: string;
  decisionKind: DecisionKind;
  decidedAt: string;
  decidedBy: string;
  enforceableAt: string;
  suspectPresent: boolean | null;
  person: { fullName: string; dateOfBirth: string; address: string };
  sanctions: BatchSanction[];
  conditions: string | null;
}

export interface CjibBatch {
  format: typeof BATCH_FORMAT;
  version: typeof BATCH_FORMAT_VERSION;
  batchUid: string;
  createdAt: string;
  district: { code: string; name: string };
  decisions: BatchDecision[];
}

/** One decision as the database holds it; instants may carry any offset. */
export interface BatchDecisionSource {
  correlationId: string;
  attempt: number;
  parketnummer: string;
  decisionKind: DecisionKind;
  decidedAt: string;
  decidedBy: string;
  /** Epoch ms: the first moment the decision was final. */
  enforceableAt: number;
  suspectPresent: boolean | null;
  person: { fullName: string; dateOfBirth: string; address: string | null };
  sanctions: readonly BatchSanction[];
  conditions: string | null;
}

export interface BatchSource {
  batchUid: string;
  createdAt: string;
  district: { code: string; name: string };
  decisions: readonly BatchDecisionSource[];
}

const utc = (iso: string) => new Date(instantOf(iso)).toISOString();
const text = (value: string) => value.trim();
const optionalText = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

export function buildBatch(source: BatchSource): CjibBatch {
  const decisions = source.decisions
    .map(
      (d): BatchDecision => ({
        correlationId: d.correlationId,
        attempt: d.attempt,
        parketnummer: text(d.parketnummer),
        decisionKind: d.decisionKind,
        decidedAt: utc(d.decidedAt),
        decidedBy: text(d.decidedBy),
        enforceableAt: new Date(d.enforceableAt).toISOString(),
        suspectPresent: d.suspectPresent,
        person: { fullName: text(d.person.fullName), dateOfBirth: d.person.dateOfBirth, address: text(d.person.address ?? '') },
        sanctions: [...d.sanctions]
          .sort((a, b) => a.sanctionId - b.sanctionId)
          .map((s) => ({
            sanctionId: s.sanctionId,
            kind: s.kind,
            amountCents: s.amountCents,
            hours: s.hours,
            days: s.days,
            conditional: s.conditional,
            probationMonths: s.probationMonths,
            substituteDetentionDays: s.substituteDetentionDays,
            description: optionalText(s.description),
          })),
        conditions: optionalText(d.conditions),
      }),
    )
    .sort((a, b) => compare(a.parketnummer, b.parketnummer) || compare(a.correlationId, b.correlationId));
  return {
    format: BATCH_FORMAT,
    version: BATCH_FORMAT_VERSION,
    batchUid: source.batchUid,
    createdAt: utc(source.createdAt),
    district: { code: source.district.code, name: source.district.name },
    decisions,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The JSON file's text: two-space indent, one final newline (the checksum is taken over exactly this). */
export function batchJsonText(batch: CjibBatch): string {
  return `${JSON.stringify(batch, null, 2)}\n`;
}

export function batchFileNames(batchUid: string): { json: string; csv: string } {
  return { json: `ketenplanner-cjib-${batchUid}.json`, csv: `ketenplanner-cjib-${batchUid}.csv` };
}
