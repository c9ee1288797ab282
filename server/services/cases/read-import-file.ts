import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkImportRows, deadlineContextOf, mapImportColumns, unpackCheckedRows, type CheckedRow, type ColumnMapping, type DeadlineBasis } from './check-import-rows';
import { formatCount, IMPORT_LIMITS, type ImportLimits } from './import-file-limits';
import type { ReadReply, ReadRequest } from './import-file-worker';
import { timeLimitError } from './import-rows';
import { ImportFileError, type ImportProgress, type ImportTable } from './import-table';
import { checkFileSize, importFileKind, parseImportFile } from './parse-import-file';

export { ImportFileError, type ImportProgress, type ImportTable } from './import-table';
export { IMPORT_LIMITS, type ImportLimits } from './import-file-limits';

export interface ReadImportOptions {
  /** Called now and then while the file is read (rows read so far), and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /** Tighter (or, in tests, other) limits than IMPORT_LIMITS. The thread's memory limit is always IMPORT_LIMITS.maxMemoryMb. */
  limits?: Partial<ImportLimits>;
}

/**
 * Reads a CSV (comma or semicolon, as Dutch Excel writes it) or the first worksheet of an XLSX file
 * into text cells, as a stream, in a worker thread, within IMPORT_LIMITS. A file that cannot be read
 * or passes a limit is refused as a whole: ImportFileError with a Dutch message that names the limit.
 */
export async function readImportFile(fileName: string, content: Buffer, options: ReadImportOptions = {}): Promise<ImportTable> {
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  importFileKind(fileName);
  checkFileSize(content, limits);
  const entry = workerEntry();
  if (!entry) return readInThisThread(fileName, content, limits, options.onProgress);
  const job = queue.then(() => readInWorker(entry, fileName, content, limits, options.onProgress));
  queue = job.catch(() => undefined);
  return job;
}

export interface CheckOptions {
  /** Compute each valid row's derived columns against this basis too. */
  basis?: DeadlineBasis | undefined;
  onChecked?: ((rows: CheckedRow[]) => void) | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** The case import's reading: the header, how many data rows, and each row checked (empty when the header has file problems). */
export interface CheckedImportTable {
  headers: string[];
  rowCount: number;
  checked: CheckedRow[];
}

/**
 * readImportFile plus the case import's per-row checks (checkImportRows against `now`, epoch ms), done
 * while the rows are read: the worker sends this thread a batch of rows to check whenever it has handled
 * every batch sent before (a shared counter says how many it has) and checks the others itself, so the
 * two threads check at the same time, whichever is faster (the caller waits either way).
 * With a deadline basis, each valid row also gets its derived columns, computed the same way.
 * With `onChecked`, the checked rows are handed to it in file order as they are checked (`checked` then
 * stays empty): the caller can write them while the rest is read. Should it throw, the reading stops
 * and the promise is rejected with its error. `onProgress` as readImportFile's.
 */
export async function readAndCheckImportFile(fileName: string, content: Buffer, now: number, options: CheckOptions = {}): Promise<CheckedImportTable> {
  const { basis, onChecked, onProgress } = options;
  const limits: ImportLimits = { ...IMPORT_LIMITS };
  importFileKind(fileName);
  checkFileSize(content, limits);
  const entry = workerEntry();
  if (!entry) {
    const table = await readInThisThread(fileName, content, limits, onProgress);
    const mapping = mapImportColumns(table.headers);
    const checked = mapping.fileProblems.length > 0 ? [] : checkImportRows(table.rows, table.headers, mapping.columnAt, now, basis && deadlineContextOf(basis));
    if (onChecked && checked.length > 0) onChecked(checked);
    return { headers: table.headers, rowCount: table.rows.length, checked: onChecked ? [] : checked };
  }
  const job = queue.then(() => readInWorker(entry, fileName, content, limits, onProgress, now, basis, onChecked));
  queue = job.catch(() => undefined);
  const table = await job;
  return { headers: table.headers, rowCount: table.rowCount, checked: table.checked };
}

/** The same reading in the caller's thread (where no worker is built; and for tests of the readers). */
export async function readInThisThread(fileName: string, content: Buffer, limits: ImportLimits = IMPORT_LIMITS, onProgress?: (progress: ImportProgress) => void): Promise<ImportTable> {
  const table: ImportTable = { headers: [], rows: [] };
  await parseImportFile(fileName, content, limits, {
    header: (headers) => (table.headers = headers),
    rows: (rows) => pushAll(table.rows, rows),
    progress: onProgress,
  });
  return table;
}

function pushAll<T>(target: T[], items: T[]) {
  for (const item of items) target.push(item);
}

// Kept in a variable so the bundler does not treat `new URL('…', import.meta.url)` as an asset to copy.
const WORKER_FROM_SOURCE = './import-file-worker-from-source.mjs';
/**
 * The thread's young generation (V8's default is several times larger): reading the 9 MB workbook of
 * 100,000 rows then peaks about 20 MB lower (bench:import's dry run), no slower.
 */
const YOUNG_GENERATION_MB = 8;
/** Time the thread gets beyond the reading limit (it checks the limit itself) before it is stopped. */
const GRACE_MS = 2_000;

/**
 * Where the worker's code is: next to the bundle that starts it (dist/electron/import-worker.cjs,
 * dist/cli/import-worker.mjs), or the TypeScript source through tsx when running from source. A bundle
 * built without the worker reads in its own thread (still as a stream, within the limits).
 */
function workerEntry(): string | URL | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs') || here.endsWith('.mjs')) {
    const file = path.join(path.dirname(here), here.endsWith('.cjs') ? 'import-worker.cjs' : 'import-worker.mjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    return fs.existsSync(file) ? file : null;
  }
  return new URL(WORKER_FROM_SOURCE, import.meta.url);
}

