import { createTestApi } from '../support/test-api';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { parseBatchCsvText } from '../../server/services/cjib/export-files';
import type { CjibBatchFiles, HandoffQueue } from '../../shared/cjib/handoff-schemas';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const NOW = new Date('2026-06-15T09:00:00+02:00');
const validateBatch = new Ajv2020({ strict: true }).compile(
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/cjib/batch-v1.schema.json'), 'utf8')) as object,
);

interface SanctionRow {
  kind: string;
  amount_cents?: number | null;
  hours?: number | null;
  days?: number | null;
  substitute_detention_days?: number | null;
}

/** A decided case with its decision, sanctions and a waiting hand-off, as the outcome registration leaves it. */
function decide(
  sqlite: Database.Database,
  caseId: number,
  options: { kind?: 'judgment' | 'penalty_order'; at: string; signed?: boolean; sanctions?: SanctionRow[] },
): { handoffId: number; decisionId: number; parketnummer: string } {
  const kind = options.kind ?? 'judgment';
  if (kind === 'judgment') sqlite.prepare("update criminal_case set status = 'decided', judgment_at = ? where id = ?").run(options.at, caseId);
  else sqlite.prepare("update criminal_case set status = 'zsm_decided', penalty_order_delivered_at = ? where id = ?").run(options.at, caseId);
  const decision = sqlite
    .prepare(
      `insert into decision (case_id, kind, decided_at, decided_by, suspect_present, judgment_signed_at, remedy, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, 'none', 'griffier.test', ?) returning id`,
    )
    .get(caseId, kind, options.at, kind === 'judgment' ? 'mr. A. de Vries' : 'mr. B. Bakker', kind === 'judgment' ? 1 : null, options.signed === false || kind !== 'judgment' ? null : options.at, options.at) as { id: number };
  const sanctions = options.sanctions ?? [{ kind: 'fine', amount_cents: 45_000, substitute_detention_days: 9 }];
  for (const s of sanctions) {
    sqlite
      .prepare('insert into sanction (decision_id, kind, amount_cents, hours, days, substitute_detention_days) values (?, ?, ?, ?, ?, ?)')
      .run(decision.id, s.kind, s.amount_cents ?? null, s.hours ?? null, s.days ?? null, s.substitute_detention_days ?? null);
  }
  const handoff = sqlite.prepare("insert into cjib_handoff (decision_id, correlation_id, status, attempt) values (?, ?, 'waiting', 0) returning id").get(decision.id, randomUUID()) as { id: number };
  const { parketnummer } = sqlite.prepare('select parketnummer from criminal_case where id = ?').get(caseId) as { parketnummer: string };
  return { handoffId: handoff.id, decisionId: decision.id, parketnummer };
}

/** Three decided cases: one final and complete, one final without the suspect's address, one still in its appeal term. */
async function setup() {
  const database = await openDemoDatabase(tempDir());
  const handle = createTestApi(database, { actor: 'medewerker.test', today: () => '2026-06-15', now: () => NOW });
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const { sqlite } = database;
  const ids = (sqlite.prepare("select id from criminal_case where status = 'heard' order by id limit 3").all() as { id: number }[]).map((r) => r.id);
  const ready = decide(sqlite, ids[0]!, { at: '2026-05-20T10:00:00+02:00' });
  const incomplete = decide(sqlite, ids[1]!, { at: '2026-05-20T11:00:00+02:00' });
  sqlite.prepare('update suspect set summons_address = null where id = (select suspect_id from criminal_case where id = ?)').run(ids[1]);
  const running = decide(sqlite, ids[2]!, { at: '2026-06-10T10:00:00+02:00', signed: false });
  const handoff = (id: number) => sqlite.prepare('select status, attempt, last_batch_id as lastBatchId, sent_at as sentAt from cjib_handoff where id = ?').get(id);
  const caseStatus = (parketnummer: string) => (sqlite.prepare('select status from criminal_case where parketnummer = ?').get(parketnummer) as { status: string }).status;
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const caseIdOf = (parketnummer: string) => (sqlite.prepare('select id from criminal_case where parketnummer = ?').get(parketnummer) as { id: number }).id;
  return { database, sqlite, handle, call, ready, incomplete, running, handoff, caseStatus, count, caseIdOf };
}

