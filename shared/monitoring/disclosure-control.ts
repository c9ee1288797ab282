import { reviewPeriodOf } from '../metrics/review-period';
import type { MonitoringRecord } from './monitoring-record';

/** The value a generalised quasi-identifier gets: 'any'. */
export const GENERALISED = '*';

/** The smallest group of records that share their quasi-identifiers (k-anonymity); an export option. */
export const DEFAULT_MIN_CELL_SIZE = 5;
export const MIN_CELL_SIZE_RANGE = { min: 2, max: 100 } as const;

/**
 * The fields an outsider can know of a person (where and when they were arrested, which fast-track
 * route they got) and so could use to pick their record out of the export: the quasi-identifiers.
 * The other fields are what the export measures (bands, outcomes, counts) and stay as they are.
 */
export const QUASI_IDENTIFIERS = ['policeUnit', 'courtLocation', 'referencePeriod', 'modality', 'fillerKind'] as const;

type Step = (record: MonitoringRecord) => MonitoringRecord;

/**
 * Generalisation in a fixed order, coarsest last: the court location, then the police unit, then the
 * month becomes its four-month review period, then the kind of filler case. The modality is never
 * generalised (it is what districts compare); a record still in a group smaller than k after the
 * last step is left out.
 */
const STEPS: readonly Step[] = [
  (r) => ({ ...r, courtLocation: r.courtLocation === null ? null : GENERALISED }),
  (r) => ({ ...r, policeUnit: GENERALISED }),
  (r) => ({ ...r, referencePeriod: r.referencePeriod.includes('-T') ? r.referencePeriod : reviewPeriodOf(`${r.referencePeriod}-01`) }),
  (r) => ({ ...r, fillerKind: r.fillerKind === null ? null : GENERALISED }),
];

export function quasiIdentifierKey(record: MonitoringRecord): string {
  return JSON.stringify(QUASI_IDENTIFIERS.map((field) => record[field]));
}

export interface DisclosureControlResult {
  records: MonitoringRecord[];
  /** Records exported with at least one quasi-identifier generalised. */
  generalised: number;
  /** Records left out: their group stayed smaller than k after every step. */
  suppressed: number;
}

/**
 * k-anonymity on the quasi-identifiers: every combination of them that occurs in the result occurs
 * at least k times. Records in a group smaller than k go one generalisation step further, and are
 * grouped again with the others at that step (a generalised value never equals a precise one, so
 * groups of different steps never mix); what is left after the last step is suppressed. Deterministic:
 * the records keep their input order.
 */
export function applyDisclosureControl(input: readonly MonitoringRecord[], k: number): DisclosureControlResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive whole number, got ${k}`);
  const finalRecords = new Map<number, MonitoringRecord>();
  let pending = input.map((record, index) => ({ index, record, generalised: false }));
  let generalised = 0;
  for (let step = 0; pending.length > 0; step += 1) {
    const sizes = new Map<string, number>();
    for (const p of pending) sizes.set(quasiIdentifierKey(p.record), (sizes.get(quasiIdentifierKey(p.record)) ?? 0) + 1);
    const small: typeof pending = [];
    for (const p of pending) {
      if ((sizes.get(quasiIdentifierKey(p.record)) ?? 0) >= k) {
        finalRecords.set(p.index, p.record);
        if (p.generalised) generalised += 1;
      } else small.push(p);
    }
    const next = STEPS[step];
    if (!next) {
      pending = small;
      break;
    }
    pending = small.map((p) => ({ ...p, record: next(p.record), generalised: true }));
  }
  const records = [...finalRecords.entries()].sort(([a], [b]) => a - b).map(([, record]) => record);
  return { records, generalised, suppressed: pending.length };
}
