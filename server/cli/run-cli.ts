import path from 'node:path';
import { BackupError, damagedFileMessage, DatabaseOpenError, describeDatabaseOpenError, diskFullMessage, isCorruption, isDiskFull } from '../../db/database-errors';
import { ServiceError } from '../services/service-error';
import type { CliCommand } from './cli-command';
import { CliOperationError, CliUsageError } from './cli-error';
import { processIo, type CliIo } from './cli-io';
import {
  BACKUP_USAGE,
  CALENDAR_USAGE,
  DEADLINES_USAGE,
  DEMO_USAGE,
  EXPORT_USAGE,
  IMPORT_ACK_USAGE,
  IMPORT_USAGE,
  PLAN_USAGE,
  REPORT_USAGE,
  ROLL_USAGE,
  RESTORE_USAGE,
  RETENTION_USAGE,
  SERVE_USAGE,
  SERVER_USAGE,
  SESSIONS_USAGE,
  WHATIF_USAGE,
} from './usage';

// Each command's module is imported only when it runs, so `--help` (and a usage error) loads no
// database, solver or contract code and answers at once.
const COMMANDS: Record<string, { load: () => Promise<CliCommand>; usage: string }> = {
  demo: { load: async () => (await import('./commands/demo-command')).demoCommand, usage: DEMO_USAGE },
  serve: { load: async () => (await import('./commands/serve-command')).serveCommand, usage: SERVE_USAGE },
  server: { load: async () => (await import('./commands/server-command')).serverCommand, usage: SERVER_USAGE },
  deadlines: { load: async () => (await import('./commands/deadlines-command')).deadlinesCommand, usage: DEADLINES_USAGE },
  import: { load: async () => (await import('./commands/import-command')).importCommand, usage: IMPORT_USAGE },
  'import-ack': { load: async () => (await import('./commands/import-ack-command')).importAckCommand, usage: IMPORT_ACK_USAGE },
  plan: { load: async () => (await import('./commands/plan-command')).planCommand, usage: PLAN_USAGE },
  whatif: { load: async () => (await import('./commands/whatif-command')).whatifCommand, usage: WHATIF_USAGE },
  sessions: { load: async () => (await import('./commands/sessions-command')).sessionsCommand, usage: SESSIONS_USAGE },
  export: { load: async () => (await import('./commands/export-command')).exportCommand, usage: EXPORT_USAGE },
  report: { load: async () => (await import('./commands/report-command')).reportCommand, usage: REPORT_USAGE },
  roll: { load: async () => (await import('./commands/roll-command')).rollCommand, usage: ROLL_USAGE },
  backup: { load: async () => (await import('./commands/backup-command')).backupCommand, usage: BACKUP_USAGE },
  restore: { load: async () => (await import('./commands/restore-command')).restoreCommand, usage: RESTORE_USAGE },
  retention: { load: async () => (await import('./commands/retention-command')).retentionCommand, usage: RETENTION_USAGE },
  calendar: { load: async () => (await import('./commands/calendar-command')).calendarCommand, usage: CALENDAR_USAGE },
};

const HELP = `Ketenplanner: planning of fast-track criminal hearings for one court district.

Usage: ketenplanner <command> [options] [--now INSTANT]

Commands:
${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n\n')}

Every command takes --now INSTANT, e.g. --now 2026-06-01T09:00:00+02:00: the clock starts at that
moment (with its offset) and runs on; 'today' is its date in Europe/Amsterdam. Default: the real time.
Commands that change or read the district go through the same api handler as the app, so they refuse
what the app refuses, with the same message (exit 1). Exit 2: wrong usage.

ketenplanner <command> --help shows one command.`;

/** Runs one CLI invocation and returns the process exit code (0 ok, 1 failure, 2 wrong usage). */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const { out, err } = io;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. See ketenplanner --help.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.usage);
    return 0;
  }
  try {
    const { args, now } = takeNowOption(rest);
    const { clockFromNowOption } = await import('./cli-clock');
    const clock = clockFromNowOption(now);
    const run = await command.load();
    return await run(args, io, { clock });
  } catch (error) {
    if (error instanceof CliUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`ketenplanner ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof CliOperationError) {
      err(`ketenplanner ${name}: ${error.describe()}`);
      return 1;
    }
    if (error instanceof DatabaseOpenError) {
      const { message, detail } = describeDatabaseOpenError(error);
      err(`ketenplanner ${name}: ${message}\n${detail}`);
      return 1;
    }
    if (error instanceof BackupError) {
      err(`ketenplanner ${name}: ${error.message}`);
      return 1;
    }
    // A full disk or a file found damaged while in use: in Dutch, never as a stack trace.
    const dbFile = optionValue(rest, '--db');
    if (isDiskFull(error)) {
      err(`ketenplanner ${name}: ${diskFullMessage(dbFile ? path.dirname(path.resolve(dbFile)) : process.cwd())}`);
      return 1;
    }
    if (isCorruption(error)) {
      err(`ketenplanner ${name}: ${damagedFileMessage(dbFile ? path.resolve(dbFile) : '(onbekend)')}`);
      return 1;
    }
    if (error instanceof ServiceError) {
      err(`ketenplanner ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** The value of `--name VALUE` or `--name=VALUE`, if given. */
function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** Takes `--now VALUE` (or `--now=VALUE`) out of the arguments: every command accepts it. */
function takeNowOption(args: string[]): { args: string[]; now: string | undefined } {
  let now: string | undefined;
  const remaining: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--now' || arg.startsWith('--now=')) {
      if (now !== undefined) throw new CliUsageError('--now is given twice');
      const value = arg === '--now' ? args[++i] : arg.slice('--now='.length);
      if (!value || value.startsWith('--')) throw new CliUsageError('--now needs an instant, e.g. --now 2026-06-01T09:00:00+02:00');
      now = value;
    } else {
      remaining.push(arg);
    }
  }
  return { args: remaining, now };
}
