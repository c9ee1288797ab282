import { z } from 'zod';
import { MAX_ROW_ID } from '../api/row-id';
import { undoTokenSchema } from '../api/undo-schemas';
import { localDateSchema } from '../api/local-date';
import { expectedVersionSchema, versionSchema } from '../api/record-version';
import { FILLER_KINDS, HEARD_MODALITIES } from '../domain/modality';
import { DAYPARTS, SESSION_STATUSES, SESSION_TYPES } from '../domain/session';
import { sessionFieldIssues, templateFieldIssues, type FieldIssue } from './capacity-rules';
import { SKIP_REASONS } from './generate-sessions';

/** The capacity model's request and answer shapes for the API contract (shared/api/contract.ts). */

const id = (message: string) => z.number({ message }).int({ message }).positive({ message }).max(MAX_ROW_ID, { message });
const wholeNumber = (what: string) => z.number({ message: `${what}: vul een heel getal in` });
/** 'uu:mm' (the format itself is checked by capacity-rules.ts timeIssues); the max only bounds the input. */
const clockTime = (what: string, example: string) => z.string().max(5, `${what}: vul een tijd in als uu:mm, bijvoorbeeld ${example}`);
const reasonText = (what: string) => z.string().trim().min(3, `${what}: vul de reden in (minstens 3 tekens)`).max(1000, `${what}: te lang (max. 1000 tekens)`);

function addIssues(issues: FieldIssue[], ctx: z.RefinementCtx): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
}

const sessionShape = {
  daypart: z.enum(DAYPARTS, { message: 'Dagdeel: kies ochtend, middag of hele dag' }),
  startTime: clockTime('Begintijd', '09:00'),
  endTime: clockTime('Eindtijd', '12:30'),
  sessionType: z.enum(SESSION_TYPES, { message: 'Zittingstype: kies een zittingstype' }),
  capacitySlots: wholeNumber('Aantal plaatsen'),
  capacityMinutes: wholeNumber('Zittingsminuten'),
  overbookingSlots: wholeNumber('Overboeking'),
  acceptedModalities: z
    .array(z.enum(HEARD_MODALITIES, { message: 'Modaliteiten: onbekende modaliteit' }))
    .max(HEARD_MODALITIES.length, 'Modaliteiten: een modaliteit staat er twee keer in'),
  acceptedFillerKinds: z
    .array(z.enum(FILLER_KINDS, { message: 'Soorten opvulzaken: onbekende soort' }))
    .max(FILLER_KINDS.length, 'Soorten opvulzaken: een soort staat er twee keer in'),
  /** Also hears suspects who were minors at the offence (juvenile law, art. 77a Sr ff.); absent: adults only (new) or unchanged (edit). */
  acceptsMinors: z.boolean().optional(),
};

export const templateInputSchema = z
  .object({
    /** Null creates a new template; an id updates that one. */
    id: id('Zittingspatroon: onbekend nummer').nullable(),
    courtroomId: id('Zaal: kies een zaal'),
    name: z.string().max(200, 'Naam: te lang (max. 120 tekens)'),
    weekdays: z.array(z.number({ message: 'Weekdagen: alleen de getallen 1 tot en met 7' })).max(7, 'Weekdagen: elke weekdag hoogstens één keer'),
    ...sessionShape,
    validFrom: z.string().max(10, 'Geldig vanaf: geen geldige datum (JJJJ-MM-DD)'),
    validUntil: z.string().max(10, 'Geldig tot en met: geen geldige datum (JJJJ-MM-DD)').nullable(),
    /** The template's version the edit started from: required when `id` is given. */
    expectedVersion: expectedVersionSchema.optional(),
  })
  .strict()
  .superRefine((t, ctx) => addIssues(templateFieldIssues(t), ctx))
  .refine((t) => t.id === null || t.expectedVersion !== undefined, { path: ['expectedVersion'], message: 'Versie van het zittingspatroon ontbreekt' })
  .transform((t) => ({ ...t, name: t.name.trim() }));

export const extraSessionInputSchema = z
  .object({ courtroomId: id('Zaal: kies een zaal'), date: localDateSchema, ...sessionShape, reason: z.string().trim().max(1000) })
  .strict()
  .superRefine((s, ctx) => addIssues(sessionFieldIssues(s), ctx));

/** A single session's capacity (its type and times stay; the service checks against them). */
export const sessionUpdateInputSchema = z
  .object({
    sessionId: id('Zitting: onbekend nummer'),
    capacitySlots: wholeNumber('Aantal plaatsen'),
    capacityMinutes: wholeNumber('Zittingsminuten'),
    overbookingSlots: wholeNumber('Overboeking'),
    acceptedModalities: sessionShape.acceptedModalities,
    acceptedFillerKinds: sessionShape.acceptedFillerKinds,
    acceptsMinors: sessionShape.acceptsMinors,
    reason: reasonText('Reden'),
    expectedVersion: expectedVersionSchema,
  })
  .strict();

export const sessionCancelInputSchema = z
  .object({
    sessionId: id('Zitting: onbekend nummer'),
    reason: reasonText('Reden van vervallen'),
    /** Cancel even though cases are planned on it (they must then be planned again). */
    confirm: z.boolean(),
    expectedVersion: expectedVersionSchema,
  })
  .strict();

