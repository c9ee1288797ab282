import type { OpenedDatabase } from '../../db/open-database';
import { openDistrictDatabase } from '../services/open-district-database';
import { PROJECT_PATHS } from './project-paths';

export function openCliDatabase(file: string): Promise<OpenedDatabase> {
  return openDistrictDatabase(file, { migrationsFolder: PROJECT_PATHS.migrations });
}
