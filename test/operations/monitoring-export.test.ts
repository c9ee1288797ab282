import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { quasiIdentifierKey } from '../../shared/monitoring/disclosure-control';
import type { MonitoringRecord } from '../../shared/monitoring/monitoring-record';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * The pseudonymised monitoring export through the contract (monitoring.export), on both engines. The
 * command line (`ketenplanner export monitoring --db <file>`) stays in test/integration/monitoring-export.
 */
const tempDir = useTempDir();
const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'monitoring', 'monitoring-v2.schema.json'), 'utf8'));
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
const DEMO = { seed: 11, casesPerYear: 400, asOf: '2026-06-15' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

interface Exported {
  keyId: string;
  recordCount: number;
  disclosureControl: { k: number; quasiIdentifiers: string[]; generalisedRecords: number; suppressedRecords: number };
  records: MonitoringRecord[];
}

async function setup() {
  district = await openTestDistrict(tempDir(), DEMO);
  const handle = district.api({ actor: 'analist', today: () => '2026-06-15', now: () => new Date('2026-06-15T08:00:00Z') });
  const exportOf = async (input: Record<string, unknown>) => {
    const result = await handle('monitoring.export', input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const value = result.value as { fileName: string; contentBase64: string; recordCount: number };
    const text = Buffer.from(value.contentBase64, 'base64').toString('utf8');
    return { value, text, exported: JSON.parse(text) as Exported };
  };
  return { district, handle, exportOf };
}

/** How often each combination of the quasi-identifiers occurs in an export. */
function cellSizes(records: readonly MonitoringRecord[]): number[] {
  const sizes = new Map<string, number>();
  for (const r of records) sizes.set(quasiIdentifierKey(r), (sizes.get(quasiIdentifierKey(r)) ?? 0) + 1);
  return [...sizes.values()];
}

describe('the pseudonymised monitoring export (monitoring.export)', () => {
  it('answers a file that passes the published JSON Schema and holds no parketnummer, name or date of birth', async () => {
    const { district: d, exportOf } = await setup();
    const secrets = await d.rows<{ parketnummer: string; name: string; dob: string }>(
      'select c.parketnummer, s.full_name as "name", s.date_of_birth as "dob" from criminal_case c join suspect s on s.id = c.suspect_id',
    );
    const caseCount = secrets.length;
    const { text, exported } = await exportOf({});
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(exported.recordCount + exported.disclosureControl.suppressedRecords).toBe(caseCount);
    expect(exported.records).toHaveLength(exported.recordCount);
    expect(exported.disclosureControl.suppressedRecords).toBeLessThan(caseCount * 0.1);
    expect(secrets.length).toBeGreaterThan(100);
    const leaks = secrets.flatMap((s) => [s.parketnummer, s.name, s.dob, s.dob.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1')].filter((v) => text.includes(v)));
    expect(leaks).toEqual([]);
    expect(exported.records.filter((r) => r.days['firstHearing'] !== null).length).toBeGreaterThan(10);
  });

  it('keeps the district key in the database only, and gives a case the same key in every export', async () => {
    const { district: d, exportOf } = await setup();
    const { exported: a } = await exportOf({});
    const { exported: b, text: bText } = await exportOf({ from: '2026-01-01', to: '2026-03-31' });
    expect(b.keyId).toBe(a.keyId);
    expect(b.recordCount).toBeGreaterThan(0);
    expect(b.recordCount).toBeLessThan(a.recordCount);
    const keysOfA = new Set(a.records.map((r) => r.caseKey));
    expect(b.records.every((r) => keysOfA.has(r.caseKey))).toBe(true);
    expect(b.records.every((r) => ['2026-01', '2026-02', '2026-03', '2026-T1'].includes(r.referencePeriod))).toBe(true);
    const stored = (await d.row<{ value: string }>("select value from district_setting where key = 'monitoringKey'"))!;
    const key = Buffer.from(JSON.parse(stored.value) as string, 'base64');
    expect(key).toHaveLength(32);
    for (const form of [key.toString('base64'), key.toString('hex'), key.toString('base64url')]) expect(bText).not.toContain(form);
    const audits = await d.rows("select action from audit_event where action like 'monitoring.%' order by id");
    expect(audits).toEqual([{ action: 'monitoring.key_created' }, { action: 'monitoring.exported' }, { action: 'monitoring.exported' }]);
  });

  it('leaves no combination of the quasi-identifiers fewer than k times (default 5, or the k asked for)', async () => {
    const { handle, exportOf } = await setup();
    for (const k of [undefined, 2, 10, 20]) {
      const { exported } = await exportOf(k ? { k } : {});
      expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(exported.disclosureControl.k).toBe(k ?? 5);
      expect(Math.min(...cellSizes(exported.records))).toBeGreaterThanOrEqual(k ?? 5);
      expect(exported.records.every((r) => /^\d{4}-(\d{2}|T[123])$/.test(r.referencePeriod))).toBe(true);
      if (k === 20) expect(exported.disclosureControl.generalisedRecords).toBeGreaterThan(0);
    }
    expect(await handle('monitoring.export', { k: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'k' }] } });
  });

  it('names the file after the district and the day, and refuses a range that ends before it starts', async () => {
    const { handle, exportOf } = await setup();
    const { value, exported } = await exportOf({ from: '2026-05-01' });
    expect(value.fileName).toMatch(/^ketenplanner-monitoring-.+-2026-06-15\.json$/);
    expect(validate(exported)).toBe(true);
    expect(exported.recordCount).toBe(value.recordCount);
    const wrong = await handle('monitoring.export', { from: '2026-05-01', to: '2026-04-01' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'to' }] } });
  });
});
