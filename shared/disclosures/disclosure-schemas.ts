import { z } from 'zod';
import { localDateSchema } from '../api/local-date';
import { expectedVersionSchema, versionSchema } from '../api/record-version';
import { ROLES } from '../domain/roles';

/**
 * The log of reads of personal data (issue 13 item 5; docs/disclosures.md): which operations are
 * traced is decided in shared/api/disclosures.ts; these are the administrator's operations on it.
 */

/**
 * How long a row of the log is kept. Neither the design notes (LEGAL-RULES.md) nor the Wjsg and the
 * Besluit justitiële en strafvorderlijke gegevens name a term for the log of a planning copy;
 * Richtlijn (EU) 2016/680 art. 25 asks for the logs (consultation and disclosure) without setting one,
 * and art. 4 lid 1 onder e limits keeping them to what the purpose (verifying the lawfulness of reads)
 * needs. The default of 36 months is a choice, not a statutory term: longer than the term of the
 * personal data of a finished case (12 months, docs/retention.md), so a read can still be traced after
 * the data itself is gone, and long enough for a complaint or the supervisor's question about the
 * period after. The district's privacy officer (FG) confirms it or sets another (`confirmed`).
 */
export const disclosureTermSchema = z
  .object({
    months: z.number().int().min(1).max(240),
    confirmed: z.boolean(),
  })
  .strict();
export type DisclosureTerm = z.infer<typeof disclosureTermSchema>;

export const DEFAULT_DISCLOSURE_TERM: Readonly<DisclosureTerm> = Object.freeze({ months: 36, confirmed: false });

/** At most this many rows per page of `disclosures.list`. */
export const DISCLOSURES_PAGE_MAX = 500;

export const disclosuresListInputSchema = z
  .object({
    /** The case's parketnummer, exactly (as the case page shows it). */
    parketnummer: z.string().trim().max(40).optional(),
    /** Who read: the actor as recorded, exactly. */
    actor: z.string().trim().max(200).optional(),
    /** First and last Amsterdam day of the period (inclusive). */
    from: localDateSchema.optional(),
    to: localDateSchema.optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(DISCLOSURES_PAGE_MAX).default(50),
  })
  .strict();

export const disclosureRowSchema = z.object({
  id: z.number().int(),
  readAt: z.string(),
  actor: z.string(),
  roles: z.array(z.enum(ROLES)),
  operation: z.string(),
  caseId: z.number().int(),
  /** The case's parketnummer now; null when the case no longer exists. */
  parketnummer: z.string().nullable(),
});
export type DisclosureRow = z.infer<typeof disclosureRowSchema>;

export const disclosuresListSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(disclosureRowSchema),
  term: disclosureTermSchema,
  defaultTerm: disclosureTermSchema,
  /** Rows read before this Amsterdam day are past the term (removed by `retention.apply`). */
  cutoff: z.string(),
  /** The settings' version, for `disclosures.setTerm`. */
  version: versionSchema,
});

export const disclosuresSetTermInputSchema = disclosureTermSchema.extend({ reason: z.string().trim().min(3).max(1000), expectedVersion: expectedVersionSchema }).strict();
