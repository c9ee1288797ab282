import type { TFunction } from 'i18next';
import { z } from 'zod';
import { contract, type OperationInput, type OperationName } from '../../../shared/api/contract';

/** Dutch messages per form field, keyed by the field's name in the form. */
export type FieldErrors = Record<string, string>;

export interface FieldCheckOptions {
  /** The label of each field as the form shows it, so a message names it ('Vul Parketnummer in.'). */
  labels?: Readonly<Record<string, string>>;
  /**
   * Which form field shows an issue at this schema path. Default: the whole path joined by dots when
   * `labels` knows it (e.g. 'replay.from'), else its first part.
   */
  fieldOf?: (path: readonly PropertyKey[]) => string;
}

export interface FieldCheck<T> {
  /** The parsed value; only when there are no errors. */
  data?: T;
  errors: FieldErrors;
}

const dutchFallback = z.locales.nl().localeError;

const isEmpty = (input: unknown) => input === undefined || input === null || input === '';

/**
 * Checks a form draft with a zod schema and gives one Dutch message per field. Messages the schema
 * sets itself (refinements, `{ message }`) are kept as they are: the back end says the same. For the
 * generic checks (required, too short, not a number, not one of the options) the message is made
 * here in Dutch from the field's label.
 */
export function checkFields<S extends z.ZodType>(schema: S, draft: unknown, t: TFunction, options: FieldCheckOptions = {}): FieldCheck<z.output<S>> {
  const labels = options.labels ?? {};
  const fieldOf =
    options.fieldOf ??
    ((path: readonly PropertyKey[]) => {
      const whole = path.map(String).join('.');
      return whole in labels ? whole : String(path[0] ?? '');
    });
  const parsed = schema.safeParse(draft, {
    error: (issue) => {
      const label = labels[fieldOf(issue.path ?? [])];
      // Without a label, zod's own Dutch messages. A message names the field without its required mark ('Vul Naam in.', not 'Vul Naam * in.').
      return label ? dutchMessage(issue, withoutRequiredMark(label), t) : dutchFallback(issue);
    },
  });
  if (parsed.success) return { data: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  return { errors };
}

/**
 * checkFields with the operation's own input schema from the contract (contract[op].input); `input` is
 * the draft itself, once it passed, typed as the operation's input, ready to send.
 */
export function checkOperationInput<K extends OperationName>(
  operation: K,
  draft: unknown,
  t: TFunction,
  options: FieldCheckOptions = {},
): { input?: OperationInput<K>; errors: FieldErrors } {
  const { data, errors } = checkFields(contract[operation].input as z.ZodType, draft, t, options);
  return data === undefined ? { errors } : { input: draft as OperationInput<K>, errors };
}

/** A label as the form shows it, without the ' *' that marks a required field ('Begintijd * (uu:mm)' -> 'Begintijd (uu:mm)'). */
function withoutRequiredMark(label: string): string {
  return label.replace(/\s\*(?=\s|$)/g, '');
}

/** The generic Dutch message for an issue the schema gave no message of its own. */
function dutchMessage(issue: z.core.$ZodRawIssue, label: string, t: TFunction): string | undefined {
  const input = issue.input;
  const minimum = 'minimum' in issue ? Number(issue.minimum) : undefined;
  const maximum = 'maximum' in issue ? Number(issue.maximum) : undefined;
  const origin = 'origin' in issue ? String(issue.origin) : '';
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(input)) return t('errors.field.required', { label });
      if (issue.expected === 'number' || issue.expected === 'int') return t(issue.expected === 'int' ? 'errors.field.notAWholeNumber' : 'errors.field.notANumber', { label });
      return t('errors.field.invalid', { label });
    case 'too_small':
      if (origin === 'string') return minimum === 1 || isEmpty(input) ? t('errors.field.required', { label }) : t('errors.field.tooShort', { label, minimum });
      if (origin === 'array' || origin === 'set') return minimum === 1 ? t('errors.field.choose', { label }) : t('errors.field.tooFew', { label, minimum });
      return t('errors.field.tooSmall', { label, minimum });
    case 'too_big':
      if (origin === 'string') return t('errors.field.tooLong', { label, maximum });
      if (origin === 'array' || origin === 'set') return t('errors.field.tooMany', { label, maximum });
      return t('errors.field.tooBig', { label, maximum });
    case 'invalid_value':
      return isEmpty(input) ? t('errors.field.choose', { label }) : t('errors.field.invalid', { label });
    case 'invalid_format':
      return isEmpty(input) ? t('errors.field.required', { label }) : t('errors.field.invalidFormat', { label });
    case 'not_multiple_of':
      return t('errors.field.notAWholeNumber', { label });
    default:
      return t('errors.field.invalid', { label });
  }
}