interface Job {
  id: number;
  /** The thread reading it: a thread that stops fails only its own job, never the next thread's. */
  thread: Worker;
  onReply(reply: ReadReply): void;
  onFailure(error: Error): void;
}

let worker: Worker | null = null;
let current: Job | null = null;
let nextId = 1;
/** One file at a time: a second import waits for the first (at most the time limit). */
let queue: Promise<unknown> = Promise.resolve();

function startedWorker(entry: string | URL): Worker {
  if (worker) return worker;
  const started = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.maxMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  started.on('message', (reply: ReadReply) => {
    if (current?.id === reply.id) current.onReply(reply);
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    if (current?.thread !== started) return;
    const job = current;
    current = null;
    job.onFailure(error);
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`De importthread stopte onverwacht (code ${code}).`)));
  worker = started;
  return started;
}

function readInWorker(
  entry: string | URL,
  fileName: string,
  content: Buffer,
  limits: ImportLimits,
  onProgress?: (progress: ImportProgress) => void,
  checkAt?: number,
  basis?: DeadlineBasis,
  onChecked?: (rows: CheckedRow[]) => void,
): Promise<ImportTable & CheckedImportTable> {
  const thread = startedWorker(entry);
  const id = nextId++;
  const table: ImportTable & CheckedImportTable = { headers: [], rows: [], rowCount: 0, checked: [] };
  let mapping: ColumnMapping | null = null;
  const context = checkAt !== undefined && basis ? deadlineContextOf(basis) : undefined;
  const shared = new SharedArrayBuffer(4);
  const callerHandled = new Int32Array(shared);
  const deliver = onChecked ?? ((rows: CheckedRow[]) => pushAll(table.checked, rows));
  return new Promise<ImportTable & CheckedImportTable>((resolve, reject) => {
    // The batches this thread checks or hands on (the caller may write them: tens of milliseconds each)
    // run one per turn of the event loop, in order: Node hands over all queued messages of the worker
    // at once, and the requests in between (the UI asking how far the import is) must get their turn.
    const tasks: (() => void)[] = [];
    let pumping = false;
    let readAll = false;
    const pump = () => {
      const task = tasks.shift();
      try {
        task?.();
      } catch (error) {
        stop(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (tasks.length > 0) setImmediate(pump);
      else {
        pumping = false;
        if (readAll) settle(() => resolve(table));
      }
    };
    const later = (task: () => void) => {
      tasks.push(task);
      if (!pumping) {
        pumping = true;
        setImmediate(pump);
      }
    };
    const settle = (outcome: () => void) => {
      tasks.length = 0;
      clearTimeout(timer);
      if (current?.id === id) current = null;
      thread.unref();
      outcome();
    };
    // The thread reads on whatever this side does; a job given up stops it (the next import starts a new one).
    const stop = (error: Error) => {
      settle(() => reject(error));
      if (worker === thread) worker = null;
      void thread.terminate();
    };
    const timer = setTimeout(() => stop(timeLimitError(limits)), limits.maxSeconds * 1000 + GRACE_MS);
    const handle = (reply: ReadReply) => {
      switch (reply.type) {
        case 'header':
          table.headers = reply.headers;
          if (checkAt !== undefined) mapping = mapImportColumns(reply.headers);
          break;
        case 'rows': {
          const checking = mapping;
          if (!checking) pushAll(table.rows, reply.rows);
          else {
            later(() => {
              table.rowCount += reply.rows.length;
              if (checking.fileProblems.length === 0) deliver(checkImportRows(reply.rows, table.headers, checking.columnAt, checkAt!, context));
              Atomics.add(callerHandled, 0, 1);
            });
          }
          break;
        }
        case 'checked':
          later(() => {
            table.rowCount += reply.rowCount;
            if (reply.checked.length > 0) deliver(unpackCheckedRows(reply.checked));
            Atomics.add(callerHandled, 0, 1);
          });
          break;
        case 'progress':
          onProgress?.({ rowsRead: reply.rowsRead });
          break;
        case 'done':
          readAll = true;
          if (!pumping) settle(() => resolve(table));
          break;
        case 'refused':
          settle(() => reject(new ImportFileError(reply.message)));
          break;
        case 'failed':
          settle(() => reject(new Error(`Reading import file failed in its thread: ${reply.message}`)));
          break;
      }
    };
    current = {
      id,
      thread,
      onReply(reply) {
        try {
          handle(reply);
        } catch (error) {
          stop(error instanceof Error ? error : new Error(String(error)));
        }
      },
      onFailure(error) {
        const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        settle(() =>
          reject(
            outOfMemory
              ? new ImportFileError(`Het lezen van het bestand vroeg meer dan ${formatCount(IMPORT_LIMITS.maxMemoryMb)} MB geheugen, de grens voor één import. Er is niets geïmporteerd; splits het bestand in delen.`)
              : error,
          ),
        );
      },
    };
    thread.ref();
    const request: ReadRequest = { id, fileName, content, limits, ...(checkAt === undefined ? {} : { checkAt, callerHandled: shared }), ...(basis ? { deadlineBasis: basis } : {}) };
    thread.postMessage(request);
  });
}

/** Stops the worker (at shutdown, in tests); the next import starts a new one. */
export async function stopImportThread(): Promise<void> {
  const running = worker;
  worker = null;
  if (running) await running.terminate();
}
