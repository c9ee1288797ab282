import { createTestApi } from '../support/test-api';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, ImportReport, WorkQueuePage } from '../../shared/api/case-schemas';
import { IMPORT_COLUMNS } from '../../shared/intake/import-columns';
import { openTestDatabase } from '../support/demo-database';
import { makeImportCsv } from '../support/import-fixture';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

async function setup() {
  const database = await openTestDatabase(tempDir());
  // 'now' lies after every event these tests record: a moment in the future is refused (shared/intake/plausibility.ts).
  const handle = createTestApi(database, { actor: 'coordinator.test', today: '2026-04-14', now: new Date('2026-04-29T12:00:00+02:00') });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { body: result.error });
    return result.value as T;
  };
  /** The case's current version, as an edit sends it back (`expectedVersion`). */
  const caseVersion = (id: number) => (database.sqlite.prepare('select version from criminal_case where id = ?').get(id) as { version: number }).version;
  return { database, handle, call, caseVersion };
}

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const count = (sqlite: { prepare(sql: string): { get(): unknown } }, table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const INTAKE = {
  parketnummer: '19/300001-26',
  suspect: { fullName: 'K. Bakker', dateOfBirth: '1991-02-03', summonsAddress: 'Postbus 1, Hanzestad', lawyerName: null },
  modality: 'zsm',
  policeUnit: 'Basisteam Noord',
  offenceSummary: 'Winkeldiefstal',
  offenceAt: '2026-04-14T16:40:00+02:00',
  arrestedAt: '2026-04-14T17:05:00+02:00',
  custodyOrderedAt: '2026-04-14T23:30:00+02:00',
  shortTermConsent: true,
};

describe('case intake through the API on a real database', () => {
  it('creates a case with its audit event, computes its limits, and refuses the same parketnummer twice', async () => {
    const { database, call, handle } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const detail = await call<CaseDetail>('cases.get', { id });
    expect(detail).toMatchObject({ status: 'intake', modality: 'zsm', suspect: { fullName: 'K. Bakker' } });
    expect(detail.history.map((h) => [h.actor, h.action])).toEqual([['coordinator.test', 'case.created']]);
    const again = await handle('cases.create', INTAKE);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Parketnummer 19/300001-26 is al ingevoerd (zaak 1).' } });
    expect(count(database.sqlite, 'criminal_case')).toBe(1);
    database.close();
  });

  it.each([
    ['a bad parketnummer', { parketnummer: '19-1' }, 'parketnummer', 'Parketnummer in de vorm 19/123456-26'],
    ['a detained case without arrest time', { modality: 'snelrecht', arrestedAt: null, custodyOrderedAt: null }, 'arrestedAt', 'Vul het tijdstip van aanhouding in'],
    ['a filler case without its kind', { modality: 'filler' }, 'fillerKind', 'Kies de soort opvulzaak'],
    ['a date of birth after the arrest', { suspect: { ...INTAKE.suspect, dateOfBirth: '2026-05-01' } }, 'suspect.dateOfBirth', 'Geboortedatum ligt na de aanhouding'],
    ['custody ordered before the arrest', { custodyOrderedAt: '2026-04-14T12:00:00+02:00' }, 'custodyOrderedAt', 'vóór'],
    ['an unknown field (nationality is never stored)', { nationality: 'X' }, '(invoer)', 'nationality'],
  ])('refuses %s with a Dutch message on the field', async (_label, change, path, message) => {
    const { database, handle } = await setup();
    const result = await handle('cases.create', { ...INTAKE, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const detail = result.error.details?.find((d) => d.path === path);
    expect(detail?.message ?? JSON.stringify(result.error.details)).toContain(message);
    expect(count(database.sqlite, 'criminal_case')).toBe(0);
    database.close();
  });
});

describe('co-defendant group and expected duration at intake', () => {
  it('stores both from the form, and leaves them empty when not given', async () => {
    const { database, call } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, coDefendantGroup: '  PL0900-2026041412 ', estimatedMinutes: 40 });
    const { id: other } = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/300002-26', coDefendantGroup: 'PL0900-2026041412' });
    const { id: plain } = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/300003-26', coDefendantGroup: '' });
    const detail = await call<CaseDetail>('cases.get', { id });
    expect(detail).toMatchObject({ coDefendantGroup: 'PL0900-2026041412', estimatedMinutes: 40, preconditions: [], readyFrom: null });
    expect(detail.coDefendants).toEqual([{ id: other, parketnummer: '19/300002-26', status: 'intake', suspectName: 'K. Bakker' }]);
    expect(await call<CaseDetail>('cases.get', { id: plain })).toMatchObject({ coDefendantGroup: null, estimatedMinutes: null, coDefendants: [] });
    database.close();
  });

  it.each([
    ['a duration below 5 minutes', { estimatedMinutes: 2 }, 'De duur is minstens 5 minuten'],
    ['a duration in parts of minutes', { estimatedMinutes: 12.5 }, 'hele minuten'],
    ['a group code that is too long', { coDefendantGroup: 'x'.repeat(61) }, 'Zaaksgroep te lang'],
  ])('refuses %s', async (_label, change, message) => {
    const { database, handle } = await setup();
    const result = await handle('cases.create', { ...INTAKE, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error.details)).toContain(message);
    expect(count(database.sqlite, 'criminal_case')).toBe(0);
    database.close();
  });

  it('reads the optional columns zaaksgroep and duur_minuten from an import, naming a bad cell', async () => {
    const { database, call } = await setup();
    const csv = [
      'parketnummer;naam verdachte;geboortedatum;modaliteit;politie-eenheid;feit;betekening dagvaarding;Zaaksgroep;Duur minuten',
      '19/400001-26;A. Jansen;01-01-1990;snelrecht niet-gedetineerd;Basisteam Noord;Vernieling;15-04-2026 10:00;PV-77;25',
      '19/400002-26;B. Jansen;02-02-1991;snelrecht niet-gedetineerd;Basisteam Noord;Vernieling;15-04-2026 10:00;PV-77;',
      '19/400003-26;C. Jansen;03-03-1992;snelrecht niet-gedetineerd;Basisteam Noord;Vernieling;15-04-2026 10:00;;een half uur',
      '19/400004-26;D. Jansen;04-04-1993;snelrecht niet-gedetineerd;Basisteam Noord;Vernieling;15-04-2026 10:00;;900',
    ].join('\r\n');
    const report = await call<ImportReport>('cases.import', { fileName: 'groep.csv', contentBase64: base64(csv), mode: 'valid_only', dryRun: false });
    expect(report).toMatchObject({ validRows: 2, invalidRows: 2, committed: 2, ignoredColumns: [] });
    expect(report.problems).toEqual([
      { row: 4, column: 'duur_minuten', message: '"een half uur" is geen aantal hele minuten (bijvoorbeeld 30)' },
      { row: 5, column: 'duur_minuten', message: 'De duur is hoogstens 480 minuten (een hele zittingsdag)' },
    ]);
    const stored = database.sqlite.prepare('select parketnummer, co_defendant_group as g, estimated_minutes as m from criminal_case order by parketnummer').all();
    expect(stored).toEqual([
      { parketnummer: '19/400001-26', g: 'PV-77', m: 25 },
      { parketnummer: '19/400002-26', g: 'PV-77', m: null },
    ]);
    database.close();
  });
});

describe('the import of a police/OM export', () => {
  it('shows exactly the 50 bad rows of 10,000 with row, column and a Dutch message, and commits nothing when asked for all or nothing', async () => {
    const { database, call } = await setup();
    const fixture = makeImportCsv(10_000, 50);
    const report = await call<ImportReport>('cases.import', { fileName: 'politie.csv', contentBase64: base64(fixture.csv), mode: 'all_or_nothing', dryRun: false });
    expect(report).toMatchObject({ totalRows: 10_000, validRows: 9_950, invalidRows: 50, committed: 0, fileProblems: [], ignoredColumns: [] });
    expect(report.problems.map((p) => ({ row: p.row, column: p.column }))).toEqual(fixture.badRows);
    const messageOf = (column: string) => report.problems.find((p) => p.column === column)?.message;
    expect(messageOf('parketnummer')).toBe('Parketnummer in de vorm 19/123456-26');
    expect(messageOf('geboortedatum')).toBe('"31-02-1990" is geen geldige datum (dd-mm-jjjj)');
    expect(messageOf('modaliteit')).toBe('"turbo" is geen modaliteit; kies uit: supersnelrecht, snelrecht, snelrecht niet-gedetineerd, opvulzaak of zsm');
    expect(messageOf('aanhouding')).toBe('Vul ook de tijd in: "14-04-2026" heeft geen tijd (dd-mm-jjjj uu:mm)');
    expect(messageOf('naam verdachte')).toBe("Kolom 'naam verdachte' is leeg, maar verplicht");
    expect(count(database.sqlite, 'criminal_case')).toBe(0);
    expect(count(database.sqlite, 'audit_event')).toBe(0);
    database.close();
  });

  it('commits exactly the valid rows in one go when asked, each with an audit row naming file and row', async () => {
    const { database, call } = await setup();
    const fixture = makeImportCsv(2_000, 10);
    const report = await call<ImportReport>('cases.import', { fileName: 'politie.csv', contentBase64: base64(fixture.csv), mode: 'valid_only', dryRun: false });
    expect(report.committed).toBe(1_990);
    expect(count(database.sqlite, 'criminal_case')).toBe(1_990);
    const audit = database.sqlite.prepare("select details from audit_event where action = 'case.created' order by id limit 1").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ source: 'import', file: 'politie.csv', row: 2 });
    database.close();
  });

  it('checks without writing on a dry run', async () => {
    const { database, call } = await setup();
    const report = await call<ImportReport>('cases.import', { fileName: 'x.csv', contentBase64: base64(makeImportCsv(100, 0).csv), mode: 'valid_only', dryRun: true });
    expect(report).toMatchObject({ validRows: 100, committed: 0 });
    expect(count(database.sqlite, 'criminal_case')).toBe(0);
    database.close();
  });

  it('detects duplicates in the file and against the district, never doubling a case', async () => {
    const { database, call } = await setup();
    const first = makeImportCsv(20, 0);
    await call('cases.import', { fileName: 'a.csv', contentBase64: base64(first.csv), mode: 'valid_only', dryRun: false });
    const lines = first.csv.trim().split('\r\n');
    const again = [lines[0], lines[1], ...makeImportCsv(3, 0, 900000).csv.trim().split('\r\n').slice(1), lines[2], makeImportCsv(3, 0, 900000).csv.trim().split('\r\n')[1]].join('\r\n');
    const report = await call<ImportReport>('cases.import', { fileName: 'b.csv', contentBase64: base64(again), mode: 'valid_only', dryRun: false });
    expect(report.problems.map((p) => [p.row, p.message])).toEqual([
      [2, 'Parketnummer 19/200000-26 is al ingevoerd in dit arrondissement'],
      [6, 'Parketnummer 19/200001-26 is al ingevoerd in dit arrondissement'],
      [7, 'Dubbel: parketnummer 19/900000-26 staat ook in rij 3'],
    ]);
    expect(report.committed).toBe(3);
    expect(count(database.sqlite, 'criminal_case')).toBe(23);
    database.close();
  });

  it.each([
    ['a missing required column', 'parketnummer;naam verdachte\r\n19/1-26;X\r\n', "Kolom 'geboortedatum' ontbreekt"],
    ['only a header', `${IMPORT_COLUMNS.map((c) => c.header).join(';')}\r\n`, 'geen zaken'],
  ])('refuses %s as a whole, importing nothing', async (_label, csv, message) => {
    const { database, call } = await setup();
    const report = await call<ImportReport>('cases.import', { fileName: 'x.csv', contentBase64: base64(csv), mode: 'valid_only', dryRun: false });
    expect(report.fileProblems.join(' ')).toContain(message);
    expect(report.committed).toBe(0);
    expect(count(database.sqlite, 'criminal_case')).toBe(0);
    database.close();
  });

  it('refuses an Excel workbook saved under a .csv name as a whole, importing nothing', async () => {
    const { database, call } = await setup();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Zaken').addRow(['parketnummer']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await call<ImportReport>('cases.import', { fileName: 'zaken.csv', contentBase64: base64(bytes), mode: 'valid_only', dryRun: false });
    expect(report.fileProblems.length).toBeGreaterThan(0);
    expect(report.committed).toBe(0);
    expect(count(database.sqlite, 'criminal_case')).toBe(0);
    database.close();
  });

  it('refuses a file that is not CSV or XLSX by its name', async () => {
    const { call } = await setup();
    const report = await call<ImportReport>('cases.import', { fileName: 'zaken.pdf', contentBase64: base64('%PDF'), mode: 'valid_only', dryRun: false });
    expect(report.fileProblems[0]).toContain('geen CSV of XLSX');
  });

  it('reads a real XLSX with Dutch headers in another order, real date cells and an extra column it reports', async () => {
    const { database, call } = await setup();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Zaken');
    sheet.addRow(['Modaliteit', 'Parketnummer', 'Naam_Verdachte', 'Geboortedatum', 'Politie-eenheid', 'Feit', 'Aanhouding', 'Inverzekeringstelling', 'Instemming kortere termijn', 'Opmerking']);
    sheet.addRow(['supersnelrecht', '19/400001-26', 'P. Jansen', new Date(Date.UTC(1988, 6, 3)), 'Basisteam Oost', 'Vernieling', new Date(Date.UTC(2026, 3, 14, 17, 5)), '14-04-2026 23:30', 'ja', 'let op']);
    sheet.addRow(['snelrecht', '19/400002-26', 'Q. Smit', '31-02-1990', 'Basisteam Oost', 'Mishandeling', '14-04-2026 09:00', '', '', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await call<ImportReport>('cases.import', { fileName: 'om-export.xlsx', contentBase64: base64(content), mode: 'valid_only', dryRun: false });
    expect(report.ignoredColumns).toEqual(['Opmerking']);
    expect(report.problems).toEqual([{ row: 3, column: 'geboortedatum', message: '"31-02-1990" is geen geldige datum (dd-mm-jjjj)' }]);
    expect(report.committed).toBe(1);
    const row = database.sqlite.prepare('select arrested_at, short_term_consent, hearing_by from criminal_case').get();
    // 14 April 17:05 in Amsterdam (summer time) is 15:05 UTC.
    expect(row).toMatchObject({ arrested_at: '2026-04-14T15:05:00.000Z', short_term_consent: 1 });
    database.close();
  });
});

describe('ZSM decisions and the case lifecycle', () => {
  it('a summons puts the case in the planning queue with its new modality and limits; everything is audited', async () => {
    const { database, call, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const detail = await call<CaseDetail>('zsm.decide', {
      caseId: id,
      outcome: 'summons_supersnelrecht',
      otherRoute: null,
      prosecutorName: 'mr. J. Smit',
      reason: 'Eenvoudige zaak, verdachte stemt in.',
      expectedVersion: caseVersion(id),
    });
    expect(detail).toMatchObject({ status: 'awaiting_planning', modality: 'supersnelrecht' });
    expect(detail.deadlines.hearingBy).toBeDefined();
    expect(detail.zsmDecisions[0]).toMatchObject({ prosecutorName: 'mr. J. Smit', reason: 'Eenvoudige zaak, verdachte stemt in.', recordedBy: 'coordinator.test' });
    expect(detail.history.map((h) => h.action).sort()).toEqual(['case.created', 'case.modality_changed', 'case.status_changed', 'case.status_changed', 'zsm.decided'].sort());

    const queue = await call<WorkQueuePage>('queue.list', { stage: 'planning', offset: 0, limit: 50 });
    expect(queue.rows.map((r) => r.id)).toEqual([id]);
    const stored = database.sqlite.prepare('select hearing_by from criminal_case where id = ?').get(id) as { hearing_by: string };
    expect(queue.rows[0]!.hearingBy).toBe(stored.hearing_by);
    expect(new Date(stored.hearing_by).toISOString()).toBe(new Date(detail.deadlines.hearingBy!).toISOString());
    database.close();
  });

  it('a strafbeschikking waits for the CJIB hand-off and a second decision is refused by the lifecycle', async () => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    await call('zsm.decide', { caseId: id, outcome: 'strafbeschikking', otherRoute: null, prosecutorName: 'mr. E. Meijer', reason: 'Bekennend, first offender.', expectedVersion: caseVersion(id) });
    const { pendingPenaltyOrders } = await import('../../server/services/zsm/record-zsm-decision');
    expect(await pendingPenaltyOrders(database.db)).toEqual([id]);
    const second = await handle('zsm.decide', { caseId: id, outcome: 'sepot', otherRoute: null, prosecutorName: 'x', reason: 'nogmaals', expectedVersion: caseVersion(id) });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!second.ok) expect(second.error.message).toContain("Een zaak met status 'ZSM-beslissing genomen' kan niet naar 'ZSM-beslissing genomen'");
    expect(count(database.sqlite, 'zsm_decision')).toBe(1);
    database.close();
  });

  it.each([
    ['other_route without which route', { outcome: 'other_route', otherRoute: null }, 'otherRoute'],
    ['no reason', { reason: ' ' }, 'reason'],
    ['no prosecutor', { prosecutorName: '' }, 'prosecutorName'],
  ])('refuses a ZSM decision with %s', async (_label, change, path) => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    const result = await handle('zsm.decide', { caseId: id, outcome: 'sepot', otherRoute: null, prosecutorName: 'mr. A', reason: 'Geen bewijs.', expectedVersion: caseVersion(id), ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.map((d) => d.path)).toEqual([path]);
    database.close();
  });
});

