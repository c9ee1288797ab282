// npm run bench:proposal — a planning proposal as the UI asks for it (planner.run, dryRun, a six-week
// window) on the 7,000-case demo district, from request to answer: through the api handler, through the
// HTTP host, and in browser mode as shipped (`ketenplanner serve`, a separate process). Also the start-up
// time of `ketenplanner --help`, built and from source, against `node -e 0`. Prints figures; no pass/fail.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../server/cli/run-cli';
import { startHttpHost } from '../../server/http/http-host';
import { clockStartingAt } from '../../server/services/context/clock';
import { createBackend } from '../../server/services/create-backend';
import { stopPlannerThread } from '../../server/services/planner/planner-thread';
import { addDays } from '../../shared/calendar/local-date';
import type { ApiEnvelope } from '../../shared/api/envelope';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'ketenplanner.mjs');
const AS_OF = '2026-06-01';
const NOW = '2026-06-01T09:00:00+02:00';
const CASES = 7000;
const WARM_RUNS = 5;
const HELP_RUNS = 7;
const TARGET_MS = 300;
/** The planning page's default window: today and the 41 days after it. */
const PROPOSAL = { from: AS_OF, to: addDays(AS_OF, 41), dryRun: true, holdBackForUrgent: false, replan: false };

interface Proposal {
  totalMs: number;
  runTimeMs: number;
  planned: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number) => ms.toFixed(0).padStart(6);

