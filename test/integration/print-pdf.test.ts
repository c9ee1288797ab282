import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { PROJECT_PATHS } from '../../server/cli/project-paths';
import { reviewPeriodOf } from '../../shared/metrics/review-period';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
// The PDFs are printed from the built UI (`npm run build:renderer`); KETENPLANNER_UI points at another build.
const UI = process.env['KETENPLANNER_UI'] ?? PROJECT_PATHS.builtRenderer;
const TODAY = '2026-11-20';
const NOW = '2026-11-20T10:00:00+01:00';
// Page images for a person to look at (pdftoppm), next to the e2e screenshots.
const IMAGES = path.resolve('test-results/screenshots');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The PDF read back with poppler: its info, and the text of each page (pdftotext -layout, pages split at form feeds). */
function readPdf(file: string, imagePrefix: string) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // In content order, white space collapsed: a cell's text wrapped over lines reads as one.
  const flowing = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  fs.mkdirSync(IMAGES, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(IMAGES, imagePrefix)]);
  return { info, pages, pageTexts: text.split('\f').slice(0, pages), flowing };
}

describe('printed documents: the court roll and the review pack as finished PDFs', () => {
  it('prints the roll of a session and the pack of a period: tagged, headed, numbered, with contents', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const database = await openDemoDatabase(dir, { seed: 5, casesPerYear: 1200, asOf: TODAY });
    const district = (database.sqlite.prepare('select name from district').get() as { name: string }).name;
    const session = database.sqlite
      .prepare(
        `select s.id, s.date, s.start_time as startTime from court_session s
         where s.status = 'scheduled' and s.date >= ? and (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) >= 3
         order by s.date, s.id limit 1`,
      )
      .get(TODAY) as { id: number; date: string; startTime: string };
    const cases = database.sqlite
      .prepare(
        `select c.id, c.parketnummer, su.full_name as suspect, c.modality from hearing h join criminal_case c on c.id = h.case_id join suspect su on su.id = c.suspect_id
         where h.session_id = ? and h.status in ('planned','held') order by h.id`,
      )
      .all(session.id) as { id: number; parketnummer: string; suspect: string; modality: string }[];
    // The second case needs an interpreter for Polish, arranged.
    database.sqlite.prepare(`delete from case_precondition where case_id = ? and kind = 'interpreter'`).run(cases[1]!.id);
    database.sqlite
      .prepare(`insert into case_precondition (case_id, kind, status, expected_on, note, updated_at, updated_by) values (?, 'interpreter', 'met', null, 'Pools', '2026-11-19T08:00:00Z', 'test')`)
      .run(cases[1]!.id);
    // The third becomes detained snelrecht (the back end recomputes its hearing limit when it opens the file).
    database.sqlite.prepare(`update criminal_case set modality = 'snelrecht' where id = ?`).run(cases[2]!.id);
    cases[2]!.modality = 'snelrecht';
    // The first suspect's name has letters beyond Latin-1 and a long part without spaces, and ...
    const longName = `Çelik Łukasz Żaneta Ĳsbrand Ğür Œuvre – “Roos” ${'WM'.repeat(36)}`; // 119 of the 120 characters a name may have
    database.sqlite.prepare('update suspect set full_name = ? where id = (select suspect_id from criminal_case where id = ?)').run(longName, cases[0]!.id);
    // ... its offence a pasted police report number of 150 characters: the roll wraps them in their
    // columns instead of pushing the last columns off the page.
    database.sqlite.prepare('update criminal_case set offence_summary = ? where id = ?').run(`Diefstal (pv ${'PL0900'.repeat(25)})`, cases[0]!.id);
    cases[0]!.suspect = 'Çelik Łukasz Żaneta Ĳsbrand Ğür Œuvre – “Roos”';
    const file = database.path;
    database.close();

    // The court roll.
    const rollPdf = path.join(dir, 'rol.pdf');
    const roll = await run('roll', '--db', file, '--now', NOW, '--session', String(session.id), '--format', 'pdf', '--out', rollPdf, '--ui', UI);
    expect(roll.err).toBe('');
    expect(roll.code).toBe(0);
    expect(roll.out).toMatch(/\[1\/3\] gegevens laden…\n\[2\/3\] opmaak…\n\[3\/3\] PDF…/);
    const rolled = readPdf(rollPdf, 'print-pdf-roll');
    expect(rolled.info).toMatch(/^Tagged:\s+yes$/m);
    expect(rolled.pages).toBeGreaterThanOrEqual(1);
    rolled.pageTexts.forEach((text, index) => {
      expect(text).toContain(district);
      expect(text).toContain('Zittingsrol');
      expect(text).toContain(`Pagina ${index + 1} van ${rolled.pages}`);
    });
    const rollText = rolled.flowing;
    expect(rollText).toContain(session.startTime);
    for (const c of cases) {
      expect(rollText).toContain(c.parketnummer);
      expect(rollText).toContain(c.suspect);
    }
    expect(rollText).toContain('ja (Pools), geregeld');
    // A detained case carries its hearing limit (art. 59a/64/67a Sv); a non-detained one a dash.
    cases.forEach((c, index) => {
      const row = rollText.slice(rollText.indexOf(c.parketnummer), index + 1 < cases.length ? rollText.indexOf(cases[index + 1]!.parketnummer) : undefined);
      const detained = c.modality === 'snelrecht' || c.modality === 'supersnelrecht';
      expect(row).toMatch(detained ? / ja \S+ \d{1,2} \S+ 2026 \d\d:\d\d/ : / nee – (\d\d:\d\d )?$/);
    });
    for (const heading of ['Tijd', 'Parketnummer', 'Verdachte', 'Feit', 'Advocaat', 'Tolk', 'Gedetineerd', 'Politierechter', 'Officier van justitie']) expect(rollText).toContain(heading);
    // Every column is on the page (text pushed past the page's edge is still in the file, but not in the layout).
    for (const heading of ['Advocaat', 'Tolk', 'Gedetineerd']) expect(rolled.pageTexts[0]).toContain(heading);

    // The review pack.
    const period = reviewPeriodOf(TODAY);
    const label = `T${period.slice(-1)} ${period.slice(0, 4)}`;
    const packPdf = path.join(dir, 'pack.pdf');
    const pack = await run('report', '--db', file, '--now', NOW, '--period', period, '--out', packPdf, '--ui', UI);
    expect(pack.err).toBe('');
    expect(pack.code).toBe(0);
    const packed = readPdf(packPdf, 'print-pdf-pack');
    expect(packed.info).toMatch(/^Tagged:\s+yes$/m);
    expect(packed.pages).toBeGreaterThanOrEqual(2);
    packed.pageTexts.forEach((text, index) => {
      expect(text).toContain(`${district} · Overlegpakket ${label}`);
      expect(text).toContain(`Pagina ${index + 1} van ${packed.pages}`);
    });
    // The table of contents on the first page, in the order of the sections.
    const first = packed.pageTexts[0]!;
    const toc = ['Inhoud', 'Kerncijfers', 'Grafieken', 'Eerlijkheid', 'Afspraken', 'Signalen van de werkvloer'].map((entry) => first.indexOf(entry));
    expect(toc.every((at) => at >= 0)).toBe(true);
    // Every contents line ends in the page number of its section: the first page whose text has the
    // section's heading on a line of its own (pdftotext -f N -l N). The numbers come from a first print.
    const sections = ['Kerncijfers', 'Grafieken', 'Eerlijkheid', 'Afspraken', 'Signalen van de werkvloer'];
    const headingOn = (title: string) =>
      Array.from({ length: packed.pages }, (_, index) => index + 1).find((page) =>
        new RegExp(`^\\s*${title}\\s*$`, 'm').test(execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), packPdf, '-'], { encoding: 'utf8' })),
      );
    const numbered = sections.map((title, index) => Number(new RegExp(`^\\s*${index + 1}\\. ${title}\\s+(\\d+)\\s*$`, 'm').exec(first)?.[1]));
    expect(numbered).toEqual(sections.map(headingOn));
    expect(numbered.every((page) => page >= 1 && page <= packed.pages)).toBe(true);
    // Less empty space (issue 15, item 10): the six charts share pages two by two, tables are set close;
    // this demo's pack took five pages before.
    expect(packed.pages).toBeLessThanOrEqual(4);
    // Each entry links to its section (a named destination of the PDF), and the headings form the PDF's outline.
    const destinations = execFileSync('pdfinfo', ['-dests', packPdf], { encoding: 'utf8' });
    for (const id of ['pack-key-figures', 'pack-charts', 'fairness-title', 'pack-agreements', 'pack-signals']) expect(destinations).toContain(`"${id}"`);
    const raw = fs.readFileSync(packPdf).toString('latin1');
    expect(raw).toContain('/Type /Outlines');
    for (const title of ['Kerncijfers', 'Grafieken', 'Eerlijkheid', 'Afspraken']) expect(raw).toContain(`/Title (${title})`);
  });

  it('refuses an unknown session in Dutch, and a wrong format, before printing', async () => {
    const dir = tempDir();
    const database = await openDemoDatabase(dir, { seed: 5, casesPerYear: 300, asOf: TODAY });
    const file = database.path;
    database.close();
    const unknown = await run('roll', '--db', file, '--now', NOW, '--session', '999999', '--out', path.join(dir, 'x.pdf'), '--ui', UI);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Zitting 999999 bestaat niet/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    const format = await run('roll', '--db', file, '--session', '1', '--format', 'docx', '--out', path.join(dir, 'x.docx'));
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/--format must be pdf/);
  });
});
