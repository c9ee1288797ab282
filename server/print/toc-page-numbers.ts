import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import type { TocPages } from '../../shared/print/print-page';

/**
 * Page numbers in a printed table of contents (issue 15, item 10). Chromium cannot number pages inside
 * the page it prints, but it writes a named destination for every element id that a link points at. So
 * a document with a table of contents is printed twice: once to learn on which page each section's
 * destination lands, then again with those numbers in the contents (shared/print/print-page.ts), and
 * checked that the numbers did not move the sections (if they did, once more).
 */

/** One Chromium print (CLI: playwright's page.pdf; Electron: webContents.printToPDF) and the page it prints. */
export interface TocPrinter {
  /** The ids of the sections the page's table of contents lists (PRINT_TOC_TARGETS_SCRIPT). */
  tocTargets(): Promise<string[]>;
  /** Sets the page numbers into the table of contents (printTocPagesScript). */
  setTocPages(pages: TocPages): Promise<void>;
  print(): Promise<Uint8Array>;
}

/**
 * The named destinations of a PDF and the page (1-based) each points at: the catalog's /Dests
 * dictionary (what Chromium writes) or the /Names /Dests name tree (PDF 1.2 and later).
 */
export async function readPdfDestinations(pdf: Uint8Array): Promise<Map<string, number>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const context = document.context;
  const pageOf = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const destinations = new Map<string, number>();
  const add = (name: string, destination: PDFObject | undefined) => {
    let value = destination instanceof PDFRef ? context.lookup(destination) : destination;
    // A destination is an array [page /XYZ left top zoom], or a dictionary whose /D is that array.
    if (value instanceof PDFDict) value = value.lookup(PDFName.of('D'));
    const page = value instanceof PDFArray ? value.get(0) : undefined;
    const number = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (number !== undefined && !destinations.has(name)) destinations.set(name, number);
  };
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) add(key.decodeText(), value);
  const tree = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const visit = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), names.get(i + 1));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  visit(tree, 0);
  return destinations;
}

async function pagesOf(pdf: Uint8Array, targets: readonly string[]): Promise<TocPages> {
  const destinations = await readPdfDestinations(pdf);
  return Object.fromEntries(targets.flatMap((id) => (destinations.has(id) ? [[id, destinations.get(id)!]] : [])));
}

function samePages(a: TocPages, b: TocPages): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Prints a page whose table of contents gets page numbers: print, read where the sections landed, set
 * the numbers, print again and check; if filling in the numbers moved a section (a longer line wraps),
 * set and print once more. A page without a table of contents is printed once.
 */
export async function printWithTocPages(printer: TocPrinter): Promise<{ pdf: Uint8Array; pages: TocPages }> {
  const targets = await printer.tocTargets();
  let pdf = await printer.print();
  if (targets.length === 0) return { pdf, pages: {} };
  let pages = await pagesOf(pdf, targets);
  for (let round = 0; round < 2; round++) {
    await printer.setTocPages(pages);
    pdf = await printer.print();
    const printed = await pagesOf(pdf, targets);
    if (samePages(printed, pages)) return { pdf, pages };
    pages = printed;
  }
  throw new Error('De paginanummers van de inhoudsopgave blijven verschuiven bij het afdrukken. Probeer het opnieuw.');
}
