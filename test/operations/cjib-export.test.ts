import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBatchCsvText } from '../../server/services/cjib/export-files';
import type { CjibBatchFiles, HandoffQueue } from '../../shared/cjib/handoff-schemas';
import { SMALL_DEMO } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * The hand-off queue and the batch export to CJIB through the api handler, on both engines (the operation
 * suite of issue 13). The CLI (`ketenplanner export cjib`, on a district file) stays in test/integration/cjib-export.test.ts.
 */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T09:00:00+02:00');
const validateBatch = new Ajv2020({ strict: true }).compile(
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/cjib/batch-v1.schema.json'), 'utf8')) as object,
);

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

interface SanctionRow {
  kind: string;
  amount_cents?: number | null;
  hours?: number | null;
  days?: number | null;
  substitute_detention_days?: number | null;
}

/** A decided case with its decision, sanctions and a waiting hand-off, as the outcome registration leaves it. */
async function decide(
  d: TestDistrict,
  caseId: number,
  options: { kind?: 'judgment' | 'penalty_order'; at: string; signed?: boolean; sanctions?: SanctionRow[] },
): Promise<{ handoffId: number; decisionId: number; parketnummer: string }> {
  const kind = options.kind ?? 'judgment';
  if (kind === 'judgment') await d.run("update criminal_case set status = 'decided', judgment_at = ? where id = ?", [options.at, caseId]);
  else await d.run("update criminal_case set status = 'zsm_decided', penalty_order_delivered_at = ? where id = ?", [options.at, caseId]);
  const decision = (await d.row<{ id: number }>(
    `insert into decision (case_id, kind, decided_at, decided_by, suspect_present, judgment_signed_at, remedy, recorded_by, recorded_at)
     values (?, ?, ?, ?, ${kind === 'judgment' ? 'true' : 'null'}, ?, 'none', 'griffier.test', ?) returning id`,
    [caseId, kind, options.at, kind === 'judgment' ? 'mr. A. de Vries' : 'mr. B. Bakker', options.signed === false || kind !== 'judgment' ? null : options.at, options.at],
  ))!;
  const sanctions = options.sanctions ?? [{ kind: 'fine', amount_cents: 45_000, substitute_detention_days: 9 }];
  for (const s of sanctions) {
    await d.run('insert into sanction (decision_id, kind, amount_cents, hours, days, substitute_detention_days) values (?, ?, ?, ?, ?, ?)', [
      decision.id,
      s.kind,
      s.amount_cents ?? null,
      s.hours ?? null,
      s.days ?? null,
      s.substitute_detention_days ?? null,
    ]);
  }
  const handoff = (await d.row<{ id: number }>("insert into cjib_handoff (decision_id, correlation_id, status, attempt) values (?, ?, 'waiting', 0) returning id", [decision.id, randomUUID()]))!;
  const { parketnummer } = (await d.row<{ parketnummer: string }>('select parketnummer from criminal_case where id = ?', [caseId]))!;
  return { handoffId: handoff.id, decisionId: decision.id, parketnummer };
}

/** Three decided cases: one final and complete, one final without the suspect's address, one still in its appeal term. */
async function setup() {
  const d = (district = await openTestDistrict(tempDir(), SMALL_DEMO));
  const handle = d.api({ actor: 'medewerker.test', today: () => '2026-06-15', now: () => NOW });
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const ids = (await d.rows<{ id: number }>("select id from criminal_case where status = 'heard' order by id limit 3")).map((r) => r.id);
  const ready = await decide(d, ids[0]!, { at: '2026-05-20T10:00:00+02:00' });
  const incomplete = await decide(d, ids[1]!, { at: '2026-05-20T11:00:00+02:00' });
  await d.run('update suspect set summons_address = null where id = (select suspect_id from criminal_case where id = ?)', [ids[1]]);
  const running = await decide(d, ids[2]!, { at: '2026-06-10T10:00:00+02:00', signed: false });
  const handoff = (id: number) => d.row('select status, attempt, last_batch_id as "lastBatchId", sent_at as "sentAt" from cjib_handoff where id = ?', [id]);
  const caseStatus = async (parketnummer: string) => (await d.row<{ status: string }>('select status from criminal_case where parketnummer = ?', [parketnummer]))!.status;
  const count = async (table: string) => (await d.row<{ n: number }>(`select count(*) as "n" from ${table}`))!.n;
  const caseIdOf = async (parketnummer: string) => (await d.row<{ id: number }>('select id from criminal_case where parketnummer = ?', [parketnummer]))!.id;
  return { d, handle, call, ready, incomplete, running, handoff, caseStatus, count, caseIdOf };
}