console.log(`Proposal benchmark: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'})`);
console.log(`planner.run { from: ${PROPOSAL.from}, to: ${PROPOSAL.to}, dryRun: true } on the ${CASES.toLocaleString('en')}-case demo as of ${AS_OF}.`);
console.log(`total = request to answer; runTimeMs = the planner's own figure (problem built, solved, mapped back); target ${TARGET_MS} ms total.\n`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenplanner-proposal-bench-'));
const file = path.join(dir, 'district.sqlite');
try {
  const started = performance.now();
  const quiet = { out: () => {}, err: (line: string) => console.error(line), readStdin: async () => '' };
  const made = await runCli(['demo', '--db', file, '--cases', String(CASES), '--as-of', AS_OF, '--now', NOW], quiet);
  if (made !== 0) throw new Error('the demo could not be built');
  console.log(`demo district built in ${fmt(performance.now() - started)} ms\n`);

  const rows: { name: string; cold: Proposal; warm: Proposal }[] = [];

  // 1. The api handler in this process (the planner's worker from source, through tsx).
  const backend = await createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: clockStartingAt(new Date(NOW)), roles: STANDALONE_ROLES, onInternalError: (op, e) => console.error(op, e) });
  try {
    const viaHandler = async (): Promise<Proposal> => {
      const t = performance.now();
      const envelope = await backend.handler('planner.run', PROPOSAL, { requestId: randomUUID() });
      return measured(envelope, performance.now() - t);
    };
    rows.push({ name: 'api handler (worker from source)', ...(await coldAndWarm(viaHandler)) });

    // 2. The HTTP host of browser mode in this process, over loopback (worker already running).
    const token = randomBytes(24).toString('base64url');
    const host = await startHttpHost({ handler: backend.handler, token, staticRoot: null, port: 0 });
    try {
      await warmUpClient(host.url);
      rows.push({ name: 'HTTP host, same process (warm worker)', ...(await coldAndWarm(() => overHttp(host.url, token))) });
    } finally {
      await host.close();
    }
  } finally {
    await stopPlannerThread();
    backend.close();
  }

  // 3. Browser mode as shipped: `ketenplanner serve` in its own process; the first proposal starts the worker.
  if (fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    if (fs.existsSync(path.join(ROOT, 'dist', 'cli', 'ketenplanner.mjs'))) rows.push({ name: 'ketenplanner serve, built (dist/cli)', ...(await viaServe([BIN])) });
    else console.log('(no dist/cli: run `npm run build:cli` to measure the built browser mode)');
    rows.push({ name: 'ketenplanner serve, from source (tsx)', ...(await viaServe(fromSourceArgs())) });
  } else {
    console.log('(no dist/renderer: run `npm run build` to measure browser mode as shipped)');
  }

  console.log('name'.padEnd(40), 'first total'.padStart(12), 'runTimeMs'.padStart(10), 'ratio'.padStart(6), '| warm total'.padStart(12), 'runTimeMs'.padStart(10), 'ratio'.padStart(6), '  planned');
  for (const { name, cold, warm } of rows) {
    console.log(
      name.padEnd(40),
      fmt(cold.totalMs).padStart(12),
      fmt(cold.runTimeMs).padStart(10),
      (cold.totalMs / cold.runTimeMs).toFixed(2).padStart(6),
      '|',
      fmt(warm.totalMs).padStart(10),
      fmt(warm.runTimeMs).padStart(10),
      (warm.totalMs / warm.runTimeMs).toFixed(2).padStart(6),
      `  ${warm.planned}`,
    );
  }
  console.log(`(first = the first proposal after start, including the worker's start; warm = median of ${WARM_RUNS} after it)\n`);

  // 4. Start-up: `ketenplanner --help`, a fresh process each time.
  const baseline = wallMs(process.execPath, ['-e', '0']);
  console.log(`start-up, median of ${HELP_RUNS} runs (wall time of a new process):`);
  console.log(`  node -e 0                               ${fmt(baseline)} ms`);
  if (fs.existsSync(path.join(ROOT, 'dist', 'cli', 'ketenplanner.mjs'))) console.log(`  ketenplanner --help (built, dist/cli)   ${fmt(wallMs(process.execPath, [BIN, '--help']))} ms`);
  console.log(`  ketenplanner --help (source, tsx)       ${fmt(wallMs(process.execPath, [...fromSourceArgs(), '--help']))} ms`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

function measured(envelope: ApiEnvelope<unknown>, totalMs: number): Proposal {
  if (!envelope.ok) throw new Error(`planner.run refused: ${envelope.error.message} ${JSON.stringify(envelope.error.details ?? [])}`);
  const value = envelope.value as { runTimeMs: number; planned: unknown[] };
  return { totalMs, runTimeMs: value.runTimeMs, planned: value.planned.length };
}

async function coldAndWarm(propose: () => Promise<Proposal>): Promise<{ cold: Proposal; warm: Proposal }> {
  const cold = await propose();
  const warm: Proposal[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await propose());
  return { cold, warm: { totalMs: median(warm.map((w) => w.totalMs)), runTimeMs: median(warm.map((w) => w.runTimeMs)), planned: warm[0]!.planned } };
}

async function overHttp(url: string, token: string): Promise<Proposal> {
  const t = performance.now();
  const response = await fetch(new URL('api/planner.run', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(PROPOSAL),
  });
  const envelope = (await response.json()) as ApiEnvelope<unknown>;
  return measured(envelope, performance.now() - t);
}

/** This process's fetch loads its HTTP client on first use: not part of the server's answer time. */
async function warmUpClient(url: string): Promise<void> {
  await (await fetch(new URL('api/district.get', url), { method: 'POST' })).text();
}

/** The CLI from its TypeScript source, as bin/ketenplanner.mjs runs it when nothing is built. */
function fromSourceArgs(): string[] {
  const script = `import { tsImport } from 'tsx/esm/api'; const { runCli } = await tsImport(${JSON.stringify(path.join(ROOT, 'server/cli/run-cli.ts'))}, import.meta.url); process.exitCode = await runCli(process.argv.slice(1));`;
  return ['--input-type=module', '-e', script];
}

async function viaServe(command: string[]): Promise<{ cold: Proposal; warm: Proposal }> {
  const child = spawn(process.execPath, [...command, 'serve', '--db', file, '--port', '0', '--now', NOW], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const { url, token } = await openUrlOf(child);
    await warmUpClient(url);
    return await coldAndWarm(() => overHttp(url, token));
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

function openUrlOf(child: ChildProcess): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /(?:draait op |Open: )(http:\/\/\S+?)#token=(\S+)/.exec(seen);
      if (match) resolve({ url: match[1]!, token: match[2]! });
    });
    child.once('exit', (code) => reject(new Error(`serve stopped (code ${code}): ${seen}`)));
  });
}

function wallMs(command: string, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < HELP_RUNS; i++) {
    const t = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
    times.push(performance.now() - t);
  }
  return median(times);
}
