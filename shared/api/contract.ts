import { z } from 'zod';
import { MAX_ROW_ID } from './row-id';
import { MODALITIES } from '../domain/modality';
import { HEARING_STATUSES } from '../domain/case-status';
import { PROBLEM_KINDS } from '../domain/planning-problem-kinds';
import { PROBLEM_SEVERITIES } from '../domain/problem-severity';
import { parseOffsetDateTime } from '../calendar/amsterdam-time';
import { courtCalendarSettingsSchema } from '../calendar/court-calendar';
import { DEADLINE_SETTING_INFO, deadlineSettingsSchema, type DeadlineSettings } from '../deadlines/settings';
import { reservationReleaseWorkingDaysSchema } from '../planning/reservation-release';
import { RESERVABLE_MODALITIES, RESERVATION_RELEASE_KINDS } from '../domain/reservation';
import { DAYPARTS, SESSION_STATUSES, SESSION_TYPES } from '../domain/session';
import { OTHER_ROUTES, ZSM_OUTCOMES } from '../domain/zsm-outcome';
import { caseIntakeSchema, coDefendantGroupSchema, estimatedMinutesSchema } from '../intake/case-intake';
import { PRECONDITION_KINDS, PRECONDITION_STATUSES } from '../domain/precondition';
import { caseSearchInputSchema, caseSearchOutputSchema } from './case-search-schemas';
import { caseDetailSchema, IMPORT_MODES, importReportSchema, plannerSummarySchema, workQueuePageSchema } from './case-schemas';
import { localDateSchema } from './local-date';
import { expectedVersionSchema, versionSchema } from './record-version';
import { undoInputSchema, undoResultSchema, undoTokenSchema } from './undo-schemas';
import * as capacity from '../capacity/capacity-schemas';
import * as courtRoll from '../sessions/court-roll-schemas';
import * as rota from '../rota/rota-schemas';
import * as outcomes from '../outcomes/decision-schemas';
import { outcomeCorrectionSchema, outcomeRecordSchema } from '../outcomes/outcome-record';
import { whatIfInputSchema, whatIfResultSchema } from '../planner/what-if';
import { responseImportInputSchema, responseImportReportSchema } from '../cjib/response-format';
import { caseDetailChangesSchema } from '../intake/case-details';
import * as handoff from '../cjib/handoff-schemas';
import * as metrics from '../metrics/dashboard-schemas';
import * as review from '../review/register-schemas';
import * as monitoring from '../monitoring/monitoring-schemas';
import * as retention from '../retention/retention-schemas';
import { retentionTermSchema } from '../retention/retention';
import * as calendars from '../calendars/calendar-schemas';
import * as notifications from '../notifications/notification-schemas';
import * as disclosures from '../disclosures/disclosure-schemas';
import * as sync from './sync-schemas';
import * as syncConflicts from './sync-conflict-schemas';
import * as offlineReads from './offline-reads-schemas';

/** The fields of a ZSM decision, shared by the single and the bulk operation. */
const zsmDecisionFields = {
  outcome: z.enum(ZSM_OUTCOMES, { message: 'Kies een beslissing' }),
  otherRoute: z.enum(OTHER_ROUTES).nullable(),
  prosecutorName: z.string().trim().min(1, 'Vul de naam van de officier van justitie in').max(120),
  reason: z.string().trim().min(3, 'Vul de reden van de beslissing in').max(1000),
};
const otherRouteMatchesOutcome = (d: { outcome: string; otherRoute: string | null }) => (d.outcome === 'other_route') === (d.otherRoute !== null);
const OTHER_ROUTE_REFINEMENT = { path: ['otherRoute'], message: 'Kies de andere afdoening (alleen bij een andere afdoening)' };

/** Most records one bulk action may touch: one transaction stays short. */
export const BULK_MAX_ITEMS = 200;

/** The records of a bulk action, each with the version it was shown at; each record at most once. */
function bulkItemsSchema<Item extends z.ZodObject>(item: Item, idOf: (i: z.infer<Item>) => number, noun: { one: string; many: string }) {
  return z
    .array(item)
    .min(1, `Kies minstens één ${noun.one}`)
    .max(BULK_MAX_ITEMS, `Kies hoogstens ${BULK_MAX_ITEMS} ${noun.many} tegelijk; verdeel de selectie over meer keren`)
    .refine((items) => new Set(items.map(idOf)).size === items.length, { message: `Elke ${noun.one} mag maar één keer in de selectie staan` });
}
const bulkCaseItemsSchema = bulkItemsSchema(z.object({ caseId: z.number().int().positive(), expectedVersion: expectedVersionSchema }).strict(), (i) => i.caseId, {
  one: 'zaak',
  many: 'zaken',
});
const bulkReservationItemsSchema = bulkItemsSchema(
  z.object({ reservationId: z.number().int().positive(), expectedVersion: expectedVersionSchema }).strict(),
  (i) => i.reservationId,
  { one: 'reservering', many: 'reserveringen' },
);

