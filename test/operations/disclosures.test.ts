import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/api/contract';
import { DISCLOSURES, EXPORT_LIST_DISCLOSES } from '../../shared/api/disclosures';
import { isWriteOperation } from '../../shared/api/operation-kinds';
import { ROLES, type Role } from '../../shared/domain/roles';
import { DEFAULT_DISCLOSURE_TERM } from '../../shared/disclosures/disclosure-schemas';
import { DISCLOSURE_WINDOW_MS, NOT_TRACED_MESSAGE } from '../../server/services/disclosures/disclosure-log';
import { demoNow } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';

// The log of reads of personal data (issue 13 item 5, docs/disclosures.md), through the api handler on
// both engines: a small demo district, the clock pinned. (The read-only file stays in test/integration/disclosures.)
const DEMO = { seed: 7, casesPerYear: 150, asOf: '2026-06-15' } as const;
const NOW = demoNow(DEMO);

let dir: string;
let district: TestDistrict;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-disclosures-'));
  district = await openTestDistrict(dir, DEMO);
});

afterAll(async () => {
  await district.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await district.run('delete from personal_data_read');
});

interface LogRow {
  readAt: string;
  actor: string;
  roles: string;
  operation: string;
  caseId: number;
  requestId: string | null;
}
const logRows = () =>
  district.rows<LogRow>('select read_at as "readAt", actor, roles, operation, case_id as "caseId", request_id as "requestId" from personal_data_read order by id');

const api = (roles: readonly Role[] = ['coordinator'], now: Date = NOW, actor = 'j.jansen (rechtbank)') =>
  district.api({ actor, now, roles, onInternalError: () => undefined });

const loneCase = async () =>
  (await district.row<{ id: number; parketnummer: string }>('select id, parketnummer from criminal_case where co_defendant_group is null order by id limit 1'))!;

describe('which operations disclose personal data (shared/api/disclosures.ts)', () => {
  it('decides every operation with a reason; writes never trace here (their own audit rows do)', () => {
    for (const operation of OPERATION_NAMES) {
      expect(DISCLOSURES[operation].reason.length, operation).toBeGreaterThan(10);
      if (isWriteOperation(operation)) expect(DISCLOSURES[operation].discloses, operation).toBe(false);
    }
    for (const operation of ['cases.get', 'cases.search', 'sessions.courtRoll', 'queue.list'] as const) expect(DISCLOSURES[operation].discloses).toBe(true);
    expect(DISCLOSURES['exports.list'].discloses).toBe('reported');
    expect(EXPORT_LIST_DISCLOSES).toMatchObject({ workQueue: true, intake: true, courtRoll: true, metricCases: false });
  });
});