describe('the work queue', () => {
  it('lists cases awaiting planning by most pressing limit, filters and pages', async () => {
    const { database, call, caseVersion } = await setup();
    const csv = makeImportCsv(40, 0).csv;
    await call('cases.import', { fileName: 'x.csv', contentBase64: base64(csv), mode: 'valid_only', dryRun: false });
    const ids = (database.sqlite.prepare("select id, modality from criminal_case where modality != 'zsm'").all() as { id: number; modality: string }[]);
    for (const { id, modality } of ids) {
      const outcome = { supersnelrecht: 'summons_supersnelrecht', snelrecht: 'summons_snelrecht', snelrecht_nd: 'summons_snelrecht_nd' }[modality]!;
      await call('zsm.decide', { caseId: id, outcome, otherRoute: null, prosecutorName: 'mr. X', reason: 'Dagvaarding.', expectedVersion: caseVersion(id) });
    }
    const all = await call<WorkQueuePage>('queue.list', { stage: 'planning', offset: 0, limit: 500 });
    expect(all.total).toBe(30);
    const limits = all.rows.map((r) => r.nextLimit ?? '9999');
    expect(limits).toEqual([...limits].sort());
    expect(all.rows.filter((r) => r.nextLimitKind === 'target').every((r) => !r.limitIsHard)).toBe(true);
    // Detained snelrecht without remand: the voorgeleiding limit binds (art. 59a Sv), not arrest + 17 days.
    const sr = all.rows.filter((r) => r.modality === 'snelrecht');
    expect(sr.length).toBeGreaterThan(0);
    for (const r of sr) expect(r).toMatchObject({ nextLimitKind: 'voorgeleiding', limitIsHard: true, urgency: 'overdue' });

    const page2 = await call<WorkQueuePage>('queue.list', { stage: 'planning', offset: 10, limit: 10 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(10, 20).map((r) => r.id));
    const ssr = await call<WorkQueuePage>('queue.list', { stage: 'planning', modality: 'supersnelrecht', offset: 0, limit: 500 });
    expect(ssr.total).toBe(10);
    expect(ssr.rows.every((r) => r.modality === 'supersnelrecht' && r.limitIsHard && r.urgency === 'overdue')).toBe(true);
    const noord = await call<WorkQueuePage>('queue.list', { stage: 'planning', policeUnit: 'Basisteam Noord', offset: 0, limit: 500 });
    expect(noord.rows.every((r) => r.policeUnit === 'Basisteam Noord')).toBe(true);
    const waiting = await call<WorkQueuePage>('queue.list', { stage: 'planning', readiness: 'waiting', offset: 0, limit: 500 });
    const ready = await call<WorkQueuePage>('queue.list', { stage: 'planning', readiness: 'ready', offset: 0, limit: 500 });
    expect(waiting.total + ready.total).toBe(30);
    expect(waiting.rows.every((r) => r.readinessGaps.length > 0)).toBe(true);
    // An unserved summons is no readiness gap (issue 11 item 3): the date comes first, the summons is served for it.
    expect(waiting.rows.some((r) => (r.readinessGaps as string[]).includes('summons_served'))).toBe(false);
    database.close();
  });
});

describe('the import template', () => {
  it.each(['csv', 'xlsx'] as const)('(%s) has every documented column and its example row imports cleanly', async (format) => {
    const { database, call } = await setup();
    const template = await call<{ fileName: string; contentBase64: string }>('cases.importTemplate', { format });
    expect(template.fileName.endsWith(`.${format}`)).toBe(true);
    const report = await call<ImportReport>('cases.import', { fileName: template.fileName, contentBase64: template.contentBase64, mode: 'all_or_nothing', dryRun: false });
    expect(report).toMatchObject({ totalRows: 1, validRows: 1, committed: 1, ignoredColumns: [], fileProblems: [] });
    database.close();
  });
});

describe('recording and correcting the events of a case', () => {
  const ND = { ...INTAKE, modality: 'snelrecht_nd', custodyOrderedAt: null, shortTermConsent: false };

  it('a served summons sets the earliest hearing, and the audit row holds old, new and why', async () => {
    const { database, call } = await setup();
    const { id } = await call<{ id: number }>('cases.create', ND);
    const before = await call<CaseDetail>('cases.get', { id });
    // Not served yet: no gap (the date comes first), no hearingFrom from the engine.
    expect(before.readinessGaps).toEqual([]);
    expect(before.deadlines.hearingFrom).toBeUndefined();

    const after = await call<CaseDetail>('cases.updateEvents', {
      caseId: id,
      changes: { summonsServedAt: '2026-04-15T10:00:00+02:00' },
      reason: 'Dagvaarding in persoon uitgereikt.',
      expectedVersion: before.version,
    });
    expect(after.readinessGaps).toEqual([]);
    expect(after.deadlines.hearingFrom).toBeDefined();
    const entry = after.history.find((h) => h.action === 'case.events_changed')!;
    expect(entry).toMatchObject({ actor: 'coordinator.test', reason: 'Dagvaarding in persoon uitgereikt.' });
    expect(entry.details).toEqual({ summonsServedAt: { from: null, to: '2026-04-15T08:00:00.000Z' } });
    const row = database.sqlite.prepare('select planning_gaps, hearing_from from criminal_case where id = ?').get(id) as { planning_gaps: string; hearing_from: string };
    expect(row.planning_gaps).toBe('');
    expect(new Date(row.hearing_from).toISOString()).toBe(new Date(after.deadlines.hearingFrom!).toISOString());
    database.close();
  });

  it.each([
    ['an event before the arrest', { summonsServedAt: '2026-04-01T10:00:00+02:00' }, 'vóór'],
    ['an extension without a custody order', { custodyExtendedAt: '2026-04-16T10:00:00+02:00' }, 'inverzekeringstelling'],
    ['nothing new', { summonsServedAt: null }, 'Er is niets gewijzigd.'],
  ])('refuses %s, changing nothing', async (_label, changes, message) => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', ND);
    const result = await handle('cases.updateEvents', { caseId: id, changes, reason: 'Correctie.', expectedVersion: caseVersion(id) });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(database.sqlite.prepare("select count(*) as n from audit_event where action = 'case.events_changed'").get()).toEqual({ n: 0 });
    database.close();
  });

  it('refuses to change the events of a case that has been heard', async () => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', ND);
    database.sqlite.prepare("update criminal_case set status = 'heard' where id = ?").run(id);
    const result = await handle('cases.updateEvents', { caseId: id, changes: { summonsServedAt: '2026-04-15T10:00:00+02:00' }, reason: 'Te laat.', expectedVersion: caseVersion(id) });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "Gebeurtenissen van een zaak met status 'Behandeld' zijn niet meer te wijzigen." } });
    database.close();
  });

  it('keeps personal data to what planning needs: the suspect table has exactly these columns', async () => {
    const { database } = await setup();
    const columns = (database.sqlite.prepare('pragma table_info(suspect)').all() as { name: string }[]).map((c) => c.name);
    // `version` is the record version (no lost updates), not personal data.
    expect(columns).toEqual(['id', 'full_name', 'date_of_birth', 'summons_address', 'lawyer_name', 'version']);
    database.close();
  });
});

