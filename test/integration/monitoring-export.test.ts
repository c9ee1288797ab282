import { createTestApi } from '../support/test-api';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { CASE_STATUSES } from '../../shared/domain/case-status';
import { FILLER_KINDS, MODALITIES } from '../../shared/domain/modality';
import { ZSM_OUTCOMES } from '../../shared/domain/zsm-outcome';
import { SANCTION_KINDS } from '../../shared/domain/outcome';
import { HANDOFF_STATUSES } from '../../shared/domain/cjib';
import { QUASI_IDENTIFIERS, quasiIdentifierKey } from '../../shared/monitoring/disclosure-control';
import { DAY_BANDS, type MonitoringRecord } from '../../shared/monitoring/monitoring-record';
import { openDemoDatabase, openTestDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

// The command line on a district file; the export through the contract runs on both engines too
// (test/operations/monitoring-export).
const tempDir = useTempDir();
const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'monitoring', 'monitoring-v2.schema.json'), 'utf8'));
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function demoFile() {
  const dir = tempDir();
  const database = await openDemoDatabase(dir, { seed: 11, casesPerYear: 400, asOf: '2026-06-15' });
  const file = database.path;
  return { dir, file, database };
}

interface Exported {
  keyId: string;
  recordCount: number;
  disclosureControl: { k: number; quasiIdentifiers: string[]; generalisedRecords: number; suppressedRecords: number };
  records: MonitoringRecord[];
}

/** How often each combination of the quasi-identifiers occurs in an export. */
function cellSizes(records: readonly MonitoringRecord[]): number[] {
  const sizes = new Map<string, number>();
  for (const r of records) sizes.set(quasiIdentifierKey(r), (sizes.get(quasiIdentifierKey(r)) ?? 0) + 1);
  return [...sizes.values()];
}

