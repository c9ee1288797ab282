import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { batchCsvRows, decisionsFromCsvRows } from '../../../shared/cjib/batch-csv';
import { batchFileNames, batchJsonText, type BatchDecision, type CjibBatch } from '../../../shared/cjib/batch-format';
import type { CjibBatchFiles } from '../../../shared/cjib/handoff-schemas';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Semicolons, CRLF and a BOM: what Dutch Excel opens correctly with a double click. */
export function batchCsvText(batch: CjibBatch): string {
  return `\uFEFF${Papa.unparse(batchCsvRows(batch), { delimiter: ';', newline: '\r\n' })}\r\n`;
}

/** Reads a batch CSV back (its half of the round trip); throws with a Dutch message naming the row. */
export function parseBatchCsvText(text: string): { batchUid: string | null; decisions: BatchDecision[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new Error(`CSV onleesbaar${first.row === undefined ? '' : ` (regel ${first.row + 1})`}: ${first.message}`);
  }
  return decisionsFromCsvRows(parsed.data);
}

/** The two files of a batch and the checksum of the JSON file. */
export function batchFiles(batch: CjibBatch): CjibBatchFiles {
  const jsonText = batchJsonText(batch);
  const names = batchFileNames(batch.batchUid);
  return {
    batchUid: batch.batchUid,
    createdAt: batch.createdAt,
    decisionCount: batch.decisions.length,
    checksum: sha256(jsonText),
    json: { fileName: names.json, text: jsonText },
    csv: { fileName: names.csv, text: batchCsvText(batch) },
  };
}
