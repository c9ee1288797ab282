import type { FeatureHandlers } from '../api-handler';
import { listWorkQueue } from './work-queue';

export const queueHandlers: FeatureHandlers<'queue'> = {
  'queue.list': async (input, { db, clock }) => await listWorkQueue(db, input, clock.now()),
};
