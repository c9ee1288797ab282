import { createTestApi } from '../support/test-api';
import { describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/**
 * The what-if mode leaves the district file untouched (SQLite's rowids and total_changes()); what it
 * measures runs on both engines in test/operations/what-if.test.ts.
 */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T06:00:00+02:00');
const WINDOW = { from: '2026-06-15', to: '2026-07-26' };
/** The four weeks before today (Monday 18 May to Sunday 14 June). */
const LAST_FOUR_WEEKS = { from: '2026-05-18', to: '2026-06-14' };
/** Tuesday and Thursday mornings in Zaal B (room 5), which the demo uses only on Monday afternoons. */
const SUPERSNEL_IN_ROOM_B = { courtroomId: 5, weekdays: [2, 4], daypart: 'morning', startTime: '09:00', endTime: '12:30', sessionType: 'supersnelrecht', capacitySlots: 4 };

async function setup() {
  const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
  const handle = createTestApi(database, { actor: 'coordinator.test', today: () => '2026-06-15', now: () => NOW });
  const whatIf = async (input: unknown) => {
    const result = await handle('planner.whatIf', input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  return { database, whatIf };
}

describe('the what-if mode on a real district file', () => {
  it('writes nothing: every table keeps its rows, no audit row is added', async () => {
    const { database, whatIf } = await setup();
    const tables = (database.sqlite.prepare("select name from pragma_table_list where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const snapshot = () => Object.fromEntries(tables.map((t) => [t, database.sqlite.prepare(`select count(*) as n, coalesce(max(rowid), 0) as m from "${t}"`).get()]));
    const hearings = () => database.sqlite.prepare('select id, case_id, session_id, status from hearing order by id').all();
    const before = snapshot();
    const hearingsBefore = hearings();
    const changesBefore = database.sqlite.prepare('select total_changes() as n').get();

    await whatIf({ ...WINDOW, replay: LAST_FOUR_WEEKS, addPatterns: [SUPERSNEL_IN_ROOM_B], removeTemplateIds: [3] });

    expect(snapshot()).toEqual(before);
    expect(hearings()).toEqual(hearingsBefore);
    expect(database.sqlite.prepare('select total_changes() as n').get()).toEqual(changesBefore);
    database.close();
  });

});
