import { z } from 'zod';
import { localDateSchema } from '../api/local-date';
import { DEFAULT_MIN_CELL_SIZE, MIN_CELL_SIZE_RANGE } from './disclosure-control';

export const MONITORING_FORMAT = 'ketenplanner-monitoring';
/** 2: month instead of ISO week, day bands instead of day offsets, k-anonymity (docs/monitoring-export.md). */
export const MONITORING_FORMAT_VERSION = 2;

/**
 * Cases whose reference day (arrest, else registration) falls in [from, to]; both optional. `k`: the
 * smallest group of records sharing their quasi-identifiers (default 5; shared/monitoring/disclosure-control.ts).
 */
export const monitoringExportInputSchema = z
  .object({
    from: localDateSchema.optional(),
    to: localDateSchema.optional(),
    k: z.number().int().min(MIN_CELL_SIZE_RANGE.min).max(MIN_CELL_SIZE_RANGE.max).default(DEFAULT_MIN_CELL_SIZE),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'Tot en met: ligt vóór de begindatum', path: ['to'] });

export const monitoringExportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  recordCount: z.number().int(),
  /** Records left out by the disclosure control (their group stayed smaller than k). */
  suppressedRecords: z.number().int(),
});

export type MonitoringExportInput = z.output<typeof monitoringExportInputSchema>;