/** Per record of a bulk action: done, or refused with the reason in Dutch. */
const bulkResultSchema = z.object({
  results: z.array(
    z.object({
      caseId: z.number().int(),
      /** Null when the case does not exist. */
      parketnummer: z.string().nullable(),
      ok: z.boolean(),
      message: z.string().optional(),
    }),
  ),
});

/**
 * The one API contract. Every transport (Electron IPC, the HTTP host of browser mode) and the renderer's
 * client use these names and schemas; the back end validates every request against them.
 */

const districtSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  locations: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      city: z.string(),
      rooms: z.array(z.object({ id: z.number().int(), name: z.string() })),
    }),
  ),
});

const sessionSummarySchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  date: localDateSchema,
  daypart: z.enum(DAYPARTS),
  startTime: z.string(),
  endTime: z.string(),
  sessionType: z.enum(SESSION_TYPES),
  status: z.enum(SESSION_STATUSES),
  capacitySlots: z.number().int(),
  booked: z.number().int(),
  /** Slots of open prosecution reservations not yet filled; free = capacity - booked - reserved (shared/domain/slot-occupancy.ts). */
  reserved: z.number().int(),
  /** Free slots (never below 0) and, separately, how many cases are booked beyond capacity. */
  free: z.number().int(),
  overbooked: z.number().int(),
  judgeName: z.string().nullable(),
  prosecutorName: z.string().nullable(),
  /** Why a cancelled session was cancelled (null while scheduled). */
  cancelReason: z.string().nullable(),
  /**
   * The cases that were planned on a cancelled session when it was cancelled (from its audit row) and
   * where each is now: back in the planning queue, or planned again. Empty while scheduled.
   */
  cancelledCases: z.array(z.object({ caseId: z.number().int(), parketnummer: z.string(), replanned: z.boolean() })),
  /** The cases on the session's roll (planned or held), in planning order. */
  cases: z.array(
    z.object({
      caseId: z.number().int(),
      /** The case's version (for moving it from the week overview). */
      caseVersion: versionSchema,
      parketnummer: z.string(),
      modality: z.enum(MODALITIES),
      status: z.enum(HEARING_STATUSES),
      pinned: z.boolean(),
      explanation: z.string().nullable(),
    }),
  ),
});

const settingsOverviewSchema = z.object({
  deadlines: z.array(
    z.object({ key: z.string(), label: z.string(), article: z.string(), verify: z.boolean(), confirmed: z.boolean(), value: z.unknown(), defaultValue: z.unknown() }),
  ),
  values: deadlineSettingsSchema,
  equivalentDaysByYear: z.record(z.string(), z.array(z.string())),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), kind: z.enum(['atw', 'equivalent']) })),
  reservationReleaseWorkingDays: z.number().int(),
  /** The settings' version as one record (server/services/context/versions.ts). */
  version: versionSchema,
});

/** The verkeerstoren's counts for one day and session type (free never below 0; overbooking apart). */
const towerCountsSchema = z.object({
  sessions: z.number().int(),
  capacity: z.number().int(),
  reserved: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
  overbooked: z.number().int(),
});

const trafficTowerSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  days: z.array(
    z.object({ date: localDateSchema, weekday: z.number().int().min(1).max(7), byType: z.array(towerCountsSchema.extend({ sessionType: z.enum(SESSION_TYPES) })) }),
  ),
  queue: z.object({
    byModality: z.array(
      z.object({
        modality: z.enum(MODALITIES),
        /** Cases awaiting a session plus those still in intake (they will need one). */
        waiting: z.number().int(),
        /** Of `waiting`: still in intake. */
        inIntake: z.number().int(),
        notReady: z.number().int(),
        overdue: z.number().int(),
        within1: z.number().int(),
        within3: z.number().int(),
        within7: z.number().int(),
      }),
    ),
  }),
  totals: towerCountsSchema.extend({ waiting: z.number().int(), notReady: z.number().int() }),
});

