import { afterAll, describe, expect, it } from 'vitest';
import { districtSettings } from '../../db/schema';
import type { OpenedDatabase } from '../../db/open-database';
import { refreshDerivedColumns } from '../../server/services/cases/derived-columns';
import { intakeDerivedValues } from '../../server/services/cases/derived-values';
import { importCases } from '../../server/services/cases/import-cases';
import { readAndCheckImportFile, stopImportThread } from '../../server/services/cases/read-import-file';
import { fixedClock } from '../../server/services/context/clock';
import type { OperationContext } from '../../server/services/context/operation-context';
import { runWriteTransaction } from '../../server/services/context/write-transaction';
import { loadDeadlineContext, loadDeadlineSettings, loadEquivalentDays, SETTING_KEYS } from '../../server/services/settings/district-settings';
import { openTestDatabase } from '../support/demo-database';
import { makeImportCsv } from '../support/import-fixture';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
/** Pinned: the fixture's events lie in March 2026. */
const NOW = new Date('2026-06-15T10:00:00Z');
const file = Buffer.from(makeImportCsv(400, 0).csv);
/** Three batches of rows (2,000, 2,000, 500): this thread checks the first, and the worker one that comes while this thread still has two to do. */
const threeBatches = Buffer.from(makeImportCsv(4_500, 0).csv);

afterAll(() => stopImportThread());

/** What a handler gets, with a write that first runs `before` in its transaction (another workstation's change, just before). */
function context(database: OpenedDatabase, before: () => void = () => undefined): OperationContext {
  return {
    db: database.db,
    actor: 'coordinator.test',
    clock: fixedClock(NOW),
    requestId: null,
    write: (work) => runWriteTransaction(database.sqlite, () => (before(), work())),
  };
}

const storedColumns = (database: OpenedDatabase) =>
  database.sqlite
    .prepare('select parketnummer, voorgeleiding_by, hearing_by, hearing_from, hearing_target_by, next_limit, next_limit_kind, queue_order, planning_gaps, ready_from from criminal_case order by parketnummer')
    .all();

describe('the case import computes the derived columns with its checks (issue 12: 100,000 rows within 5 s)', () => {
  it('gives each valid row its derived columns, in both threads, the same as the write would compute them', async () => {
    const database = await openTestDatabase(tempDir());
    const basis = { settings: await loadDeadlineSettings(database.db), equivalentDaysByYear: await loadEquivalentDays(database.db) };
    const table = await readAndCheckImportFile('zaken.csv', threeBatches, NOW.getTime(), { basis });
    const deadlineContext = await loadDeadlineContext(database.db);
    expect(table.checked).toHaveLength(4_500);
    for (const result of table.checked) {
      if (!('intake' in result)) throw new Error(`row ${result.row} refused: ${JSON.stringify(result.problems)}`);
      expect(result.limits).toEqual(intakeDerivedValues(result.intake, deadlineContext).limits);
      // Its event moments as stored too, so the write need not convert them again.
      expect(intakeDerivedValues(result.intake, deadlineContext).events).toMatchObject(result.events!);
    }
    database.close();
  });

  it('stores the columns of the settings at the moment of the write when they changed while the file was read', async () => {
    const changed = { ...await loadDeadlineSettings((await openTestDatabase(tempDir(), 'x.sqlite')).db), snelrechtMaxAfterArrest: { days: 9, hours: 0 }, supersnelrechtTargetHours: 36 };
    const plain = await openTestDatabase(tempDir());
    const racing = await openTestDatabase(tempDir());
    const changeSettings = () =>
      racing.db.insert(districtSettings).values({ key: SETTING_KEYS.deadlines, value: changed, updatedAt: NOW.toISOString(), updatedBy: 'other.workstation' }).run();

    expect((await importCases(context(plain), { fileName: 'zaken.csv', content: file, mode: 'all_or_nothing', dryRun: false })).committed).toBe(400);
    expect((await importCases(context(racing, changeSettings), { fileName: 'zaken.csv', content: file, mode: 'all_or_nothing', dryRun: false })).committed).toBe(400);

    const imported = storedColumns(racing);
    // The change matters for these rows (the snelrecht and supersnelrecht limits)...
    expect(imported).not.toEqual(storedColumns(plain));
    // ...and the stored columns are those of the new settings: recomputing them changes nothing.
    await refreshDerivedColumns(racing.db, 'test', NOW);
    expect(storedColumns(racing)).toEqual(imported);
    plain.close();
    racing.close();
  });
});
