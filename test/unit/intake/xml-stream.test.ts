import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlStream, XmlSyntaxError, XmlTooLongError } from '../../../server/services/cases/xml-stream';

// The XLSX reader's XML stream against saxes (what it replaced, kept as the reference here): the same
// elements, attributes and text, and the same documents refused, however the text is cut into writes.

type Event = ['open', string, [string, string][]] | ['text', string] | ['close', string];

/** Consecutive texts joined (a reader may hand on one text in pieces); text outside the root left out (only whitespace can be there). */
function tidy(events: Event[]): Event[] {
  const out: Event[] = [];
  let depth = 0;
  for (const e of events) {
    if (e[0] === 'open') depth += 1;
    if (e[0] === 'close') depth -= 1;
    if (e[0] !== 'text') out.push(e);
    else if (depth > 0 && e[1] !== '') {
      const last = out[out.length - 1];
      if (last?.[0] === 'text') last[1] += e[1];
      else out.push(['text', e[1]]);
    }
  }
  return out;
}

function bySaxes(xml: string): Event[] | 'refused' {
  const parser = new SaxesParser({ position: false });
  const events: Event[] = [];
  let failed = false;
  parser.on('error', () => (failed = true));
  parser.on('opentag', (tag) => events.push(['open', tag.name, Object.entries(tag.attributes as Record<string, string>)]));
  parser.on('text', (t) => events.push(['text', t]));
  parser.on('cdata', (t) => events.push(['text', t]));
  parser.on('closetag', (tag) => events.push(['close', tag.name]));
  try {
    parser.write(xml);
    parser.close();
  } catch {
    failed = true;
  }
  return failed ? 'refused' : tidy(events);
}

function byStream(pieces: string[]): Event[] | 'refused' {
  const events: Event[] = [];
  const stream = new XmlStream({
    open: (name, attributes) => events.push(['open', name, attributes.entries()]),
    text: (t) => events.push(['text', t]),
    close: (name) => events.push(['close', name]),
  });
  try {
    for (const piece of pieces) stream.write(piece);
    stream.close();
  } catch (error) {
    if (error instanceof XmlSyntaxError) return 'refused';
    throw error;
  }
  return tidy(events);
}

/** The document whole, in pieces of one character, and cut in two at every place. */
function cuts(xml: string): string[][] {
  const all = [[xml], [...xml]];
  for (let i = 1; i < xml.length; i++) all.push([xml.slice(0, i), xml.slice(i)]);
  return all;
}

const READ = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="u"><sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> a b </t></is></c></row></sheetData></worksheet>',
  '<sst><si><r><rPr><b/></rPr><t>Jan</t></r><r><t>sen</t></r><rPh><t>x</t></rPh></si></sst>',
  '<a x="1\r\n2\t3\n4" y=\'"q"\' z = "&lt;&#x41;&#66;&amp;&quot;&apos;&gt;">t\r\nu\rv&#13;w&#x1F600;</a>',
  '<a><![CDATA[<x>&amp;]]>&amp;<![CDATA[]]><![CDATA[a\r\nb]]></a>',
  '\uFEFF<!-- before --><!DOCTYPE a [<!ELEMENT a ANY>]><?pi data?><a><?pi x?><!-- in --><b/></a><!-- after -->\n',
  '<x:a xmlns:x="u" x:b="1"><x:c>d</x:c></x:a>',
  '<a >x</a >',
  '<a b="a>b" c="]]>" d="\'"/>',
  '<a>_x0007_ ç ł ż Ĳ – “ ” ] ]] </a>',
  '<a>\u00e9\u4e2d<\u00e9l\u00e9ment \u00e9="1"/></a>',
  '<a-b.c_d:e1/>',
  '<?xml version="1.0"?><?xml-stylesheet href="x"?><!--->--><a x="\t"/>',
  '<!DOCTYPE a SYSTEM "a.dtd"><a/>',
];

const REFUSED = [
  '<a>&foo;</a>',
  '<a>&#0;</a>',
  '<a>&#xD800;</a>',
  '<a>& b</a>',
  '<a>\u0001</a>',
  '<a x="\u0002"/>',
  '<a x="1" x="2"/>',
  '<a x=1/>',
  '<a x="<"/>',
  '<a><b></a>',
  '<a></a><b/>',
  'x<a></a>',
  '<a></a>x',
  '<a>',
  '<a>x</b>',
  '< a/>',
  '<1a/>',
  '<a b/>',
  '<a b="1"c="2"/>',
  '<a>]]></a>',
  '<!-- a -- b --><a/>',
  '',
  '<a/',
  '<a></a',
  '<a x="1',
  '<a><![CDATA[x</a>',
  '<a>&amp</a>',
  '<a><?xml version="1.0"?></a>',
  ' <?xml version="1.0"?><a/>',
  '<?xml version="2.0"?><a/>',
  '<?xml encoding="UTF-8"?><a/>',
  '<!DOCTYPE a><!DOCTYPE a><a/>',
  '<a/><!DOCTYPE a>',
  '<a>&#x;</a>',
  '<a>&#1114112;</a>',
  '<? x?><a/>',
  '<a><![cdata[x]]></a>',
  '<a>\uFFFE</a>',
];

describe('the XLSX reader\'s XML stream, against saxes', () => {
  it.each(READ)('reads %j as saxes does, however it is cut', (xml) => {
    const expected = bySaxes(xml);
    expect(expected).not.toBe('refused');
    for (const pieces of cuts(xml)) expect(byStream(pieces), JSON.stringify(pieces)).toEqual(expected);
  });

  it.each(REFUSED)('refuses %j as saxes does, however it is cut', (xml) => {
    expect(bySaxes(xml)).toBe('refused');
    for (const pieces of cuts(xml)) expect(byStream(pieces), JSON.stringify(pieces)).toBe('refused');
  });

  it('reads a tag with thousands of attributes at the cost of each once, and refuses a double among them', () => {
    const attributes = Array.from({ length: 20_000 }, (_, i) => `a${i}="${i}"`).join(' ');
    let seen: [string, string][] = [];
    new XmlStream({ open: (_, a) => (seen = a.entries()) }).write(`<x ${attributes}/>`);
    expect(seen).toHaveLength(20_000);
    expect(seen[19_999]).toEqual(['a19999', '19999']);
    expect(() => new XmlStream({ open: () => undefined }).write(`<x ${attributes} a7="again"/>`)).toThrow(XmlSyntaxError);
    expect(() => new XmlStream({ open: () => undefined }).write(`<x ${attributes} a19999="again"/>`)).toThrow(XmlSyntaxError);
  });

  it('holds at most maxPending characters of one unfinished comment, CDATA section or tag, whatever it contains', () => {
    for (const start of ['<!-- ', '<![CDATA[', '<?pi ', '<a b="']) {
      const stream = new XmlStream({ open: () => undefined }, 1000);
      stream.write(`<r>${start}`);
      expect(() => {
        for (let i = 0; i < 20; i++) stream.write('<<<<<<<<<<'.repeat(10));
      }).toThrow(XmlTooLongError);
    }
  });

  it('hands on a long text in pieces as it comes rather than holding it', () => {
    const texts: string[] = [];
    const stream = new XmlStream({ open: () => undefined, text: (t) => texts.push(t) });
    stream.write('<a>');
    stream.write('x'.repeat(1000));
    expect(texts.join('')).toBe('x'.repeat(1000));
    stream.write('</a>');
    stream.close();
  });
});