describe('the pseudonymised monitoring export', () => {
  it('writes a file that passes the published JSON Schema and holds no parketnummer, name or date of birth', async () => {
    const { dir, file, database } = await demoFile();
    const secrets = database.sqlite
      .prepare('select c.parketnummer, s.full_name as name, s.date_of_birth as dob from criminal_case c join suspect s on s.id = c.suspect_id')
      .all() as { parketnummer: string; name: string; dob: string }[];
    const caseCount = secrets.length;
    database.close();
    const out = path.join(dir, 'monitoring.json');

    const result = await run('export', 'monitoring', '--db', file, '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    const exported = JSON.parse(text) as Exported;
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(exported.recordCount + exported.disclosureControl.suppressedRecords).toBe(caseCount);
    expect(exported.records).toHaveLength(exported.recordCount);
    // Most records keep their details: suppression is the exception.
    expect(exported.disclosureControl.suppressedRecords).toBeLessThan(caseCount * 0.1);

    expect(secrets.length).toBeGreaterThan(100);
    const leaks = secrets.flatMap((s) => [s.parketnummer, s.name, s.dob, s.dob.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1')].filter((v) => text.includes(v)));
    expect(leaks).toEqual([]);
    // Real chain data made it into the records (not an empty shell).
    expect(exported.records.filter((r) => r.days['firstHearing'] !== null).length).toBeGreaterThan(10);
  });

  it('keeps the district key in the file only, and gives a case the same key in every export', async () => {
    const { dir, file, database } = await demoFile();
    database.close();
    await run('export', 'monitoring', '--db', file, '--out', path.join(dir, 'a.json'));
    await run('export', 'monitoring', '--db', file, '--out', path.join(dir, 'b.json'), '--from', '2026-01-01', '--to', '2026-03-31');
    const a = JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')) as Exported;
    const bText = fs.readFileSync(path.join(dir, 'b.json'), 'utf8');
    const b = JSON.parse(bText) as Exported;
    expect(b.keyId).toBe(a.keyId);
    expect(b.recordCount).toBeGreaterThan(0);
    expect(b.recordCount).toBeLessThan(a.recordCount);
    const keysOfA = new Set(a.records.map((r) => r.caseKey));
    expect(b.records.every((r) => keysOfA.has(r.caseKey))).toBe(true);
    expect(b.records.every((r) => ['2026-01', '2026-02', '2026-03', '2026-T1'].includes(r.referencePeriod))).toBe(true);

    const reopened = await openTestDatabase(dir);
    const stored = reopened.sqlite.prepare("select value from district_setting where key = 'monitoringKey'").get() as { value: string };
    const key = Buffer.from(JSON.parse(stored.value) as string, 'base64');
    expect(key).toHaveLength(32);
    for (const form of [key.toString('base64'), key.toString('hex'), key.toString('base64url')]) expect(bText).not.toContain(form);
    const audits = reopened.sqlite.prepare("select action from audit_event where action like 'monitoring.%' order by id").all();
    expect(audits).toEqual([{ action: 'monitoring.key_created' }, { action: 'monitoring.exported' }, { action: 'monitoring.exported' }]);
    reopened.close();
  });

  it('on a demo district, no combination of the quasi-identifiers occurs fewer than k times (default 5, or the k asked for)', async () => {
    const { dir, file, database } = await demoFile();
    database.close();
    for (const k of [undefined, 2, 10]) {
      const out = path.join(dir, `k-${k ?? 'default'}.json`);
      const result = await run('export', 'monitoring', '--db', file, '--out', out, ...(k ? ['--k', String(k)] : []));
      expect(result.code, result.err).toBe(0);
      const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as Exported;
      expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(exported.disclosureControl.k).toBe(k ?? 5);
      expect(exported.disclosureControl.quasiIdentifiers).toEqual([...QUASI_IDENTIFIERS]);
      expect(Math.min(...cellSizes(exported.records))).toBeGreaterThanOrEqual(k ?? 5);
      // Coarsened: months (or four-month periods) and bands, never a week or an exact day offset.
      expect(exported.records.every((r) => /^\d{4}-(\d{2}|T[123])$/.test(r.referencePeriod))).toBe(true);
      expect(exported.records.flatMap((r) => Object.values(r.days)).every((d) => d === null || typeof d === 'string')).toBe(true);
      expect(exported.records.filter((r) => r.firstHearingWithinLegalLimit !== null).length).toBeGreaterThan(10);
    }
    // Without the control, the same records would hold cells of one: the control is what protects them.
    const reopened = await openTestDatabase(dir);
    const handle = createTestApi(reopened, { actor: 'analist', now: () => new Date('2026-06-15T08:00:00Z') });
    const strict = await handle('monitoring.export', { k: 20 });
    if (!strict.ok) throw new Error(JSON.stringify(strict.error));
    const exported = JSON.parse(Buffer.from((strict.value as { contentBase64: string }).contentBase64, 'base64').toString('utf8')) as Exported;
    expect(Math.min(...cellSizes(exported.records))).toBeGreaterThanOrEqual(20);
    expect(exported.disclosureControl.generalisedRecords).toBeGreaterThan(0);
    expect(await handle('monitoring.export', { k: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'k' }] } });
    reopened.close();
  });

  it('publishes a schema whose vocabularies are the application’s own', () => {
    const record = schema.definitions.record.properties;
    expect(record.modality.enum).toEqual([...MODALITIES]);
    expect(record.status.enum).toEqual([...CASE_STATUSES]);
    expect(record.fillerKind.enum).toEqual([null, ...FILLER_KINDS, '*']);
    expect(schema.definitions.dayBand.enum).toEqual([null, ...DAY_BANDS]);
    expect(record.zsmOutcome.enum).toEqual([null, ...ZSM_OUTCOMES]);
    expect(record.sanctionKinds.items.enum).toEqual([...SANCTION_KINDS]);
    expect(record.cjib.properties.status.enum).toEqual([null, ...HANDOFF_STATUSES]);
  });

  it('refuses wrong usage with a message', async () => {
    const bad = await run('export', 'monitoring', '--db', '/nonexistent.sqlite', '--out', '/tmp/x.json', '--from', '2026-13-01');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--from must be a date/);
  });
});
