import { describe, expect, it } from 'vitest';
import { normaliseRotaHeader, rotaColumnOf, type RotaColumnKey } from '../../../shared/rota/rota-columns';
import { parseRotaRow, type RotaRow } from '../../../shared/rota/rota-import-row';

const row = (naam: string, rol: string, van = '', tot = '', reden = '') =>
  new Map<RotaColumnKey, string>([
    ['naam', naam],
    ['rol', rol],
    ['afwezig_van', van],
    ['afwezig_tot', tot],
    ['reden', reden],
  ]);

describe('parseRotaRow: accepted rows', () => {
  it.each<[string, Map<RotaColumnKey, string>, Omit<RotaRow, 'row'>]>([
    ['a person only', row('mr. A. de Vries', 'politierechter'), { name: 'mr. A. de Vries', role: 'politierechter', absence: null }],
    ['rc, any case, spaces collapsed', row('  mr.  B.   Bakker ', ' RC '), { name: 'mr. B. Bakker', role: 'rc_politierechter', absence: null }],
    ['ovj written out', row('mr. C. Jansen', 'Officier van Justitie'), { name: 'mr. C. Jansen', role: 'ovj', absence: null }],
    [
      'Dutch dates',
      row('mr. C. Jansen', 'ovj', '03-08-2026', '14-08-2026', 'verlof'),
      { name: 'mr. C. Jansen', role: 'ovj', absence: { fromDate: '2026-08-03', toDate: '2026-08-14', reason: 'verlof' } },
    ],
    [
      'ISO dates, one day, reason in capitals',
      row('mr. C. Jansen', 'ovj', '2026-08-03', '2026-08-03', 'Cursus'),
      { name: 'mr. C. Jansen', role: 'ovj', absence: { fromDate: '2026-08-03', toDate: '2026-08-03', reason: 'cursus' } },
    ],
    [
      'andere_verplichting',
      row('mr. D. Smit', 'rc_politierechter', '1-9-2026', '2-9-2026', 'andere_verplichting'),
      { name: 'mr. D. Smit', role: 'rc_politierechter', absence: { fromDate: '2026-09-01', toDate: '2026-09-02', reason: 'andere_verplichting' } },
    ],
  ])('%s', (_what, cells, expected) => {
    expect(parseRotaRow(7, cells)).toEqual({ ok: true, value: { row: 7, ...expected } });
  });
});

describe('parseRotaRow: refused rows name the row and the field', () => {
  it.each<[string, Map<RotaColumnKey, string>, [string, RegExp][]]>([
    ['no name', row('', 'ovj'), [['naam', /Vul de naam in/]]],
    ['a name too long', row('x'.repeat(121), 'ovj'), [['naam', /te lang/]]],
    ['no role', row('mr. A', ''), [['rol', /Vul de rol in/]]],
    ['an unknown role', row('mr. A', 'griffier'), [['rol', /"griffier" is geen rol/]]],
    ['an impossible date', row('mr. A', 'ovj', '31-02-2026', '01-03-2026', 'verlof'), [['afwezig_van', /"31-02-2026" is geen geldige datum/]]],
    ['only a start date', row('mr. A', 'ovj', '03-08-2026', '', 'verlof'), [['afwezig_tot', /Vul ook afwezig_tot in/]]],
    ['only an end date', row('mr. A', 'ovj', '', '03-08-2026', 'verlof'), [['afwezig_van', /Vul ook afwezig_van in/]]],
    ['the end before the start', row('mr. A', 'ovj', '14-08-2026', '03-08-2026', 'verlof'), [['afwezig_tot', /vóór afwezig_van/]]],
    ['dates without a reason', row('mr. A', 'ovj', '03-08-2026', '04-08-2026'), [['reden', /Vul de reden in/]]],
    ['a medical reason', row('mr. A', 'ovj', '03-08-2026', '04-08-2026', 'griep'), [['reden', /geen medische details/]]],
    ['a reason without dates', row('mr. A', 'ovj', '', '', 'verlof'), [['reden', /Reden zonder afwezigheidsdatums/]]],
    // The same per-cell text check as the case import (shared/intake/text-checks.ts).
    ['a tab inside the name', row('mr. A.\tJansen', 'ovj'), [['naam', /Bevat een tab \(U\+0009\) op positie 7/]]],
    ['a line break inside the name', row('mr. A.\nJansen', 'ovj'), [['naam', /regelovergang/]]],
    ['a lost character in the name', row('mr. A. J\uFFFDnsen', 'ovj'), [['naam', /onleesbaar teken/]]],
    ['a control character in the reason', row('mr. A', 'ovj', '03-08-2026', '04-08-2026', 'ver\u0007lof'), [['reden', /stuurteken \(U\+0007\)/]]],
    ['a control character in a reason without dates', row('mr. A', 'ovj', '', '', 'verlof\u0085'), [['reden', /stuurteken \(U\+0085\)/]]],
    [
      'several mistakes at once',
      row('', 'rechter', '2026-13-01', '01-01-2026', 'ziek'),
      [
        ['naam', /Vul de naam in/],
        ['rol', /geen rol/],
        ['afwezig_van', /geen geldige datum/],
        ['reden', /geen reden/],
      ],
    ],
  ])('%s', (_what, cells, expected) => {
    const result = parseRotaRow(12, cells);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.row)).toEqual(expected.map(() => 12));
    expect(result.problems.map((p) => p.column)).toEqual(expected.map(([column]) => column));
    result.problems.forEach((p, i) => expect(p.message).toMatch(expected[i]![1]));
  });
});

describe('rota headers', () => {
  it.each([
    ['naam', 'naam'],
    [' Afwezig van ', 'afwezig_van'],
    ['AFWEZIG-TOT', 'afwezig_tot'],
    ['Reden', 'reden'],
    ['opmerking', null],
  ])('%j is column %j', (header, column) => {
    expect(rotaColumnOf(header)).toBe(column);
    expect(normaliseRotaHeader(header)).not.toMatch(/\s/);
  });
});
