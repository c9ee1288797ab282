import type { AppDatabase } from '../../db/open-database';
import type { OperationHandlers } from './api-handler';
import { resolveDemoOptions } from './demo/demo-options';
import { generateDemoDistrict } from './demo/generate-demo-district';
import { writeDemoDistrict } from './demo/write-demo-district';
import { createDistrict, getDistrict } from './district-service';
import { getWeekOverview } from './sessions-service';

export interface ServiceContext {
  db: AppDatabase;
  /** Who is acting, for the audit trail (roles and sign-in come with a later issue). */
  actor: () => string;
  /** Today's date in Europe/Amsterdam (YYYY-MM-DD); injectable for tests. */
  today: () => string;
}

/** Maps every contract operation to its service. The type makes a missing operation a compile error. */
export function createOperationHandlers(context: ServiceContext): OperationHandlers {
  const { db } = context;
  return {
    'district.get': () => getDistrict(db),
    'district.create': (input) => createDistrict(db, input, context.actor()),
    'demo.load': (input) => writeDemoDistrict(db, generateDemoDistrict(resolveDemoOptions(input, context.today()))),
    'sessions.week': (input) => getWeekOverview(db, input),
  };
}
