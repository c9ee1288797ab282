import { z } from 'zod';
import { CJIB_MESSAGE_KINDS, EXECUTION_STATUSES } from '../domain/cjib';
import { RETURN_REASON_CODES } from './return-reasons';

/**
 * The file CJIB sends back (exchange format version 1, docs/cjib-exchange.md): acknowledgements,
 * returns with a reason code, and execution updates per sanction. Every problem is reported in
 * Dutch with the message's number (1 = the first message in the file) and the field.
 */

export const RESPONSE_FORMAT = 'cjib.ketenplanner.response';
export const RESPONSE_FORMAT_VERSION = 1;
/** The batch file Ketenplanner itself writes: named when someone picks it by mistake. */
const BATCH_FORMAT = 'ketenplanner.cjib.batch';
export const MAX_RESPONSE_MESSAGES = 100_000;
const MAX_REASON_TEXT = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Dutch message for a field: 'ontbreekt' when absent, else what it must be. */
const expect = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'ontbreekt' : `moet ${what} zijn`) });

const uuidField = z
  .string(expect('een UUID (8-4-4-4-12 hexadecimale tekens)'))
  .regex(UUID, 'moet een UUID zijn (8-4-4-4-12 hexadecimale tekens)')
  .transform((v) => v.toLowerCase());

/** An ISO-8601 moment with Z or an offset, stored as UTC so equal moments give equal keys. */
const instantField = z.iso
  .datetime({ offset: true, ...expect('een tijdstip met tijdzone, bijvoorbeeld 2026-06-15T10:00:00Z') })
  .transform((v) => new Date(v).toISOString());

const positiveInt = (what: string) =>
  z.number(expect(`${what} (een geheel getal van 1 of meer)`)).int(`moet ${what} zijn (een geheel getal)`).min(1, `moet ${what} van 1 of meer zijn`);

export const ackMessageSchema = z.object({
  type: z.literal('ack'),
  correlationId: uuidField,
  attempt: positiveInt('het pogingnummer'),
  at: instantField,
});

