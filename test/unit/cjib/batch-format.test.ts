import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import { escapeCell, unescapeCell } from '../../../shared/cjib/batch-csv';
import { batchFileNames, batchJsonText, buildBatch, type BatchSource, type CjibBatch } from '../../../shared/cjib/batch-format';
import { batchCsvText, batchFiles, parseBatchCsvText, sha256 } from '../../../server/services/cjib/export-files';
import { responseFileSchema } from '../../../shared/cjib/response-format';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../docs/cjib/batch-v1.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const SOURCE: BatchSource = {
  batchUid: '6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
  createdAt: '2026-05-04T10:15:00+02:00',
  district: { code: 'IJV', name: 'Arrondissement IJsselvliet' },
  decisions: [
    {
      correlationId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
      attempt: 2,
      parketnummer: '19/654321-26',
      decisionKind: 'penalty_order',
      decidedAt: '2026-04-01T09:00:00.000Z',
      decidedBy: 'mr. B. Bakker (OvJ)',
      enforceableAt: instantOf('2026-04-16T00:00:00+02:00'),
      suspectPresent: null,
      person: { fullName: '=Sëlma "de" Wit; jr.', dateOfBirth: '2001-11-30', address: 'Kade 3\n8000 AA Zwolle' },
      sanctions: [
        { sanctionId: 7, kind: 'community_service', amountCents: null, hours: 40, days: null, conditional: false, probationMonths: null, substituteDetentionDays: null, description: null },
      ],
      conditions: null,
    },
    {
      correlationId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      attempt: 1,
      parketnummer: '19/123456-26',
      decisionKind: 'judgment',
      decidedAt: '2026-04-01T10:00:00+02:00',
      decidedBy: ' mr. A. de Vries ',
      enforceableAt: instantOf('2026-04-16T00:00:00+02:00'),
      suspectPresent: true,
      person: { fullName: 'Jan Jansen', dateOfBirth: '1990-02-03', address: 'Dorpsstraat 1, 1234 AB Lelystad' },
      sanctions: [
        { sanctionId: 12, kind: 'fine', amountCents: 45_000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 9, description: '' },
        { sanctionId: 11, kind: 'custodial', amountCents: null, hours: null, days: 30, conditional: true, probationMonths: 24, substituteDetentionDays: null, description: null },
        { sanctionId: 13, kind: 'compensation_order', amountCents: 12_050, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: null, description: "'SL-2026-0042" },
      ],
      conditions: 'Meldplicht bij de reclassering',
    },
  ],
};

const built = () => buildBatch(SOURCE);
const clone = (batch: CjibBatch) => JSON.parse(JSON.stringify(batch)) as Record<string, any>;

