import { z } from 'zod';
import { localDateSchema } from '../api/local-date';
import { HEARD_MODALITIES, MODALITIES } from '../domain/modality';
import { BACKLOG_BUCKETS } from './caseload';
import { drillSchema } from './drill';
import { CHAIN_STEPS } from './metric-rows';

const count = z.number().int();
const rate = z.number().nullable();
const modalityCounts = z.record(z.enum(MODALITIES), count);

export const dashboardFiltersSchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    modality: z.enum(MODALITIES).optional(),
    locationId: z.number().int().positive().optional(),
    policeUnit: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((f) => f.from <= f.to, { message: 'Tot en met: ligt vóór de begindatum; kies een latere einddatum of een eerdere begindatum', path: ['to'] })
  .refine((f) => Number(f.to.slice(0, 4)) - Number(f.from.slice(0, 4)) <= 10, { message: 'Van: de periode is langer dan tien jaar; kies een latere begindatum of een eerdere einddatum', path: ['from'] });

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

/** A count with the drill key of the cases behind it. */
const figure = z.object({ value: count, drill: drillSchema });
const compliance = z.object({ measured: count, met: count, missed: count, rate, drillMet: drillSchema, drillMissed: drillSchema });
const distribution = z.object({ count, median: z.number().nullable(), p80: z.number().nullable(), p90: z.number().nullable() });

const fairnessGroup = z.object({
  key: z.string(),
  label: z.string(),
  cases: count,
  measured: count,
  met: count,
  complianceRate: rate,
  medianWaitingDays: z.number().nullable(),
  complianceDifference: z.number().nullable(),
  waitingDifference: z.number().nullable(),
  complianceFlagged: z.boolean(),
  waitingFlagged: z.boolean(),
  drill: drillSchema,
});
const fairnessTable = z.object({
  overall: z.object({ cases: count, measured: count, met: count, complianceRate: rate, medianWaitingDays: z.number().nullable() }),
  groups: z.array(fairnessGroup),
});

export const dashboardSchema = z.object({
  filters: z.object({ from: localDateSchema, to: localDateSchema, asOf: localDateSchema }),
  intake: z.object({
    total: figure,
    byModality: z.array(z.object({ modality: z.enum(MODALITIES), count, drill: drillSchema })),
    byPoliceUnit: z.array(z.object({ policeUnit: z.string(), count, drill: drillSchema })),
    weekly: z.array(z.object({ weekStart: localDateSchema, byModality: modalityCounts, total: count, drill: drillSchema })),
  }),
  sessions: z.object({
    sessionsHeld: count,
    slotsAvailable: count,
    slotsReserved: count,
    slotsUsed: figure,
    fillRate: rate,
    weekly: z.array(z.object({ weekStart: localDateSchema, available: count, used: count, fillRate: rate, drill: drillSchema })),
  }),
  legal: compliance,
  target: compliance,
  complianceMonthly: z.array(z.object({ month: z.string(), legalRate: rate, legalMeasured: count, targetRate: rate, targetMeasured: count, drill: drillSchema })),
  throughput: z.array(
    distribution.extend({ from: z.enum(CHAIN_STEPS), to: z.enum(CHAIN_STEPS), inconsistent: count, drill: drillSchema }),
  ),
  backlog: z.array(z.object({ bucket: z.enum(BACKLOG_BUCKETS), count, drill: drillSchema })),
  pendingAge: distribution.extend({ drill: drillSchema }),
  returns: z.object({ total: figure, byCode: z.array(z.object({ code: z.string(), count, drill: drillSchema })) }),
  adjournments: z.object({ hearings: count, adjourned: figure, share: rate }),
  clearance: z.object({
    incoming: figure,
    outgoing: figure,
    rate,
    monthly: z.array(z.object({ month: z.string(), incoming: count, outgoing: count, rate })),
  }),
  timeToDisposition: distribution.extend({ drill: drillSchema }),
  dateCertainty: compliance,
  forecast: z.array(
    z.object({
      weekStart: localDateSchema,
      expected: z.record(z.enum(HEARD_MODALITIES), z.number()),
      expectedTotal: z.number(),
      capacitySlots: count,
      freeSlots: count,
      planned: count,
      drill: drillSchema,
    }),
  ),
  fairness: z.object({ byPoliceUnit: fairnessTable, byLocation: fairnessTable, complianceMarginPoints: z.number(), waitingMarginDays: z.number() }),
  /** Police units and locations for the filters. */
  options: z.object({ policeUnits: z.array(z.string()), locations: z.array(z.object({ id: z.number().int(), name: z.string() })) }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const metricCasesInputSchema = z
  .object({
    drill: drillSchema,
    filters: dashboardFiltersSchema,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const metricCasesSchema = z.object({
  total: count,
  offset: count,
  rows: z.array(
    z.object({
      caseId: z.number().int(),
      parketnummer: z.string(),
      modality: z.enum(MODALITIES),
      policeUnit: z.string(),
      /** The dates that matter for the figure, labelled in Dutch (e.g. 'Zitting', 'Uiterste zittingsdatum'). */
      dates: z.array(z.object({ label: z.string(), value: z.string() })),
      detail: z.string().nullable(),
    }),
  ),
});
export type MetricCases = z.infer<typeof metricCasesSchema>;
