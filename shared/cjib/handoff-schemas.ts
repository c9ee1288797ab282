import { z } from 'zod';
import { expectedVersionSchema, versionSchema } from '../api/record-version';
import { HANDOFF_STATUSES } from '../domain/cjib';
import { DECISION_KINDS } from '../domain/outcome';
import { RETURN_REASON_CODES } from './return-reasons';

/** The API shapes of the hand-off queue, the batch export and the rework action (shared/api/contract.ts). */

/** Where a hand-off stands in the queue page: one group each. */
export const HANDOFF_GROUPS = ['waiting', 'blocked', 'ready', 'sent', 'returned'] as const;
export type HandoffGroup = (typeof HANDOFF_GROUPS)[number];

export const countdownSchema = z.object({
  dueAt: z.string(),
  overdue: z.boolean(),
  workingDays: z.number().int(),
  hours: z.number().int(),
  text: z.string(),
});

export const handoffQueueItemSchema = z.object({
  handoffId: z.number().int(),
  /** The hand-off's version: marking it reworked sends it back. */
  version: versionSchema,
  decisionId: z.number().int(),
  caseId: z.number().int(),
  parketnummer: z.string(),
  suspectName: z.string(),
  decisionKind: z.enum(DECISION_KINDS),
  decidedAt: z.string(),
  decidedBy: z.string(),
  status: z.enum(HANDOFF_STATUSES),
  group: z.enum(HANDOFF_GROUPS),
  attempt: z.number().int(),
  returnCount: z.number().int(),
  /** In words: 'Onherroepelijk sinds wo 15 apr', 'Hoger beroep mogelijk tot di 14 apr', ... */
  enforceability: z.string(),
  enforceableAt: z.string().nullable(),
  problems: z.array(z.object({ code: z.enum(RETURN_REASON_CODES), message: z.string(), timing: z.boolean() })),
  /** Judgments only: the signed judgment from court to OM (Wet USB), done or counting down. */
  judgmentToOm: z.object({ signedAt: z.string().nullable(), countdown: countdownSchema.nullable() }).nullable(),
  /** OM -> CJIB within the chain term after the decision became final; null once sent or when unknown. */
  toCjib: countdownSchema.nullable(),
  sentAt: z.string().nullable(),
  sentSince: z.string().nullable(),
  lastBatchUid: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnCode: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** 'R02 Bedrag of duur ontbreekt of is onjuist: ...' */
  returnLabel: z.string().nullable(),
});
export type HandoffQueueItem = z.infer<typeof handoffQueueItemSchema>;

export const cjibBatchSummarySchema = z.object({
  batchUid: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  decisionCount: z.number().int(),
});

export const handoffQueueSchema = z.object({
  items: z.array(handoffQueueItemSchema),
  counts: z.record(z.enum(HANDOFF_GROUPS), z.number().int()),
  /** The latest batches, newest first. */
  batches: z.array(cjibBatchSummarySchema),
});
export type HandoffQueue = z.infer<typeof handoffQueueSchema>;

/** One batch holds at most this many chosen hand-offs (bounds the request; SQLite's variable limit is 32,766). */
export const MAX_EXPORT_IDS = 5000;

export const cjibExportInputSchema = z
  .object({
    /** Omitted: every hand-off that is ready. */
    handoffIds: z
      .array(z.number().int().positive())
      .min(1, 'Kies ten minste één beslissing')
      .max(MAX_EXPORT_IDS, `Kies hoogstens ${MAX_EXPORT_IDS} beslissingen per batch`)
      .refine((ids) => new Set(ids).size === ids.length, 'Een beslissing is twee keer gekozen')
      .optional(),
  })
  .strict();

export const cjibBatchFilesSchema = z.object({
  batchUid: z.string(),
  createdAt: z.string(),
  decisionCount: z.number().int(),
  checksum: z.string(),
  json: z.object({ fileName: z.string(), text: z.string() }),
  csv: z.object({ fileName: z.string(), text: z.string() }),
});
export type CjibBatchFiles = z.infer<typeof cjibBatchFilesSchema>;

export const cjibResendInputSchema = z
  .object({ batchUid: z.string().max(64, 'Batchnummer (UUID) is ongeldig').trim().regex(/^[0-9a-f-]{36}$/i, 'Batchnummer (UUID) is ongeldig') })
  .strict();

export const cjibReworkInputSchema = z
  .object({
    handoffId: z.number().int().positive(),
    reason: z.string().trim().min(3, 'Vul in wat er is hersteld (reden)').max(1000, 'Reden is te lang (ten hoogste 1000 tekens)'),
    expectedVersion: expectedVersionSchema,
  })
  .strict();

export const cjibReworkResultSchema = z.object({ handoffId: z.number().int(), status: z.enum(HANDOFF_STATUSES) });
