import type { FeatureHandlers } from '../api-handler';
import { listWorkQueue } from './work-queue';

export const queueHandlers: FeatureHandlers<'queue'> = {
  'queue.list': (input, { db, clock }) => listWorkQueue(db, input, clock.now()),
};
