import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../shared/api/contract';
import { buildBatch, type BatchSanction, type CjibBatch } from '../../shared/cjib/batch-format';
import type { ResponseImportReport } from '../../shared/cjib/response-format';
import { ackFile, executionFile, readBatch, returnFile } from '../support/cjib-simulator';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * Reading CJIB's answers (acknowledgements, returns, execution updates) through the api handler, on both
 * engines (the operation suite of issue 13). `ketenplanner import-ack` on a district file stays in
 * test/integration/cjib-import.test.ts.
 */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T10:00:00Z');
const BATCH_AT = '2026-06-01T09:00:00.000Z';
/** The demo district without cases (its courts and sessions only): the tests seed their own decided cases. */
const EMPTY_DISTRICT = { seed: 7, casesPerYear: 0, asOf: '2026-06-15' };

type SanctionSeed = Omit<BatchSanction, 'sanctionId'>;

const sanction = (kind: BatchSanction['kind'], fields: Partial<SanctionSeed> = {}): SanctionSeed => ({
  kind,
  amountCents: null,
  hours: null,
  days: null,
  conditional: false,
  probationMonths: null,
  substituteDetentionDays: null,
  description: null,
  ...fields,
});
const FINE = sanction('fine', { amountCents: 45_000, substituteDetentionDays: 9 });
const SERVICE = sanction('community_service', { hours: 40, substituteDetentionDays: 20 });
const SUSPENDED = sanction('custodial', { days: 30, conditional: true, probationMonths: 24 });
/** SQLite answers a boolean column as 0/1, PostgreSQL as false/true. */
const asBoolean = (value: unknown) => value === true || value === 1;

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const dist = (district = await openTestDistrict(tempDir(), EMPTY_DISTRICT));
  const handle = dist.api({ actor: 'griffie.test', today: () => '2026-06-15', now: () => NOW });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  const importFile = (text: string, dryRun = false, fileName = 'cjib-antwoord.json') =>
    call<ResponseImportReport>('cjib.importResponses', { fileName, contentBase64: Buffer.from(text).toString('base64'), dryRun });
  return { dist, call, importFile };
}

/**
 * Decided cases with their sanctions and hand-offs, sent in one batch (attempt 1), straight into the
 * tables as the export would leave them; returns the batch file CJIB received.
 */
async function seedSentBatch(dist: TestDistrict, decisions: SanctionSeed[][]): Promise<CjibBatch> {
  const batchUid = randomUUID();
  const idOf = async (text: string, params: readonly unknown[]) => (await dist.row<{ id: number }>(`${text} returning id`, params))!.id;
  const { code, name } = (await dist.row<{ code: string; name: string }>('select code, name from district'))!;
  const batchId = await idOf("insert into cjib_batch (batch_uid, format_version, created_at, created_by, decision_count, checksum) values (?, 1, ?, 'oms.test', ?, 'sha')", [batchUid, BATCH_AT, decisions.length]);
  const sources = [];
  for (const [index, seeds] of decisions.entries()) {
    const parketnummer = `19/50000${index + 1}-26`;
    const suspectId = await idOf("insert into suspect (full_name, date_of_birth, summons_address) values (?, ?, 'Dorpsstraat 1, Hanzestad')", [`Verdachte ${index + 1}`, `1990-01-0${index + 1}`]);
    const caseId = await idOf(
      "insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, offence_at, arrested_at, judgment_at) values (?, ?, 'snelrecht', 'handed_to_cjib', 'Basisteam Noord', 'Winkeldiefstal', '2026-05-01T20:00:00.000Z', '2026-05-01T21:00:00.000Z', '2026-05-04T09:00:00.000Z')",
      [parketnummer, suspectId],
    );
    const decisionId = await idOf(
      "insert into decision (case_id, kind, decided_at, decided_by, suspect_present, recorded_by, recorded_at) values (?, 'judgment', '2026-05-04T09:00:00.000Z', 'mr. De Vries', true, 'griffie.test', '2026-05-04T10:00:00.000Z')",
      [caseId],
    );
    const sanctions = [];
    for (const s of seeds) {
      const sanctionId = await idOf(
        `insert into sanction (decision_id, kind, amount_cents, hours, days, conditional, probation_months, substitute_detention_days, description) values (?, ?, ?, ?, ?, ${s.conditional ? 'true' : 'false'}, ?, ?, ?)`,
        [decisionId, s.kind, s.amountCents, s.hours, s.days, s.probationMonths, s.substituteDetentionDays, s.description],
      );
      sanctions.push({ ...s, sanctionId });
    }
    const correlationId = randomUUID();
    const handoffId = await idOf("insert into cjib_handoff (decision_id, correlation_id, status, attempt, last_batch_id, sent_at) values (?, ?, 'sent', 1, ?, ?)", [decisionId, correlationId, batchId, BATCH_AT]);
    await dist.run('insert into cjib_batch_item (batch_id, handoff_id, attempt) values (?, ?, 1)', [batchId, handoffId]);
    sources.push({
      correlationId,
      attempt: 1,
      parketnummer,
      decisionKind: 'judgment' as const,
      decidedAt: '2026-05-04T09:00:00.000Z',
      decidedBy: 'mr. De Vries',
      enforceableAt: Date.parse('2026-05-18T22:00:00.000Z'),
      suspectPresent: true,
      person: { fullName: `Verdachte ${index + 1}`, dateOfBirth: `1990-01-0${index + 1}`, address: 'Dorpsstraat 1, Hanzestad' },
      sanctions,
      conditions: null,
    });
  }
  return readBatch(JSON.stringify(buildBatch({ batchUid, createdAt: BATCH_AT, district: { code, name }, decisions: sources })));
}

