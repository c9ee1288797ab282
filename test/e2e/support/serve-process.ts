import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'ketenplanner.mjs');

export interface ServeProcess {
  /** The URL `serve` printed, with its #token=… */
  url: string;
  origin: string;
  /**
   * The server's 'now': the instant given to --now plus the time since the process started (its clock
   * runs on at real speed). A moment or two ahead of the server, never behind it.
   */
  now(): Date;
  stop(): Promise<void>;
}

/**
 * Starts `ketenplanner serve` as a real process on a free port and waits for the URL it prints. Its clock
 * starts at `now` (`--now`), never at the machine's time.
 */
export function startServe(dbFile: string, now: string | Date): Promise<ServeProcess> {
  const startedAt = Date.now();
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--db', dbFile, '--port', '0', '--now', new Date(now).toISOString()], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print a URL in time:\n${output}`)), 60_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /(?:draait op |Open: )(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        origin: new URL(match[1]!).origin,
        now: () => new Date(new Date(now).getTime() + (Date.now() - startedAt)),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}):\n${output}`)));
  });
}