describe('what the review of the intake found (each would have passed unnoticed before)', () => {
  const SNELRECHT = { ...INTAKE, parketnummer: '19/300777-26', modality: 'snelrecht', custodyOrderedAt: null, shortTermConsent: false };

  it('flags a hard limit the summons term makes unreachable as infeasible, never as fine', async () => {
    const { database, call, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', {
      ...SNELRECHT,
      remandOrderedAt: '2026-04-15T10:00:00+02:00',
      summonsServedAt: '2026-04-28T10:00:00+02:00',
    });
    await call('cases.releaseToPlanning', { caseId: id, reason: 'Door OM gedagvaard buiten ZSM.', expectedVersion: caseVersion(id) });
    const queue = await call<WorkQueuePage>('queue.list', { stage: 'planning', offset: 0, limit: 10 });
    const row = queue.rows.find((r) => r.id === id)!;
    expect(row.hearingFrom! >= row.hearingBy!).toBe(true);
    expect(row.urgency).toBe('infeasible');
    database.close();
  });

  it('never lets a detained case lose its arrest time, at a ZSM summons or when editing events', async () => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, arrestedAt: null, custodyOrderedAt: null });
    const summons = await handle('zsm.decide', { caseId: id, outcome: 'summons_snelrecht', otherRoute: null, prosecutorName: 'mr. X', reason: 'Snelrecht.', expectedVersion: caseVersion(id) });
    expect(summons).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('tijdstip van aanhouding') } });
    const { id: detained } = await call<{ id: number }>('cases.create', { ...SNELRECHT, parketnummer: '19/300778-26' });
    const cleared = await handle('cases.updateEvents', { caseId: detained, changes: { arrestedAt: null }, reason: 'Fout.', expectedVersion: caseVersion(detained) });
    expect(cleared).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('niet worden leeggemaakt') } });
    database.close();
  });

  it('completes a sepot, releases a filler case to planning, and clears the filler kind when a summons changes the modality', async () => {
    const { database, call, caseVersion } = await setup();
    const { id: sepot } = await call<{ id: number }>('cases.create', INTAKE);
    expect(await call<CaseDetail>('zsm.decide', { caseId: sepot, outcome: 'sepot', otherRoute: null, prosecutorName: 'mr. X', reason: 'Geen bewijs.', expectedVersion: caseVersion(sepot) })).toMatchObject({ status: 'completed' });

    const filler = { ...INTAKE, parketnummer: '19/300779-26', modality: 'filler', fillerKind: 'verzet', arrestedAt: null, custodyOrderedAt: null, shortTermConsent: false };
    const { id: f1 } = await call<{ id: number }>('cases.create', filler);
    expect(await call<CaseDetail>('cases.releaseToPlanning', { caseId: f1, reason: 'Voorraadzaak voor opvulling.', expectedVersion: caseVersion(f1) })).toMatchObject({ status: 'awaiting_planning', modality: 'filler', fillerKind: 'verzet' });
    const { id: f2 } = await call<{ id: number }>('cases.create', { ...filler, parketnummer: '19/300780-26' });
    expect(await call<CaseDetail>('zsm.decide', { caseId: f2, outcome: 'summons_snelrecht_nd', otherRoute: null, prosecutorName: 'mr. X', reason: 'Dagvaarding.', expectedVersion: caseVersion(f2) })).toMatchObject({ modality: 'snelrecht_nd', fillerKind: null });
    database.close();
  });

  it('lists intake cases (awaiting their ZSM decision) by their limit, and finds a case by parketnummer', async () => {
    const { database, call, handle } = await setup();
    const { id } = await call<{ id: number }>('cases.create', SNELRECHT);
    const intake = await call<WorkQueuePage>('queue.list', { stage: 'intake', offset: 0, limit: 10 });
    expect(intake.rows.map((r) => [r.id, r.nextLimitKind])).toEqual([[id, 'voorgeleiding']]);
    expect(await call('cases.find', { parketnummer: ' 19/300777-26 ' })).toEqual({ id });
    expect(await handle('cases.find', { parketnummer: '19/999999-26' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    database.close();
  });

  it('reads an XLSX with an empty column in between without shifting or dropping any column', async () => {
    const { database, call } = await setup();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Zaken');
    sheet.addRow(['parketnummer', 'naam verdachte', 'geboortedatum', 'modaliteit', 'politie-eenheid', 'feit', '', 'aanhouding']);
    sheet.addRow(['19/400010-26', 'P. Jansen', '03-07-1988', 'snelrecht', 'Basisteam Oost', 'Vernieling', '', '14-04-2026 09:00']);
    const report = await call<ImportReport>('cases.import', { fileName: 'gat.xlsx', contentBase64: base64(Buffer.from(await workbook.xlsx.writeBuffer())), mode: 'valid_only', dryRun: false });
    expect(report).toMatchObject({ committed: 1, problems: [] });
    expect(database.sqlite.prepare('select arrested_at from criminal_case').get()).toEqual({ arrested_at: '2026-04-14T07:00:00.000Z' });
    database.close();
  });

  it('reads a Windows-1252 CSV from Dutch Excel without mangling names, and reports rows with the wrong number of fields', async () => {
    const { database, call } = await setup();
    const header = 'parketnummer;naam verdachte;geboortedatum;modaliteit;politie-eenheid;feit';
    const csv = `${header}\r\n19/400011-26;R. Sénéchal;03-07-1988;zsm;Basisteam Oost;Diefstal\r\n19/400012-26;S. Smit;03-07-1988;zsm;Basisteam Oost\r\n19/400013-26;T. Vos;03-07-1988;zsm;Basisteam Oost;Diefstal;extra\r\n`;
    const report = await call<ImportReport>('cases.import', { fileName: 'excel.csv', contentBase64: Buffer.from(csv, 'latin1').toString('base64'), mode: 'valid_only', dryRun: false });
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '(rij)'],
      [4, '(rij)'],
    ]);
    expect(report.problems[0]!.message).toBe('Rij heeft 5 kolommen, de kopregel 6: controleer scheidingstekens en aanhalingstekens');
    expect(database.sqlite.prepare('select full_name from suspect').all()).toEqual([{ full_name: 'R. Sénéchal' }]);
    database.close();
  });
});