const rows = (dist: TestDistrict, sql: string, ...params: unknown[]) => dist.rows<Record<string, unknown>>(sql, params);
const count = async (dist: TestDistrict, table: string) => (await dist.row<{ n: number }>(`select count(*) as "n" from ${table}`))!.n;
const handoffOf = async (dist: TestDistrict, correlationId: string) =>
  (await dist.row<Record<string, unknown>>(
    'select h.status, h.attempt, h.acknowledged_at, h.returned_at, h.return_code, h.return_reason, h.return_count, c.status as case_status from cjib_handoff h join decision d on d.id = h.decision_id join criminal_case c on c.id = d.case_id where h.correlation_id = ?',
    [correlationId],
  ))!;
/** Everything an import may write, to prove that a refused or repeated file writes nothing. */
const snapshot = async (dist: TestDistrict) => ({
  messages: await count(dist, 'cjib_message'),
  executions: await count(dist, 'sanction_execution'),
  audit: await count(dist, 'audit_event'),
  handoffs: await rows(dist, 'select * from cjib_handoff order by id'),
  cases: await rows(dist, 'select id, status from criminal_case order by id'),
});
const outcomes = (report: ResponseImportReport) => report.messages.map((m) => m.outcome);

describe('importing CJIB acknowledgements', () => {
  it('checks on a dry run, then acknowledges each hand-off and puts its case in execution, audited', async () => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[FINE], [SERVICE, SUSPENDED]]);
    const file = ackFile(batch);
    const before = await snapshot(dist);

    const dry = await importFile(file, true);
    expect(dry).toMatchObject({ dryRun: true, committed: false, batchUid: batch.batchUid, counts: { total: 2, processed: 2, error: 0 } });
    expect(await snapshot(dist)).toEqual(before);

    const report = await importFile(file);
    expect(report).toMatchObject({ committed: true, counts: { total: 2, processed: 2 } });
    expect(report.messages[0]).toMatchObject({ number: 1, type: 'ack', parketnummer: '19/500001-26', outcome: 'processed' });
    expect(report.messages[0]!.message).toContain("zaak naar 'In executie'");
    for (const d of batch.decisions) {
      expect(await handoffOf(dist, d.correlationId)).toMatchObject({ status: 'acknowledged', acknowledged_at: '2026-06-02T09:00:00.000Z', case_status: 'in_execution' });
    }
    expect((await rows(dist, "select action, actor from audit_event where action in ('cjib.acknowledged', 'case.status_changed') order by id")).map((r) => r['action'])).toEqual([
      'cjib.acknowledged',
      'case.status_changed',
      'cjib.acknowledged',
      'case.status_changed',
    ]);
    expect(await rows(dist, 'select message_key, kind, attempt, file_name, imported_by from cjib_message order by id')).toEqual(
      batch.decisions.map((d) => ({ message_key: `ack:${d.correlationId}:1`, kind: 'ack', attempt: 1, file_name: 'cjib-antwoord.json', imported_by: 'griffie.test' })),
    );
  });

  it('changes nothing when the same file is read again, and says so per message', async () => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[FINE], [SERVICE]]);
    await importFile(ackFile(batch), false, 'eerste.json');
    const before = await snapshot(dist);
    const again = await importFile(ackFile(batch), false, 'tweede.json');
    expect(again).toMatchObject({ committed: false, counts: { total: 2, processed: 0, alreadyProcessed: 2, error: 0 } });
    expect(again.messages[0]!.message).toMatch(/^Al verwerkt \(bestand eerste\.json, ingelezen 2026-06-15\)/);
    expect(await snapshot(dist)).toEqual(before);
  });

  it('refuses the whole file, writing nothing, when one message names an unknown correlation id', async () => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[FINE]]);
    const stranger = randomUUID();
    const file = JSON.parse(ackFile(batch)) as { messages: Record<string, unknown>[] };
    file.messages.push({ ...file.messages[0], correlationId: stranger });
    const before = await snapshot(dist);
    const report = await importFile(JSON.stringify(file));
    expect(report).toMatchObject({ committed: false, counts: { processed: 1, error: 1 } });
    expect(report.messages[1]).toMatchObject({ number: 2, outcome: 'error', message: `Bericht 2: onbekend correlationId ${stranger}: geen overdracht met dit kenmerk in dit arrondissement.` });
    expect(await snapshot(dist)).toEqual(before);
  });

  it('reads the valid messages only when asked (valid_only): 21 acknowledged, the unknown one left, and the corrected file later adds just that one', async () => {
    const { dist, call } = await setup();
    const batch = await seedSentBatch(dist, Array.from({ length: 22 }, () => [FINE]));
    const stranger = randomUUID();
    const file = JSON.parse(ackFile(batch)) as { messages: Record<string, unknown>[] };
    const strangersMessage = { ...file.messages[21], correlationId: stranger };
    file.messages[21] = strangersMessage;
    const read = (text: string, mode: 'valid_only' | 'all_or_nothing', dryRun = false) =>
      call<ResponseImportReport>('cjib.importResponses', { fileName: 'cjib-antwoord.json', contentBase64: Buffer.from(text).toString('base64'), dryRun, mode });

    const before = await snapshot(dist);
    expect(await read(JSON.stringify(file), 'all_or_nothing')).toMatchObject({ mode: 'all_or_nothing', committed: false, counts: { processed: 21, error: 1 } });
    expect(await read(JSON.stringify(file), 'valid_only', true)).toMatchObject({ mode: 'valid_only', dryRun: true, committed: false });
    expect(await snapshot(dist)).toEqual(before);

    const report = await read(JSON.stringify(file), 'valid_only');
    expect(report).toMatchObject({ mode: 'valid_only', committed: true, counts: { total: 22, processed: 21, error: 1 } });
    expect(report.messages[21]).toMatchObject({ number: 22, outcome: 'error', message: expect.stringMatching(/onbekend correlationId/) });
    expect(await count(dist, 'cjib_message')).toBe(21);
    expect((await Promise.all(batch.decisions.slice(0, 21).map((d) => handoffOf(dist, d.correlationId)))).map((h) => h['status'])).toEqual(Array(21).fill('acknowledged'));
    expect(await handoffOf(dist, batch.decisions[21]!.correlationId)).toMatchObject({ status: 'sent' });

    // CJIB sends the file again with the right correlation id: the 21 are recognised, the 22nd is read.
    file.messages[21] = { ...strangersMessage, correlationId: batch.decisions[21]!.correlationId };
    const corrected = await read(JSON.stringify(file), 'all_or_nothing');
    expect(corrected).toMatchObject({ committed: true, counts: { processed: 1, alreadyProcessed: 21, error: 0 } });
    expect(await handoffOf(dist, batch.decisions[21]!.correlationId)).toMatchObject({ status: 'acknowledged' });
  });

  it.each<[string, (batch: CjibBatch) => Record<string, unknown>, RegExp]>([
    ['an attempt never sent', (b) => ({ type: 'ack', correlationId: b.decisions[0]!.correlationId, attempt: 2, at: '2026-06-02T09:00:00Z' }), /^Bericht 1: poging 2 van zaak 19\/500001-26 is nooit verzonden \(laatst verzonden: poging 1\)\.$/],
    ['a sanction of another decision', (b) => ({ type: 'execution', correlationId: b.decisions[0]!.correlationId, sanctionId: b.decisions[1]!.sanctions[0]!.sanctionId, status: 'community_service_completed', at: '2026-06-02T09:00:00Z' }), /^Bericht 1: sanctie \d+ hoort niet bij de beslissing van zaak 19\/500001-26/],
    ['a status that does not fit the sanction', (b) => ({ type: 'execution', correlationId: b.decisions[0]!.correlationId, sanctionId: b.decisions[0]!.sanctions[0]!.sanctionId, status: 'custodial_served', at: '2026-06-02T09:00:00Z' }), /^Bericht 1: sanctie \d+: status 'custodial_served' \(straf uitgezeten\) past niet bij een geldboete/],
    ['an execution before the acknowledgement', (b) => ({ type: 'execution', correlationId: b.decisions[0]!.correlationId, sanctionId: b.decisions[0]!.sanctions[0]!.sanctionId, status: 'fine_paid_in_full', at: '2026-06-02T09:00:00Z' }), /^Bericht 1: .* heeft de ontvangst van de overdracht niet bevestigd \(stand: verzonden\)\.$/],
    ['a moment in the future', (b) => ({ type: 'ack', correlationId: b.decisions[0]!.correlationId, attempt: 1, at: '2026-07-01T09:00:00Z' }), /^Bericht 1: het tijdstip 2026-07-01T09:00:00.000Z ligt in de toekomst\.$/],
    ['a bad field', (b) => ({ type: 'ack', correlationId: b.decisions[0]!.correlationId, attempt: 'een' }), /^Bericht 1, veld 'attempt': .* Bericht 1, veld 'at': ontbreekt$/],
  ])('names the message and the reason for %s', async (_, message, reason) => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[FINE], [SERVICE]]);
    const before = await snapshot(dist);
    const report = await importFile(JSON.stringify({ format: 'cjib.ketenplanner.response', version: 1, messages: [message(batch)] }));
    expect(report.messages).toEqual([expect.objectContaining({ number: 1, outcome: 'error', message: expect.stringMatching(reason) })]);
    expect(await snapshot(dist)).toEqual(before);
  });

  it('refuses a file of a batch this district never sent', async () => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[FINE]]);
    const report = await importFile(ackFile({ ...batch, batchUid: randomUUID() }));
    expect(report.fileProblems).toEqual([expect.stringMatching(/^Batch .* is niet vanuit dit arrondissement verzonden/)]);
    expect(await count(dist, 'cjib_message')).toBe(0);
  });
});

