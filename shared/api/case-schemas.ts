import { z } from 'zod';
import { historyUndoFields, undoTokenSchema } from './undo-schemas';
import { CASE_STATUSES, HEARING_STATUSES } from '../domain/case-status';
import { FILLER_KINDS, MODALITIES } from '../domain/modality';
import { READINESS_GAPS } from '../domain/planning-readiness';
import { PRECONDITION_KINDS, PRECONDITION_STATUSES } from '../domain/precondition';
import { OTHER_ROUTES, ZSM_OUTCOMES } from '../domain/zsm-outcome';
import { deadlineResultSchema } from '../deadlines/result';
import { versionSchema } from './record-version';

const instant = z.string();
const nullableInstant = instant.nullable();

export const caseDetailSchema = z.object({
  id: z.number().int(),
  /** Sent back as `expectedVersion` by every edit of the case (no lost updates). */
  version: versionSchema,
  parketnummer: z.string(),
  status: z.enum(CASE_STATUSES),
  modality: z.enum(MODALITIES),
  fillerKind: z.enum(FILLER_KINDS).nullable(),
  policeUnit: z.string(),
  offenceSummary: z.string(),
  offenceAt: nullableInstant,
  events: z.object({
    arrestedAt: nullableInstant,
    custodyOrderedAt: nullableInstant,
    custodyExtendedAt: nullableInstant,
    remandOrderedAt: nullableInstant,
    summonsServedAt: nullableInstant,
    judgmentAt: nullableInstant,
    penaltyOrderDeliveredAt: nullableInstant,
  }),
  shortTermConsent: z.boolean(),
  createdAt: instant,
  suspect: z.object({
    fullName: z.string(),
    dateOfBirth: z.string(),
    summonsAddress: z.string().nullable(),
    lawyerName: z.string().nullable(),
    /** Age at the offence (else the arrest, else today); `minor`: 12 to 17 then, juvenile law (art. 77a Sr ff.). */
    age: z.object({ years: z.number().int(), on: z.string(), basis: z.enum(['offence', 'arrest', 'today']), minor: z.boolean() }).nullable(),
  }),
  deadlines: deadlineResultSchema,
  readinessGaps: z.array(z.enum(READINESS_GAPS)),
  /** Ready from this moment (start of the latest expected date of pending preconditions); null = no date pending. */
  readyFrom: nullableInstant,
  preconditions: z.array(
    z.object({
      kind: z.enum(PRECONDITION_KINDS),
      status: z.enum(PRECONDITION_STATUSES),
      expectedOn: z.string().nullable(),
      metOn: z.string().nullable(),
      note: z.string().nullable(),
      updatedAt: instant,
      updatedBy: z.string(),
    }),
  ),
  coDefendantGroup: z.string().nullable(),
  coDefendants: z.array(z.object({ id: z.number().int(), parketnummer: z.string(), status: z.enum(CASE_STATUSES), suspectName: z.string() })),
  estimatedMinutes: z.number().int().nullable(),
  /** While the summons is not served: the day it is expected to be (YYYY-MM-DD); null = now. */
  expectedSummonsServiceOn: z.string().nullable(),
  /**
   * With a planned hearing and the summons not yet served: the last day to serve it, the session minus
   * the summons term (art. 265 lid 1 Sv, art. 370 Sv; Atw as the district settings say). Null otherwise.
   */
  summonsServeBy: z.string().nullable(),
  zsmDecisions: z.array(
    z.object({
      id: z.number().int(),
      outcome: z.enum(ZSM_OUTCOMES),
      otherRoute: z.enum(OTHER_ROUTES).nullable(),
      prosecutorName: z.string(),
      reason: z.string(),
      decidedAt: instant,
      recordedBy: z.string(),
    }),
  ),
  hearings: z.array(
    z.object({ id: z.number().int(), status: z.enum(HEARING_STATUSES), sessionId: z.number().int(), date: z.string(), startTime: z.string(), explanation: z.string().nullable() }),
  ),
  history: z.array(
    z.object({
      id: z.number().int(),
      occurredAt: instant,
      actor: z.string(),
      action: z.string(),
      reason: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
      ...historyUndoFields,
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;

export const importReportSchema = z.object({
  fileName: z.string(),
  mode: z.enum(IMPORT_MODES),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  committed: z.number().int(),
  fileProblems: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const URGENCIES = ['infeasible', 'overdue', 'urgent', 'soon', 'normal', 'none'] as const;

export const workQueuePageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  policeUnits: z.array(z.string()),
  rows: z.array(
    z.object({
      id: z.number().int(),
      /** The case's version (bulk actions from the queue send it back as expectedVersion). */
      version: versionSchema,
      parketnummer: z.string(),
      suspectName: z.string(),
      modality: z.enum(MODALITIES),
      policeUnit: z.string(),
      offenceSummary: z.string(),
      /** The limit that binds planning now, and what kind of limit it is. */
      nextLimit: nullableInstant,
      nextLimitKind: z.enum(['voorgeleiding', 'hearing', 'target', 'none']),
      hearingBy: nullableInstant,
      hearingFrom: nullableInstant,
      hearingTargetBy: nullableInstant,
      limitIsHard: z.boolean(),
      hoursLeft: z.number().int().nullable(),
      workingDaysLeft: z.number().int().nullable(),
      urgency: z.enum(URGENCIES),
      readinessGaps: z.array(z.enum(READINESS_GAPS)),
      /** Set while the case is ready only from a later moment (a precondition's expected date). */
      readyFrom: nullableInstant,
      coDefendantGroup: z.string().nullable(),
    }),
  ),
});
export type WorkQueuePage = z.infer<typeof workQueuePageSchema>;
export type WorkQueueRow = WorkQueuePage['rows'][number];

export const plannerSummarySchema = z.object({
  dryRun: z.boolean(),
  from: z.string(),
  to: z.string(),
  planned: z.array(z.object({ caseId: z.number().int(), parketnummer: z.string(), sessionId: z.number().int(), date: z.string(), explanation: z.string() })),
  infeasible: z.array(z.object({ caseId: z.number().int(), parketnummer: z.string(), reason: z.string(), options: z.array(z.string()) })),
  unplanned: z.array(z.object({ caseId: z.number().int(), parketnummer: z.string() })),
  notReady: z.number().int(),
  fillRateBySessionType: z.array(z.object({ sessionType: z.string(), capacity: z.number().int(), booked: z.number().int(), fillRate: z.number() })),
  moves: z.number().int(),
  /** Announced hearings the plan moves (replanning only), each with the planner's reason. */
  moved: z.array(z.object({ caseId: z.number().int(), parketnummer: z.string(), fromSessionId: z.number().int(), toSessionId: z.number().int(), date: z.string(), explanation: z.string() })),
  /** Announced hearings kept in place because a new summons could not be served in time for another date. */
  pinnedBySummonsWindow: z.number().int(),
  objective: z.number(),
  runTimeMs: z.number(),
  /** Slots held back for expected urgent arrivals (only when the run asked for it). */
  heldBack: z.array(z.object({ sessionId: z.number().int(), date: z.string(), slots: z.number().int(), explanation: z.string() })).optional(),
  /** A recorded plan's undo token (history.undo unplans what it placed); null for a proposal or when nothing was recorded. */
  undo: undoTokenSchema.nullable().optional(),
});
export type PlannerSummary = z.infer<typeof plannerSummarySchema>;