describe('the CJIB batch, format version 1', () => {
  it('builds the documented shape: UTC instants, trimmed text, empty text as null, a fixed order', () => {
    const batch = built();
    expect(batch).toMatchObject({ format: 'ketenplanner.cjib.batch', version: 1, createdAt: '2026-05-04T08:15:00.000Z' });
    expect(batch.decisions.map((d) => d.parketnummer)).toEqual(['19/123456-26', '19/654321-26']);
    const [first] = batch.decisions;
    expect(first).toMatchObject({ decidedAt: '2026-04-01T08:00:00.000Z', decidedBy: 'mr. A. de Vries', enforceableAt: '2026-04-15T22:00:00.000Z' });
    expect(first!.sanctions.map((s) => s.sanctionId)).toEqual([11, 12, 13]);
    expect(first!.sanctions[1]!.description).toBeNull();
    expect(batchFileNames(batch.batchUid)).toEqual({
      json: 'ketenplanner-cjib-6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b.json',
      csv: 'ketenplanner-cjib-6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b.csv',
    });
  });

  it('gives the same bytes for the same facts, whatever their order', () => {
    const reversed = buildBatch({ ...SOURCE, decisions: [...SOURCE.decisions].reverse() });
    expect(batchJsonText(reversed)).toBe(batchJsonText(built()));
    expect(batchFiles(reversed).checksum).toBe(sha256(batchJsonText(built())));
    expect(batchCsvText(reversed)).toBe(batchCsvText(built()));
  });

  it('is valid against the JSON Schema', () => {
    const ok = validate(JSON.parse(batchJsonText(built())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  const broken: [string, (b: Record<string, any>) => void][] = [
    ['an unknown top-level field', (b) => (b.extra = 1)],
    ['an unknown decision field', (b) => (b.decisions[0].score = 3)],
    ['another format version', (b) => (b.version = 2)],
    ['no decisions', (b) => (b.decisions = [])],
    ['a correlation id that is no UUID v4', (b) => (b.decisions[0].correlationId = '1234')],
    ['attempt 0', (b) => (b.decisions[0].attempt = 0)],
    ['a local time instead of UTC', (b) => (b.decisions[0].decidedAt = '2026-04-01T10:00:00+02:00')],
    ['a malformed parketnummer', (b) => (b.decisions[0].parketnummer = '19-123456-26')],
    ['a missing address', (b) => delete b.decisions[0].person.address],
    ['an empty name', (b) => (b.decisions[0].person.fullName = ' ')],
    ['a fine without amount', (b) => (b.decisions[0].sanctions[1].amountCents = null)],
    ['community service of 300 hours', (b) => (b.decisions[1].sanctions[0].hours = 300)],
    ['a conditional sentence without probation', (b) => (b.decisions[0].sanctions[0].probationMonths = null)],
    ['an unknown sanction kind', (b) => (b.decisions[0].sanctions[0].kind = 'warning')],
    ['an amount as text', (b) => (b.decisions[0].sanctions[1].amountCents = '450')],
    ['a sanction without sanctionId', (b) => delete b.decisions[0].sanctions[0].sanctionId],
  ];
  it.each(broken)('is invalid with %s', (_name, breakIt) => {
    const batch = clone(built());
    breakIt(batch);
    expect(validate(batch)).toBe(false);
  });

  it('round-trips through the CSV to the same values, one row per sanction with its correlation id', () => {
    const batch = built();
    const text = batchCsvText(batch);
    expect(text.startsWith('\uFEFFbatchUid;correlationId;attempt;')).toBe(true);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.startsWith(batch.batchUid));
    expect(lines).toHaveLength(4);
    expect(text).toContain(`'=Sëlma`);
    const back = parseBatchCsvText(text);
    expect(back.batchUid).toBe(batch.batchUid);
    expect(back.decisions).toEqual(batch.decisions);
  });

  it('refuses a CSV with a wrong header or a broken number, naming the row and column', () => {
    const text = batchCsvText(built());
    expect(() => parseBatchCsvText(text.replace('batchUid;', 'batch;'))).toThrow(/Kopregel klopt niet/);
    expect(() => parseBatchCsvText(text.replace(';45000;', ';450,00;'))).toThrow(/Regel 3, kolom amountCents: geen geheel getal: "450,00"/);
  });

  it.each(['=SUM(A1)', '+31', '-5', '@x', "'quoted", 'plain'])('escapes spreadsheet formulas without loss: %s', (value) => {
    expect(unescapeCell(escapeCell(value))).toBe(value);
    expect(/^[=+\-@]/.test(escapeCell(value))).toBe(false);
  });
});

describe('the examples in docs/cjib-exchange.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../../docs/cjib-exchange.md'), 'utf8');
  const examples = (kind: string) =>
    [...doc.matchAll(new RegExp(`<!-- example: ${kind} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => JSON.parse(m[1]!) as unknown);

  it('has a batch example that is valid against the schema', () => {
    const [batch] = examples('batch');
    expect(batch).toBeDefined();
    expect(validate(batch)).toBe(true);
  });

  it('has an acknowledgement, a return and an execution example the response reader accepts', () => {
    const files = examples('response');
    expect(files.map((f) => (f as { messages: { type: string }[] }).messages[0]!.type)).toEqual(['ack', 'return', 'execution']);
    for (const file of files) expect(responseFileSchema.safeParse(file).success).toBe(true);
  });
});
