import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { PROJECT_PATHS } from './project-paths';

export function openCliDatabase(file: string): Promise<OpenedDatabase> {
  return openDatabase(file, { migrationsFolder: PROJECT_PATHS.migrations });
}
