import { z } from 'zod';
import { AGREEMENT_STATUSES, SIGNAL_STATUSES } from '../domain/review';
import { localDateSchema } from '../api/local-date';
import { isValidLocalDate } from '../calendar/local-date';
import { REVIEW_PERIOD_PATTERN } from '../metrics/review-period';

/** A four-month review period: 'YYYY-T1' (Jan-Apr), 'YYYY-T2' (May-Aug), 'YYYY-T3' (Sep-Dec). */
export const reviewPeriodSchema = z
  .string()
  .max(20, 'Periode: kies een periode als 2026-T3 (T1 = jan-apr, T2 = mei-aug, T3 = sep-dec)')
  .trim()
  .regex(REVIEW_PERIOD_PATTERN, 'Periode: kies een periode als 2026-T3 (T1 = jan-apr, T2 = mei-aug, T3 = sep-dec)');

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((v) => (v ? v : null));

/** A calendar date whose message names the field. */
const dateField = (field: string) =>
  z
    .string()
    .max(10, { message: `${field}: vul een geldige datum in (JJJJ-MM-DD)` })
    .refine(isValidLocalDate, { message: `${field}: vul een geldige datum in (JJJJ-MM-DD)` });

const reason = optionalText(1000, 'Reden: ten hoogste 1000 tekens');

/** One status change (or the creation) of an agreement or signal: who, when, why. */
export const registerChangeSchema = z.object({
  occurredAt: z.string(),
  actor: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
});

export const agreementSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  what: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  evidence: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /** Still open (or in progress) after its due date. */
  overdue: z.boolean(),
  /** Made in an earlier period and still open: carried over into this period's list. */
  carriedOver: z.boolean(),
  history: z.array(registerChangeSchema),
});

export const agreementsListInputSchema = z
  .object({
    /** Omitted: every agreement. Given: those made in the period plus earlier ones still open. */
    period: reviewPeriodSchema.optional(),
  })
  .strict();

export const agreementsListSchema = z.object({ today: localDateSchema, agreements: z.array(agreementSchema) });

export const saveAgreementInputSchema = z
  .object({
    id: z.number().int().positive().nullish(),
    period: reviewPeriodSchema,
    what: z.string().trim().min(3, 'Afspraak: beschrijf wat is afgesproken (minstens 3 tekens)').max(2000, 'Afspraak: ten hoogste 2000 tekens'),
    owner: z.string().trim().min(2, 'Wie: vul de verantwoordelijke organisatie of rol in').max(200, 'Wie: ten hoogste 200 tekens'),
    dueOn: dateField('Uiterlijk'),
    status: z.enum(AGREEMENT_STATUSES, { message: 'Status: kies open, bezig, afgerond of vervallen' }),
    evidence: optionalText(2000, 'Bewijs: ten hoogste 2000 tekens'),
    reason,
  })
  .strict();

export const signalSchema = z.object({
  id: z.number().int(),
  raisedOn: z.string(),
  raisedBy: z.string(),
  description: z.string(),
  status: z.enum(SIGNAL_STATUSES),
  actionTaken: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /** Raised before the period and still open: carried over into this period's list. */
  carriedOver: z.boolean(),
  history: z.array(registerChangeSchema),
});

export const signalsListInputSchema = agreementsListInputSchema;
export const signalsListSchema = z.object({ today: localDateSchema, signals: z.array(signalSchema) });

export const saveSignalInputSchema = z
  .object({
    id: z.number().int().positive().nullish(),
    raisedOn: dateField('Gemeld op'),
    raisedBy: z.string().trim().min(2, 'Gemeld door: vul de rol of het team in').max(200, 'Gemeld door: ten hoogste 200 tekens'),
    description: z.string().trim().min(3, 'Knelpunt: beschrijf het knelpunt (minstens 3 tekens)').max(2000, 'Knelpunt: ten hoogste 2000 tekens'),
    status: z.enum(SIGNAL_STATUSES, { message: 'Status: kies open, in behandeling, opgelost of niet opgepakt' }),
    actionTaken: optionalText(2000, 'Actie: ten hoogste 2000 tekens'),
    reason,
  })
  .strict();

export type Agreement = z.infer<typeof agreementSchema>;
export type WorkSignal = z.infer<typeof signalSchema>;
export type RegisterChange = z.infer<typeof registerChangeSchema>;
