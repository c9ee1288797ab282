import { z } from 'zod';
import { parseOffsetDateTime, toAmsterdamLocal } from '../calendar/amsterdam-time';
import { MODALITIES } from '../domain/modality';

/** Timestamps before or after this range are refused: the calendar is verified for 2000-2100. */
const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2099;

export const TIMESTAMP_FIELDS = [
  'arrestedAt',
  'custodyOrderedAt',
  'custodyExtendedAt',
  'remandOrderedAt',
  'summonsServedAt',
  'judgmentAt',
  'penaltyOrderDeliveredAt',
] as const;
export type TimestampField = (typeof TIMESTAMP_FIELDS)[number];

/** Dutch names of the fields, for messages. */
export const FIELD_LABELS: Record<TimestampField, string> = {
  arrestedAt: 'aanhouding',
  custodyOrderedAt: 'bevel inverzekeringstelling',
  custodyExtendedAt: 'verlenging inverzekeringstelling',
  remandOrderedAt: 'bevel bewaring',
  summonsServedAt: 'betekening dagvaarding',
  judgmentAt: 'uitspraak',
  penaltyOrderDeliveredAt: 'uitreiking strafbeschikking',
};

const EXAMPLE = 'bijv. 2026-04-14T09:30:00+02:00';

/** A moment as a Dutch user reads it: 'dd-mm-jjjj uu:mm' in Amsterdam time (never the ISO text). */
function dutchMoment(instant: number): string {
  const local = toAmsterdamLocal(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.date.split('-').reverse().join('-')} ${pad(local.hour)}:${pad(local.minute)}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const offsetDateTime = z.string({ error: `Verwacht een tijdstip als tekst (${EXAMPLE})` }).superRefine((text, ctx) => {
  const parsed = parseOffsetDateTime(text);
  if (!parsed.ok) {
    const message =
      parsed.problem === 'missing-offset'
        ? `Tijdstip "${text}" heeft geen tijdzone-offset; geef de offset mee (${EXAMPLE})`
        : parsed.problem === 'format'
          ? `"${text}" is geen ISO-8601-tijdstip met offset (${EXAMPLE})`
          : `"${text}" bestaat niet (ongeldige datum, tijd of offset)`;
    ctx.addIssue({ code: 'custom', message });
    return;
  }
  const year = Number(text.slice(0, 4));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    ctx.addIssue({ code: 'custom', message: `Tijdstip ${dutchMoment(parsed.instant)} ligt buiten ${EARLIEST_YEAR}-${LATEST_YEAR}: vul een tijdstip tussen ${EARLIEST_YEAR} en ${LATEST_YEAR} in` });
  }
});

function instantOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseOffsetDateTime(text);
  return parsed.ok ? parsed.instant : undefined;
}

export const deadlineInputSchema = z
  .strictObject(
    {
      id: z
        .string({ error: (issue) => (issue.input === undefined ? 'Zaak-id ontbreekt' : 'Verwacht een zaak-id als tekst') })
        .refine((id) => id.trim().length > 0, 'Zaak-id mag niet leeg zijn'),
      modality: z.enum(MODALITIES, {
        error: (issue) =>
          issue.input === undefined ? 'Modaliteit ontbreekt' : `Modaliteit moet een van ${MODALITIES.join(', ')} zijn`,
      }),
      arrestedAt: offsetDateTime.optional(),
      custodyOrderedAt: offsetDateTime.optional(),
      custodyExtendedAt: offsetDateTime.optional(),
      remandOrderedAt: offsetDateTime.optional(),
      summonsServedAt: offsetDateTime.optional(),
      judgmentAt: offsetDateTime.optional(),
      penaltyOrderDeliveredAt: offsetDateTime.optional(),
      shortTermConsent: z.boolean({ error: 'Verwacht true of false' }).optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Onbekend veld: ${issue.keys.join(', ')}`
          : issue.code === 'invalid_type'
            ? 'Verwacht een object met de gegevens van één zaak'
            : undefined,
    },
  )
  .superRefine((input, ctx) => {
    const at = (field: TimestampField): number | undefined => instantOrUndefined(input[field]);
    const mustNotPrecede = (later: TimestampField, earlier: TimestampField): void => {
      const laterAt = at(later);
      const earlierAt = at(earlier);
      if (laterAt !== undefined && earlierAt !== undefined && laterAt < earlierAt) {
        ctx.addIssue({
          code: 'custom',
          path: [later],
          message: `${capitalised(FIELD_LABELS[later])} (${dutchMoment(laterAt)}) ligt vóór ${FIELD_LABELS[earlier]} (${dutchMoment(earlierAt)}): controleer beide tijdstippen en verbeter het verkeerde`,
        });
      }
    };

    if (input.custodyExtendedAt !== undefined && input.custodyOrderedAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['custodyExtendedAt'],
        message: 'Verlenging van de inverzekeringstelling zonder bevel inverzekeringstelling: vul eerst het tijdstip van het bevel inverzekeringstelling in',
      });
    }
    for (const field of TIMESTAMP_FIELDS) if (field !== 'arrestedAt') mustNotPrecede(field, 'arrestedAt');
    mustNotPrecede('custodyExtendedAt', 'custodyOrderedAt');
    mustNotPrecede('remandOrderedAt', 'custodyOrderedAt');
    mustNotPrecede('judgmentAt', 'summonsServedAt');
  });

export type DeadlineInput = z.infer<typeof deadlineInputSchema>;
export const deadlineInputListSchema = z.array(deadlineInputSchema, {
  error: 'Verwacht een JSON-array van zaken',
});

type Issue = z.core.$ZodIssue;

function caseLabel(candidate: unknown, index: number | undefined): string {
  const id =
    typeof candidate === 'object' && candidate !== null && 'id' in candidate && typeof candidate.id === 'string'
      ? candidate.id.trim()
      : '';
  const position = index === undefined ? '' : ` (nr. ${index + 1} in de lijst)`;
  return id.length > 0 ? `Zaak "${id}"${position}` : `Zaak zonder id${position}`;
}

/**
 * Turns zod issues into Dutch messages that name the case (its id, and its position when the input
 * is an array, validated with deadlineInputListSchema) and the field.
 */
export function describeDeadlineInputIssues(issues: readonly Issue[], input: unknown): string[] {
  return issues.map((issue) => {
    let path = [...issue.path];
    let label: string;
    if (Array.isArray(input)) {
      if (typeof path[0] === 'number') {
        const index = path[0];
        label = caseLabel(input[index], index);
        path = path.slice(1);
      } else {
        label = 'Invoer';
      }
    } else {
      label = caseLabel(input, undefined);
    }
    const field = path.length > 0 ? path.map(String).join('.') : undefined;
    return field === undefined ? `${label}: ${issue.message}` : `${label}, veld ${field}: ${issue.message}`;
  });
}

export type ParsedDeadlineInput<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function parseDeadlineInput(input: unknown): ParsedDeadlineInput<DeadlineInput> {
  const parsed = deadlineInputSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: describeDeadlineInputIssues(parsed.error.issues, input) };
}

export function parseDeadlineInputList(input: unknown): ParsedDeadlineInput<DeadlineInput[]> {
  if (!Array.isArray(input)) return { ok: false, errors: ['Invoer: Verwacht een JSON-array van zaken'] };
  const parsed = deadlineInputListSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: describeDeadlineInputIssues(parsed.error.issues, input) };
}