describe('the hand-off queue and the batch export to CJIB', () => {
  it('groups the queue: ready, blocked with the missing field named, waiting with its Wet USB countdowns', async () => {
    const { call, ready, incomplete, running, database } = await setup();
    const queue = await call<HandoffQueue>('cjib.queue', {});
    const item = (id: number) => queue.items.find((i) => i.handoffId === id)!;
    expect(queue.counts).toMatchObject({ ready: 1, blocked: 1, waiting: 1, sent: 0, returned: 0 });
    expect(item(ready.handoffId)).toMatchObject({ group: 'ready', problems: [], enforceability: 'Onherroepelijk sinds do 4 jun' });
    expect(item(ready.handoffId).toCjib).toMatchObject({ overdue: false, text: 'nog 2 werkdagen (tot wo 17 jun)' });
    expect(item(incomplete.handoffId)).toMatchObject({ group: 'blocked', problems: [{ code: 'R01', message: 'Adres van de verdachte ontbreekt', timing: false }] });
    const waiting = item(running.handoffId);
    expect(waiting.group).toBe('waiting');
    expect(waiting.problems.map((p) => p.message)).toEqual(['Uitspraak is nog niet getekend (rechtbank -> OM)', 'Nog niet onherroepelijk: hoger beroep mogelijk tot wo 24 jun']);
    expect(waiting.judgmentToOm).toMatchObject({ signedAt: null, countdown: { text: 'nog 7 werkdagen (tot wo 24 jun)', overdue: false } });
    database.close();
  });

  it('refuses a chosen incomplete decision, naming the case and the field in Dutch, and changes nothing', async () => {
    const { handle, ready, incomplete, handoff, count, database } = await setup();
    const result = await handle('cjib.export', { handoffIds: [ready.handoffId, incomplete.handoffId] });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (result.ok) return;
    expect(result.error.message).toContain(`${incomplete.parketnummer}: Adres van de verdachte ontbreekt`);
    expect(result.error.message).not.toContain(ready.parketnummer);
    expect(handoff(ready.handoffId)).toMatchObject({ status: 'waiting', attempt: 0 });
    expect(count('cjib_batch')).toBe(0);
    database.close();
  });

  it('exports the ready ones: sent, attempt 1, case handed to CJIB, batch recorded and audited, valid JSON and CSV', async () => {
    const { call, sqlite, ready, incomplete, running, handoff, caseStatus, database } = await setup();
    const files = await call<CjibBatchFiles>('cjib.export', {});
    expect(files.decisionCount).toBe(1);
    expect(files.json.fileName).toBe(`ketenplanner-cjib-${files.batchUid}.json`);
    const batch = JSON.parse(files.json.text);
    expect(validateBatch(batch)).toBe(true);
    expect(batch.decisions).toHaveLength(1);
    expect(batch.decisions[0]).toMatchObject({ parketnummer: ready.parketnummer, attempt: 1, enforceableAt: '2026-06-03T22:00:00.000Z', decidedBy: 'mr. A. de Vries' });
    expect(parseBatchCsvText(files.csv.text).decisions).toEqual(batch.decisions);

    expect(handoff(ready.handoffId)).toMatchObject({ status: 'sent', attempt: 1, sentAt: NOW.toISOString() });
    expect(handoff(incomplete.handoffId)).toMatchObject({ status: 'waiting', attempt: 0 });
    expect(handoff(running.handoffId)).toMatchObject({ status: 'waiting', attempt: 0 });
    expect(caseStatus(ready.parketnummer)).toBe('handed_to_cjib');
    expect(sqlite.prepare('select batch_uid as batchUid, decision_count as n, checksum, created_by as createdBy from cjib_batch').all()).toEqual([
      { batchUid: files.batchUid, n: 1, checksum: files.checksum, createdBy: 'medewerker.test' },
    ]);
    expect(sqlite.prepare("select action from audit_event where actor = 'medewerker.test' order by id").all().map((r) => (r as { action: string }).action)).toEqual([
      'cjib.batch_created',
      'cjib.handoff_sent',
      'case.status_changed',
    ]);

    const queue = await call<HandoffQueue>('cjib.queue', {});
    expect(queue.items.find((i) => i.handoffId === ready.handoffId)).toMatchObject({ group: 'sent', sentSince: 'sinds ma 15 jun (0 werkdagen)', lastBatchUid: files.batchUid, toCjib: null });
    expect(queue.batches).toEqual([{ batchUid: files.batchUid, createdAt: NOW.toISOString(), createdBy: 'medewerker.test', decisionCount: 1 }]);
    await expect(call('cjib.export', {})).rejects.toThrow(/Geen beslissingen klaar om te verzenden/);
    await expect(call('cjib.export', { handoffIds: [ready.handoffId] })).rejects.toThrow(new RegExp(`${ready.parketnummer}: status 'verzonden'`));
    database.close();
  });

  it('re-sends a batch byte for byte without changing anything, and refuses once its data changed', async () => {
    const { call, sqlite, ready, handoff, count, database } = await setup();
    const files = await call<CjibBatchFiles>('cjib.export', {});
    const before = { handoff: handoff(ready.handoffId), batches: count('cjib_batch'), handoffs: count('cjib_handoff'), items: count('cjib_batch_item') };
    const again = await call<CjibBatchFiles>('cjib.resend', { batchUid: files.batchUid });
    expect(again.json.text).toBe(files.json.text);
    expect(again.csv.text).toBe(files.csv.text);
    expect(again.checksum).toBe(files.checksum);
    expect({ handoff: handoff(ready.handoffId), batches: count('cjib_batch'), handoffs: count('cjib_handoff'), items: count('cjib_batch_item') }).toEqual(before);

    sqlite.prepare('update sanction set amount_cents = 50000 where decision_id = ?').run(ready.decisionId);
    await expect(call('cjib.resend', { batchUid: files.batchUid })).rejects.toThrow(/niet meer byte voor byte gelijk te maken.*nieuwe batch/);
    await expect(call('cjib.resend', { batchUid: randomUUID() })).rejects.toThrow(/bestaat niet/);
    database.close();
  });

  it('sends a returned decision again only after it is reworked and complete, with the next attempt', async () => {
    const { call, sqlite, ready, handoff, caseStatus, caseIdOf, database } = await setup();
    await call<CjibBatchFiles>('cjib.export', { handoffIds: [ready.handoffId] });
    // What the response import does with a return R02 for attempt 1.
    sqlite.prepare("update cjib_handoff set status = 'returned', returned_at = ?, return_code = 'R02', return_reason = 'Bedrag onjuist', return_count = 1 where id = ?").run('2026-06-15T08:00:00.000Z', ready.handoffId);
    sqlite.prepare("update criminal_case set status = 'returned_from_cjib' where parketnummer = ?").run(ready.parketnummer);

    const queue = await call<HandoffQueue>('cjib.queue', {});
    const returned = queue.items.find((i) => i.handoffId === ready.handoffId)!;
    expect(returned).toMatchObject({ group: 'returned', returnCount: 1, returnLabel: 'R02 Bedrag of duur ontbreekt of is onjuist: Bedrag onjuist' });
    await expect(call('cjib.export', { handoffIds: [ready.handoffId] })).rejects.toThrow(/retour, nog niet hersteld/);

    sqlite.prepare('update sanction set amount_cents = null where decision_id = ?').run(ready.decisionId);
    await expect(call('cjib.markReworked', { handoffId: ready.handoffId, reason: 'Bedrag gecorrigeerd', expectedVersion: returned.version })).rejects.toThrow(/Geldboete: bedrag ontbreekt/);
    expect(handoff(ready.handoffId)).toMatchObject({ status: 'returned' });
    await expect(call('cjib.markReworked', { handoffId: ready.handoffId, reason: '', expectedVersion: returned.version })).rejects.toThrow(/^INVALID_INPUT/);

    sqlite.prepare('update sanction set amount_cents = 40000 where decision_id = ?').run(ready.decisionId);
    // Complete again, but a change made outside the case page leaves no trace in the audit trail: the
    // return (R02, about the decision) counts as repaired only once the decision was corrected there.
    await expect(call('cjib.markReworked', { handoffId: ready.handoffId, reason: 'Bedrag gecorrigeerd', expectedVersion: returned.version })).rejects.toThrow(
      /nog niets gecorrigeerd: corrigeer eerst de beslissing/,
    );
    const [decision] = await call<{ id: number; version: number; sanctions: { id: number }[] }[]>('decisions.forCase', { caseId: caseIdOf(ready.parketnummer) });
    const fine = { id: decision!.sanctions[0]!.id, kind: 'fine', amountCents: 40000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 9, description: null };
    await call('decisions.update', {
      decisionId: decision!.id,
      sanctions: [fine],
      conditions: null,
      judgmentSignedAt: '2026-05-20T10:00:00+02:00',
      remedy: 'none',
      remedyFiledAt: null,
      reason: 'Retour CJIB: bedrag volgens het vonnis',
      expectedVersion: decision!.version,
    });
    expect(await call('cjib.markReworked', { handoffId: ready.handoffId, reason: 'Bedrag gecorrigeerd', expectedVersion: returned.version })).toEqual({ handoffId: ready.handoffId, status: 'waiting' });
    expect(sqlite.prepare("select reason from audit_event where action = 'cjib.handoff_reworked'").get()).toEqual({ reason: 'Bedrag gecorrigeerd' });

    const files = await call<CjibBatchFiles>('cjib.export', {});
    const batch = JSON.parse(files.json.text);
    expect(batch.decisions[0]).toMatchObject({ attempt: 2, sanctions: [{ amountCents: 40000 }] });
    expect(handoff(ready.handoffId)).toMatchObject({ status: 'sent', attempt: 2 });
    expect(caseStatus(ready.parketnummer)).toBe('handed_to_cjib');
    database.close();
  });

  it('hands a final penalty order from the ZSM table to CJIB', async () => {
    const { call, sqlite, caseStatus, database } = await setup();
    const zsm = (sqlite.prepare("select id from criminal_case where status = 'zsm_decided' order by id limit 1").get() as { id: number }).id;
    const order = decide(sqlite, zsm, { kind: 'penalty_order', at: '2026-05-20T10:00:00+02:00', sanctions: [{ kind: 'community_service', hours: 40 }] });
    const files = await call<CjibBatchFiles>('cjib.export', { handoffIds: [order.handoffId] });
    expect(JSON.parse(files.json.text).decisions[0]).toMatchObject({ decisionKind: 'penalty_order', suspectPresent: null, sanctions: [{ kind: 'community_service', hours: 40 }] });
    expect(caseStatus(order.parketnummer)).toBe('handed_to_cjib');
    database.close();
  });
});

