import type { OperationHandlers } from './api-handler';
import { backupsHandlers } from './backups/handlers';
import { calendarsHandlers } from './calendars/handlers';
import { disclosuresHandlers } from './disclosures/handlers';
import { capacityHandlers } from './capacity/handlers';
import { casesHandlers } from './cases/handlers';
import { cjibHandlers } from './cjib/handlers';
import { decisionsHandlers } from './decisions/handlers';
import { demoHandlers } from './demo/handlers';
import { districtHandlers } from './district/handlers';
import { historyHandlers } from './history/handlers';
import { exportsHandlers } from './exports/handlers';
import { metricsHandlers } from './metrics/handlers';
import { monitoringHandlers } from './monitoring/handlers';
import { notificationsHandlers } from './notifications/handlers';
import { outcomesHandlers } from './outcomes/handlers';
import { peopleHandlers } from './people/handlers';
import { plannerHandlers } from './planner/handlers';
import { queueHandlers } from './queue/handlers';
import { reservationsHandlers } from './reservations/handlers';
import { retentionHandlers } from './retention/handlers';
import { reviewHandlers } from './review/handlers';
import { sessionsHandlers } from './sessions/handlers';
import { settingsHandlers } from './settings/handlers';
import { syncHandlers } from './sync/handlers';
import { zsmHandlers } from './zsm/handlers';

/**
 * Every contract operation, from the handler map of its feature folder (`planner.run` lives in
 * planner/handlers.ts). The type makes a missing or misplaced operation a compile error.
 */
export const operationHandlers: OperationHandlers = {
  ...districtHandlers,
  ...demoHandlers,
  ...sessionsHandlers,
  ...capacityHandlers,
  ...casesHandlers,
  ...zsmHandlers,
  ...queueHandlers,
  ...plannerHandlers,
  ...historyHandlers,
  ...reservationsHandlers,
  ...peopleHandlers,
  ...outcomesHandlers,
  ...decisionsHandlers,
  ...cjibHandlers,
  ...reviewHandlers,
  ...monitoringHandlers,
  ...metricsHandlers,
  ...exportsHandlers,
  ...settingsHandlers,
  ...backupsHandlers,
  ...retentionHandlers,
  ...notificationsHandlers,
  ...calendarsHandlers,
  ...disclosuresHandlers,
  ...syncHandlers,
};