describe('importing returns', () => {
  it('puts the hand-off back for rework with its reason, counts the loop, and keeps a late answer to an old attempt without acting on it', async () => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[FINE]]);
    const { correlationId } = batch.decisions[0]!;
    const report = await importFile(returnFile(batch, { reasonCode: 'R03', reasonText: 'Vervangende hechtenis niet vermeld' }));
    expect(report.messages[0]!.message).toBe('Retour (poging 1): R03 Vervangende hechtenis ontbreekt: Vervangende hechtenis niet vermeld. Terug in de overdrachtswachtrij voor herstel (1e retour).');
    expect(await handoffOf(dist, correlationId)).toMatchObject({
      status: 'returned',
      returned_at: '2026-06-02T09:00:00.000Z',
      return_code: 'R03',
      return_reason: 'Vervangende hechtenis niet vermeld',
      return_count: 1,
      case_status: 'returned_from_cjib',
    });
    expect(await rows(dist, "select reason from audit_event where action = 'cjib.returned'")).toEqual([{ reason: 'Retour van het CJIB: R03 Vervangende hechtenis ontbreekt: Vervangende hechtenis niet vermeld' }]);

    // An acknowledgement of the returned attempt contradicts the return.
    const contradiction = await importFile(ackFile(batch));
    expect(contradiction.messages[0]!.message).toMatch(/poging 1 van zaak 19\/500001-26 staat al op 'geretourneerd'/);

    // Reworked and sent again as attempt 2 (what the hand-off queue does).
    await dist.run("update cjib_handoff set status = 'sent', attempt = 2 where correlation_id = ?", [correlationId]);
    await dist.run("update criminal_case set status = 'handed_to_cjib'");
    const late = await importFile(ackFile(batch), false, 'laat.json');
    expect(late).toMatchObject({ committed: true, counts: { outdated: 1 } });
    expect(late.messages[0]!.message).toMatch(/^Verouderd: gaat over poging 1, inmiddels is poging 2 verzonden/);
    expect(await handoffOf(dist, correlationId)).toMatchObject({ status: 'sent', attempt: 2, case_status: 'handed_to_cjib' });
    expect(await count(dist, 'cjib_message')).toBe(2);

    const second = { ...batch, decisions: batch.decisions.map((d) => ({ ...d, attempt: 2 })) };
    await importFile(returnFile(second, { reasonCode: 'R99', reasonText: 'Adres onbestelbaar' }));
    expect(await handoffOf(dist, correlationId)).toMatchObject({ status: 'returned', return_code: 'R99', return_count: 2 });
  });
});

