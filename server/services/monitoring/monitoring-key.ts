import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { districtSettings } from '../../../db/schema';
import { recordAudit } from '../audit';
import { firstRow } from '../context/query-results';

export const MONITORING_KEY_SETTING = 'monitoringKey';
const KEY_BYTES = 32;

type Writer = Pick<AppDatabase, 'select' | 'insert'>;

/**
 * The district's secret for case keys: made on the first export with crypto.randomBytes and kept in the
 * district file only. It is never exported, shown or logged (the audit row records only that it was made).
 */
export async function monitoringKey(tx: Writer, actor: string, now: Date): Promise<Buffer> {
  const row = firstRow(await tx.select().from(districtSettings).where(eq(districtSettings.key, MONITORING_KEY_SETTING)));
  if (row) {
    if (typeof row.value !== 'string' || Buffer.from(row.value, 'base64').length !== KEY_BYTES) {
      throw new Error(`District setting '${MONITORING_KEY_SETTING}' is damaged: it must be ${KEY_BYTES} random bytes in base64.`);
    }
    return Buffer.from(row.value, 'base64');
  }
  const key = randomBytes(KEY_BYTES);
  await tx.insert(districtSettings).values({ key: MONITORING_KEY_SETTING, value: key.toString('base64'), updatedAt: now.toISOString(), updatedBy: actor });
  await recordAudit(tx, { actor, action: 'monitoring.key_created', entityType: 'district_setting', entityId: 0, occurredAt: now.toISOString() });
  return key;
}

/** The case key: HMAC-SHA256 of the parketnummer under the district key (same case, same key, every export). */
export function caseKey(key: Buffer, parketnummer: string): string {
  return createHmac('sha256', key).update(`case:${parketnummer}`).digest('hex');
}

/** Names the key without revealing it, so a receiver sees whether two exports share a key. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('ketenplanner-monitoring-key-id').digest('hex').slice(0, 16);
}
