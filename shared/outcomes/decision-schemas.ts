import { z } from 'zod';
import { MAX_ROW_ID } from '../api/row-id';
import { localDateSchema } from '../api/local-date';
import { CASE_STATUSES, HEARING_STATUSES } from '../domain/case-status';
import { HANDOFF_STATUSES } from '../domain/cjib';
import { MODALITIES } from '../domain/modality';
import { DECISION_KINDS, HEARING_OUTCOMES, REMEDIES, SANCTION_KINDS, SIGNAL_VALUES } from '../domain/outcome';
import { PRECONDITION_STATUSES } from '../domain/precondition';
import { DAYPARTS, SESSION_STATUSES, SESSION_TYPES } from '../domain/session';
import { conditionsSchema, decidedBySchema, instantSchema, signalsSchema } from './outcome-record';
import { expectedVersionSchema, versionSchema } from '../api/record-version';
import { addSanctionIssues, sanctionInputSchema } from './sanction-rules';

/** The zod schemas of the outcomes.* and decisions.* operations of shared/api/contract.ts. */

const id = z.number().int().positive().max(MAX_ROW_ID, 'Onbekend nummer');
const reasonSchema = (what: string) => z.string({ message: `Vul ${what} in` }).trim().min(3, `Vul ${what} in`).max(1000, 'De reden is te lang (max. 1000 tekens)');

export const sanctionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(SANCTION_KINDS),
  amountCents: z.number().int().nullable(),
  hours: z.number().int().nullable(),
  days: z.number().int().nullable(),
  conditional: z.boolean(),
  probationMonths: z.number().int().nullable(),
  substituteDetentionDays: z.number().int().nullable(),
  description: z.string().nullable(),
});

export const decisionSchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  caseId: z.number().int(),
  hearingId: z.number().int().nullable(),
  kind: z.enum(DECISION_KINDS),
  decidedAt: z.string(),
  decidedBy: z.string(),
  suspectPresent: z.boolean().nullable(),
  conditions: z.string().nullable(),
  judgmentSignedAt: z.string().nullable(),
  remedy: z.enum(REMEDIES),
  remedyFiledAt: z.string().nullable(),
  signals: z.object({
    fitForCommunityService: z.enum(SIGNAL_VALUES),
    fitForDetention: z.enum(SIGNAL_VALUES),
    paymentArrangement: z.enum(SIGNAL_VALUES),
    problematicDebts: z.enum(SIGNAL_VALUES),
    note: z.string().nullable(),
  }),
  recordedBy: z.string(),
  recordedAt: z.string(),
  sanctions: z.array(sanctionSchema),
  /** Null for a verdict without anything to enforce (acquittal, discharge, art. 9a Sr). */
  handoff: z
    .object({
      id: z.number().int(),
      status: z.enum(HANDOFF_STATUSES),
      correlationId: z.string(),
      attempt: z.number().int(),
      /** How many times CJIB returned it (the rework loop). */
      returnCount: z.number().int(),
      /** The latest return as 'R02 Bedrag of duur ontbreekt of is onjuist: ...'; null when never returned. */
      returnLabel: z.string().nullable(),
      /** The latest return's code and CJIB's text (what to repair: shared/cjib/return-reasons.ts returnFieldsOf). */
      returnCode: z.string().nullable(),
      returnReason: z.string().nullable(),
    })
    .nullable(),
  /** Whether the clerk may still correct it: not while CJIB has it (sent) or has accepted it. */
  correctable: z.boolean(),
});
export type DecisionView = z.infer<typeof decisionSchema>;

export const recordedOutcomeSchema = z.object({
  outcome: z.enum(HEARING_OUTCOMES),
  suspectPresent: z.boolean().nullable(),
  /** Why (adjourned, not appeared, withdrawn). */
  reason: z.string().nullable(),
  resumeFrom: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const rollSchema = z.object({
  session: z.object({
    id: z.number().int(),
    date: localDateSchema,
    daypart: z.enum(DAYPARTS),
    startTime: z.string(),
    endTime: z.string(),
    sessionType: z.enum(SESSION_TYPES),
    status: z.enum(SESSION_STATUSES),
    location: z.string(),
    room: z.string(),
    judgeName: z.string().nullable(),
    prosecutorName: z.string().nullable(),
  }),
  entries: z.array(
    z.object({
      hearingId: z.number().int(),
      hearingStatus: z.enum(HEARING_STATUSES),
      caseId: z.number().int(),
      /** The case's version: a correction of the outcome sends it back. */
      caseVersion: versionSchema,
      parketnummer: z.string(),
      caseStatus: z.enum(CASE_STATUSES),
      suspectName: z.string(),
      modality: z.enum(MODALITIES),
      offenceSummary: z.string(),
      outcome: recordedOutcomeSchema.nullable(),
      decision: decisionSchema.nullable(),
      /** The probation service's advice (3RO precondition) as far as known: the signals are recorded by a person from it. */
      probationAdvice: z.object({ status: z.enum(PRECONDITION_STATUSES), note: z.string().nullable() }).nullable(),
    }),
  ),
});
export type SessionRoll = z.infer<typeof rollSchema>;
export type RollEntry = SessionRoll['entries'][number];

export const rollInputSchema = z.object({ sessionId: id }).strict();

export const recordResultSchema = z.object({
  hearingId: z.number().int(),
  caseId: z.number().int(),
  outcome: z.enum(HEARING_OUTCOMES),
  decision: decisionSchema.nullable(),
});

export const penaltyOrderInputSchema = z
  .object({
    caseId: id,
    decidedBy: decidedBySchema,
    /** When the strafbeschikking was handed to the person (the verzet term runs from it). */
    deliveredAt: instantSchema,
    sanctions: z.array(sanctionInputSchema).min(1, 'Vul minstens één straf of maatregel van de strafbeschikking in').max(10, 'Hoogstens 10 straffen en maatregelen'),
    conditions: conditionsSchema,
    signals: signalsSchema,
  })
  .strict()
  .superRefine((d, ctx) => addSanctionIssues(ctx, d.sanctions, 'penalty_order'));

export const updateSignalsInputSchema = signalsSchema.extend({ decisionId: id, expectedVersion: expectedVersionSchema }).strict();

export const updateDecisionInputSchema = z
  .object({
    decisionId: id,
    sanctions: z.array(sanctionInputSchema).min(1, 'Vul minstens één straf of maatregel in').max(10, 'Hoogstens 10 straffen en maatregelen'),
    conditions: conditionsSchema,
    judgmentSignedAt: instantSchema.nullable(),
    remedy: z.enum(REMEDIES, { message: 'Kies het rechtsmiddel (geen, hoger beroep of verzet)' }),
    remedyFiledAt: instantSchema.nullable(),
    reason: reasonSchema('de reden van de correctie'),
    expectedVersion: expectedVersionSchema,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.remedy !== 'none' && d.remedyFiledAt === null) ctx.addIssue({ code: 'custom', path: ['remedyFiledAt'], message: 'Vul in wanneer het rechtsmiddel is ingesteld' });
    if (d.remedy === 'none' && d.remedyFiledAt !== null) ctx.addIssue({ code: 'custom', path: ['remedyFiledAt'], message: 'Zonder rechtsmiddel hoort er geen datum van instellen bij' });
  });

export const markSignedInputSchema = z.object({ decisionId: id, signedAt: instantSchema, expectedVersion: expectedVersionSchema }).strict();
export const decisionsForCaseInputSchema = z.object({ caseId: id }).strict();
