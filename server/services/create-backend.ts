import os from 'node:os';
import { openDistrictDatabase } from './open-district-database';
import { createApiHandler, type ApiHandler } from './api-handler';
import type { Clock } from './context/clock';
import { forgetOldRequests } from './context/processed-requests';
import { runWriteTransaction } from './context/write-transaction';
import { sqliteDistrictDatabase } from './context/district-database';
import { resolveDemoOptions } from './demo/demo-options';
import { generateDemoDistrict } from './demo/generate-demo-district';
import { writeDemoDistrict, type DemoWriteSummary } from './demo/write-demo-district';
import { getDistrict } from './district/district-service';
import { operationHandlers } from './operation-handlers';
import type { OpenedDatabase } from '../../db/open-database';
import type { Role } from '../../shared/domain/roles';

export interface Backend {
  database: OpenedDatabase;
  handler: ApiHandler;
  clock: Clock;
  /** Set when the demo district was loaded into an empty file at start. */
  demoLoaded: DemoWriteSummary | null;
  close(): void;
}

export interface BackendOptions {
  migrationsFolder: string;
  /** The back end's only source of time (systemClock(), or clockStartingAt(--now)). */
  clock: Clock;
  /** Who acts; default: the operating system's user name. */
  actor?: string;
  /**
   * The actor's roles (shared/api/operation-roles.ts). The standalone desktop, browser mode, the CLI and
   * the demo pass STANDALONE_ROLES (one person, one file: every role); the district server will pass the
   * signed-in person's roles.
   */
  roles: readonly Role[];
  loadDemoIfEmpty?: boolean;
  nativeBinding?: string | undefined;
  onInternalError?: (operation: string, error: unknown) => void;
}

/** The whole back end for one district file, the same for the Electron shell, browser mode and the CLI. */
export async function createBackend(databasePath: string, options: BackendOptions): Promise<Backend> {
  const { clock } = options;
  const database = await openDistrictDatabase(databasePath, { migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding, clock });
  let demoLoaded: DemoWriteSummary | null = null;
  try {
    if (!database.sqlite.readonly) await runWriteTransaction(database.sqlite, async () => await forgetOldRequests(database.db, clock.now()));
    if (options.loadDemoIfEmpty && !await getDistrict(database.db)) {
      const demo = generateDemoDistrict(resolveDemoOptions({}, clock.today()));
      demoLoaded = await runWriteTransaction(database.sqlite, async () => await writeDemoDistrict(database.db, demo, clock.now()));
    }
  } catch (error) {
    database.close();
    throw error;
  }
  const actor = options.actor ?? os.userInfo().username;
  const handler = createApiHandler(operationHandlers, {
    database: sqliteDistrictDatabase(database.db, database.sqlite),
    clock,
    actor: () => actor,
    roles: () => options.roles,
    onInternalError: options.onInternalError ?? ((operation, error) => console.error(`[${operation}]`, error)),
  });
  return { database, handler, clock, demoLoaded, close: () => database.close() };
}
