import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The district server under a bench in its own node process (scripts/bench/server-bench-process.ts, loading
 * the same bundle as `ketenplanner server`), as bench:server, bench:read-cost and write-cost.ts run it. Its
 * log (stdout) goes to `logFile`; it is ready when it says so on stderr.
 */
export interface BenchServerOptions {
  config: object;
  now: Date;
  bundle: string;
  migrations: string;
  logFile: string;
  /** A V8 CPU profile of the server process into this folder when it stops. */
  cpuProfDir?: string | undefined;
}

export interface BenchServerProcess {
  pid: number;
  stop(): Promise<void>;
  /** Hands `onLine` the log lines written since the last call. */
  readLog(onLine: (line: string) => void): void;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function startBenchServerProcess(options: BenchServerOptions): Promise<BenchServerProcess> {
  const profile = options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(options.cpuProfDir)] : [];
  const log = fs.openSync(options.logFile, 'a');
  const entry = path.join(ROOT, 'scripts', 'bench', 'server-bench-process.ts');
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry, JSON.stringify(options.config), options.now.toISOString(), options.bundle, options.migrations], {
    cwd: ROOT,
    stdio: ['ignore', log, 'pipe'],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('ready\n')) resolve();
    });
    void exited.then((code) => reject(new Error(`the server process ended (${code}) before it listened:\n${stderr}`)));
  });
  let offset = 0;
  return {
    pid: child.pid!,
    readLog: (onLine) => {
      const text = fs.readFileSync(options.logFile).subarray(offset);
      const end = text.lastIndexOf(10) + 1;
      offset += end;
      for (const line of text.subarray(0, end).toString('utf8').split('\n')) if (line) onLine(line);
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) console.error(`server process ended with ${code}:\n${stderr.slice(-2000)}`);
    },
  };
}
