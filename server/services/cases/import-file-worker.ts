import { parentPort } from 'node:worker_threads';
import type { ImportLimits } from './import-file-limits';
import { ImportFileError, type ImportTable } from './import-table';
import { parseImportFile } from './parse-import-file';

export interface ReadRequest {
  id: number;
  fileName: string;
  content: Uint8Array;
  limits: ImportLimits;
}

export type ReadReply =
  | { id: number; type: 'header'; headers: string[] }
  | { id: number; type: 'rows'; rows: ImportTable['rows'] }
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
    await parseImportFile(request.fileName, content, request.limits, {
      header: (headers) => post({ id, type: 'header', headers }),
      rows: (rows) => post({ id, type: 'rows', rows }),
      progress: ({ rowsRead }) => post({ id, type: 'progress', rowsRead }),
    });
    post({ id, type: 'done' });
  } catch (error) {
    if (error instanceof ImportFileError) post({ id, type: 'refused', message: error.message });
    else post({ id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
