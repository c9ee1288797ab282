import { z } from 'zod';
import { localDateSchema } from '../api/local-date';

export const MONITORING_FORMAT = 'ketenplanner-monitoring';
export const MONITORING_FORMAT_VERSION = 1;

/** Cases whose reference day (arrest, else registration) falls in [from, to]; both optional. */
export const monitoringExportInputSchema = z
  .object({ from: localDateSchema.optional(), to: localDateSchema.optional() })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'Tot en met: ligt vóór de begindatum', path: ['to'] });

export const monitoringExportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  recordCount: z.number().int(),
});

export type MonitoringExportInput = z.infer<typeof monitoringExportInputSchema>;
