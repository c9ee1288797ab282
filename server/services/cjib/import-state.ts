import { eq, inArray } from 'drizzle-orm';
import type { ExecutionFact, SanctionFacts } from '../../../shared/cjib/execution-rules';
import type { CaseStatus } from '../../../shared/domain/case-status';
import type { HandoffStatus } from '../../../shared/domain/cjib';
import type { AppDatabase } from '../../../db/open-database';
import { cjibHandoffs, cjibMessages, criminalCases, decisions, sanctionExecutions, sanctions } from '../../../db/schema';

type Reader = Pick<AppDatabase, 'select'>;

/** What the import needs to know about one hand-off; status fields change as the file is checked. */
export interface HandoffState {
  id: number;
  correlationId: string;
  status: HandoffStatus;
  /** The attempt last sent (0 = never sent). */
  attempt: number;
  returnCount: number;
  decisionId: number;
  caseId: number;
  parketnummer: string;
  sanctions: SanctionFacts[];
  executions: ExecutionFact[];
}

export interface ImportState {
  handoffs: Map<string, HandoffState>;
  /** Case status per case id, as it will be after the messages checked so far. */
  caseStatus: Map<number, CaseStatus>;
  /** Keys already imported, with where they came from. */
  knownKeys: Map<string, { fileName: string; importedAt: string }>;
}

const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** Loads the hand-offs, cases, sanctions, executions and known message keys a file refers to. */
export async function loadImportState(db: Reader, correlationIds: readonly string[], keys: readonly string[]): Promise<ImportState> {
  const handoffs = new Map<string, HandoffState>();
  const caseStatus = new Map<number, CaseStatus>();
  for (const ids of chunks([...new Set(correlationIds)])) {
    const rows = (await db
      .select({ h: cjibHandoffs, caseId: decisions.caseId, parketnummer: criminalCases.parketnummer, caseStatus: criminalCases.status })
      .from(cjibHandoffs)
      .innerJoin(decisions, eq(decisions.id, cjibHandoffs.decisionId))
      .innerJoin(criminalCases, eq(criminalCases.id, decisions.caseId))
      .where(inArray(cjibHandoffs.correlationId, ids)));
    for (const { h, caseId, parketnummer, caseStatus: status } of rows) {
      handoffs.set(h.correlationId.toLowerCase(), {
        id: h.id,
        correlationId: h.correlationId,
        status: h.status,
        attempt: h.attempt,
        returnCount: h.returnCount,
        decisionId: h.decisionId,
        caseId,
        parketnummer,
        sanctions: [],
        executions: [],
      });
      caseStatus.set(caseId, status);
    }
  }
  const byDecision = new Map([...handoffs.values()].map((h) => [h.decisionId, h]));
  const bySanction = new Map<number, HandoffState>();
  for (const ids of chunks([...byDecision.keys()])) {
    for (const s of (await db.select({ id: sanctions.id, decisionId: sanctions.decisionId, kind: sanctions.kind, conditional: sanctions.conditional }).from(sanctions).where(inArray(sanctions.decisionId, ids)))) {
      const handoff = byDecision.get(s.decisionId)!;
      handoff.sanctions.push({ id: s.id, kind: s.kind, conditional: s.conditional });
      bySanction.set(s.id, handoff);
    }
  }
  for (const ids of chunks([...bySanction.keys()])) {
    for (const e of (await db.select().from(sanctionExecutions).where(inArray(sanctionExecutions.sanctionId, ids)))) {
      bySanction.get(e.sanctionId)!.executions.push({ sanctionId: e.sanctionId, status: e.status, occurredAt: e.occurredAt });
    }
  }
  const knownKeys = new Map<string, { fileName: string; importedAt: string }>();
  for (const part of chunks([...new Set(keys)])) {
    for (const m of (await db.select({ key: cjibMessages.messageKey, fileName: cjibMessages.fileName, importedAt: cjibMessages.importedAt }).from(cjibMessages).where(inArray(cjibMessages.messageKey, part)))) {
      knownKeys.set(m.key, { fileName: m.fileName, importedAt: m.importedAt });
    }
  }
  return { handoffs, caseStatus, knownKeys };
}
