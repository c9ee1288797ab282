import { isDeepStrictEqual } from 'node:util';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';
import type { AppDatabase } from '../../../db/open-database';
import { districtSettings } from '../../../db/schema';
import { recordAudit } from '../audit';
import { refreshDerivedColumns } from '../cases/derived-columns';
import { ServiceError } from '../service-error';
import { recomputeReleaseDates } from '../reservations/release-reservations';
import { loadConfirmedSettings, loadCourtCalendar, loadDeadlineSettings, loadEquivalentDays, loadReservationReleaseWorkingDays, SETTING_KEYS } from './district-settings';
import { inTransaction } from '../context/query-results';
import { forgetOperationMemo } from '../context/operation-memo';

export interface SettingsUpdate {
  deadlines: DeadlineSettings;
  equivalentDaysByYear: Record<string, string[]>;
  confirmed: string[];
  /** Omitted: unchanged. */
  reservationReleaseWorkingDays?: number | undefined;
  reason: string;
}

/**
 * Changes the district's legal settings. The change is audited with every old and new value and the
 * reason, and every case's cached limits are recomputed in the same transaction, so no list ever
 * shows a limit computed with the old settings.
 */
export async function updateSettings(db: AppDatabase, update: SettingsUpdate, actor: string, now: Date): Promise<{ recomputedCases: number }> {
  return await inTransaction(db, async (tx) => {
    const releaseDays = await loadReservationReleaseWorkingDays(tx);
    const before = { deadlines: await loadDeadlineSettings(tx), equivalentDaysByYear: await loadEquivalentDays(tx), confirmed: await loadConfirmedSettings(tx), reservationReleaseWorkingDays: releaseDays };
    const after = {
      deadlines: update.deadlines,
      equivalentDaysByYear: update.equivalentDaysByYear,
      confirmed: [...update.confirmed].sort(),
      reservationReleaseWorkingDays: update.reservationReleaseWorkingDays ?? releaseDays,
    };
    const diff = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[]).filter((k) => !isDeepStrictEqual(before[k], after[k])).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    if (Object.keys(diff).length === 0) throw new ServiceError('CONFLICT', 'Er is niets gewijzigd.');
    const updatedAt = now.toISOString();
    const write = async (key: string, value: unknown) => {
      const row = { key, value, updatedAt, updatedBy: actor };
      await tx.insert(districtSettings).values(row).onConflictDoUpdate({ target: districtSettings.key, set: row });
    };
    await write(SETTING_KEYS.deadlines, after.deadlines);
    await write(SETTING_KEYS.equivalentDays, after.equivalentDaysByYear);
    await write(SETTING_KEYS.confirmed, after.confirmed);
    if ('reservationReleaseWorkingDays' in diff) await write(SETTING_KEYS.reservationReleaseWorkingDays, after.reservationReleaseWorkingDays);
    // What this operation read of the settings before is old now.
    forgetOperationMemo();
    // Open reservations follow a new number of days or a new calendar at once.
    const recomputedReservations = await recomputeReleaseDates(db, tx, after.reservationReleaseWorkingDays, await loadCourtCalendar(tx));
    await recordAudit(tx, { actor, action: 'settings.changed', entityType: 'district', entityId: 0, reason: update.reason, details: { ...diff, ...(recomputedReservations ? { recomputedReservations } : {}) }, occurredAt: updatedAt });
    return { recomputedCases: await refreshDerivedColumns(tx as unknown as AppDatabase, actor, now) };
  });
}