describe('ketenplanner export cjib', () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('is in the help', async () => {
    const { out } = await run('--help');
    expect(out).toContain('ketenplanner export cjib --db FILE --out DIR [--resend BATCHUID]');
  });

  it('writes the batch files, prints a summary, and writes the same bytes again with --resend', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    // The CLI runs at --now: the judgment lies a month before it.
    const today = '2026-06-15';
    const database = await openDemoDatabase(dir, { seed: 7, casesPerYear: 700, asOf: today });
    const caseId = (database.sqlite.prepare("select id from criminal_case where status = 'heard' order by id limit 1").get() as { id: number }).id;
    const monthAgo = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
    const { handoffId } = decide(database.sqlite, caseId, { at: monthAgo });
    database.close();

    const outDir = path.join(dir, 'uit');
    const first = await run('export', 'cjib', '--db', file, '--out', outDir, '--now', NOW.toISOString());
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out) as { batchUid: string; decisionCount: number; files: string[]; resent: boolean };
    expect(summary).toMatchObject({ decisionCount: 1, resent: false });
    expect(summary.files.map((f) => path.basename(f))).toEqual([`ketenplanner-cjib-${summary.batchUid}.json`, `ketenplanner-cjib-${summary.batchUid}.csv`]);
    const bytes = summary.files.map((f) => fs.readFileSync(f));
    expect(validateBatch(JSON.parse(bytes[0]!.toString('utf8')))).toBe(true);

    const resendDir = path.join(dir, 'opnieuw');
    const second = await run('export', 'cjib', '--db', file, '--out', resendDir, '--resend', summary.batchUid, '--now', NOW.toISOString());
    expect(second.code).toBe(0);
    const resent = JSON.parse(second.out) as { files: string[]; resent: boolean };
    expect(resent.resent).toBe(true);
    expect(resent.files.map((f) => fs.readFileSync(f))).toEqual(bytes);

    const reopened = await openDemoDatabaseFile(file);
    expect(reopened.prepare('select status, attempt from cjib_handoff where id = ?').get(handoffId)).toEqual({ status: 'sent', attempt: 1 });
    expect(reopened.prepare('select count(*) as n from cjib_batch').get()).toEqual({ n: 1 });
    reopened.close();

    const nothing = await run('export', 'cjib', '--db', file, '--out', outDir, '--now', NOW.toISOString());
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('Geen beslissingen klaar om te verzenden');
    expect((await run('export', 'csv', '--db', file, '--out', outDir)).code).toBe(2);
    expect((await run('export', 'cjib', '--db', file, '--out', outDir, '--resend', 'abc')).code).toBe(2);
  });
});

async function openDemoDatabaseFile(file: string): Promise<Database.Database> {
  const { default: BetterSqlite } = await import('better-sqlite3');
  return new BetterSqlite(file, { readonly: true });
}