describe('a read of personal data is traced', () => {
  it('opening a case writes one row with the actor, the roles, the operation and the moment; no personal data', async () => {
    const c = await loneCase();
    const result = await api(['coordinator', 'clerk'])('cases.get', { id: c.id });
    expect(result.ok).toBe(true);
    const rows = await logRows();
    expect(rows).toEqual([
      { readAt: NOW.toISOString(), actor: 'j.jansen (rechtbank)', roles: JSON.stringify(['coordinator', 'clerk']), operation: 'cases.get', caseId: c.id, requestId: null },
    ]);
    if (!result.ok) return;
    const detail = result.value as { suspect: { fullName: string; dateOfBirth: string } };
    const table = JSON.stringify(await district.rows('select * from personal_data_read'));
    expect(table).not.toContain(detail.suspect.fullName);
    expect(table).not.toContain(detail.suspect.dateOfBirth);
  });

  it('a case with co-defendants also traces the co-defendants it names', async () => {
    const pair = await district.rows<{ id: number }>('select id from criminal_case where co_defendant_group is null order by id desc limit 2');
    const ids = pair.map((p) => p.id).sort((a, b) => a - b);
    await district.run(`update criminal_case set co_defendant_group = 'TEST-GROEP' where id in (${ids.join(', ')})`);
    try {
      const result = await api()('cases.get', { id: ids[0]! });
      if (!result.ok) throw new Error(result.error.message);
      expect((result.value as { coDefendants: { id: number }[] }).coDefendants.map((co) => co.id)).toEqual([ids[1]]);
      expect((await logRows()).map((r) => r.caseId)).toEqual(ids);
    } finally {
      await district.run(`update criminal_case set co_defendant_group = null where id in (${ids.join(', ')})`);
    }
  });

  it('a search writes one row per case in its result, in one statement', async () => {
    const result = await api(['prosecutor'])('cases.search', { query: 'a', limit: 5 });
    // 'a' alone is too short: nothing searched, nothing disclosed.
    expect(result.ok && (result.value as { tooShort: boolean }).tooShort).toBe(true);
    expect((await logRows())).toEqual([]);
    const c = await loneCase();
    const found = await api(['prosecutor'])('cases.search', { query: c.parketnummer, limit: 20 });
    if (!found.ok) throw new Error(found.error.message);
    const ids = (found.value as { results: { id: number }[] }).results.map((r) => r.id);
    expect(ids).toContain(c.id);
    const rows = await logRows();
    expect(rows.map((r) => r.caseId)).toEqual(ids);
    expect(new Set(rows.map((r) => `${r.operation} ${r.roles} ${r.readAt}`))).toEqual(new Set([`cases.search ${JSON.stringify(['prosecutor'])} ${NOW.toISOString()}`]));
  });

  it("the court roll traces each of the session's cases, and so does its export; a list without names traces nothing", async () => {
    const session = (await district.row<{ id: number; n: number }>(
      "select session_id as \"id\", count(*) as \"n\" from hearing where status = 'planned' group by session_id order by \"n\" desc, session_id limit 1",
    ))!;
    const roll = await api(['clerk'])('sessions.courtRoll', { sessionId: session.id });
    if (!roll.ok) throw new Error(roll.error.message);
    const rollIds = (roll.value as { rows: { caseId: number }[] }).rows.map((r) => r.caseId);
    expect(rollIds.length).toBeGreaterThan(0);
    expect((await logRows()).map((r) => r.caseId)).toEqual(rollIds);

    await district.run('delete from personal_data_read');
    const exported = await api(['clerk'])('exports.list', { list: 'courtRoll', filters: { sessionId: session.id }, format: 'csv' });
    if (!exported.ok) throw new Error(exported.error.message);
    expect((await logRows()).map((r) => [r.operation, r.caseId])).toEqual(rollIds.map((id) => ['exports.list', id]));

    await district.run('delete from personal_data_read');
    const reservations = await api(['prosecutor'])('exports.list', { list: 'reservations', filters: { from: '2026-06-15', to: '2026-06-30' }, format: 'csv' });
    expect(reservations.ok).toBe(true);
    expect((await logRows())).toEqual([]);
  });

  it('the work queue traces the cases of the page it answers', async () => {
    const page = await api(['coordinator'])('queue.list', { stage: 'planning', offset: 0, limit: 10 });
    if (!page.ok) throw new Error(page.error.message);
    const ids = (page.value as { rows: { id: number }[] }).rows.map((r) => r.id);
    expect((await logRows()).map((r) => r.caseId)).toEqual(ids);
  });

  it('a refused or failed read writes no row', async () => {
    const c = await loneCase();
    expect(await api(['administrator'])('cases.get', { id: c.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api()('cases.get', { id: 99_999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api()('cases.get', { id: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await logRows())).toEqual([]);
  });

  it('a resend with the same request id writes no second row; a new read after the window does', async () => {
    const c = await loneCase();
    expect((await api()('cases.get', { id: c.id }, { requestId: 'read-case-0001' })).ok).toBe(true);
    expect((await api()('cases.get', { id: c.id }, { requestId: 'read-case-0001' })).ok).toBe(true);
    expect((await logRows()).map((r) => r.requestId)).toEqual(['read-case-0001']);
    const later = new Date(NOW.getTime() + DISCLOSURE_WINDOW_MS + 60_000);
    expect((await api(['coordinator'], later)('cases.get', { id: c.id }, { requestId: 'read-case-0002' })).ok).toBe(true);
    expect((await logRows()).map((r) => r.requestId)).toEqual(['read-case-0001', 'read-case-0002']);
  });

  it('traces a person reading the same case again within 15 minutes once (a list refreshing every minute), another person anew', async () => {
    const c = await loneCase();
    for (const minutes of [0, 1, 2, 14]) {
      expect((await api(['coordinator'], new Date(NOW.getTime() + minutes * 60_000))('cases.get', { id: c.id })).ok).toBe(true);
    }
    expect((await logRows()).map((r) => [r.actor, r.readAt])).toEqual([['j.jansen (rechtbank)', NOW.toISOString()]]);
    expect((await api(['prosecutor'], new Date(NOW.getTime() + 5 * 60_000), 'p.de vries (OM)')('cases.get', { id: c.id })).ok).toBe(true);
    expect((await api(['coordinator'], new Date(NOW.getTime() + 16 * 60_000))('cases.get', { id: c.id })).ok).toBe(true);
    expect((await logRows()).map((r) => r.actor)).toEqual(['j.jansen (rechtbank)', 'p.de vries (OM)', 'j.jansen (rechtbank)']);
  });

  it('is refused when the write fails (the table is gone), and says so in Dutch', async () => {
    const c = await loneCase();
    await district.run('alter table personal_data_read rename to personal_data_read_away');
    try {
      const result = await api()('cases.get', { id: c.id });
      expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: NOT_TRACED_MESSAGE } });
    } finally {
      await district.run('alter table personal_data_read_away rename to personal_data_read');
    }
  });
});

describe('kept for the term, removed by retention.apply', () => {
  it('removes rows read before the cut-off (default 36 months), keeps the rest, audits the removal', async () => {
    const c = await loneCase();
    const old = new Date('2023-06-14T08:00:00Z');
    const kept = new Date('2023-06-16T08:00:00Z');
    await api(['coordinator'], old)('cases.get', { id: c.id });
    await api(['coordinator'], kept)('cases.get', { id: c.id });
    await api()('cases.get', { id: c.id });
    expect((await logRows())).toHaveLength(3);
    const admin = api(['administrator'], NOW, 'beheer');
    expect(await admin('retention.preview', {})).toMatchObject({ ok: true, value: { disclosuresDueCount: 1 } });
    const applied = await admin('retention.apply', { reason: 'Maandelijkse opschoning' });
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.value).toMatchObject({ disclosuresRemoved: 1 });
    expect((await logRows()).map((r) => r.readAt)).toEqual([kept.toISOString(), NOW.toISOString()]);
    const audit = (await district.row<{ actor: string; reason: string; details: string }>("select actor, reason, details from audit_event where action = 'disclosures.purged' order by id desc limit 1"))!;
    expect(audit).toMatchObject({ actor: 'beheer', reason: 'Maandelijkse opschoning' });
    expect(JSON.parse(audit.details)).toEqual({ removed: 1, cutoff: '2023-06-15', termMonths: DEFAULT_DISCLOSURE_TERM.months });

    // A shorter term set by the administrator (with its reason and the settings' version) removes more.
    const listed = await admin('disclosures.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const set = await admin('disclosures.setTerm', { months: 6, confirmed: true, reason: 'Besluit FG', expectedVersion: (listed.value as { version: number }).version });
    expect(set).toEqual({ ok: true, value: { months: 6, confirmed: true } });
    const again = await admin('retention.apply', { reason: 'Na nieuwe termijn' });
    expect(again.ok && (again.value as { disclosuresRemoved: number }).disclosuresRemoved).toBe(1);
    expect((await logRows()).map((r) => r.readAt)).toEqual([NOW.toISOString()]);
    const changed = (await district.row<{ details: string }>("select details from audit_event where action = 'settings.changed' order by id desc limit 1"))!;
    expect(JSON.parse(changed.details)).toEqual({ disclosureLogTerm: { from: DEFAULT_DISCLOSURE_TERM, to: { months: 6, confirmed: true } } });
    const reset = await admin('disclosures.list', {});
    if (!reset.ok) throw new Error(reset.error.message);
    await admin('disclosures.setTerm', { ...DEFAULT_DISCLOSURE_TERM, reason: 'Terug naar de standaard', expectedVersion: (reset.value as { version: number }).version });
  });
});

describe('disclosures.list: for the administrator', () => {
  it.each(ROLES.filter((r) => r !== 'administrator'))('is refused to a %s', async (role) => {
    expect(await api([role])('disclosures.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists who read which case when, newest first, filtered by parketnummer, actor and period, in pages', async () => {
    const c = await loneCase();
    const other = (await district.row<{ id: number; parketnummer: string }>('select id, parketnummer from criminal_case where id <> ? order by id limit 1', [c.id]))!;
    await api(['prosecutor'], new Date('2026-06-01T10:00:00Z'), 'p.de.vries (OM)')('cases.get', { id: c.id });
    await api(['coordinator'], new Date('2026-06-10T10:00:00Z'), 'j.jansen (rechtbank)')('cases.get', { id: c.id });
    await api(['coordinator'], new Date('2026-06-12T10:00:00Z'), 'j.jansen (rechtbank)')('cases.get', { id: other.id });
    const admin = api(['administrator'], NOW, 'beheer');
    const list = async (input: Record<string, unknown>) => {
      const result = await admin('disclosures.list', input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { total: number; rows: { readAt: string; actor: string; roles: string[]; operation: string; caseId: number; parketnummer: string | null }[]; term: unknown; cutoff: string };
    };
    const all = await list({});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.readAt)).toEqual(['2026-06-12T10:00:00.000Z', '2026-06-10T10:00:00.000Z', '2026-06-01T10:00:00.000Z']);
    expect(all.rows[2]).toMatchObject({ actor: 'p.de.vries (OM)', roles: ['prosecutor'], operation: 'cases.get', caseId: c.id, parketnummer: c.parketnummer });
    expect(all).toMatchObject({ term: DEFAULT_DISCLOSURE_TERM, cutoff: '2023-06-15' });
    expect((await list({ parketnummer: c.parketnummer })).total).toBe(2);
    expect((await list({ actor: 'j.jansen (rechtbank)' })).rows.map((r) => r.caseId)).toEqual([other.id, c.id]);
    // The period in Amsterdam days, both ends included.
    expect((await list({ from: '2026-06-10', to: '2026-06-12' })).total).toBe(2);
    expect((await list({ to: '2026-06-09' })).rows.map((r) => r.actor)).toEqual(['p.de.vries (OM)']);
    const second = await list({ offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 3, offset: 1 });
    expect(second.rows.map((r) => r.readAt)).toEqual(['2026-06-10T10:00:00.000Z']);
    // Reading the log is not itself traced.
    expect((await logRows())).toHaveLength(3);

    // The export of the log (CSV): the filtered rows with their headers; for the administrator only.
    const exported = await admin('exports.list', { list: 'disclosures', filters: { actor: 'j.jansen (rechtbank)' }, format: 'csv' });
    if (!exported.ok) throw new Error(exported.error.message);
    const file = exported.value as { fileName: string; contentBase64: string; rowCount: number };
    expect(file.rowCount).toBe(2);
    expect(file.fileName).toMatch(/^inzage-log-.+-2026-06-15\.csv$/);
    const csv = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('Gebruiker');
    expect(csv).toContain(other.parketnummer);
    expect(csv).toContain('Zaak geopend');
    expect(csv).not.toContain('p.de.vries');
    expect((await logRows())).toHaveLength(3);
    expect(await api(['coordinator'])('exports.list', { list: 'disclosures', filters: {}, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
