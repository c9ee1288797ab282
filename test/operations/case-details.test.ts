import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/api/case-schemas';
import type { CjibBatchFiles, HandoffQueue } from '../../shared/cjib/handoff-schemas';
import type { ResponseImportReport } from '../../shared/cjib/response-format';
import { readBatch, returnFile } from '../support/cjib-simulator';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const NOW = new Date('2026-06-15T09:00:00+02:00');

const DEMO = { seed: 7, casesPerYear: 700, asOf: '2026-06-15' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const database = await openTestDistrict(tempDir(), DEMO);
  district = database;
  const handle = database.api({ actor: 'griffier.test', today: () => '2026-06-15', now: () => NOW, onInternalError: (op, error) => console.error('INTERNAL', op, error) });
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { d: database, handle, call };
}

const caseInStatus = async (d: TestDistrict, status: string) =>
  (await d.row<{ id: number }>('select id from criminal_case where status = ? order by id limit 1', [status]))!.id;

describe('correcting the details of a case after intake (cases.updateDetails)', () => {
  it('changes only what was given, on the suspect and the case, with old and new values and the reason in one audit row', async () => {
    const { call, d } = await setup();
    const caseId = await caseInStatus(d, 'awaiting_planning');
    const before = await call<CaseDetail>('cases.get', { id: caseId });
    const after = await call<CaseDetail>('cases.updateDetails', {
      caseId,
      changes: { fullName: 'J. de Vries-Bakker', dateOfBirth: '1990-02-03', summonsAddress: 'Kerkstraat 1, 9711 AA Groningen', offenceAt: '2026-06-01T14:30:00+02:00' },
      reason: 'Gegevens volgens het proces-verbaal',
      expectedVersion: before.version,
    });
    expect(after.suspect).toMatchObject({ fullName: 'J. de Vries-Bakker', dateOfBirth: '1990-02-03', summonsAddress: 'Kerkstraat 1, 9711 AA Groningen', lawyerName: before.suspect.lawyerName });
    expect(after.offenceAt).toBe('2026-06-01T12:30:00.000Z');
    expect(after.policeUnit).toBe(before.policeUnit);
    expect(after.version).toBeGreaterThan(before.version);
    const [entry] = after.history;
    expect(entry).toMatchObject({ action: 'case.details_changed', actor: 'griffier.test', reason: 'Gegevens volgens het proces-verbaal' });
    expect(entry!.details).toEqual({
      fullName: { from: before.suspect.fullName, to: 'J. de Vries-Bakker' },
      dateOfBirth: { from: before.suspect.dateOfBirth, to: '1990-02-03' },
      summonsAddress: { from: before.suspect.summonsAddress, to: 'Kerkstraat 1, 9711 AA Groningen' },
      offenceAt: { from: before.offenceAt, to: '2026-06-01T12:30:00.000Z' },
    });
    // Clearing an optional field stores null.
    const cleared = await call<CaseDetail>('cases.updateDetails', { caseId, changes: { lawyerName: '' }, reason: 'Advocaat heeft zich teruggetrokken', expectedVersion: after.version });
    expect(cleared.suspect.lawyerName).toBeNull();
  });

  it('applies the intake checks and refuses a stale version, nothing changed, an implausible date or a missing reason, writing nothing', async () => {
    const { handle, call, d } = await setup();
    const caseId = await caseInStatus(d, 'awaiting_planning');
    const before = await call<CaseDetail>('cases.get', { id: caseId });
    const audits = async () => (await d.row<{ n: number }>(`select count(*) as "n" from audit_event where action = 'case.details_changed'`))!.n;
    const refused = async (changes: unknown, reason = 'Correctie volgens het dossier', expectedVersion = before.version) => {
      const result = await handle('cases.updateDetails', { caseId, changes, reason, expectedVersion });
      expect(result.ok).toBe(false);
      return result.ok ? null : result.error;
    };
    expect(await refused({ fullName: '   ' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/naam van de verdachte/) });
    expect(await refused({ dateOfBirth: '2031-01-01' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Geboortedatum ligt in de toekomst (01-01-2031): controleer het jaartal.') });
    expect(await refused({ dateOfBirth: '1880-01-01' })).toMatchObject({ code: 'INVALID_INPUT', message: 'Geboortedatum 01-01-1880 geeft een leeftijd van 146 jaar: controleer het jaartal.' });
    expect(await refused({ offenceAt: '2026-07-01T10:00:00+02:00' })).toMatchObject({ code: 'INVALID_INPUT', message: 'Pleegdatum ligt in de toekomst (01-07-2026 10:00): vul het werkelijke tijdstip in, niet later dan nu.' });
    expect(await refused({ fullName: before.suspect.fullName })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/niets gewijzigd/) });
    expect(await refused({ policeUnit: 'Basisteam Noord' }, '')).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refused({}, 'Correctie')).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refused({ policeUnit: 'Basisteam Noord' }, 'Correctie', before.version - 1)).toMatchObject({ code: 'CONFLICT' });
    expect(await audits()).toBe(0);
    expect((await call<CaseDetail>('cases.get', { id: caseId })).version).toBe(before.version);
  });

  it('keeps a co-defendant group that looks like a date as text in the history (the case page used to fail on it)', async () => {
    const { call, d } = await setup();
    const caseId = await caseInStatus(d, 'awaiting_planning');
    const before = await call<CaseDetail>('cases.get', { id: caseId });
    const after = await call<CaseDetail>('cases.updateEvents', { caseId, changes: { coDefendantGroup: 'PL0900-2026041412' }, reason: 'Medeverdachten uit hetzelfde pv', expectedVersion: before.version });
    expect(after.coDefendantGroup).toBe('PL0900-2026041412');
    expect(after.history[0]!.details).toEqual({ coDefendantGroup: { from: null, to: 'PL0900-2026041412' } });
  });
});