describe('importing execution updates', () => {
  it('records each status and completes the case only when every sanction to execute has ended', async () => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[FINE, SERVICE, SUSPENDED]]);
    const { correlationId, sanctions } = batch.decisions[0]!;
    await importFile(ackFile(batch));

    const running = await importFile(
      executionFile(batch, { at: '2026-06-05T09:00:00Z', status: (s) => (s.kind === 'fine' ? 'fine_paid_by_arrangement' : s.kind === 'community_service' ? 'community_service_started' : null) }),
    );
    expect(outcomes(running)).toEqual(['processed', 'processed']);
    expect(await handoffOf(dist, correlationId)).toMatchObject({ case_status: 'in_execution' });

    const paid = await importFile(executionFile(batch, { at: '2026-06-10T09:00:00Z', status: (s) => (s.kind === 'fine' ? 'fine_paid_in_full' : null) }));
    expect(paid.messages[0]!.message).toBe(`Geldboete (sanctie ${sanctions[0]!.sanctionId}): volledig betaald.`);
    expect(await handoffOf(dist, correlationId)).toMatchObject({ case_status: 'in_execution' });

    const done = await importFile(executionFile(batch, { at: '2026-06-12T09:00:00Z', status: (s) => (s.kind === 'community_service' ? 'community_service_completed' : null) }));
    expect(done.messages[0]!.message).toMatch(/Alle sancties zijn ten uitvoer gelegd: zaak naar 'Afgerond'\.$/);
    expect(await handoffOf(dist, correlationId)).toMatchObject({ case_status: 'completed' });
    expect((await rows(dist, 'select status, occurred_at from sanction_execution order by id')).map((r) => r['status'])).toEqual([
      'fine_paid_by_arrangement',
      'community_service_started',
      'fine_paid_in_full',
      'community_service_completed',
    ]);
    const completion = (await rows(dist, "select details from audit_event where action = 'case.status_changed' and details like '%\"to\":\"completed\"%'"))[0]!;
    expect(JSON.parse(String(completion['details']))).toMatchObject({ completedAt: '2026-06-12T09:00:00.000Z', throughputDays: 42 });
  });

  it('completes a case with nothing to execute at the acknowledgement', async () => {
    const { dist, importFile } = await setup();
    const batch = await seedSentBatch(dist, [[SUSPENDED]]);
    const report = await importFile(ackFile(batch));
    expect(report.messages[0]!.message).toMatch(/Er is niets ten uitvoer te leggen .* zaak naar 'Afgerond'\.$/);
    expect(await handoffOf(dist, batch.decisions[0]!.correlationId)).toMatchObject({ status: 'acknowledged', case_status: 'completed' });
  });
});