const reservationsOverviewSchema = z.object({
  releaseWorkingDays: z.number().int(),
  /** Who asks (the user of this session of the app), so a prosecutor can show only their own reservations. */
  actor: z.string(),
  sessions: z.array(
    z.object({
      sessionId: z.number().int(),
      date: localDateSchema,
      startTime: z.string(),
      sessionType: z.enum(SESSION_TYPES),
      location: z.string(),
      room: z.string(),
      capacity: z.number().int(),
      booked: z.number().int(),
      /** Open reservations: slots reserved, filled by cases of their modality, and still unfilled. */
      reserved: z.number().int(),
      filled: z.number().int(),
      unfilled: z.number().int(),
      /** Slots open to any case the session takes. */
      free: z.number().int(),
      releaseDueOn: localDateSchema.nullable(),
      /**
       * The modalities a new reservation can be made for: the session is after today, its release date is
       * still ahead, it takes the modality, and it has a free place (a new reservation may take at most `free`).
       */
      reservableModalities: z.array(z.enum(RESERVABLE_MODALITIES)),
      byModality: z.array(z.object({ modality: z.enum(RESERVABLE_MODALITIES), reserved: z.number().int(), filled: z.number().int(), unfilled: z.number().int() })),
      reservations: z.array(
        z.object({
          id: z.number().int(),
          version: versionSchema,
          modality: z.enum(RESERVABLE_MODALITIES),
          slots: z.number().int(),
          filled: z.number().int(),
          unfilled: z.number().int(),
          note: z.string().nullable(),
          reservedBy: z.string(),
          reservedAt: z.string(),
          releaseDueOn: localDateSchema,
          status: z.enum(['open', 'released']),
          releasedAt: z.string().nullable(),
          releasedBy: z.string().nullable(),
          releaseKind: z.enum(RESERVATION_RELEASE_KINDS).nullable(),
          releasedSlots: z.number().int().nullable(),
          /** The booked cases that fill it (booked after it was made), oldest booking first. */
          fillingCases: z.array(z.object({ caseId: z.number().int(), parketnummer: z.string() })),
        }),
      ),
    }),
  ),
});

const DEADLINE_SETTING_KEYS = Object.keys(DEADLINE_SETTING_INFO) as [keyof DeadlineSettings, ...(keyof DeadlineSettings)[]];

/** An ISO-8601 moment with its offset, as the deadline engine reads it. */
const offsetInstant = z
  .string()
  .max(40, 'Geen geldig tijdstip (dd-mm-jjjj uu:mm)')
  .refine((v) => parseOffsetDateTime(v).ok, 'Geen geldig tijdstip (dd-mm-jjjj uu:mm)');