describe('a CJIB return R01 is repaired on the case page before it is marked reworked', () => {
  it('names the address, refuses "verwerkt" until the address changed after the return, then sends attempt 2 with the new address', async () => {
    const { call, handle, d } = await setup();
    // A heard case with a final, signed judgment and a waiting hand-off, as the roll leaves it.
    const caseId = await caseInStatus(d, 'heard');
    await d.run("update criminal_case set status = 'decided', judgment_at = ? where id = ?", ['2026-05-20T08:00:00.000Z', caseId]);
    const decision = (await d.row<{ id: number }>(
      `insert into decision (case_id, kind, decided_at, decided_by, suspect_present, judgment_signed_at, remedy, recorded_by, recorded_at)
       values (?, 'judgment', '2026-05-20T08:00:00.000Z', 'mr. A. de Vries', true, '2026-05-20T08:00:00.000Z', 'none', 'griffier.test', '2026-05-20T08:00:00.000Z') returning id`,
      [caseId],
    ))!;
    await d.run("insert into sanction (decision_id, kind, amount_cents, substitute_detention_days) values (?, 'fine', 45000, 9)", [decision.id]);
    const handoff = (await d.row<{ id: number }>("insert into cjib_handoff (decision_id, correlation_id, status, attempt) values (?, ?, 'waiting', 0) returning id", [decision.id, randomUUID()]))!;

    const batch1 = readBatch((await call<CjibBatchFiles>('cjib.export', { handoffIds: [handoff.id] })).json.text);
    const [sent] = batch1.decisions;
    const file = returnFile(batch1, { reasonCode: 'R01', reasonText: 'Adres onbekend in de BRP', correlationIds: [sent!.correlationId], at: '2026-06-15T06:30:00.000Z' });
    const report = await call<ResponseImportReport>('cjib.importResponses', { fileName: 'retour.json', contentBase64: Buffer.from(file).toString('base64'), dryRun: false });
    expect(report.committed).toBe(true);

    const queue = await call<HandoffQueue>('cjib.queue', {});
    const returned = queue.items.find((i) => i.caseId === caseId)!;
    expect(returned).toMatchObject({ group: 'returned', returnCode: 'R01', returnReason: 'Adres onbekend in de BRP' });

    // The lawyer changed, not the address: not what the return is about.
    const detail = await call<CaseDetail>('cases.get', { id: caseId });
    const lawyer = await call<CaseDetail>('cases.updateDetails', { caseId, changes: { lawyerName: 'mr. K. Jansen' }, reason: 'Nieuwe advocaat', expectedVersion: detail.version });
    const early = await handle('cjib.markReworked', { handoffId: returned.handoffId, reason: 'Hersteld', expectedVersion: returned.version });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!early.ok) expect(early.error.message).toContain('is er nog niets gecorrigeerd: corrigeer eerst Adres voor dagvaarding op de zaakpagina');

    await call<CaseDetail>('cases.updateDetails', { caseId, changes: { summonsAddress: 'Postbus 100, 9700 AA Groningen' }, reason: 'Adres uit de BRP na retour CJIB', expectedVersion: lawyer.version });
    const timeline = await call<{ entries: { what: string; why: string | null }[] }>('cases.timeline', { caseId });
    expect(timeline.entries.filter((e) => e.what === 'Gegevens van verdachte of zaak gecorrigeerd').map((e) => e.why)).toEqual(['Nieuwe advocaat', 'Adres uit de BRP na retour CJIB']);
    expect(await call('cjib.markReworked', { handoffId: returned.handoffId, reason: 'Adres gecorrigeerd', expectedVersion: returned.version })).toMatchObject({ status: 'waiting' });
    const batch2 = readBatch((await call<CjibBatchFiles>('cjib.export', { handoffIds: [handoff.id] })).json.text);
    expect(batch2.decisions.find((d) => d.correlationId === sent!.correlationId)).toMatchObject({ attempt: 2, person: { address: 'Postbus 100, 9700 AA Groningen' } });
  });

  it('refuses to change the data CJIB received while it has the decision (sent, no answer yet)', async () => {
    const { handle, call, d } = await setup();
    const caseId = await caseInStatus(d, 'heard');
    const decision = (await d.row<{ id: number }>(
      `insert into decision (case_id, kind, decided_at, decided_by, suspect_present, remedy, recorded_by, recorded_at) values (?, 'judgment', '2026-05-20T08:00:00.000Z', 'mr. A. de Vries', true, 'none', 'x', '2026-05-20T08:00:00.000Z') returning id`,
      [caseId],
    ))!;
    await d.run("insert into cjib_handoff (decision_id, correlation_id, status, attempt) values (?, ?, 'sent', 1)", [decision.id, randomUUID()]);
    const detail = await call<CaseDetail>('cases.get', { id: caseId });
    const result = await handle('cases.updateDetails', { caseId, changes: { summonsAddress: 'Elders 1' }, reason: 'Verhuisd', expectedVersion: detail.version });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/ligt bij het CJIB.*Adres voor dagvaarding kan pas na een retour/) } });
    // The lawyer is not sent to CJIB: that may change.
    expect((await call<CaseDetail>('cases.updateDetails', { caseId, changes: { lawyerName: 'mr. P. Smit' }, reason: 'Nieuwe advocaat', expectedVersion: detail.version })).suspect.lawyerName).toBe('mr. P. Smit');
  });
});