describe('the hand-off queue and the batch export to CJIB', () => {
  it('groups the queue: ready, blocked with the missing field named, waiting with its Wet USB countdowns', async () => {
    const { call, ready, incomplete, running } = await setup();
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
  });

  it('refuses a chosen incomplete decision, naming the case and the field in Dutch, and changes nothing', async () => {
    const { handle, ready, incomplete, handoff, count } = await setup();
    const result = await handle('cjib.export', { handoffIds: [ready.handoffId, incomplete.handoffId] });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (result.ok) return;
    expect(result.error.message).toContain(`${incomplete.parketnummer}: Adres van de verdachte ontbreekt`);
    expect(result.error.message).not.toContain(ready.parketnummer);
    expect(await handoff(ready.handoffId)).toMatchObject({ status: 'waiting', attempt: 0 });
    expect(await count('cjib_batch')).toBe(0);
  });

  it('exports the ready ones: sent, attempt 1, case handed to CJIB, batch recorded and audited, valid JSON and CSV', async () => {
    const { call, ready, incomplete, running, handoff, caseStatus, d } = await setup();
    const files = await call<CjibBatchFiles>('cjib.export', {});
    expect(files.decisionCount).toBe(1);
    expect(files.json.fileName).toBe(`ketenplanner-cjib-${files.batchUid}.json`);
    const batch = JSON.parse(files.json.text);
    expect(validateBatch(batch)).toBe(true);
    expect(batch.decisions).toHaveLength(1);
    expect(batch.decisions[0]).toMatchObject({ parketnummer: ready.parketnummer, attempt: 1, enforceableAt: '2026-06-03T22:00:00.000Z', decidedBy: 'mr. A. de Vries' });
    expect(parseBatchCsvText(files.csv.text).decisions).toEqual(batch.decisions);

    expect(await handoff(ready.handoffId)).toMatchObject({ status: 'sent', attempt: 1, sentAt: NOW.toISOString() });
    expect(await handoff(incomplete.handoffId)).toMatchObject({ status: 'waiting', attempt: 0 });
    expect(await handoff(running.handoffId)).toMatchObject({ status: 'waiting', attempt: 0 });
    expect(await caseStatus(ready.parketnummer)).toBe('handed_to_cjib');
    expect(await d.rows('select batch_uid as "batchUid", decision_count as n, checksum, created_by as "createdBy" from cjib_batch')).toEqual([
      { batchUid: files.batchUid, n: 1, checksum: files.checksum, createdBy: 'medewerker.test' },
    ]);
    expect((await d.rows("select action from audit_event where actor = 'medewerker.test' order by id")).map((r) => (r as { action: string }).action)).toEqual([
      'cjib.batch_created',
      'cjib.handoff_sent',
      'case.status_changed',
    ]);

    const queue = await call<HandoffQueue>('cjib.queue', {});
    expect(queue.items.find((i) => i.handoffId === ready.handoffId)).toMatchObject({ group: 'sent', sentSince: 'sinds ma 15 jun (0 werkdagen)', lastBatchUid: files.batchUid, toCjib: null });
    expect(queue.batches).toEqual([{ batchUid: files.batchUid, createdAt: NOW.toISOString(), createdBy: 'medewerker.test', decisionCount: 1 }]);
    await expect(call('cjib.export', {})).rejects.toThrow(/Geen beslissingen klaar om te verzenden/);
    await expect(call('cjib.export', { handoffIds: [ready.handoffId] })).rejects.toThrow(new RegExp(`${ready.parketnummer}: status 'verzonden'`));
  });

  it('re-sends a batch byte for byte without changing anything, and refuses once its data changed', async () => {
    const { call, ready, handoff, count, d } = await setup();
    const files = await call<CjibBatchFiles>('cjib.export', {});
    const before = { handoff: await handoff(ready.handoffId), batches: await count('cjib_batch'), handoffs: await count('cjib_handoff'), items: await count('cjib_batch_item') };
    const again = await call<CjibBatchFiles>('cjib.resend', { batchUid: files.batchUid });
    expect(again.json.text).toBe(files.json.text);
    expect(again.csv.text).toBe(files.csv.text);
    expect(again.checksum).toBe(files.checksum);
    expect({ handoff: await handoff(ready.handoffId), batches: await count('cjib_batch'), handoffs: await count('cjib_handoff'), items: await count('cjib_batch_item') }).toEqual(before);

    await d.run('update sanction set amount_cents = 50000 where decision_id = ?', [ready.decisionId]);
    await expect(call('cjib.resend', { batchUid: files.batchUid })).rejects.toThrow(/niet meer byte voor byte gelijk te maken.*nieuwe batch/);
    await expect(call('cjib.resend', { batchUid: randomUUID() })).rejects.toThrow(/bestaat niet/);
  });

  it('sends a returned decision again only after it is reworked and complete, with the next attempt', async () => {
    const { call, ready, handoff, caseStatus, caseIdOf, d } = await setup();
    await call<CjibBatchFiles>('cjib.export', { handoffIds: [ready.handoffId] });
    // What the response import does with a return R02 for attempt 1.
    await d.run("update cjib_handoff set status = 'returned', returned_at = ?, return_code = 'R02', return_reason = 'Bedrag onjuist', return_count = 1 where id = ?", ['2026-06-15T08:00:00.000Z', ready.handoffId]);
    await d.run("update criminal_case set status = 'returned_from_cjib' where parketnummer = ?", [ready.parketnummer]);

    const queue = await call<HandoffQueue>('cjib.queue', {});
    const returned = queue.items.find((i) => i.handoffId === ready.handoffId)!;
    expect(returned).toMatchObject({ group: 'returned', returnCount: 1, returnLabel: 'R02 Bedrag of duur ontbreekt of is onjuist: Bedrag onjuist' });
    await expect(call('cjib.export', { handoffIds: [ready.handoffId] })).rejects.toThrow(/retour, nog niet hersteld/);

    await d.run('update sanction set amount_cents = null where decision_id = ?', [ready.decisionId]);
    await expect(call('cjib.markReworked', { handoffId: ready.handoffId, reason: 'Bedrag gecorrigeerd', expectedVersion: returned.version })).rejects.toThrow(/Geldboete: bedrag ontbreekt/);
    expect(await handoff(ready.handoffId)).toMatchObject({ status: 'returned' });
    await expect(call('cjib.markReworked', { handoffId: ready.handoffId, reason: '', expectedVersion: returned.version })).rejects.toThrow(/^INVALID_INPUT/);

    await d.run('update sanction set amount_cents = 40000 where decision_id = ?', [ready.decisionId]);
    // Complete again, but a change made outside the case page leaves no trace in the audit trail: the
    // return (R02, about the decision) counts as repaired only once the decision was corrected there.
    await expect(call('cjib.markReworked', { handoffId: ready.handoffId, reason: 'Bedrag gecorrigeerd', expectedVersion: returned.version })).rejects.toThrow(
      /nog niets gecorrigeerd: corrigeer eerst de beslissing/,
    );
    const [decision] = await call<{ id: number; version: number; sanctions: { id: number }[] }[]>('decisions.forCase', { caseId: await caseIdOf(ready.parketnummer) });
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
    expect(await d.row("select reason from audit_event where action = 'cjib.handoff_reworked'")).toEqual({ reason: 'Bedrag gecorrigeerd' });

    const files = await call<CjibBatchFiles>('cjib.export', {});
    const batch = JSON.parse(files.json.text);
    expect(batch.decisions[0]).toMatchObject({ attempt: 2, sanctions: [{ amountCents: 40000 }] });
    expect(await handoff(ready.handoffId)).toMatchObject({ status: 'sent', attempt: 2 });
    expect(await caseStatus(ready.parketnummer)).toBe('handed_to_cjib');
  });

  it('hands a final penalty order from the ZSM table to CJIB', async () => {
    const { call, caseStatus, d } = await setup();
    const zsm = (await d.row("select id from criminal_case where status = 'zsm_decided' order by id limit 1") as { id: number }).id;
    const order = await decide(d, zsm, { kind: 'penalty_order', at: '2026-05-20T10:00:00+02:00', sanctions: [{ kind: 'community_service', hours: 40 }] });
    const files = await call<CjibBatchFiles>('cjib.export', { handoffIds: [order.handoffId] });
    expect(JSON.parse(files.json.text).decisions[0]).toMatchObject({ decisionKind: 'penalty_order', suspectPresent: null, sanctions: [{ kind: 'community_service', hours: 40 }] });
    expect(await caseStatus(order.parketnummer)).toBe('handed_to_cjib');
  });
});
