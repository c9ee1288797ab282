import type { Clock } from '../services/context/clock';
import type { CliIo } from './cli-io';

/** What every command gets besides its arguments: the run's clock (`--now`, else the real time). */
export interface CliContext {
  clock: Clock;
}

/** One command: returns the exit code (0 ok, 1 refused or failed); usage mistakes throw CliUsageError. */
export type CliCommand = (args: string[], io: CliIo, context: CliContext) => Promise<number>;
