import { SANCTION_KINDS, type SanctionKind, DECISION_KINDS, type DecisionKind } from '../domain/outcome';
import type { BatchDecision, BatchSanction, CjibBatch } from './batch-format';
import { escapeCell, unescapeCell } from '../spreadsheet/formula-cells';

/*
 * The batch as a table: one row per sanction, the decision's fields repeated on each row, so every
 * row carries its correlation id. This module makes and reads the cells; the back end turns them
 * into ';'-separated text (papaparse).
 */

export const CSV_COLUMNS = [
  'batchUid',
  'correlationId',
  'attempt',
  'parketnummer',
  'decisionKind',
  'decidedAt',
  'decidedBy',
  'enforceableAt',
  'suspectPresent',
  'fullName',
  'dateOfBirth',
  'address',
  'conditions',
  'sanctionId',
  'sanctionKind',
  'amountCents',
  'hours',
  'days',
  'conditional',
  'probationMonths',
  'substituteDetentionDays',
  'description',
] as const;

// The formula rule (CSV injection) lives in one place for every spreadsheet the app writes.
export { escapeCell, unescapeCell } from '../spreadsheet/formula-cells';

const cell = (value: string | number | boolean | null): string => (value === null ? '' : escapeCell(String(value)));

/** Header plus one row per sanction, in the batch's order. */
export function batchCsvRows(batch: CjibBatch): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const d of batch.decisions) {
    for (const s of d.sanctions) {
      rows.push(
        [
          batch.batchUid,
          d.correlationId,
          d.attempt,
          d.parketnummer,
          d.decisionKind,
          d.decidedAt,
          d.decidedBy,
          d.enforceableAt,
          d.suspectPresent,
          d.person.fullName,
          d.person.dateOfBirth,
          d.person.address,
          d.conditions,
          s.sanctionId,
          s.kind,
          s.amountCents,
          s.hours,
          s.days,
          s.conditional,
          s.probationMonths,
          s.substituteDetentionDays,
          s.description,
        ].map(cell),
      );
    }
  }
  return rows;
}

/**
 * Reads the rows back into decisions (the CSV's half of the round trip). Throws an Error with a Dutch
 * message naming the row and column when a cell does not hold what the format says.
 */
export function decisionsFromCsvRows(rows: readonly (readonly string[])[]): { batchUid: string | null; decisions: BatchDecision[] } {
  const [header, ...body] = rows;
  if (!header || header.join(';') !== CSV_COLUMNS.join(';')) {
    throw new Error(`Kopregel klopt niet: verwacht ${CSV_COLUMNS.join(';')}`);
  }
  const byCorrelation = new Map<string, BatchDecision>();
  let batchUid: string | null = null;
  body.forEach((raw, index) => {
    const rowNumber = index + 2;
    if (raw.length !== CSV_COLUMNS.length) throw new Error(`Regel ${rowNumber}: verwacht ${CSV_COLUMNS.length} kolommen, gevonden ${raw.length}`);
    const get = (column: (typeof CSV_COLUMNS)[number]) => unescapeCell(raw[CSV_COLUMNS.indexOf(column)]!);
    const fail = (column: string, what: string): never => {
      throw new Error(`Regel ${rowNumber}, kolom ${column}: ${what}`);
    };
    const optionalInt = (column: (typeof CSV_COLUMNS)[number]): number | null => {
      const value = get(column);
      if (value === '') return null;
      return /^-?\d+$/.test(value) ? Number(value) : fail(column, `geen geheel getal: "${value}"`);
    };
    const requiredInt = (column: (typeof CSV_COLUMNS)[number]): number => optionalInt(column) ?? fail(column, 'ontbreekt');
    const bool = (column: (typeof CSV_COLUMNS)[number], allowEmpty: boolean): boolean | null => {
      const value = get(column);
      if (value === 'true') return true;
      if (value === 'false') return false;
      if (value === '' && allowEmpty) return null;
      return fail(column, `verwacht true of false: "${value}"`);
    };
    const orNull = (value: string) => (value === '' ? null : value);

    const rowBatch = get('batchUid');
    if (batchUid !== null && rowBatch !== batchUid) fail('batchUid', 'verschilt van de eerdere regels');
    batchUid = rowBatch;
    const kind = get('sanctionKind');
    if (!(SANCTION_KINDS as readonly string[]).includes(kind)) fail('sanctionKind', `onbekende soort "${kind}"`);
    const decisionKind = get('decisionKind');
    if (!(DECISION_KINDS as readonly string[]).includes(decisionKind)) fail('decisionKind', `onbekende soort "${decisionKind}"`);
    const sanction: BatchSanction = {
      sanctionId: requiredInt('sanctionId'),
      kind: kind as SanctionKind,
      amountCents: optionalInt('amountCents'),
      hours: optionalInt('hours'),
      days: optionalInt('days'),
      conditional: bool('conditional', false)!,
      probationMonths: optionalInt('probationMonths'),
      substituteDetentionDays: optionalInt('substituteDetentionDays'),
      description: orNull(get('description')),
    };
    const correlationId = get('correlationId');
    const existing = byCorrelation.get(correlationId);
    if (existing) {
      existing.sanctions.push(sanction);
      return;
    }
    byCorrelation.set(correlationId, {
      correlationId,
      attempt: requiredInt('attempt'),
      parketnummer: get('parketnummer'),
      decisionKind: decisionKind as DecisionKind,
      decidedAt: get('decidedAt'),
      decidedBy: get('decidedBy'),
      enforceableAt: get('enforceableAt'),
      suspectPresent: bool('suspectPresent', true),
      person: { fullName: get('fullName'), dateOfBirth: get('dateOfBirth'), address: get('address') },
      sanctions: [sanction],
      conditions: orNull(get('conditions')),
    });
  });
  return { batchUid, decisions: [...byCorrelation.values()] };
}
