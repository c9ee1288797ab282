// The writer the crash soak kills (scripts/soak/crash-soak.ts): opens the district file through the
// same back end as the app and writes through the api handler without end - ZSM decisions on cases
// waiting at the ZSM table, planner runs - each with a request id the soak can check afterwards:
//   soak-zsm-<caseId>-<seq>   zsm.decide on that case
//   soak-plan-<seq>           planner.run (not a dry run)
// Every operation gets its own pinned instant (START + seq seconds), so the rows it writes carry it.
// Prints "ready" once the file is open, then one line per answer. Usage:
//   tsx scripts/soak/soak-writer.ts <db file> <first seq> <seed>
import { createBackend } from '../../server/services/create-backend';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { amsterdamDate } from '../../shared/calendar/amsterdam-time';
import { addDays } from '../../shared/calendar/local-date';
import { SOAK_START_MS } from './soak-clock';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

const [file, firstSeqText, seedText] = process.argv.slice(2);
if (!file || !firstSeqText || !seedText) throw new Error('usage: soak-writer.ts <db file> <first seq> <seed>');
let seq = Number(firstSeqText);
let seed = Number(seedText) >>> 0;
/** mulberry32: the same seed gives the same choices. */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

let nowMs = SOAK_START_MS + seq * 1000;
const clock = { now: () => new Date(nowMs), today: () => amsterdamDate(nowMs) };
const { handler, database } = await createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock, actor: 'soak.writer', roles: STANDALONE_ROLES });
const sqlite = database.sqlite;
console.log('ready');

const OUTCOMES = ['summons_snelrecht', 'summons_snelrecht_nd', 'summons_supersnelrecht', 'sepot'] as const;

for (;;) {
  seq += 1;
  nowMs = SOAK_START_MS + seq * 1000;
  if (random() < 0.75) {
    const waiting = sqlite
      .prepare("select id, version from criminal_case where status = 'intake' and arrested_at is not null order by random() limit 1")
      .get() as { id: number; version: number } | undefined;
    if (!waiting) continue;
    const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
    const answer = await handler(
      'zsm.decide',
      { caseId: waiting.id, outcome, otherRoute: null, prosecutorName: 'mr. S. Oak', reason: 'Beslissing in de crash-soak', expectedVersion: waiting.version },
      { requestId: `soak-zsm-${waiting.id}-${seq}` },
    );
    console.log(`zsm ${waiting.id} ${answer.ok ? 'ok' : answer.error.code}`);
  } else {
    const from = clock.today();
    const answer = await handler('planner.run', { from, to: addDays(from, 28), dryRun: false }, { requestId: `soak-plan-${seq}` });
    console.log(`plan ${answer.ok ? 'ok' : `${answer.error.code} ${answer.error.message}`}`);
  }
}
