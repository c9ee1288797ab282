import { createTestApi } from '../support/test-api';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportReport, WorkQueuePage } from '../../shared/api/case-schemas';
import { IMPORT_COLUMNS } from '../../shared/intake/import-columns';
import { openTestDatabase } from '../support/demo-database';
import { makeImportCsv } from '../support/import-fixture';
import { useTempDir } from '../support/temp-dir';

/**
 * What is about reading files and the SQLite file itself: the import (CSV, XLSX, the template), the
 * suspect table's columns, and a service without an operation of its own. The operations on both engines
 * are in test/operations/case-intake.test.ts.
 */
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

describe('co-defendant group and expected duration at intake', () => {
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
    ['a missing required column', 'parketnummer;naam verdachte\r\n19/1-26;X\r\n', "Kolom 'geboortedatum' ontbreekt", false],
    ['only a header', `${IMPORT_COLUMNS.map((c) => c.header).join(';')}\r\n`, 'Het bestand bevat geen zaken (alleen een kopregel).', true],
    ['an empty file', '', 'Het bestand is leeg: er staan geen kopregel en geen zaken in. Gebruik het sjabloon (CSV of Excel) voor de juiste kolommen.', true],
    ['only blank lines', '\r\n\r\n;;\r\n', 'Het bestand is leeg: er staan geen kopregel en geen zaken in. Gebruik het sjabloon (CSV of Excel) voor de juiste kolommen.', true],
  ])('refuses %s as a whole, importing nothing', async (_label, csv, message, onlyMessage) => {
    const { database, call } = await setup();
    const report = await call<ImportReport>('cases.import', { fileName: 'x.csv', contentBase64: base64(csv), mode: 'valid_only', dryRun: false });
    if (onlyMessage) expect(report.fileProblems).toEqual([message]);
    else expect(report.fileProblems.join(' ')).toContain(message);
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
  it('a strafbeschikking waits for the CJIB hand-off and a second decision is refused by the lifecycle', async () => {
    const { database, call, handle, caseVersion } = await setup();
    const { id } = await call<{ id: number }>('cases.create', INTAKE);
    // Registered at the operation's moment (the pinned clock), not the machine's.
    expect(database.sqlite.prepare('select created_at from criminal_case where id = ?').pluck().get(id)).toBe('2026-04-29T10:00:00.000Z');
    await call('zsm.decide', { caseId: id, outcome: 'strafbeschikking', otherRoute: null, prosecutorName: 'mr. E. Meijer', reason: 'Bekennend, first offender.', expectedVersion: caseVersion(id) });
    const { pendingPenaltyOrders } = await import('../../server/services/zsm/record-zsm-decision');
    expect(await pendingPenaltyOrders(database.db)).toEqual([id]);
    const second = await handle('zsm.decide', { caseId: id, outcome: 'sepot', otherRoute: null, prosecutorName: 'x', reason: 'nogmaals', expectedVersion: caseVersion(id) });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!second.ok) expect(second.error.message).toContain("Een zaak met status 'ZSM-beslissing genomen' kan niet naar 'ZSM-beslissing genomen'");
    expect(count(database.sqlite, 'zsm_decision')).toBe(1);
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

describe('the suspect table', () => {
  it('keeps personal data to what planning needs: the suspect table has exactly these columns', async () => {
    const { database } = await setup();
    const columns = (database.sqlite.prepare('pragma table_info(suspect)').all() as { name: string }[]).map((c) => c.name);
    // `version` is the record version (no lost updates), not personal data.
    expect(columns).toEqual(['id', 'full_name', 'date_of_birth', 'summons_address', 'lawyer_name', 'version']);
    database.close();
  });
});

describe('what the review of the intake found (each would have passed unnoticed before)', () => {
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
