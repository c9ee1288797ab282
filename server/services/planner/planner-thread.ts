import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlanOptions, PlanResult, PlanningProblem } from '../../../shared/planner/planning-problem';

type Reply = { id: number; ok: true; result: PlanResult } | { id: number; ok: false; message: string };

// Kept in a variable so the bundler does not treat `new URL('…', import.meta.url)` as an asset to copy.
const WORKER_FROM_SOURCE = './planner-worker-from-source.mjs';

/**
 * Where the worker's code is: next to the bundled code that starts it, in the Electron build
 * (dist/electron/planner-worker.cjs) and in the CLI and browser-mode build (dist/cli/planner-worker.mjs,
 * the CLI's chunks sit flat next to it); or the TypeScript source when running from source (tests, an
 * unbuilt checkout), loaded through tsx by a small bootstrap file, which takes about a second.
 */
function workerEntry(): { file: string | URL; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs')) {
    const file = path.join(path.dirname(here), 'planner-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    return { file, execArgv: [] };
  }
  if (here.endsWith('.mjs')) return { file: path.join(path.dirname(here), 'planner-worker.mjs'), execArgv: [] };
  return { file: new URL(WORKER_FROM_SOURCE, import.meta.url), execArgv: [] };
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (result: PlanResult) => void; reject: (error: Error) => void }>();

function failAll(error: Error) {
  for (const waiter of pending.values()) waiter.reject(error);
  pending.clear();
  worker = null;
}

function startedWorker(): Worker {
  if (worker) return worker;
  const entry = workerEntry();
  const started = new Worker(entry.file, { execArgv: entry.execArgv });
  started.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(`De planner kon niet rekenen: ${reply.message}`));
    if (pending.size === 0) started.unref();
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => failAll(new Error(`De planner stopte onverwacht (code ${code}).`)));
  worker = started;
  return started;
}

/** Plans in the worker thread: the caller's thread stays free while the solver runs. */
export function planInWorker(problem: PlanningProblem, options: PlanOptions = {}): Promise<PlanResult> {
  const thread = startedWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, problem, options });
  });
}

/** Stops the worker (at shutdown); the next plan starts a new one. */
export async function stopPlannerThread(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}
