import { DatabaseOpenError } from '../../db/database-errors';
import { ServiceError } from '../services/service-error';
import { CliUsageError } from './cli-error';
import { processIo, type CliIo } from './cli-io';
import { DEADLINES_USAGE, deadlinesCommand } from './commands/deadlines-command';
import { DEMO_USAGE, demoCommand } from './commands/demo-command';
import { EXPORT_USAGE, exportCommand } from './commands/export-command';
import { IMPORT_USAGE, importCommand } from './commands/import-command';
import { IMPORT_ACK_USAGE, importAckCommand } from './commands/import-ack-command';
import { PLAN_USAGE, planCommand } from './commands/plan-command';
import { SERVE_USAGE, serveCommand } from './commands/serve-command';
import { WHATIF_USAGE, whatifCommand } from './commands/whatif-command';
import { SESSIONS_USAGE, sessionsCommand } from './commands/sessions-command';
import { REPORT_USAGE, reportCommand } from './commands/report-command';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  demo: { run: demoCommand, usage: DEMO_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
  deadlines: { run: deadlinesCommand, usage: DEADLINES_USAGE },
  import: { run: importCommand, usage: IMPORT_USAGE },
  'import-ack': { run: importAckCommand, usage: IMPORT_ACK_USAGE },
  plan: { run: planCommand, usage: PLAN_USAGE },
  whatif: { run: whatifCommand, usage: WHATIF_USAGE },
  sessions: { run: sessionsCommand, usage: SESSIONS_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
  report: { run: reportCommand, usage: REPORT_USAGE },
};

const HELP = `Ketenplanner: planning of fast-track criminal hearings for one court district.

Usage: ketenplanner <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n\n')}

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
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`ketenplanner ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof DatabaseOpenError) {
      err(`ketenplanner ${name}: ${error.message}${error.backupPath ? `\nBackup made before migrating: ${error.backupPath}` : ''}`);
      return 1;
    }
    if (error instanceof ServiceError) {
      err(`ketenplanner ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
