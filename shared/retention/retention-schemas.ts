import { z } from 'zod';
import { CASE_STATUSES } from '../domain/case-status';
import { MODALITIES } from '../domain/modality';
import { expectedVersionSchema, versionSchema } from '../api/record-version';
import { retentionTermSchema } from './retention';

/** Messages come from the form's label (renderer/src/forms/validate-input.ts), so none is set here. */
const reasonSchema = z.string().trim().min(3).max(1000);

/** The retention operations of the contract (docs/retention.md). */
export const retentionPreviewInputSchema = z.object({ limit: z.number().int().min(1).max(100_000).default(200) }).strict();

export const retentionPreviewSchema = z.object({
  term: retentionTermSchema,
  defaultTerm: retentionTermSchema,
  /** Cases finished before this Amsterdam day are past the term. */
  cutoff: z.string(),
  finishedStatuses: z.array(z.enum(CASE_STATUSES)),
  finishedCount: z.number().int(),
  pseudonymisedCount: z.number().int(),
  heldBackCount: z.number().int(),
  dueCount: z.number().int(),
  /** The first `limit` cases past the term, oldest first: no personal data. */
  cases: z.array(z.object({ caseId: z.number().int(), parketnummer: z.string(), status: z.enum(CASE_STATUSES), modality: z.enum(MODALITIES), finishedAt: z.string() })),
  /** The settings' version, for `retention.setTerm`. */
  version: versionSchema,
  /** Rows of the log of reads of personal data past their own term: `retention.apply` removes them too (docs/disclosures.md). */
  disclosuresDueCount: z.number().int(),
});

export const retentionApplyInputSchema = z.object({ reason: reasonSchema }).strict();

export const retentionApplySchema = z.object({
  pseudonymised: z.number().int(),
  caseIds: z.array(z.number().int()),
  scrubbedAuditRows: z.number().int(),
  cutoff: z.string(),
  termMonths: z.number().int(),
  /** Rows of the log of reads of personal data removed as past their own term (docs/disclosures.md). */
  disclosuresRemoved: z.number().int(),
});

export const retentionSetTermInputSchema = retentionTermSchema.extend({ reason: reasonSchema, expectedVersion: expectedVersionSchema }).strict();