export const returnMessageSchema = z
  .object({
    type: z.literal('return'),
    correlationId: uuidField,
    attempt: positiveInt('het pogingnummer'),
    at: instantField,
    reasonCode: z.enum(RETURN_REASON_CODES, expect(`een van de retourcodes ${RETURN_REASON_CODES.join(', ')}`)),
    reasonText: z
      .string(expect('tekst'))
      .trim()
      .max(MAX_REASON_TEXT, `is te lang (max. ${MAX_REASON_TEXT} tekens)`)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((m) => m.reasonCode !== 'R99' || m.reasonText !== null, { path: ['reasonText'], message: 'is verplicht bij retourcode R99 (overig)' });

export const executionMessageSchema = z.object({
  type: z.literal('execution'),
  correlationId: uuidField,
  sanctionId: positiveInt('het sanctienummer'),
  status: z.enum(EXECUTION_STATUSES, expect(`een van de executiestatussen ${EXECUTION_STATUSES.join(', ')}`)),
  at: instantField,
});

export const responseMessageSchema = z.discriminatedUnion('type', [ackMessageSchema, returnMessageSchema, executionMessageSchema]);
export type ResponseMessage = z.output<typeof responseMessageSchema>;
export type AckMessage = z.output<typeof ackMessageSchema>;
export type ReturnMessage = z.output<typeof returnMessageSchema>;
export type ExecutionMessage = z.output<typeof executionMessageSchema>;

/** The whole file, for writers (the CJIB simulator, documentation). Readers use parseResponseFile. */
export const responseFileSchema = z.object({
  format: z.literal(RESPONSE_FORMAT),
  version: z.literal(RESPONSE_FORMAT_VERSION),
  batchUid: uuidField.optional(),
  messages: z.array(responseMessageSchema).min(1).max(MAX_RESPONSE_MESSAGES),
});
export type ResponseFile = z.input<typeof responseFileSchema>;

/** Import idempotency: the same message read twice has the same key. */
export function messageKey(message: ResponseMessage): string {
  return message.type === 'execution'
    ? `execution:${message.correlationId}:${message.sanctionId}:${message.status}:${message.at}`
    : `${message.type}:${message.correlationId}:${message.attempt}`;
}

export type ParsedMessage =
  | { number: number; ok: true; message: ResponseMessage; raw: unknown }
  | { number: number; ok: false; problems: string[]; raw: unknown };

export interface ParsedResponseFile {
  /** Problems with the file as a whole: when any, no message is read. */
  fileProblems: string[];
  batchUid: string | null;
  messages: ParsedMessage[];
}

const KIND_SCHEMAS = { ack: ackMessageSchema, return: returnMessageSchema, execution: executionMessageSchema } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseMessage(raw: unknown, number: number): ParsedMessage {
  const prefix = `Bericht ${number}`;
  if (!isRecord(raw)) return { number, ok: false, raw, problems: [`${prefix}: is geen object met velden`] };
  const type = raw['type'];
  if (typeof type !== 'string' || !(CJIB_MESSAGE_KINDS as readonly string[]).includes(type)) {
    const given = type === undefined ? 'ontbreekt' : `is '${String(type)}'`;
    return { number, ok: false, raw, problems: [`${prefix}, veld 'type': ${given}; moet ack, return of execution zijn`] };
  }
  const result = KIND_SCHEMAS[type as keyof typeof KIND_SCHEMAS].safeParse(raw);
  if (result.success) return { number, ok: true, raw, message: result.data };
  const problems = result.error.issues.map((issue) => `${prefix}, veld '${issue.path.join('.') || '(bericht)'}': ${issue.message}`);
  return { number, ok: false, raw, problems };
}

/** Reads a response file's text; never throws on bad input. */
export function parseResponseFile(text: string): ParsedResponseFile {
  const empty = (problem: string): ParsedResponseFile => ({ fileProblems: [problem], batchUid: null, messages: [] });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return empty(`Het bestand is geen geldige JSON (${(error as Error).message}).`);
  }
  if (!isRecord(data)) return empty('Het bestand bevat geen JSON-object met de velden format, version en messages.');
  if (data['format'] === BATCH_FORMAT) return empty('Dit is een overdrachtsbestand van Ketenplanner aan het CJIB, geen antwoord van het CJIB.');
  const problems: string[] = [];
  if (data['format'] !== RESPONSE_FORMAT) problems.push(`Veld 'format' moet '${RESPONSE_FORMAT}' zijn; dit is geen antwoordbestand van het CJIB.`);
  else if (data['version'] !== RESPONSE_FORMAT_VERSION)
    problems.push(`Versie ${JSON.stringify(data['version'] ?? null)} van het antwoordformaat wordt niet ondersteund; alleen versie ${RESPONSE_FORMAT_VERSION}.`);
  let batchUid: string | null = null;
  if (data['batchUid'] !== undefined && data['batchUid'] !== null) {
    const uid = uuidField.safeParse(data['batchUid']);
    if (uid.success) batchUid = uid.data;
    else problems.push("Veld 'batchUid' moet een UUID zijn (8-4-4-4-12 hexadecimale tekens).");
  }
  const messages = data['messages'];
  if (!Array.isArray(messages)) problems.push("Veld 'messages' ontbreekt of is geen lijst.");
  else if (messages.length === 0) problems.push('Het bestand bevat geen berichten.');
  else if (messages.length > MAX_RESPONSE_MESSAGES) problems.push(`Het bestand bevat ${messages.length} berichten; hoogstens ${MAX_RESPONSE_MESSAGES} per bestand.`);
  if (problems.length > 0) return { fileProblems: problems, batchUid, messages: [] };
  return { fileProblems: [], batchUid, messages: (messages as unknown[]).map((raw, index) => parseMessage(raw, index + 1)) };
}

// The import report ('cjib.importResponses'), per message in file order.

export const IMPORT_OUTCOMES = ['processed', 'already_processed', 'outdated', 'error'] as const;
/** As the case import (shared/api/case-schemas.ts IMPORT_MODES): every message or none, or the valid ones. */
export const RESPONSE_IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ResponseImportMode = (typeof RESPONSE_IMPORT_MODES)[number];
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const responseImportInputSchema = z
  .object({
    fileName: z.string().trim().min(1, 'Kies een bestand').max(260),
    /** The file's bytes, base64. At most 20 MB. */
    contentBase64: z.string().max(28_000_000, 'Bestand te groot (max. 20 MB)'),
    dryRun: z.boolean(),
    /**
     * all_or_nothing (the default): nothing is written while any message has an error. valid_only: the
     * messages without an error are written, those with one are left for CJIB to send again corrected
     * (a message read later is matched by its key, so nothing is done twice).
     */
    mode: z.enum(RESPONSE_IMPORT_MODES, { message: 'Kies hoe er wordt ingelezen: alleen geldige berichten, of alles of niets' }).default('all_or_nothing'),
  })
  .strict();

export const responseImportReportSchema = z.object({
  fileName: z.string(),
  dryRun: z.boolean(),
  mode: z.enum(RESPONSE_IMPORT_MODES),
  batchUid: z.string().nullable(),
  fileProblems: z.array(z.string()),
  /** true when messages were written (not a dry run, no file problem, and no message in error unless mode is valid_only). */
  committed: z.boolean(),
  counts: z.object({
    total: z.number().int(),
    processed: z.number().int(),
    alreadyProcessed: z.number().int(),
    outdated: z.number().int(),
    error: z.number().int(),
  }),
  messages: z.array(
    z.object({
      number: z.number().int(),
      type: z.enum(CJIB_MESSAGE_KINDS).nullable(),
      correlationId: z.string().nullable(),
      parketnummer: z.string().nullable(),
      sanctionId: z.number().int().nullable(),
      outcome: z.enum(IMPORT_OUTCOMES),
      /** Dutch: what it does (or did), or why it is refused. */
      message: z.string(),
    }),
  ),
});
export type ResponseImportReport = z.infer<typeof responseImportReportSchema>;
export type ResponseImportRow = ResponseImportReport['messages'][number];