/** A required text field; `what` names the field in the Dutch message ('de naam', 'de plaats'). */
const requiredText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Vul ${what} in`)
    .max(120, `${what.replace(/^de /, '').replace(/^./, (c) => c.toUpperCase())} is te lang (max. 120 tekens)`);

/** One backup of the district file (db/backup.ts), with the result of SQLite's integrity_check. */
const backupItemSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  reason: z.enum(['before-migration', 'manual', 'before-restore']),
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  ok: z.boolean(),
  problems: z.array(z.string()),
});

const queueListInputSchema = z
  .object({
    stage: z.enum(['intake', 'planning']),
    modality: z.enum(MODALITIES).optional(),
    policeUnit: z.string().max(120).optional(),
    readiness: z.enum(['ready', 'waiting']).optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
  })
  .strict();

const reservationsListInputSchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  .strict()
  .refine((w) => w.from <= w.to, { path: ['to'], message: 'Het einde ligt vóór het begin' })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= 120 * 86_400_000, { path: ['to'], message: 'Toon hoogstens vier maanden tegelijk' });

/**
 * `exports.list` (issue 15 item 5): a list as CSV or XLSX with the filters of the list's own operation
 * (the same schemas; the paging fields left out, as the export holds every row; the queue's stage
 * follows from the list). server/services/exports/.
 */
const exportFormatSchema = z.enum(['csv', 'xlsx'], { message: 'Kies CSV of Excel' });
const exportListInputSchema = z.discriminatedUnion('list', [
  z.object({ list: z.literal('workQueue'), filters: queueListInputSchema.omit({ stage: true, offset: true, limit: true }), format: exportFormatSchema }).strict(),
  z.object({ list: z.literal('intake'), filters: queueListInputSchema.omit({ stage: true, offset: true, limit: true }), format: exportFormatSchema }).strict(),
  z.object({ list: z.literal('metricCases'), filters: metrics.metricCasesInputSchema.omit({ offset: true, limit: true }), format: exportFormatSchema }).strict(),
  z.object({ list: z.literal('reservations'), filters: reservationsListInputSchema, format: exportFormatSchema }).strict(),
  // The hand-off queue (cjib.queue) and the problems (planner.problems) take no filters.
  z.object({ list: z.literal('handoffQueue'), filters: z.object({}).strict(), format: exportFormatSchema }).strict(),
  z.object({ list: z.literal('problems'), filters: z.object({}).strict(), format: exportFormatSchema }).strict(),
  z.object({ list: z.literal('courtRoll'), filters: courtRoll.courtRollInputSchema, format: exportFormatSchema }).strict(),
  z.object({ list: z.literal('disclosures'), filters: disclosures.disclosuresListInputSchema.omit({ offset: true, limit: true }), format: exportFormatSchema }).strict(),
]);
export const EXPORT_LISTS = ['workQueue', 'intake', 'metricCases', 'reservations', 'handoffQueue', 'problems', 'courtRoll', 'disclosures'] as const;
export type ExportListName = (typeof EXPORT_LISTS)[number];

export const contract = {
  'district.get': {
    input: z.object({}).strict(),
    output: districtSchema.nullable(),
  },
  'district.create': {
    input: z
      .object({
        code: z
          .string()
          .max(20, 'Vul een code in van 2 tot 6 hoofdletters, bijvoorbeeld MNE')
          .trim()
          .regex(/^[A-Z]{2,6}$/, 'Vul een code in van 2 tot 6 hoofdletters, bijvoorbeeld MNE'),
        name: requiredText('de naam van het arrondissement'),
        locations: z
          .array(
            z
              .object({
                name: requiredText('de naam van de locatie'),
                city: requiredText('de plaats'),
                rooms: z.array(requiredText('de naam van de zaal')).min(1, 'Vul minstens één zaal in').max(50, 'Hoogstens 50 zalen per locatie'),
              })
              .strict(),
          )
          .min(1, 'Minstens één zittingslocatie')
          .max(50, 'Hoogstens 50 zittingslocaties')
          .superRefine((locations, ctx) => {
            const seen = new Set<string>();
            locations.forEach((location, index) => {
              const key = location.name.toLowerCase();
              if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `Locatie '${location.name}' staat er twee keer in` });
              seen.add(key);
              const rooms = new Set<string>();
              location.rooms.forEach((room, roomIndex) => {
                if (rooms.has(room.toLowerCase())) ctx.addIssue({ code: 'custom', path: [index, 'rooms', roomIndex], message: `Zaal '${room}' staat twee keer bij deze locatie` });
                rooms.add(room.toLowerCase());
              });
            });
          }),
      })
      .strict(),
    output: districtSchema,
  },
  'demo.load': {
    input: z.object({ seed: z.number().int().min(0).optional() }).strict(),
    output: z.object({ districtName: z.string(), sessions: z.number().int(), cases: z.number().int() }),
  },
  'sessions.week': {
    input: z
      .object({
        weekStart: localDateSchema.refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, {
          message: 'weekStart moet een maandag zijn',
        }),
      })
      .strict(),
    output: z.object({
      weekStart: localDateSchema,
      days: z.array(localDateSchema),
      locations: z.array(
        z.object({
          id: z.number().int(),
          name: z.string(),
          rooms: z.array(z.object({ id: z.number().int(), name: z.string(), sessions: z.array(sessionSummarySchema) })),
        }),
      ),
      totals: z.object({ sessions: z.number().int(), capacitySlots: z.number().int(), booked: z.number().int(), reserved: z.number().int(), free: z.number().int() }),
    }),
  },
  // The capacity model: session templates, closures, generation and single-session exceptions.
  'capacity.overview': { input: capacity.overviewInputSchema, output: capacity.capacityOverviewSchema },
  'capacity.saveTemplate': { input: capacity.templateInputSchema, output: capacity.templateSchema },
  'capacity.deactivateTemplate': { input: capacity.templateDeactivateInputSchema, output: capacity.templateSchema },
  'capacity.generate': { input: capacity.generateInputSchema, output: capacity.generationResultSchema },
  'capacity.addClosure': { input: capacity.closureInputSchema, output: capacity.closureResultSchema },
  'capacity.removeClosure': { input: capacity.closureRemoveInputSchema, output: capacity.closureSchema },
  'sessions.cancel': { input: capacity.sessionCancelInputSchema, output: capacity.cancelResultSchema },
  'sessions.addExtra': { input: capacity.extraSessionInputSchema, output: capacity.capacitySessionSchema },
  'sessions.update': { input: capacity.sessionUpdateInputSchema, output: capacity.capacitySessionSchema },
  // The court roll (zittingsrol) of one session, for the printable roll page, its PDF and the CSV/XLSX export.
  'sessions.courtRoll': { input: courtRoll.courtRollInputSchema, output: courtRoll.courtRollSchema },
  'cases.create': {
    input: caseIntakeSchema,
    output: z.object({ id: z.number().int() }),
  },
  'cases.import': {
    input: z
      .object({
        fileName: z.string().min(1).max(260),
        /** The file's bytes, base64: the same on IPC and HTTP. At most 20 MB. */
        contentBase64: z.string().max(28_000_000, 'Bestand te groot (max. 20 MB)'),
        mode: z.enum(IMPORT_MODES),
        dryRun: z.boolean(),
      })
      .strict(),
    output: importReportSchema,
  },
  'cases.importProgress': {
    /** The request id the caller gave its cases.import (one per user action). */
    input: z.object({ requestId: z.string().min(1).max(100) }).strict(),
    output: z.object({ rowsRead: z.number().int(), finished: z.boolean() }).nullable(),
  },
  'cases.importTemplate': {
    input: z.object({ format: z.enum(['csv', 'xlsx']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  },
  'cases.find': {
    input: z.object({ parketnummer: z.string().trim().min(1, 'Vul een parketnummer in').max(40) }).strict(),
    output: z.object({ id: z.number().int() }),
  },
  /** The header's search box: cases by any part of name, parketnummer, police unit or offence (migration 0018). */
  'cases.search': { input: caseSearchInputSchema, output: caseSearchOutputSchema },
  'cases.get': {
    input: z.object({ id: z.number().int().positive().max(MAX_ROW_ID, 'Zaak: onbekend nummer') }).strict(),
    output: caseDetailSchema,
  },
  'cases.updateEvents': {
    input: z
      .object({
        caseId: z.number().int().positive(),
        changes: z
          .object({
            arrestedAt: offsetInstant.nullable(),
            custodyOrderedAt: offsetInstant.nullable(),
            custodyExtendedAt: offsetInstant.nullable(),
            remandOrderedAt: offsetInstant.nullable(),
            summonsServedAt: offsetInstant.nullable(),
            shortTermConsent: z.boolean(),
            coDefendantGroup: coDefendantGroupSchema.nullable(),
            estimatedMinutes: estimatedMinutesSchema.nullable(),
            /** While the summons is not served: the day it is expected to be (YYYY-MM-DD); null = now. */
            expectedSummonsServiceOn: localDateSchema.nullable(),
          })
          .partial()
          .strict(),
        reason: z.string().trim().min(3, 'Vul de reden van de wijziging in').max(1000),
        expectedVersion: expectedVersionSchema,
      })
      .strict(),
    output: caseDetailSchema,
  },
  /** Corrects the case's and suspect's details after intake (name, date of birth, address, lawyer, police unit, offence); audited with old and new values. */
  'cases.updateDetails': {
    input: z
      .object({
        caseId: z.number().int().positive(),
        changes: caseDetailChangesSchema,
        reason: z.string().trim().min(3, 'Vul de reden van de correctie in').max(1000, 'Reden is te lang (ten hoogste 1000 tekens)'),
        expectedVersion: expectedVersionSchema,
      })
      .strict(),
    output: caseDetailSchema,
  },
  'cases.setPrecondition': {
    input: z
      .object({
        caseId: z.number().int().positive(),
        kind: z.enum(PRECONDITION_KINDS, { message: 'Kies een voorwaarde' }),
        status: z.enum(PRECONDITION_STATUSES, { message: 'Kies de stand van de voorwaarde' }),
        expectedOn: localDateSchema.nullable(),
        note: z.string().trim().max(500, 'Toelichting te lang (max. 500 tekens)').nullable(),
        expectedVersion: expectedVersionSchema,
      })
      .strict(),
    output: caseDetailSchema,
  },
  'cases.removePrecondition': {
    input: z
      .object({ caseId: z.number().int().positive(), kind: z.enum(PRECONDITION_KINDS, { message: 'Kies een voorwaarde' }), expectedVersion: expectedVersionSchema })
      .strict(),
    output: caseDetailSchema,
  },
  'cases.releaseToPlanning': {
    input: z
      .object({ caseId: z.number().int().positive(), reason: z.string().trim().min(3, 'Vul de reden in').max(1000), expectedVersion: expectedVersionSchema })
      .strict(),
    output: caseDetailSchema,
  },
  'zsm.decide': {
    input: z
      .object({ caseId: z.number().int().positive(), ...zsmDecisionFields, expectedVersion: expectedVersionSchema })
      .strict()
      .refine(otherRouteMatchesOutcome, OTHER_ROUTE_REFINEMENT),
    output: caseDetailSchema,
  },
  /** One ZSM decision for many cases (issue 15): each case checked and recorded on its own; one refusal never stops the others. */
  'zsm.decideMany': {
    input: z
      .object({ items: bulkCaseItemsSchema, ...zsmDecisionFields })
      .strict()
      .refine(otherRouteMatchesOutcome, OTHER_ROUTE_REFINEMENT),
    output: bulkResultSchema,
  },
  'queue.list': { input: queueListInputSchema, output: workQueuePageSchema },
  'planner.run': {
    input: z
      .object({
        from: localDateSchema,
        to: localDateSchema,
        dryRun: z.boolean(),
        /** Hold back slots on near sessions for expected urgent arrivals (shared/planner/forecast-reserve.ts). */
        holdBackForUrgent: z.boolean().optional(),
        /** Also replan hearings already planned in the window; announced ones inside the summons window stay. */
        replan: z.boolean().optional(),
      })
      .strict()
      .refine((w) => w.from <= w.to, { path: ['to'], message: 'Het einde ligt vóór het begin' })
      .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= 400 * 86_400_000, { path: ['to'], message: 'Plan hoogstens een jaar tegelijk' }),
    output: plannerSummarySchema,
  },
  'planner.place': {
    input: z
      .object({
        caseId: z.number().int().positive(),
        sessionId: z.number().int().positive().nullable(),
        pin: z.boolean(),
        reason: z.string().trim().min(3, 'Vul de reden in').max(1000),
        confirmBreach: z.boolean(),
        /** The case's version. */
        expectedVersion: expectedVersionSchema,
      })
      .strict(),
    /** `undo`: a move's or unplan's undo token (history.undo); null for a first placement. */
    output: z.object({ breaches: z.array(z.string()), detail: caseDetailSchema, undo: undoTokenSchema.nullable().optional() }),
  },
  /** Undo of a move, unplan, session cancellation or recorded plan: the reverse action, all or nothing (server/services/history/undo.ts). */
  'history.undo': { input: undoInputSchema, output: undoResultSchema },
  /** Several cases onto one session (planned ones move, waiting ones are placed), each with the single move's rules; breaches are refused, never confirmed in bulk. */
  'planner.moveMany': {
    input: z
      .object({
        items: bulkCaseItemsSchema,
        sessionId: z.number({ message: 'Kies een zitting' }).int().positive('Kies een zitting'),
        pin: z.boolean(),
        reason: z.string().trim().min(3, 'Vul de reden in').max(1000),
      })
      .strict(),
    output: bulkResultSchema,
  },
  /** Several planned cases out of the planning, back to the planning queue. */
  'planner.unplanMany': {
    input: z.object({ items: bulkCaseItemsSchema, reason: z.string().trim().min(3, 'Vul de reden in').max(1000) }).strict(),
    output: bulkResultSchema,
  },
  'planner.candidates': {
    input: z.object({ caseId: z.number().int().positive(), from: localDateSchema, to: localDateSchema }).strict(),
    output: z.array(
      z.object({
        sessionId: z.number().int(),
        date: z.string(),
        startTime: z.string(),
        sessionType: z.enum(SESSION_TYPES),
        location: z.string(),
        room: z.string(),
        free: z.number().int(),
        breaches: z.array(z.string()),
      }),
    ),
  },
  'reservations.list': { input: reservationsListInputSchema, output: reservationsOverviewSchema },
  'reservations.reserve': {
    input: z
      .object({
        sessionId: z.number({ message: 'Kies een zitting' }).int().positive('Kies een zitting'),
        modality: z.enum(RESERVABLE_MODALITIES, { message: 'Kies een modaliteit' }),
        slots: z.number({ message: 'Vul het aantal plaatsen in' }).int('Het aantal plaatsen moet een geheel getal zijn').min(1, 'Reserveer minstens 1 plaats').max(50, 'Reserveer hoogstens 50 plaatsen'),
        note: z.string().trim().max(500, 'De toelichting is te lang (max. 500 tekens)').optional(),
      })
      .strict(),
    output: z.object({ id: z.number().int(), releaseDueOn: localDateSchema }),
  },
  'reservations.release': {
    input: z
      .object({
        reservationId: z.number().int().positive(),
        reason: z.string().trim().min(3, 'Vul de reden van de vrijgave in').max(1000),
        expectedVersion: expectedVersionSchema,
      })
      .strict(),
    output: z.object({ releasedSlots: z.number().int() }),
  },
  /** Several reservations released at once, each with the single release's rules. */
  'reservations.releaseMany': {
    input: z
      .object({ items: bulkReservationItemsSchema, reason: z.string().trim().min(3, 'Vul de reden van de vrijgave in').max(1000) })
      .strict(),
    output: z.object({
      results: z.array(z.object({ reservationId: z.number().int(), ok: z.boolean(), releasedSlots: z.number().int().optional(), message: z.string().optional() })),
    }),
  },
  'planner.problems': {
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        kind: z.enum(PROBLEM_KINDS),
        severity: z.enum(PROBLEM_SEVERITIES),
        date: z.string(),
        sessionId: z.number().int().nullable(),
        caseId: z.number().int().nullable(),
        subject: z.string(),
      }),
    ),
  },
  /** A scenario next to the real plan (capacity changed, a past intake replayed); writes nothing. */
  'planner.whatIf': { input: whatIfInputSchema, output: whatIfResultSchema },
  'planner.tower': {
    input: z.object({ from: localDateSchema.optional() }).strict(),
    output: trafficTowerSchema,
  },
  'people.list': { input: z.object({}).strict(), output: rota.rotaOverviewSchema },
  'people.save': { input: rota.savePersonInputSchema, output: z.object({ id: z.number().int() }) },
  'people.deactivate': { input: rota.deactivatePersonInputSchema, output: z.object({ id: z.number().int() }) },
  'people.addUnavailability': { input: rota.addUnavailabilityInputSchema, output: rota.addUnavailabilityOutputSchema },
  'people.removeUnavailability': { input: rota.removeUnavailabilityInputSchema, output: z.object({ id: z.number().int() }) },
  'people.import': { input: rota.rotaImportInputSchema, output: rota.rotaImportReportSchema },
  'people.importTemplate': { input: z.object({}).strict(), output: rota.fileDownloadSchema },
  'sessions.assign': { input: rota.assignSessionInputSchema, output: rota.assignSessionOutputSchema },
  // Hearing outcomes and decisions (issue 5): the session's roll, judgments, penalty orders, signals.
  'outcomes.roll': { input: outcomes.rollInputSchema, output: outcomes.rollSchema },
  'outcomes.record': { input: outcomeRecordSchema, output: outcomes.recordResultSchema },
  'outcomes.correct': { input: outcomeCorrectionSchema, output: outcomes.recordResultSchema },
  'decisions.forCase': { input: outcomes.decisionsForCaseInputSchema, output: z.array(outcomes.decisionSchema) },
  'decisions.recordPenaltyOrder': { input: outcomes.penaltyOrderInputSchema, output: outcomes.decisionSchema },
  'decisions.updateSignals': { input: outcomes.updateSignalsInputSchema, output: outcomes.decisionSchema },
  'decisions.update': { input: outcomes.updateDecisionInputSchema, output: outcomes.decisionSchema },
  'decisions.markSigned': { input: outcomes.markSignedInputSchema, output: outcomes.decisionSchema },
  /** CJIB's acknowledgements, returns and execution updates: every message checked, then all or nothing (docs/cjib-exchange.md). */
  'cjib.importResponses': { input: responseImportInputSchema, output: responseImportReportSchema },
  /** Every hand-off CJIB has not acknowledged, grouped, with the Wet USB countdowns and completeness problems. */
  'cjib.queue': { input: z.object({}).strict(), output: handoff.handoffQueueSchema },
  /** A batch (JSON + CSV, docs/cjib-exchange.md) of the chosen or all ready hand-offs; they become 'sent'. */
  'cjib.export': { input: handoff.cjibExportInputSchema, output: handoff.cjibBatchFilesSchema },
  /** An earlier batch again, byte for byte; refused when its data changed since. */
  'cjib.resend': { input: handoff.cjibResendInputSchema, output: handoff.cjibBatchFilesSchema },
  /** A returned hand-off corrected: waiting again for the next batch (needs the completeness check to pass). */
  'cjib.markReworked': { input: handoff.cjibReworkInputSchema, output: handoff.cjibReworkResultSchema },
  /** A case from arrest to completed execution: every step with when, what, who and why (oldest first). */
  'cases.timeline': {
    input: z.object({ caseId: z.number().int().positive().max(MAX_ROW_ID, 'Zaak: onbekend nummer') }).strict(),
    output: z.object({
      caseId: z.number().int(),
      parketnummer: z.string(),
      entries: z.array(z.object({ at: z.string(), kind: z.string(), what: z.string(), who: z.string().nullable(), why: z.string().nullable() })),
      throughput: z.object({
        startedAt: z.string().nullable(),
        firstHearingAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        arrestToHearingDays: z.number().int().nullable(),
        offenceToCompletedDays: z.number().int().nullable(),
      }),
    }),
  },
  'review.agreements.list': { input: review.agreementsListInputSchema, output: review.agreementsListSchema },
  'review.agreements.save': { input: review.saveAgreementInputSchema, output: z.object({ id: z.number().int() }) },
  'review.signals.list': { input: review.signalsListInputSchema, output: review.signalsListSchema },
  'review.signals.save': { input: review.saveSignalInputSchema, output: z.object({ id: z.number().int() }) },
  'monitoring.export': { input: monitoring.monitoringExportInputSchema, output: monitoring.monitoringExportFileSchema },
  'metrics.dashboard': { input: metrics.dashboardFiltersSchema, output: metrics.dashboardSchema },
  'metrics.cases': { input: metrics.metricCasesInputSchema, output: metrics.metricCasesSchema },
  /** A list (work queue, intake, dashboard drill-down, reservations, hand-off queue, problems, court roll) as CSV or XLSX. */
  'exports.list': {
    input: exportListInputSchema,
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string(), rowCount: z.number().int() }),
  },
  // Backups of the district file (issue 12): listed with their check; a new one on request.
  'backups.list': {
    input: z.object({}).strict(),
    output: z.object({
      databasePath: z.string(),
      folder: z.string(),
      keepLast: z.number().int(),
      keepMonths: z.number().int(),
      backups: z.array(backupItemSchema),
    }),
  },
  'backups.create': {
    input: z.object({}).strict(),
    output: z.object({ backup: backupItemSchema, removed: z.number().int() }),
  },
  'settings.get': {
    input: z.object({}).strict(),
    output: settingsOverviewSchema,
  },
  'settings.update': {
    input: z
      .object({
        deadlines: deadlineSettingsSchema.strict(),
        equivalentDaysByYear: courtCalendarSettingsSchema.shape.equivalentDaysByYear,
        /** The settings whose reading the district confirmed: only known setting names, each once. */
        confirmed: z
          .array(z.enum(DEADLINE_SETTING_KEYS, { message: 'Onbekende instelling bij "bevestigd"' }))
          .max(DEADLINE_SETTING_KEYS.length, 'Een instelling staat twee keer bij "bevestigd"'),
        /** Omitted: unchanged. */
        reservationReleaseWorkingDays: reservationReleaseWorkingDaysSchema.optional(),
        reason: z.string().trim().min(3, 'Vul de reden van de wijziging in').max(1000),
        expectedVersion: expectedVersionSchema,
      })
      .strict(),
    output: z.object({ recomputedCases: z.number().int(), overview: settingsOverviewSchema }),
  },
  // Retention of personal data of finished cases (issue 12, AVG art. 5 lid 1 onder e): docs/retention.md.
  'retention.preview': { input: retention.retentionPreviewInputSchema, output: retention.retentionPreviewSchema },
  'retention.apply': { input: retention.retentionApplyInputSchema, output: retention.retentionApplySchema },
  'retention.setTerm': { input: retention.retentionSetTermInputSchema, output: retentionTermSchema },
  // Calendars (issue 15 item 6): an ICS file per judge, prosecutor and courtroom, built on request.
  'calendars.get': { input: calendars.calendarGetInputSchema, output: calendars.calendarFileSchema },
  'calendars.subjects': { input: z.object({}).strict(), output: calendars.calendarSubjectsSchema },
  // Notifications per role (issue 15, item 7): derived from the data on every read; only the 'done' mark is stored.
  'notifications.list': { input: notifications.notificationsListInputSchema, output: notifications.notificationsListSchema },
  'notifications.markDone': { input: notifications.notificationsMarkDoneInputSchema, output: notifications.notificationsMarkDoneSchema },
  // The log of reads of personal data (issue 13 item 5, docs/disclosures.md): for the administrator.
  'disclosures.list': { input: disclosures.disclosuresListInputSchema, output: disclosures.disclosuresListSchema },
  'disclosures.setTerm': { input: disclosures.disclosuresSetTermInputSchema, output: disclosures.disclosureTermSchema },
  /** Reads a desktop answered from its local copy while offline (issue 14): traced on the server when it is back. */
  'disclosures.recordOffline': { input: offlineReads.recordOfflineReadsInputSchema, output: offlineReads.recordOfflineReadsOutputSchema },
  // A desktop's local copy of what the person may see (issue 14, docs/offline.md): the district server only.
  'sync.tables': { input: sync.syncTablesInputSchema, output: sync.syncTablesOutputSchema },
  'sync.copyPage': { input: sync.copyPageInputSchema, output: sync.copyPageOutputSchema },
  'sync.changes': { input: sync.changesInputSchema, output: sync.changesOutputSchema },
  'sync.rows': { input: sync.rowsInputSchema, output: sync.rowsOutputSchema },
  /** A desktop's decision on a write the server refused (issue 14): audited on the server. */
  'sync.resolveConflict': { input: syncConflicts.resolveConflictInputSchema, output: syncConflicts.resolveConflictOutputSchema },
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export type WeekOverview = OperationOutput<'sessions.week'>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type DistrictInfo = z.infer<typeof districtSchema>;
export type SettingsOverview = OperationOutput<'settings.get'>;
export type BackupItem = z.infer<typeof backupItemSchema>;
export type ReservationsOverview = z.infer<typeof reservationsOverviewSchema>;
