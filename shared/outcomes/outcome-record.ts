import { z } from 'zod';
import { parseOffsetDateTime } from '../calendar/amsterdam-time';
import { isValidLocalDate } from '../calendar/local-date';
import { SIGNAL_VALUES } from '../domain/outcome';
import { expectedVersionSchema } from '../api/record-version';
import { addSanctionIssues, sanctionInputSchema } from './sanction-rules';

/**
 * What the clerk records for one hearing. 'decided' needs the judge, whether the suspect was there,
 * and either at least one sanction or an explicit verdict without punishment.
 */

/** 'sanctions': a sanction or measure is imposed; the others end the case without anything to enforce. */
export const VERDICTS = ['sanctions', 'acquittal', 'discharge', 'guilty_no_punishment'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How a verdict without punishment is stored: one 'other_measure' sanction with this description. */
export const VERDICT_DESCRIPTIONS: Record<Exclude<Verdict, 'sanctions'>, string> = {
  acquittal: 'Vrijspraak',
  discharge: 'Ontslag van alle rechtsvervolging',
  guilty_no_punishment: 'Schuldigverklaring zonder oplegging van straf (art. 9a Sr)',
};

/** The verdict a stored set of sanctions stands for (the inverse of VERDICT_DESCRIPTIONS). */
export function verdictOf(sanctions: readonly { kind: string; description: string | null }[]): Verdict {
  if (sanctions.length === 1 && sanctions[0]!.kind === 'other_measure') {
    const entry = Object.entries(VERDICT_DESCRIPTIONS).find(([, text]) => text === sanctions[0]!.description);
    if (entry) return entry[0] as Verdict;
  }
  return 'sanctions';
}

/** An ISO-8601 moment with its offset. */
export const instantSchema = z
  .string()
  .max(40, 'Geen geldig tijdstip (ISO-8601 met tijdzone)')
  .refine((v) => parseOffsetDateTime(v).ok, 'Geen geldig tijdstip (ISO-8601 met tijdzone)');

const reasonSchema = (what: string) => z.string({ message: `Vul ${what} in` }).trim().min(3, `Vul ${what} in`).max(1000, 'De reden is te lang (max. 1000 tekens)');
const noteSchema = z.string().trim().max(1000, 'De notitie is te lang (max. 1000 tekens)').nullable().optional();
export const decidedBySchema = z
  .string({ message: 'Vul in wie de beslissing nam (naam rechter of officier)' })
  .trim()
  .min(2, 'Vul in wie de beslissing nam (naam rechter of officier)')
  .max(120, 'De naam van wie besliste is te lang (max. 120 tekens)');
export const conditionsSchema = z.string().trim().max(2000, 'De bijzondere voorwaarden zijn te lang (max. 2000 tekens)').nullable();

/** The four advisory executability signals: recorded by a person as yes / no / unknown, never computed. */
export const signalsSchema = z
  .object({
    fitForCommunityService: z.enum(SIGNAL_VALUES, { message: 'Kies ja, nee of onbekend bij geschikt voor taakstraf' }),
    fitForDetention: z.enum(SIGNAL_VALUES, { message: 'Kies ja, nee of onbekend bij detentiegeschikt' }),
    paymentArrangement: z.enum(SIGNAL_VALUES, { message: 'Kies ja, nee of onbekend bij betalingsregeling' }),
    problematicDebts: z.enum(SIGNAL_VALUES, { message: 'Kies ja, nee of onbekend bij problematische schulden' }),
    note: z.string().trim().max(1000, 'De toelichting bij de signalen is te lang (max. 1000 tekens)').nullable(),
  })
  .strict();
export type Signals = z.output<typeof signalsSchema>;
export const UNKNOWN_SIGNALS: Signals = { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown', note: null };

const hearingId = z.number({ message: 'Kies een zaak op de rol' }).int().positive();

const decidedSchema = z
  .object({
    hearingId,
    outcome: z.literal('decided'),
    suspectPresent: z.boolean({ message: 'Kies of de verdachte aanwezig was' }),
    decidedBy: decidedBySchema,
    /** Omitted: the session's moment (oral judgment at the hearing, art. 378 lid 1 Sv): shared/outcomes/judgment-moment.ts. */
    decidedAt: instantSchema.optional(),
    verdict: z.enum(VERDICTS, { message: 'Kies: straf of maatregel, vrijspraak, ontslag of schuldigverklaring zonder straf' }),
    sanctions: z.array(sanctionInputSchema).max(10, 'Hoogstens 10 straffen en maatregelen per beslissing'),
    conditions: conditionsSchema,
    signals: signalsSchema,
    note: noteSchema,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.verdict === 'sanctions') {
      if (d.sanctions.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['sanctions'], message: 'Vul minstens één straf of maatregel in, of kies vrijspraak, ontslag of schuldigverklaring zonder straf' });
      }
      addSanctionIssues(ctx, d.sanctions, 'judgment');
    } else if (d.sanctions.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['sanctions'], message: 'Bij vrijspraak, ontslag of schuldigverklaring zonder straf horen geen straffen: verwijder ze of kies "straf of maatregel"' });
    }
  });

const adjournedSchema = z
  .object({
    hearingId,
    outcome: z.literal('adjourned'),
    suspectPresent: z.boolean().nullable(),
    reason: reasonSchema('de reden van aanhouding'),
    resumeFrom: z
      .string({ message: "Vul de datum 'weer te plannen vanaf' in" })
      .max(10, "Geen geldige datum bij 'weer te plannen vanaf' (JJJJ-MM-DD)")
      .refine(isValidLocalDate, "Geen geldige datum bij 'weer te plannen vanaf' (JJJJ-MM-DD)"),
    note: noteSchema,
  })
  .strict();

const notAppearedSchema = z
  .object({ hearingId, outcome: z.literal('not_appeared'), reason: reasonSchema('de reden (bijv. dagvaarding niet betekend)'), note: noteSchema })
  .strict();

const withdrawnSchema = z.object({ hearingId, outcome: z.literal('withdrawn'), reason: reasonSchema('de reden van intrekking'), note: noteSchema }).strict();

export const outcomeRecordSchema = z.discriminatedUnion('outcome', [decidedSchema, adjournedSchema, notAppearedSchema, withdrawnSchema], {
  message: 'Kies de uitkomst: uitspraak, aangehouden, niet verschenen of ingetrokken',
});
export type OutcomeRecord = z.output<typeof outcomeRecordSchema>;

/** The resume date may not lie in the past (the court sets a date from today). Null when acceptable. */
export function resumeFromRefusal(resumeFrom: string, today: string): string | null {
  return resumeFrom < today ? `De datum 'weer te plannen vanaf' (${resumeFrom}) ligt in het verleden; kies vandaag of later` : null;
}

/** A correction of a recorded outcome: the new record, and why (audited with the old and new values). */
export const outcomeCorrectionSchema = z
  .object({
    reason: reasonSchema('de reden van de correctie'),
    record: outcomeRecordSchema,
    /** The case's version the correction started from. */
    expectedVersion: expectedVersionSchema,
  })
  .strict();
export type OutcomeCorrection = z.output<typeof outcomeCorrectionSchema>;