describe('district settings', () => {
  type Overview = { version: number; values: Record<string, unknown>; equivalentDaysByYear: Record<string, string[]>; deadlines: { key: string; confirmed: boolean; verify: boolean }[] };

  it('changing a legal setting recomputes every cached limit in the same transaction, audited with old, new and why', async () => {
    const { database, call } = await setup();
    const { id } = await call<{ id: number }>('cases.create', { ...INTAKE, parketnummer: '19/300901-26', modality: 'snelrecht', custodyOrderedAt: null, remandOrderedAt: '2026-04-15T10:00:00+02:00', shortTermConsent: false });
    const hearingBy = () => (database.sqlite.prepare('select hearing_by from criminal_case where id = ?').get(id) as { hearing_by: string }).hearing_by;
    expect(hearingBy()).toBe('2026-04-29T08:00:00.000Z'); // bewaring 15 Apr 10:00 + 14 days ends first
    const overview = await call<Overview>('settings.get', {});
    const result = await call<{ recomputedCases: number; overview: Overview }>('settings.update', {
      deadlines: { ...overview.values, snelrechtMaxAfterArrest: { days: 3, hours: 0 } },
      equivalentDaysByYear: overview.equivalentDaysByYear,
      confirmed: ['snelrechtMaxAfterArrest'],
      reason: 'Districtsafspraak vastgesteld in ketenoverleg.',
      expectedVersion: overview.version,
    });
    expect(result.recomputedCases).toBe(1);
    expect(hearingBy()).toBe('2026-04-17T15:05:00.000Z'); // arrest 14 Apr 17:05 + 3 days now binds
    expect(result.overview.deadlines.find((d) => d.key === 'snelrechtMaxAfterArrest')).toMatchObject({ verify: true, confirmed: true });
    const audit = database.sqlite.prepare("select actor, reason, details from audit_event where action = 'settings.changed'").get() as { actor: string; reason: string; details: string };
    expect(audit).toMatchObject({ actor: 'coordinator.test', reason: 'Districtsafspraak vastgesteld in ketenoverleg.' });
    expect(JSON.parse(audit.details).deadlines.to.snelrechtMaxAfterArrest).toEqual({ days: 3, hours: 0 });
    database.close();
  });

  it.each([
    ['an equivalent day in another year', { equivalentDaysByYear: { '2026': ['2027-04-03'] } }, 'ligt niet in 2026'],
    ['a target window that ends before it starts', { deadlines: { snelrechtNdTargetMinDays: 30, snelrechtNdTargetMaxDays: 10 } }, 'Begin van de streefperiode ligt na het einde'],
  ])('refuses %s with a Dutch message', async (_label, change, message) => {
    const { database, call, handle } = await setup();
    const overview = await call<Overview>('settings.get', {});
    const result = await handle('settings.update', {
      deadlines: { ...overview.values, ...((change as { deadlines?: object }).deadlines ?? {}) },
      equivalentDaysByYear: (change as { equivalentDaysByYear?: object }).equivalentDaysByYear ?? overview.equivalentDaysByYear,
      confirmed: [],
      reason: 'Test.',
      expectedVersion: overview.version,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error.details)).toContain(message);
    database.close();
  });

  it('reports a setting damaged outside the app instead of silently using the default', async () => {
    const { database } = await setup();
    database.sqlite.prepare("insert into district_setting (key, value, updated_at, updated_by) values ('deadlines', '{\"summonsTermDays\": -4}', 'x', 'x')").run();
    const onInternalError = (await import('vitest')).vi.fn();
    const result = await createTestApi(database, { actor: 'x', today: '2026-04-14', onInternalError })('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(String(onInternalError.mock.calls[0]?.[1])).toContain("District setting 'deadlines' in the database is invalid");
    database.close();
  });
});
