import { z } from 'zod';
import { MAX_ROW_ID } from '../api/row-id';
import { localDateSchema } from '../api/local-date';
import { expectedVersionSchema, versionSchema } from '../api/record-version';
import { PERSON_ROLES } from '../domain/person';
import { DAYPARTS, SESSION_TYPES } from '../domain/session';
import { MAX_PERSON_NAME } from './rota-import-row';
import { UNAVAILABILITY_REASONS } from './unavailability-reasons';

/** The zod schemas of the rota operations (people.* and sessions.assign) of shared/api/contract.ts. */

export const SESSION_ROLES = ['judge', 'prosecutor'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

const absenceSchema = z.object({ id: z.number().int(), fromDate: localDateSchema, toDate: localDateSchema, reason: z.enum(UNAVAILABILITY_REASONS) });

export const rotaSessionSchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  date: localDateSchema,
  daypart: z.enum(DAYPARTS),
  startTime: z.string(),
  endTime: z.string(),
  sessionType: z.enum(SESSION_TYPES),
  location: z.string(),
  room: z.string(),
  judgeId: z.number().int().nullable(),
  judgeName: z.string().nullable(),
  prosecutorId: z.number().int().nullable(),
  prosecutorName: z.string().nullable(),
});

export const rotaOverviewSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  persons: z.array(
    z.object({
      id: z.number().int(),
      version: versionSchema,
      name: z.string(),
      role: z.enum(PERSON_ROLES),
      active: z.boolean(),
      /** Absences that end today or later. */
      absences: z.array(absenceSchema),
      /** The sessions in the horizon this person is on, and as what. */
      sessions: z.array(z.object({ sessionId: z.number().int(), date: localDateSchema, startTime: z.string(), room: z.string(), as: z.enum(SESSION_ROLES) })),
    }),
  ),
  sessions: z.array(rotaSessionSchema),
});
export type RotaOverview = z.infer<typeof rotaOverviewSchema>;
export type RotaPerson = RotaOverview['persons'][number];
export type RotaSession = z.infer<typeof rotaSessionSchema>;

export const savePersonInputSchema = z
  .object({
    /** Absent or null: a new person. */
    id: z.number().int().positive().nullable().optional(),
    name: z.string().trim().min(1, 'Vul de naam in').max(MAX_PERSON_NAME, `Naam is te lang (max. ${MAX_PERSON_NAME} tekens)`),
    role: z.enum(PERSON_ROLES, { message: 'Kies de rol' }),
    active: z.boolean().optional(),
    /** The person's version the edit started from: required when `id` is given. */
    expectedVersion: expectedVersionSchema.optional(),
  })
  .strict()
  .refine((p) => p.id === null || p.id === undefined || p.expectedVersion !== undefined, { path: ['expectedVersion'], message: 'Versie van de persoon ontbreekt' });

export const deactivatePersonInputSchema = z
  .object({ id: z.number().int().positive(), reason: z.string().trim().max(1000).optional(), expectedVersion: expectedVersionSchema })
  .strict();

export const addUnavailabilityInputSchema = z
  .object({
    personId: z.number().int().positive({ message: 'Kies de persoon' }),
    fromDate: localDateSchema,
    toDate: localDateSchema,
    reason: z.enum(UNAVAILABILITY_REASONS, { message: `Kies de reden: ${UNAVAILABILITY_REASONS.join(', ')}` }),
  })
  .strict()
  .refine((a) => a.fromDate <= a.toDate, { path: ['toDate'], message: 'De einddatum ligt vóór de begindatum' });

export const addUnavailabilityOutputSchema = z.object({
  id: z.number().int(),
  /** Sessions the person is already on in this period: they now need someone else. */
  affectedSessions: z.array(z.object({ sessionId: z.number().int(), date: localDateSchema, room: z.string() })),
});

export const removeUnavailabilityInputSchema = z.object({ id: z.number().int().positive().max(MAX_ROW_ID, 'Afwezigheid: onbekend nummer') }).strict();

export const rotaImportInputSchema = z
  .object({
    fileName: z.string().min(1).max(260),
    contentBase64: z.string().max(7_000_000, 'Bestand te groot (max. 5 MB)'),
    dryRun: z.boolean(),
  })
  .strict();

export const rotaImportReportSchema = z.object({
  fileName: z.string(),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** What the import adds (on a dry run: would add); rows already on the rota add nothing. */
  newPersons: z.number().int(),
  newAbsences: z.number().int(),
  committed: z.boolean(),
  fileProblems: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type RotaImportReport = z.infer<typeof rotaImportReportSchema>;

export const assignSessionInputSchema = z
  .object({
    sessionId: z.number().int().positive(),
    role: z.enum(SESSION_ROLES),
    personId: z.number().int().positive().nullable(),
    /** Assign even though the person is away or on an overlapping session (then a reason is required). */
    confirm: z.boolean().optional(),
    reason: z.string().trim().max(1000).optional(),
    /** The session's version. */
    expectedVersion: expectedVersionSchema,
  })
  .strict()
  .refine((a) => !a.confirm || (a.reason ?? '').length >= 3, { path: ['reason'], message: 'Vul de reden in waarom u toch toewijst' });

export const assignSessionOutputSchema = z.object({
  status: z.enum(['assigned', 'unchanged', 'needs_confirmation']),
  /** Why confirmation is needed (or what was overridden), in Dutch. */
  warnings: z.array(z.string()),
});
export type AssignSessionResult = z.infer<typeof assignSessionOutputSchema>;

export const fileDownloadSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