describe('the round trip batch -> CJIB -> Ketenplanner', () => {
  it('accounts for every decision, attempt and sanction of the batch, and shows every step on the case timeline', async () => {
    const { dist, importFile, call } = await setup();
    const batch = await seedSentBatch(dist, [[FINE], [SERVICE, SUSPENDED], [sanction('custodial', { days: 14 }), sanction('compensation_order', { amountCents: 12_000, substituteDetentionDays: 2 })]]);
    await importFile(ackFile(batch));
    await importFile(executionFile(batch));

    // Every field of the batch maps back to what the district holds: nothing lost on the way.
    for (const d of batch.decisions) {
      const stored = (await dist.row<Record<string, unknown>>(
        `select h.status, h.attempt, c.parketnummer, c.status as case_status, d.kind, d.decided_at, d.decided_by, d.suspect_present, d.conditions, s.full_name, s.date_of_birth, s.summons_address
         from cjib_handoff h join decision d on d.id = h.decision_id join criminal_case c on c.id = d.case_id join suspect s on s.id = c.suspect_id where h.correlation_id = ?`,
        [d.correlationId],
      ))!;
      expect({ ...stored, suspect_present: asBoolean(stored['suspect_present']) }).toEqual({
        status: 'acknowledged',
        attempt: d.attempt,
        parketnummer: d.parketnummer,
        case_status: 'completed',
        kind: d.decisionKind,
        decided_at: d.decidedAt,
        decided_by: d.decidedBy,
        suspect_present: d.suspectPresent,
        conditions: d.conditions,
        full_name: d.person.fullName,
        date_of_birth: d.person.dateOfBirth,
        summons_address: d.person.address,
      });
      const held = await rows(dist, 'select s.id as "sanctionId", s.kind, s.amount_cents as "amountCents", s.hours, s.days, s.conditional, s.probation_months as "probationMonths", s.substitute_detention_days as "substituteDetentionDays", s.description from sanction s join cjib_handoff h on h.decision_id = s.decision_id where h.correlation_id = ? order by s.id', d.correlationId);
      expect(held.map((s) => ({ ...s, conditional: asBoolean(s['conditional']) }))).toEqual(d.sanctions);
      const executed = (await rows(dist, 'select sanction_id from sanction_execution where sanction_id in (' + d.sanctions.map((s) => s.sanctionId).join(',') + ') order by id')).map((r) => r['sanction_id']);
      expect(executed).toEqual(d.sanctions.filter((s) => !s.conditional).map((s) => s.sanctionId));
    }

    const caseId = (await dist.row<{ id: number }>("select id from criminal_case where parketnummer = '19/500002-26'"))!.id;
    const timeline = await call<OperationOutput<'cases.timeline'>>('cases.timeline', { caseId });
    expect(timeline.entries.map((e) => e.kind)).toEqual(['offence', 'arrest', 'decision', 'enforceable', 'handoff_sent', 'cjib_ack', 'execution', 'completed']);
    const byKind = Object.fromEntries(timeline.entries.map((e) => [e.kind, e]));
    expect(byKind['decision']).toMatchObject({ what: 'Vonnis: Taakstraf 40 uur, 20 dagen vervangende hechtenis; Vrijheidsstraf 30 dagen, voorwaardelijk (proeftijd 24 maanden)', who: 'mr. De Vries' });
    expect(byKind['handoff_sent']!.what).toBe(`Overgedragen aan het CJIB: batch ${batch.batchUid.slice(0, 8)}, poging 1`);
    expect(byKind['cjib_ack']!.who).toBe('CJIB (ingelezen door griffie.test uit cjib-antwoord.json)');
    expect(byKind['execution']!.what).toMatch(/^Executie taakstraf \(sanctie \d+\): taakstraf voltooid$/);
    expect(byKind['enforceable']!.what).toMatch(/^Onherroepelijk: de termijn voor hoger beroep is op ma 18 mei ongebruikt verstreken$/);
    expect(timeline.throughput).toEqual({
      startedAt: '2026-05-01T20:00:00.000Z',
      firstHearingAt: null,
      completedAt: '2026-06-11T09:00:00.000Z',
      arrestToHearingDays: null,
      offenceToCompletedDays: 41,
    });
  });

  it('acknowledges a batch from the real export once, however often the same batch is sent again', async () => {
    const { dist, importFile, call } = await setup();
    const batch = await seedSentBatch(dist, [[FINE]]);
    const { correlationId } = batch.decisions[0]!;
    // Back to a decided case whose hand-off waits for its first batch.
    await dist.run("update cjib_handoff set status = 'waiting', attempt = 0, last_batch_id = null, sent_at = null");
    await dist.run('delete from cjib_batch_item');
    await dist.run('delete from cjib_batch');
    await dist.run("update criminal_case set status = 'decided'");
    await dist.run("update decision set judgment_signed_at = '2026-05-06T09:00:00.000Z'");
    type Files = { batchUid: string; json: { text: string } };
    const exported = await call<Files>('cjib.export', {});
    const sent = readBatch(exported.json.text);
    expect(sent.decisions.map((d) => [d.correlationId, d.attempt])).toEqual([[correlationId, 1]]);
    const resent = await call<Files>('cjib.resend', { batchUid: exported.batchUid });
    expect(resent.json.text).toBe(exported.json.text);

    const first = await importFile(ackFile(sent, { at: '2026-06-15T11:00:00Z' }));
    const second = await importFile(ackFile(readBatch(resent.json.text), { at: '2026-06-15T11:30:00Z' }));
    expect([first.counts.processed, second.counts.alreadyProcessed]).toEqual([1, 1]);
    expect(await count(dist, 'cjib_handoff')).toBe(1);
    expect(await handoffOf(dist, correlationId)).toMatchObject({ status: 'acknowledged', attempt: 1, acknowledged_at: '2026-06-15T11:00:00.000Z', case_status: 'in_execution' });
  });
});
