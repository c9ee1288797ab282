// npm run soak:sync [-- --desktops 4] [-- --operations 1000] [-- --seed 1]
// Issue 14: offline desktops against a real district server (PostgreSQL, TLS, the test identity provider,
// the built operations: dist/server/district-wiring.mjs or KETENPLANNER_WIRING_BUNDLE), each desktop behind
// the same real TCP proxy, which a cutter stops and starts at random moments for random lengths while the
// desktops work. Each desktop (ConnectedBackend + LocalCopy + SyncingBackend, one prosecutor's laptop) does
// random operations chosen from what its copy shows: preconditions on a shared pool of cases (with the case
// version it saw), reservations of 1 place on shared sessions, releases of its confirmed reservations,
// reads, and synchronises now and then. Afterwards, with the network back:
//   - every write a desktop accepted (online, or offline into its outbox) is either applied exactly once on
//     the server (its request id processed once) or in that desktop's conflict inbox with a reason, never both;
//     a write refused at once is in neither;
//   - the server's effects match the applied requests one for one (an audit event per applied request, by
//     operation), so nothing was applied twice or without its request;
//   - every desktop's copy equals what the server shows it (every synced table, row by row).
// Prints its counts; exits 1 when a check fails.
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { fixedClock } from '../../server/services/context/clock';
import { sessionAcceptsCase } from '../../shared/domain/session';
import { RESERVABLE_MODALITIES } from '../../shared/domain/reservation';
import { EVENTS_EDITABLE_STATUSES } from '../../shared/domain/case-lifecycle';
import { PRECONDITION_KINDS } from '../../shared/domain/precondition';
import { copyDifferences, startSyncStack, type Desktop } from '../../test/support/sync-stack';
import { TEST_USERS } from '../../test/support/test-identity-provider';

const { values } = parseArgs({
  options: { desktops: { type: 'string' }, operations: { type: 'string' }, seed: { type: 'string' } },
  strict: true,
});
const DESKTOPS = Number(values.desktops ?? 4);
const OPERATIONS = Number(values.operations ?? 1000);
let seed = Number(values.seed ?? 20261205) >>> 0;
/** mulberry32: the same --seed gives the same choices (the cuts' moments still vary with timing). */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T15:00:00.000Z');
const ACTOR = `${TEST_USERS.prosecutor.name} (${TEST_USERS.prosecutor.organisation})`;
const UNSURE_PREFIX = 'De districtsserver antwoordde niet; of deze handeling daar is vastgelegd';

interface Attempt {
  desktop: number;
  requestId: string;
  operation: string;
  /** ok: accepted (online by the server, offline into the outbox); unsure: in the outbox, unapplied; refused: neither. */
  answer: 'ok' | 'unsure' | 'refused';
  code: string | null;
  /** The refusal's first words. */
  reason: string | null;
}

