import type { Dashboard } from '../../../../shared/metrics/dashboard-schemas';
import { METRICS } from '../../../../shared/metrics/metric-registry';

export type FigureUnit = 'aantal' | 'procent' | 'dagen' | 'verhouding';

/** The catalog lookup (i18next's t): every word of the pack comes from shared/i18n/nl.json. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One line of the pack's summary: a figure of the dashboard for this and the previous period. */
export interface PackFigure {
  id: string;
  label: string;
  unit: FigureUnit;
  current: number | null;
  previous: number | null;
}

type Pick = (d: Dashboard) => number | null;

const median = (from: string, to: string): Pick => (d) => d.throughput.find((t) => t.from === from && t.to === to)?.median ?? null;

/**
 * The key figures of the review, all read from the dashboard's answer (never computed here). A label is
 * the metric's registered name (shared/metrics/metric-registry.ts), or a catalog key of review.pack.figures.
 */
const KEY_FIGURES: { id: string; label: (t: Translate) => string; unit: FigureUnit; pick: Pick }[] = [
  { id: 'intake', label: () => METRICS.intake.name, unit: 'aantal', pick: (d) => d.intake.total.value },
  { id: 'sessionsHeld', label: (t) => t('review.pack.figures.sessionsHeld'), unit: 'aantal', pick: (d) => d.sessions.sessionsHeld },
  { id: 'fillRate', label: (t) => t('review.pack.figures.fillRate'), unit: 'procent', pick: (d) => d.sessions.fillRate },
  { id: 'legalCompliance', label: () => METRICS.legalCompliance.name, unit: 'procent', pick: (d) => d.legal.rate },
  { id: 'targetCompliance', label: () => METRICS.targetCompliance.name, unit: 'procent', pick: (d) => d.target.rate },
  { id: 'arrestToHearing', label: (t) => t('review.pack.figures.arrestToHearing'), unit: 'dagen', pick: median('arrest', 'hearing') },
  { id: 'hearingToHandoff', label: (t) => t('review.pack.figures.hearingToHandoff'), unit: 'dagen', pick: median('hearing', 'handoff') },
  { id: 'timeToDisposition', label: (t) => t('review.pack.figures.median', { name: METRICS.timeToDisposition.name }), unit: 'dagen', pick: (d) => d.timeToDisposition.median },
  { id: 'clearance', label: () => METRICS.clearance.name, unit: 'verhouding', pick: (d) => d.clearance.rate },
  { id: 'dateCertainty', label: () => METRICS.dateCertainty.name, unit: 'procent', pick: (d) => d.dateCertainty.rate },
  { id: 'adjourned', label: () => METRICS.adjournments.name, unit: 'aantal', pick: (d) => d.adjournments.adjourned.value },
  { id: 'returns', label: () => METRICS.returns.name, unit: 'aantal', pick: (d) => d.returns.total.value },
  { id: 'pendingAge', label: (t) => t('review.pack.figures.median', { name: METRICS.pendingAge.name }), unit: 'dagen', pick: (d) => d.pendingAge.median },
];

export function packFigures(current: Dashboard, previous: Dashboard, t: Translate): PackFigure[] {
  return KEY_FIGURES.map(({ pick, label, ...f }) => ({ ...f, label: label(t), current: pick(current), previous: pick(previous) }));
}

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure in Dutch notation with its unit; 'geen gegevens' when there is nothing to measure. */
export function formatFigure(value: number | null, unit: FigureUnit, t: Translate): string {
  if (value === null) return t('review.pack.noData');
  if (unit === 'procent') return `${oneDecimal.format(value * 100)}%`;
  if (unit === 'verhouding') return twoDecimals.format(value);
  if (unit === 'dagen') return t('review.pack.days', { value: oneDecimal.format(value) });
  return integer.format(value);
}

/** This period minus the previous one: percentage points for shares, with an explicit sign. */
export function formatDifference(figure: PackFigure, t: Translate): string {
  if (figure.current === null || figure.previous === null) return '–';
  const delta = figure.current - figure.previous;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  if (figure.unit === 'procent') return t('review.pack.points', { value: `${sign}${oneDecimal.format(size * 100)}` });
  if (figure.unit === 'verhouding') return `${sign}${twoDecimals.format(size)}`;
  if (figure.unit === 'dagen') return t('review.pack.days', { value: `${sign}${oneDecimal.format(size)}` });
  return `${sign}${integer.format(size)}`;
}
