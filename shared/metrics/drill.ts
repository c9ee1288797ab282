import { z } from 'zod';
import { BACKLOG_BUCKETS } from './caseload';
import { CHAIN_STEPS } from './metric-rows';

/**
 * A drill key names the cases behind one figure: 'kind' or 'kind:value' (value URI-encoded).
 * The dashboard puts it on every figure; metrics.cases lists the cases for it.
 */
export const DRILL_KINDS = [
  'intake',
  'intake-modality',
  'intake-unit',
  'intake-week',
  'slots-used',
  'slots-week',
  'legal-met',
  'legal-missed',
  'target-met',
  'target-missed',
  'legal-month',
  'throughput',
  'backlog',
  'pending',
  'returned',
  'returned-code',
  'adjourned',
  'certainty-first',
  'certainty-changed',
  'disposed',
  'fairness-unit',
  'fairness-location',
  'planned-week',
] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

export interface Drill {
  kind: DrillKind;
  value: string | null;
}

export const makeDrill = (kind: DrillKind, value?: string | number) => (value === undefined ? kind : `${kind}:${encodeURIComponent(String(value))}`);

const NEEDS_VALUE = new Set<DrillKind>(['intake-modality', 'intake-unit', 'intake-week', 'slots-week', 'legal-month', 'throughput', 'backlog', 'returned-code', 'fairness-unit', 'fairness-location', 'planned-week']);

export function parseDrill(text: string): Drill | null {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)) as DrillKind;
  if (!(DRILL_KINDS as readonly string[]).includes(kind)) return null;
  let value: string | null = null;
  if (colon >= 0) {
    try {
      value = decodeURIComponent(text.slice(colon + 1));
    } catch {
      return null;
    }
  }
  if (NEEDS_VALUE.has(kind) !== (value !== null && value !== '')) return null;
  if (kind === 'backlog' && !(BACKLOG_BUCKETS as readonly string[]).includes(value!)) return null;
  if (kind === 'throughput') {
    const [a, b] = value!.split('-');
    if (!(CHAIN_STEPS as readonly string[]).includes(a ?? '') || !(CHAIN_STEPS as readonly string[]).includes(b ?? '')) return null;
  }
  return { kind, value };
}

export const drillSchema = z.string().max(300).refine((text) => parseDrill(text) !== null, 'Onbekende doorklik (drill) voor de lijst van zaken');
