import { PDFDocument, PDFName, PDFNumber, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { printWithTocPages, readPdfDestinations, type TocPrinter } from '../../../server/print/toc-page-numbers';
import { PRINT_TOC_PAGE, PRINT_TOC_TARGET, printTocPagesScript, type TocPages } from '../../../shared/print/print-page';

// pdf-lib stamps its own creation date into a new PDF: not read here, but pinned all the same.
const CREATED = new Date('2026-11-20T09:00:00Z');

/** A PDF of `pageCount` pages whose named destinations (id -> page, 1-based) sit where Chromium puts them: the catalog's /Dests. */
async function pdfWithDests(pageCount: number, destinations: Record<string, number>, form: 'dests' | 'names-tree' = 'dests'): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setCreationDate(CREATED);
  const pages = Array.from({ length: pageCount }, () => document.addPage([595, 842]));
  const context = document.context;
  const array = (page: number) => context.obj([pages[page - 1]!.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(800), PDFNumber.of(0)]);
  const entries = Object.entries(destinations);
  if (form === 'dests') {
    const dests = context.obj({});
    for (const [name, page] of entries) dests.set(PDFName.of(name), array(page));
    document.catalog.set(PDFName.of('Dests'), context.register(dests));
  } else {
    // A name tree of two leaves under a root with /Kids (PDF 32000-1 §7.9.6); the second leaf's
    // destinations are dictionaries with /D, and one is an indirect object.
    const half = Math.ceil(entries.length / 2);
    const leaf = (part: [string, number][], asDictionary: boolean): PDFRef => {
      const names = part.flatMap(([name, page]) => {
        const destination = asDictionary ? context.register(context.obj({ D: array(page) })) : array(page);
        return [PDFString.of(name), destination];
      });
      return context.register(context.obj({ Names: context.obj(names), Limits: context.obj([PDFString.of(part[0]![0]), PDFString.of(part.at(-1)![0])]) }));
    };
    const root = context.obj({ Kids: context.obj([leaf(entries.slice(0, half), false), leaf(entries.slice(half), true)]) });
    document.catalog.set(PDFName.of('Names'), context.obj({ Dests: context.register(root) }));
  }
  return document.save({ useObjectStreams: false });
}

describe('page numbers in a printed table of contents', () => {
  it('reads on which page each named destination lands, from /Dests and from the /Names tree', async () => {
    const chromium = await pdfWithDests(4, { main: 1, 'pack-key-figures': 1, 'pack-charts': 2, 'fairness-title': 3, 'pack-signals': 4 });
    expect(Object.fromEntries(await readPdfDestinations(chromium))).toEqual({ main: 1, 'pack-key-figures': 1, 'pack-charts': 2, 'fairness-title': 3, 'pack-signals': 4 });
    const tree = await pdfWithDests(3, { a: 1, b: 2, c: 3, 'd-e': 3 }, 'names-tree');
    expect(Object.fromEntries(await readPdfDestinations(tree))).toEqual({ a: 1, b: 2, c: 3, 'd-e': 3 });
    const none = await pdfWithDests(1, {});
    expect((await readPdfDestinations(none)).size).toBe(0);
  });

  /** A page whose sections land on `layouts[n]` in the n-th print; records the numbers the TOC got. */
  function fakePrinter(targets: string[], layouts: Record<string, number>[]): TocPrinter & { set: TocPages[]; prints: number } {
    const printer = {
      set: [] as TocPages[],
      prints: 0,
      tocTargets: async () => targets,
      setTocPages: vi.fn(async (pages: TocPages) => void printer.set.push(pages)),
      print: async () => pdfWithDests(5, layouts[Math.min(printer.prints++, layouts.length - 1)]!),
    };
    return printer;
  }

  it('prints twice: the numbers of the first print go into the contents, and the second print keeps them', async () => {
    const printer = fakePrinter(['pack-key-figures', 'pack-charts', 'pack-signals'], [{ main: 1, 'pack-key-figures': 1, 'pack-charts': 2, 'pack-signals': 3 }]);
    const { pdf, pages } = await printWithTocPages(printer);
    expect(pages).toEqual({ 'pack-key-figures': 1, 'pack-charts': 2, 'pack-signals': 3 });
    expect(printer.prints).toBe(2);
    expect(printer.set).toEqual([pages]);
    expect(Object.fromEntries(await readPdfDestinations(pdf))).toMatchObject(pages);
  });

  it('prints a third time when the numbers moved a section, and gives up in Dutch when they keep moving', async () => {
    const shifting = fakePrinter(['a', 'b'], [{ a: 1, b: 2 }, { a: 1, b: 3 }]);
    await expect(printWithTocPages(shifting)).resolves.toMatchObject({ pages: { a: 1, b: 3 } });
    expect(shifting.prints).toBe(3);
    expect(shifting.set).toEqual([{ a: 1, b: 2 }, { a: 1, b: 3 }]);
    const restless = fakePrinter(['a', 'b'], [{ a: 1, b: 2 }, { a: 1, b: 3 }, { a: 1, b: 4 }]);
    await expect(printWithTocPages(restless)).rejects.toThrow(/^De paginanummers van de inhoudsopgave blijven verschuiven/);
  });

  it('prints a page without a table of contents once', async () => {
    const printer = fakePrinter([], [{ main: 1 }]);
    await expect(printWithTocPages(printer)).resolves.toMatchObject({ pages: {} });
    expect(printer.prints).toBe(1);
    expect(printer.setTocPages).not.toHaveBeenCalled();
  });

  it('writes the numbers into the entries of the printable root only (the page code of the contract)', () => {
    const script = printTocPagesScript({ 'pack-charts': 2, "x'); alert(1); ('": 3 });
    expect(script).toContain(`[${PRINT_TOC_TARGET}]`);
    expect(script).toContain(`[${PRINT_TOC_PAGE}]`);
    // The numbers go in as JSON data, never as code.
    expect(script).toContain(JSON.stringify({ 'pack-charts': 2, "x'); alert(1); ('": 3 }));
  });
});
