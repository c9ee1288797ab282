import { MODALITIES, type Modality } from '../domain/modality';
import type { IntakeRow } from './metric-rows';
import { weekStartOf, weekStartsBetween } from './time-buckets';

export type ModalityCounts = Record<Modality, number>;

export const emptyModalityCounts = (): ModalityCounts => Object.fromEntries(MODALITIES.map((m) => [m, 0])) as ModalityCounts;

export interface IntakeFigures {
  total: number;
  byModality: ModalityCounts;
  byPoliceUnit: { policeUnit: string; count: number }[];
  weekly: { weekStart: string; byModality: ModalityCounts; total: number }[];
}

/** Intake per modality, per police unit (most first, then by name) and per ISO week of [from, to]. */
export function computeIntake(rows: readonly IntakeRow[], from: string, to: string): IntakeFigures {
  const inPeriod = rows.filter((r) => r.intakeDate >= from && r.intakeDate <= to);
  const byModality = emptyModalityCounts();
  const units = new Map<string, number>();
  const weeks = new Map(weekStartsBetween(from, to).map((w) => [w, emptyModalityCounts()]));
  for (const row of inPeriod) {
    byModality[row.modality] += 1;
    units.set(row.policeUnit, (units.get(row.policeUnit) ?? 0) + 1);
    weeks.get(weekStartOf(row.intakeDate))![row.modality] += 1;
  }
  return {
    total: inPeriod.length,
    byModality,
    byPoliceUnit: [...units].map(([policeUnit, count]) => ({ policeUnit, count })).sort((a, b) => b.count - a.count || a.policeUnit.localeCompare(b.policeUnit)),
    weekly: [...weeks].map(([weekStart, counts]) => ({ weekStart, byModality: counts, total: Object.values(counts).reduce((a, b) => a + b, 0) })),
  };
}
