import { parentPort } from 'node:worker_threads';
import { checkImportRows, deadlineContextOf, mapImportColumns, packCheckedRows, type ColumnMapping, type DeadlineBasis, type PackedCheckedRows } from './check-import-rows';
import type { ImportLimits } from './import-file-limits';
import { ImportFileError, type ImportTable } from './import-table';
import { parseImportFile } from './parse-import-file';

export interface ReadRequest {
  id: number;
  fileName: string;
  content: Uint8Array;
  limits: ImportLimits;
  /** Set for the case import: check each row as it is read (against this moment, epoch ms) and send the results instead of the cells. */
  checkAt?: number;
  /** With checkAt: compute each valid row's derived columns against this basis too. */
  deadlineBasis?: DeadlineBasis;
  /** With checkAt: one Int32, how many of the batches sent (`rows` and `checked`) the caller has handled so far (it adds one after each). */
  callerHandled?: SharedArrayBuffer;
}

export type ReadReply =
  | { id: number; type: 'header'; headers: string[] }
  | { id: number; type: 'rows'; rows: ImportTable['rows'] }
  /** `checked` (packCheckedRows) is empty when the header has file problems (the rows are then only counted). */
  | { id: number; type: 'checked'; rowCount: number; checked: PackedCheckedRows }
  | { id: number; type: 'progress'; rowsRead: number }
  | { id: number; type: 'done' }
  | { id: number; type: 'refused'; message: string }
  | { id: number; type: 'failed'; message: string };

/**
 * The import's worker thread: reads one file at a time, off the thread that answers the UI, and sends
 * the rows back in batches as it goes. A file it refuses comes back as `refused` with the Dutch reason.
 */
parentPort?.on('message', async (request: ReadRequest) => {
  const post = (reply: ReadReply) => parentPort!.postMessage(reply);
  const { id } = request;
  try {
    const content = Buffer.from(request.content.buffer, request.content.byteOffset, request.content.byteLength);
    const { checkAt } = request;
    const context = checkAt !== undefined && request.deadlineBasis ? deadlineContextOf(request.deadlineBasis) : undefined;
    let headers: string[] = [];
    let mapping: ColumnMapping | null = null;
    const callerHandled = request.callerHandled ? new Int32Array(request.callerHandled) : null;
    let sentToCaller = 0;
    await parseImportFile(request.fileName, content, request.limits, {
      header: (cells) => {
        headers = cells;
        if (checkAt !== undefined) mapping = mapImportColumns(cells);
        post({ id, type: 'header', headers: cells });
      },
      rows: (rows) => {
        // The caller's thread checks the batches sent to it unchecked, this thread the others: the two
        // check at the same time. The caller also writes every valid row as it comes (the case import),
        // so it gets a batch to check only when it has handled all it was sent: then neither thread waits
        // for the other for long, whichever is faster.
        if (checkAt !== undefined) sentToCaller += 1;
        const callerIsFree = !callerHandled || sentToCaller - 1 - Atomics.load(callerHandled, 0) <= 0;
        if (checkAt === undefined || !mapping || callerIsFree) return post({ id, type: 'rows', rows });
        const checked = mapping.fileProblems.length > 0 ? [] : packCheckedRows(checkImportRows(rows, headers, mapping.columnAt, checkAt, context));
        post({ id, type: 'checked', rowCount: rows.length, checked });
      },
      progress: ({ rowsRead }) => post({ id, type: 'progress', rowsRead }),
    });
    post({ id, type: 'done' });
  } catch (error) {
    if (error instanceof ImportFileError) post({ id, type: 'refused', message: error.message });
    else post({ id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
