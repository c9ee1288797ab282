import { afterEach, describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../shared/api/contract';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** The review register (agreements and work-floor signals) through the api handler, on both engines (the operation suite of issue 13). */
const tempDir = useTempDir();
const TODAY = '2026-10-15';

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const d = (district = await openTestDistrict(tempDir(), { seed: 3, casesPerYear: 300, asOf: '2026-06-15' }));
  let actor = 'president.rb';
  const handle = d.api({ actor: () => actor, today: () => TODAY, now: new Date('2026-10-15T09:00:00Z') });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  const audit = (entityType: string) =>
    d.rows<{ actor: string; action: string; reason: string | null; details: string }>('select actor, action, reason, details from audit_event where entity_type = ? order by id', [entityType]);
  return { handle, call, audit, setActor: (a: string) => (actor = a) };
}

const agreement = { period: '2026-T2', what: 'Politie levert het proces-verbaal binnen 3 dagen aan', owner: 'Politie Oost', dueOn: '2026-09-30', status: 'open' };

describe('agreements register on a real district file', () => {
  it('records who created and changed an agreement, when and why, and marks an overdue one', async () => {
    const { call, audit, setActor } = await setup();
    const { id } = await call<{ id: number }>('review.agreements.save', agreement);
    setActor('hoofdofficier.om');
    await call('review.agreements.save', { ...agreement, id, status: 'in_progress', reason: 'Werkafspraak met de teamleiders gemaakt' });

    const rows = await audit('review_agreement');
    expect(rows.map((r) => [r.actor, r.action, r.reason])).toEqual([
      ['president.rb', 'review.agreement.created', null],
      ['hoofdofficier.om', 'review.agreement.updated', 'Werkafspraak met de teamleiders gemaakt'],
    ]);
    expect(JSON.parse(rows[1]!.details)).toEqual({ status: { from: 'open', to: 'in_progress' } });

    const list = await call<OperationOutput<'review.agreements.list'>>('review.agreements.list', { period: '2026-T2' });
    expect(list.agreements).toHaveLength(1);
    const [saved] = list.agreements;
    expect(saved).toMatchObject({ status: 'in_progress', overdue: true, carriedOver: false, updatedBy: 'hoofdofficier.om' });
    expect(saved!.history.map((h) => [h.actor, h.fromStatus, h.toStatus, h.reason])).toEqual([
      ['president.rb', null, 'open', null],
      ['hoofdofficier.om', 'open', 'in_progress', 'Werkafspraak met de teamleiders gemaakt'],
    ]);
  });

  it('carries open agreements of earlier periods into the next one, but not finished ones', async () => {
    const { call } = await setup();
    await call('review.agreements.save', agreement);
    await call('review.agreements.save', { ...agreement, what: 'Extra zitting op vrijdag', status: 'done', evidence: 'Zittingsrooster sep 2026' });
    await call('review.agreements.save', { ...agreement, period: '2026-T3', what: 'Terugkoppeling CJIB-retouren', dueOn: '2026-12-01' });
    const list = await call<OperationOutput<'review.agreements.list'>>('review.agreements.list', { period: '2026-T3' });
    expect(list.agreements.map((a) => [a.what, a.carriedOver, a.overdue])).toEqual([
      ['Politie levert het proces-verbaal binnen 3 dagen aan', true, true],
      ['Terugkoppeling CJIB-retouren', false, false],
    ]);
  });

  it('refuses a status change without a reason, "done" without evidence and bad fields, and changes nothing', async () => {
    const { call, handle, audit } = await setup();
    const { id } = await call<{ id: number }>('review.agreements.save', agreement);
    const noReason = await handle('review.agreements.save', { ...agreement, id, status: 'dropped' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Reden:/) } });
    const noEvidence = await handle('review.agreements.save', { ...agreement, id, status: 'done', reason: 'Klaar' });
    expect(noEvidence).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Bewijs:/) } });
    const badPeriod = await handle('review.agreements.save', { ...agreement, period: '2026-T4', what: '', dueOn: '2026-02-30' });
    expect(badPeriod.ok).toBe(false);
    if (!badPeriod.ok) {
      const paths = (badPeriod.error.details as { path: string }[]).map((d) => d.path).sort();
      expect(paths).toEqual(['dueOn', 'period', 'what']);
    }
    // Issue 11, item 12: an agreement due 1 januari 1999 is a typing error.
    const past = await handle('review.agreements.save', { ...agreement, dueOn: '1999-01-01' });
    expect(past).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Uiterlijk: 01-01-1999 ligt vóór het begin van de overlegperiode (01-05-2026); kies een latere datum.' } });
    const missing = await handle('review.agreements.save', { ...agreement, id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const list = await call<OperationOutput<'review.agreements.list'>>('review.agreements.list', {});
    expect(list.agreements.map((a) => a.status)).toEqual(['open']);
    expect(await audit('review_agreement')).toHaveLength(1);
  });
});

describe('work-floor signals register', () => {
  it('records a signal and its closing with the action taken, audited', async () => {
    const { call, handle, audit } = await setup();
    const signal = { raisedOn: '2026-09-10', raisedBy: 'griffie Hanzestad', description: 'Dossiers komen te laat binnen voor de zitting', status: 'open' };
    const { id } = await call<{ id: number }>('review.signals.save', signal);
    const closedWithoutAction = await handle('review.signals.save', { ...signal, id, status: 'resolved', reason: 'Opgelost' });
    expect(closedWithoutAction).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Actie:/) } });
    const future = await handle('review.signals.save', { ...signal, raisedOn: '2026-10-16' });
    expect(future).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Gemeld op:/) } });
    await call('review.signals.save', { ...signal, id, status: 'resolved', actionTaken: 'Aanleverdag verschoven naar dinsdag', reason: 'Besproken in ketenoverleg' });

    const rows = await audit('work_signal');
    expect(rows.map((r) => r.action)).toEqual(['review.signal.created', 'review.signal.updated']);
    expect(JSON.parse(rows[1]!.details)).toEqual({
      status: { from: 'open', to: 'resolved' },
      actionTaken: { from: null, to: 'Aanleverdag verschoven naar dinsdag' },
    });
    const inPeriod = await call<OperationOutput<'review.signals.list'>>('review.signals.list', { period: '2026-T3' });
    expect(inPeriod.signals.map((s) => [s.status, s.actionTaken, s.history.length])).toEqual([['resolved', 'Aanleverdag verschoven naar dinsdag', 2]]);
    const earlier = await call<OperationOutput<'review.signals.list'>>('review.signals.list', { period: '2026-T2' });
    expect(earlier.signals).toEqual([]);
  });

  it('keeps an open signal of an earlier period in the next period', async () => {
    const { call } = await setup();
    await call('review.signals.save', { raisedOn: '2026-03-02', raisedBy: 'parket ZSM', description: 'Tolken niet beschikbaar op maandag', status: 'open' });
    await call('review.signals.save', { raisedOn: '2026-03-03', raisedBy: 'parket ZSM', description: 'Oud knelpunt', status: 'not_taken_up', actionTaken: 'Buiten de keten' });
    const list = await call<OperationOutput<'review.signals.list'>>('review.signals.list', { period: '2026-T3' });
    expect(list.signals.map((s) => [s.description, s.carriedOver])).toEqual([['Tolken niet beschikbaar op maandag', true]]);
  });
});