const started = performance.now();
const stack = await startSyncStack({ clock: fixedClock(NOW), demo: { seed: 5, casesPerYear: 1200, asOf: TODAY } });
let failed = false;
try {
  const desktops: Desktop[] = [];
  for (let i = 0; i < DESKTOPS; i++) desktops.push(await stack.desktop(TEST_USERS.prosecutor, `desktop-${i}`));

  // What the desktops work on, chosen once from the first copy: a few sessions (so reservations collide)
  // and a pool of editable cases (so versions collide).
  const first = new Database(desktops[0]!.localCopy.path, { readonly: true });
  const sessions = (
    first.prepare("select id, session_type as sessionType, accepted_modalities as acceptedModalities, accepted_filler_kinds as acceptedFillerKinds, capacity_slots as capacity from court_session where date >= '2026-07-06' and status = 'scheduled' and capacity_slots >= 3 order by date, id limit 80").all() as {
      id: number;
      sessionType: never;
      acceptedModalities: string;
      acceptedFillerKinds: string;
    }[]
  ).flatMap((session) => RESERVABLE_MODALITIES.filter((modality) => sessionAcceptsCase(session, modality, null)).map((modality) => ({ sessionId: session.id, modality })));
  const statuses = EVENTS_EDITABLE_STATUSES.map((s) => `'${s}'`).join(', ');
  const caseIds = (first.prepare(`select id from criminal_case where status in (${statuses}) order by id limit 120`).all() as { id: number }[]).map((r) => r.id);
  first.close();
  if (sessions.length === 0 || caseIds.length === 0) throw new Error('The demo district has no sessions or cases to work on.');

  const attempts: Attempt[] = [];
  let cuts = 0;
  let reads = 0;
  let running = DESKTOPS;

  // The network: up for a while, down for a while, at random, until the desktops are done.
  const cutter = (async () => {
    while (running > 0) {
      await sleep(50 + random() * 400);
      if (running === 0) break;
      await stack.proxy.stop();
      cuts++;
      await sleep(30 + random() * 600);
      await stack.proxy.start();
    }
  })();

  const work = async (index: number) => {
    const desktop = desktops[index]!;
    const copy = new Database(desktop.localCopy.path, { readonly: true });
    const version = (sql: string, id: number) => (copy.prepare(sql).get(id) as { version: number } | undefined)?.version ?? 1;
    try {
      for (let n = 0; n < OPERATIONS; n++) {
        const requestId = `soak-${index}-${String(n).padStart(5, '0')}`;
        const roll = random();
        let operation: string;
        let input: unknown;
        if (roll < 0.05) {
          reads++;
          await desktop.backend.handler('reservations.list', {}, {});
          continue;
        } else if (roll < 0.1) {
          await desktop.backend.syncNow();
          continue;
        } else if (roll < 0.5) {
          const caseId = pick(caseIds);
          const status = pick(['pending', 'met', 'not_needed'] as const);
          operation = 'cases.setPrecondition';
          input = {
            caseId,
            kind: pick(PRECONDITION_KINDS.slice(0, 3)),
            status,
            expectedOn: status === 'pending' ? '2026-07-01' : null,
            note: `soak ${requestId}`,
            expectedVersion: version('select version from criminal_case where id = ?', caseId),
          };
        } else {
          const mine = copy
            // Not one made offline and not yet confirmed: the screen marks it "nog niet bevestigd" and offers no release.
            .prepare(
              "select r.id, r.version from reservation r join court_session s on s.id = r.session_id where r.reserved_by = ? and r.released_at is null and s.date > ? and cast(r.id as text) not in (select row_key from outbox_created where table_name = 'reservation') order by r.id",
            )
            .all(ACTOR, TODAY) as { id: number; version: number }[];
          if (roll < 0.8 && mine.length > 0) {
            const reservation = pick(mine);
            operation = 'reservations.release';
            input = { reservationId: reservation.id, reason: 'soak: niet meer nodig', expectedVersion: reservation.version };
          } else {
            const target = pick(sessions);
            operation = 'reservations.reserve';
            input = { sessionId: target.sessionId, modality: target.modality, slots: 1 };
          }
        }
        const answer = await desktop.backend.handler(operation, input, { requestId });
        const unsure = !answer.ok && answer.error.code === 'UNAVAILABLE' && answer.error.message.startsWith(UNSURE_PREFIX);
        attempts.push({ desktop: index, requestId, operation, answer: answer.ok ? 'ok' : unsure ? 'unsure' : 'refused', code: answer.ok ? null : answer.error.code, reason: answer.ok ? null : /^[^:;(]*/.exec(answer.error.message)![0].trim().slice(0, 60) });
        if (random() < 0.3) await sleep(random() * 10);
      }
    } finally {
      copy.close();
      running--;
    }
  };
  await Promise.all(desktops.map((_, index) => work(index)));
  await cutter;

  // The network back for good: every desktop sends what it still has, then all pull what the others sent.
  await stack.proxy.start();
  for (let round = 0; round < 5; round++) {
    for (const desktop of desktops) await desktop.backend.syncNow();
    const statuses = await Promise.all(desktops.map((d) => d.backend.status()));
    if (statuses.every((s) => s.connection === 'online' && s.pending.length === 0)) break;
  }
  for (const desktop of desktops) await desktop.backend.syncNow();

  const problems: string[] = [];
  const processed = new Map(
    (await stack.owner.query<{ request_id: string; operation: string }>("select request_id, operation from processed_request where request_id like 'soak-%'")).rows.map((r) => [r.request_id, r.operation]),
  );
  const conflicts = new Map<string, { reason: string; code: string }>();
  const counts = { accepted: 0, unsure: 0, refused: 0, appliedOnServer: 0, inConflictInbox: 0, stillPending: 0 };
  const conflictCodes = new Map<string, number>();
  for (const [index, desktop] of desktops.entries()) {
    const status = await desktop.backend.status();
    counts.stillPending += status.pending.length;
    if (status.connection !== 'online') problems.push(`desktop ${index} is ${status.connection} at the end`);
    for (const conflict of status.conflicts) {
      const code = (conflict as { code?: string }).code ?? 'refused';
      conflicts.set(conflict.requestId, { reason: conflict.reason, code });
    }
  }
  for (const attempt of attempts) {
    const onServer = processed.has(attempt.requestId);
    const inInbox = conflicts.get(attempt.requestId);
    if (onServer) counts.appliedOnServer++;
    if (inInbox) counts.inConflictInbox++;
    counts[attempt.answer === 'ok' ? 'accepted' : attempt.answer]++;
    if (attempt.answer === 'refused') {
      if (onServer || inInbox) problems.push(`${attempt.requestId} (${attempt.operation}) was refused (${attempt.code}) yet ${onServer ? 'applied on the server' : 'is in the conflict inbox'}`);
      continue;
    }
    if (onServer === Boolean(inInbox)) problems.push(`${attempt.requestId} (${attempt.operation}, ${attempt.answer}): ${onServer ? 'applied on the server AND in the conflict inbox' : 'neither applied nor in the conflict inbox'}`);
    if (inInbox && inInbox.reason.trim().length < 5) problems.push(`${attempt.requestId}: a conflict without a reason`);
    if (inInbox) {
      const key = /^[^:;(]*/.exec(inInbox.reason)![0].trim().slice(0, 60);
      conflictCodes.set(key, (conflictCodes.get(key) ?? 0) + 1);
    }
  }
  // Applied once: one effect (audit event) per processed request, per operation.
  const effects: [string, string][] = [
    ['cases.setPrecondition', 'case.precondition_set'],
    ['reservations.reserve', 'reservation.created'],
    ['reservations.release', 'reservation.released'],
  ];
  for (const [operation, action] of effects) {
    const requests = [...processed.values()].filter((o) => o === operation).length;
    const audited = Number((await stack.owner.query<{ n: string }>('select count(*) as n from audit_event where action = $1 and actor = $2', [action, ACTOR])).rows[0]!.n);
    if (requests !== audited) problems.push(`${operation}: ${requests} requests applied but ${audited} '${action}' audit events`);
  }
  const unknownOnServer = [...processed.keys()].filter((id) => !attempts.some((a) => a.requestId === id));
  if (unknownOnServer.length > 0) problems.push(`requests on the server that no desktop made: ${unknownOnServer.slice(0, 5).join(', ')}`);
  let rowsCompared = 0;
  for (const [index, desktop] of desktops.entries()) {
    const differences = await copyDifferences(desktop);
    if (differences.length > 0) problems.push(`desktop ${index}'s copy differs from the server in ${differences.length} rows, e.g. ${differences.slice(0, 3).join('; ')}`);
    const copy = new Database(desktop.localCopy.path, { readonly: true });
    rowsCompared += (copy.prepare("select sum(n) as n from (select count(*) as n from reservation union all select count(*) from case_precondition union all select count(*) from criminal_case)").get() as { n: number }).n;
    copy.close();
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `sync soak: ${DESKTOPS} desktops x ${OPERATIONS} operations, ${attempts.length} writes (${reads} reads), ${cuts} cuts; ` +
      `accepted ${counts.accepted} (+${counts.unsure} unsure), refused at once ${counts.refused}; ` +
      `applied once on the server ${counts.appliedOnServer}, in a conflict inbox ${counts.inConflictInbox}, still pending ${counts.stillPending}; ` +
      `copies equal to the server: ${problems.some((p) => p.includes('copy differs')) ? 'NO' : 'yes'} (${rowsCompared} rows of the busy tables); ${seconds} s`,
  );
  const refusals = new Map<string, number>();
  for (const attempt of attempts) if (attempt.answer === 'refused') {
    const key = `${attempt.operation} ${attempt.code} "${attempt.reason}"`;
    refusals.set(key, (refusals.get(key) ?? 0) + 1);
  }
  console.log(`refused at once: ${[...refusals.entries()].map(([what, count]) => `${count}x ${what}`).join(', ') || 'none'}`);
  console.log(`conflict reasons: ${[...conflictCodes.entries()].map(([reason, count]) => `${count}x "${reason}"`).join(', ') || 'none'}`);
  if (problems.length > 0) {
    failed = true;
    console.error(`sync soak FAILED (${problems.length} problems):\n${problems.slice(0, 30).join('\n')}`);
  } else {
    console.log('sync soak: ok');
  }
  for (const desktop of desktops) await desktop.backend.close();
} finally {
  await stack.close();
}
process.exit(failed ? 1 : 0);