export const generateInputSchema = z
  .object({ from: localDateSchema, to: localDateSchema, dryRun: z.boolean() })
  .strict()
  .refine((w) => w.from <= w.to, { path: ['to'], message: 'Tot en met: ligt vóór de begindatum' })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= 400 * 86_400_000, { path: ['to'], message: 'Tot en met: genereer hoogstens een jaar tegelijk' });

export const closureInputSchema = z
  .object({
    locationId: id('Locatie: kies een locatie'),
    date: localDateSchema,
    reason: z.string().trim().min(3, 'Reden van sluiting: vul de reden in (minstens 3 tekens)').max(200, 'Reden van sluiting: te lang (max. 200 tekens)'),
  })
  .strict();

export const closureRemoveInputSchema = z.object({ closureId: id('Sluiting: onbekend nummer') }).strict();

export const templateDeactivateInputSchema = z
  .object({ templateId: id('Zittingspatroon: onbekend nummer'), reason: z.string().trim().max(1000), expectedVersion: expectedVersionSchema })
  .strict();

export const overviewInputSchema = z.object({ sessionsFrom: localDateSchema.optional() }).strict();

// Answers.

export const templateSchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  courtroomId: z.number().int(),
  name: z.string(),
  weekdays: z.array(z.number().int()),
  daypart: z.enum(DAYPARTS),
  startTime: z.string(),
  endTime: z.string(),
  sessionType: z.enum(SESSION_TYPES),
  capacitySlots: z.number().int(),
  capacityMinutes: z.number().int(),
  overbookingSlots: z.number().int(),
  acceptedModalities: z.array(z.enum(HEARD_MODALITIES)),
  /** Empty = every kind, when filler is accepted. */
  acceptedFillerKinds: z.array(z.enum(FILLER_KINDS)),
  acceptsMinors: z.boolean(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  active: z.boolean(),
});

export const closureSchema = z.object({ id: z.number().int(), locationId: z.number().int(), date: z.string(), reason: z.string(), createdBy: z.string() });

/** One dated session with everything the capacity page edits, and where it is. */
export const capacitySessionSchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  courtroomId: z.number().int(),
  roomName: z.string(),
  locationName: z.string(),
  date: z.string(),
  daypart: z.enum(DAYPARTS),
  startTime: z.string(),
  endTime: z.string(),
  sessionType: z.enum(SESSION_TYPES),
  status: z.enum(SESSION_STATUSES),
  cancelReason: z.string().nullable(),
  capacitySlots: z.number().int(),
  capacityMinutes: z.number().int(),
  overbookingSlots: z.number().int(),
  acceptedModalities: z.array(z.enum(HEARD_MODALITIES)),
  acceptedFillerKinds: z.array(z.enum(FILLER_KINDS)),
  acceptsMinors: z.boolean(),
  templateId: z.number().int().nullable(),
  booked: z.number().int(),
});

export const capacityOverviewSchema = z.object({
  locations: z.array(
    z.object({ id: z.number().int(), name: z.string(), city: z.string(), rooms: z.array(z.object({ id: z.number().int(), name: z.string() })) }),
  ),
  templates: z.array(templateSchema),
  /** Closures from today on. */
  closures: z.array(closureSchema),
  /** Sessions of two weeks from `sessionsFrom` (default today). */
  sessionsFrom: z.string(),
  sessionsTo: z.string(),
  sessions: z.array(capacitySessionSchema),
});

const occurrenceSchema = z.object({
  templateId: z.number().int(),
  templateName: z.string(),
  courtroomId: z.number().int(),
  roomName: z.string(),
  locationName: z.string(),
  date: z.string(),
  daypart: z.enum(DAYPARTS),
  startTime: z.string(),
  endTime: z.string(),
});

export const generationResultSchema = z.object({
  dryRun: z.boolean(),
  from: z.string(),
  to: z.string(),
  counts: z.object({ created: z.number().int(), skipped: z.number().int(), byReason: z.record(z.enum(SKIP_REASONS), z.number().int()) }),
  created: z.array(occurrenceSchema.extend({ sessionType: z.enum(SESSION_TYPES), capacitySlots: z.number().int(), sessionId: z.number().int().nullable() })),
  skipped: z.array(occurrenceSchema.extend({ reason: z.enum(SKIP_REASONS), message: z.string() })),
});

export const plannedCaseSchema = z.object({ caseId: z.number().int(), parketnummer: z.string() });

export const closureResultSchema = z.object({
  closure: closureSchema,
  /** Sessions at the location that day: not removed; the coordinator decides to cancel them. */
  sessionsOnThatDay: z.array(capacitySessionSchema),
});

/** `undo`: the cancellation's undo token (history.undo puts the session and its cases back). */
export const cancelResultSchema = z.object({ session: capacitySessionSchema, plannedCases: z.array(plannedCaseSchema), undo: undoTokenSchema.nullable().optional() });

export type CapacityTemplate = z.infer<typeof templateSchema>;
export type CapacityClosure = z.infer<typeof closureSchema>;
export type CapacitySession = z.infer<typeof capacitySessionSchema>;
export type CapacityOverview = z.infer<typeof capacityOverviewSchema>;
export type GenerationResult = z.infer<typeof generationResultSchema>;
export type TemplateInput = z.input<typeof templateInputSchema>;
