import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { OpenedDatabase } from '../../db/open-database';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { isWriteOperation } from '../../shared/api/operation-kinds';
import type { ApiHandler } from '../services/api-handler';
import type { Clock } from '../services/context/clock';
import { createBackend } from '../services/create-backend';
import { CliOperationError, CliUsageError } from './cli-error';
import { PROJECT_PATHS } from './project-paths';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

/** One district file opened for a CLI command, with the same api handler IPC and HTTP call. */
export interface CliBackend {
  handler: ApiHandler;
  database: OpenedDatabase;
  /**
   * Calls one contract operation (a write with a fresh request id) and returns its value; a refusal
   * becomes a CliOperationError carrying the handler's message (exit 1).
   */
  call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
  close(): void;
}

export async function openCliDatabase(file: string, clock: Clock): Promise<CliBackend> {
  // The same back end as the Electron shell and browser mode (actor: the operating system's user, who
  // holds every role standalone: one person, one file).
  const { database, handler, close } = await createBackend(file, { migrationsFolder: PROJECT_PATHS.migrations, clock, roles: STANDALONE_ROLES });
  const call = async <K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> => {
    const envelope = await handler(operation, input, isWriteOperation(operation) ? { requestId: randomUUID() } : {});
    if (!envelope.ok) throw new CliOperationError(envelope.error.code, envelope.error.message, envelope.error.details);
    return envelope.value as OperationOutput<K>;
  };
  return { handler, database, call, close };
}

/** Opens an existing district file (a typo must not create a new, empty database) that holds a district. */
export async function openExistingDistrict(file: string, clock: Clock, hint = ''): Promise<CliBackend> {
  if (!fs.existsSync(file)) throw new CliUsageError(`${file} does not exist: give the district's database file`);
  const backend = await openCliDatabase(file, clock);
  try {
    if (!(await backend.call('district.get', {}))) throw new CliUsageError(`${file} holds no district yet${hint}`);
  } catch (error) {
    backend.close();
    throw error;
  }
  return backend;
}
