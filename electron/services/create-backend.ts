import os from 'node:os';
import { openDistrictDatabase } from './open-district-database';
import { amsterdamToday } from './amsterdam-today';
import { createApiHandler, type ApiHandler } from './api-handler';
import { resolveDemoOptions } from './demo/demo-options';
import { generateDemoDistrict } from './demo/generate-demo-district';
import { writeDemoDistrict, type DemoWriteSummary } from './demo/write-demo-district';
import { getDistrict } from './district-service';
import { createOperationHandlers } from './operation-handlers';
import type { OpenedDatabase } from '../../db/open-database';

export interface Backend {
  database: OpenedDatabase;
  handler: ApiHandler;
  /** Set when the demo district was loaded into an empty file at start. */
  demoLoaded: DemoWriteSummary | null;
  close(): void;
}

export interface BackendOptions {
  migrationsFolder: string;
  loadDemoIfEmpty?: boolean;
  nativeBinding?: string | undefined;
  onInternalError?: (operation: string, error: unknown) => void;
}

/** The whole back end for one district file, the same for the Electron shell and browser mode. */
export async function createBackend(databasePath: string, options: BackendOptions): Promise<Backend> {
  const database = await openDistrictDatabase(databasePath, { migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding });
  let demoLoaded: DemoWriteSummary | null = null;
  try {
    if (options.loadDemoIfEmpty && !getDistrict(database.db)) {
      demoLoaded = writeDemoDistrict(database.db, generateDemoDistrict(resolveDemoOptions({}, amsterdamToday())));
    }
  } catch (error) {
    database.close();
    throw error;
  }
  const user = os.userInfo().username;
  const handler = createApiHandler(createOperationHandlers({ db: database.db, actor: () => user, today: () => amsterdamToday() }), {
    onInternalError: options.onInternalError ?? ((operation, error) => console.error(`[${operation}]`, error)),
  });
  return { database, handler, demoLoaded, close: () => database.close() };
}
