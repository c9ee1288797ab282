import fs from 'node:fs';
import path from 'node:path';

export interface CrashProcess {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Last-resort handlers: write what happened to a log in the user-data folder and tell the user, instead
 * of dying silently. The database needs no rescue here: every change is its own SQLite transaction.
 */
export function installCrashHandlers(target: CrashProcess, logFolder: string, notify: (message: string) => void): void {
  const report = (kind: string) => (reason: unknown) => {
    const text = reason instanceof Error ? `${reason.stack ?? reason.message}` : String(reason);
    try {
      fs.mkdirSync(logFolder, { recursive: true });
      fs.appendFileSync(path.join(logFolder, 'crash.log'), `${new Date().toISOString()} ${kind}\n${text}\n\n`);
    } catch {
      // Logging must never throw from a crash handler.
    }
    notify(`Er trad een onverwachte fout op (${kind}). Details staan in ${path.join(logFolder, 'crash.log')}.`);
  };
  target.on('uncaughtException', report('uncaughtException'));
  target.on('unhandledRejection', report('unhandledRejection'));
}
