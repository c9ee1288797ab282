import { z } from 'zod';
import { parseOffsetDateTime } from '../calendar/amsterdam-time';
import { isValidLocalDate } from '../calendar/local-date';
import { deadlineInputSchema } from '../deadlines/input';
import { needsArrestTime } from '../domain/case-lifecycle';
import { FILLER_KINDS, MODALITIES } from '../domain/modality';

/** Parketnummer as the OM writes it: two-digit parket code / six digits - two-digit year (19/123456-26). */
export const PARKETNUMMER_PATTERN = /^\d{2}\/\d{6}-\d{2}$/;

const required = (what: string, max = 200) => z.string().trim().min(1, `Vul ${what} in`).max(max, `Te lang (max. ${max} tekens)`);
const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `Te lang (max. ${max} tekens)`)
    .nullish()
    .transform((v) => (v ? v : null));
/** Co-defendants share a code (e.g. the shared proces-verbaal number); spaces around it trimmed, '' = none. */
export const coDefendantGroupSchema = z.string().trim().max(60, 'Zaaksgroep te lang (max. 60 tekens)');
/** The expected hearing time in minutes; absent = the modality's default. */
export const ESTIMATED_MINUTES_RANGE = { min: 5, max: 480 } as const;
export const estimatedMinutesSchema = z
  .number({ message: 'Vul de duur in hele minuten in' })
  .int('Vul de duur in hele minuten in')
  .min(ESTIMATED_MINUTES_RANGE.min, `De duur is minstens ${ESTIMATED_MINUTES_RANGE.min} minuten`)
  .max(ESTIMATED_MINUTES_RANGE.max, `De duur is hoogstens ${ESTIMATED_MINUTES_RANGE.max} minuten (een hele zittingsdag)`);
const instant = z
  .string()
  .max(40, 'Geen geldig tijdstip (dd-mm-jjjj uu:mm)')
  .refine((v) => parseOffsetDateTime(v).ok, 'Geen geldig tijdstip (dd-mm-jjjj uu:mm)')
  .nullish()
  .transform((v) => v ?? null);

export const EVENT_FIELDS = ['arrestedAt', 'custodyOrderedAt', 'custodyExtendedAt', 'remandOrderedAt', 'summonsServedAt'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/**
 * One new case as police or OM supply it: the single definition used by the intake form, the API
 * and the CSV/XLSX import. Personal data is limited to what planning needs: name, date of birth,
 * an address for the summons and the lawyer. There is, by design, nothing else about the person.
 */
export const caseIntakeSchema = z
  .object({
    parketnummer: z.string().max(40, 'Parketnummer in de vorm 19/123456-26').trim().regex(PARKETNUMMER_PATTERN, 'Parketnummer in de vorm 19/123456-26'),
    suspect: z
      .object({
        fullName: required('de naam van de verdachte', 120),
        dateOfBirth: z.string().max(10, 'Geen geldige geboortedatum (dd-mm-jjjj)').refine(isValidLocalDate, 'Geen geldige geboortedatum (dd-mm-jjjj)'),
        summonsAddress: optionalText(),
        lawyerName: optionalText(120),
      })
      .strict(),
    modality: z.enum(MODALITIES, { message: 'Kies een modaliteit' }),
    fillerKind: z.enum(FILLER_KINDS, { message: 'Kies de soort opvulzaak' }).nullish().transform((v) => v ?? null),
    policeUnit: required('de politie-eenheid', 120),
    offenceSummary: required('het feit', 300),
    offenceAt: instant,
    arrestedAt: instant,
    custodyOrderedAt: instant,
    custodyExtendedAt: instant,
    remandOrderedAt: instant,
    summonsServedAt: instant,
    shortTermConsent: z.boolean().default(false),
    coDefendantGroup: coDefendantGroupSchema.nullish().transform((v) => (v ? v : null)),
    estimatedMinutes: estimatedMinutesSchema.nullish().transform((v) => v ?? null),
  })
  .strict()
  .superRefine((intake, ctx) => {
    if (intake.modality === 'filler' && !intake.fillerKind) ctx.addIssue({ code: 'custom', path: ['fillerKind'], message: 'Kies de soort opvulzaak' });
    if (intake.modality !== 'filler' && intake.fillerKind) {
      ctx.addIssue({ code: 'custom', path: ['fillerKind'], message: 'Alleen bij een opvulzaak' });
    }
    if (needsArrestTime(intake.modality) && !intake.arrestedAt) {
      ctx.addIssue({ code: 'custom', path: ['arrestedAt'], message: 'Vul het tijdstip van aanhouding in: zonder dat is de termijn niet te bewaken' });
    }
    if (isValidLocalDate(intake.suspect.dateOfBirth) && intake.arrestedAt && intake.suspect.dateOfBirth > intake.arrestedAt.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['suspect', 'dateOfBirth'], message: 'Geboortedatum ligt na de aanhouding' });
    }
    // The deadline engine's own consistency rules (order of events, extension without order, …).
    const deadlineCheck = deadlineInputSchema.safeParse(toDeadlineInput('intake', intake));
    if (!deadlineCheck.success) {
      for (const issue of deadlineCheck.error.issues) {
        if (issue.path.length > 0 && EVENT_FIELDS.includes(issue.path[0] as EventField)) {
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
        }
      }
    }
  });

export type CaseIntakeInput = z.input<typeof caseIntakeSchema>;
export type CaseIntake = z.output<typeof caseIntakeSchema>;

/**
 * The deadline engine's view of a case: only the fields it reads, undefined when unknown. Always the
 * same fields in the same order (one object shape for every case: the engine runs 100,000 of them in an
 * import), an unknown one present as undefined rather than left out.
 */
export function toDeadlineInput(
  id: string,
  c: { modality: CaseIntake['modality']; shortTermConsent: boolean } & Partial<Record<EventField | 'judgmentAt' | 'penaltyOrderDeliveredAt', string | null>>,
) {
  return {
    id,
    modality: c.modality,
    arrestedAt: c.arrestedAt || undefined,
    custodyOrderedAt: c.custodyOrderedAt || undefined,
    custodyExtendedAt: c.custodyExtendedAt || undefined,
    remandOrderedAt: c.remandOrderedAt || undefined,
    summonsServedAt: c.summonsServedAt || undefined,
    judgmentAt: c.judgmentAt || undefined,
    penaltyOrderDeliveredAt: c.penaltyOrderDeliveredAt || undefined,
    shortTermConsent: c.shortTermConsent ? (true as const) : undefined,
  };
}
