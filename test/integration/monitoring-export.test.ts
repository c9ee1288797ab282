import { createTestApi } from '../support/test-api';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { CASE_STATUSES } from '../../shared/domain/case-status';
import { MODALITIES } from '../../shared/domain/modality';
import { ZSM_OUTCOMES } from '../../shared/domain/zsm-outcome';
import { SANCTION_KINDS } from '../../shared/domain/outcome';
import { HANDOFF_STATUSES } from '../../shared/domain/cjib';
import { isoWeek } from '../../shared/monitoring/iso-week';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'monitoring', 'monitoring-v1.schema.json'), 'utf8'));
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
  records: { caseKey: string; referenceWeek: string; days: Record<string, number | null> }[];
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
    expect(exported.recordCount).toBe(caseCount);
    expect(exported.records).toHaveLength(caseCount);

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
    expect(b.records.every((r) => r.referenceWeek >= isoWeek('2026-01-01') && r.referenceWeek <= isoWeek('2026-03-31'))).toBe(true);

    const { openTestDatabase } = await import('../support/demo-database');
    const reopened = await openTestDatabase(dir);
    const stored = reopened.sqlite.prepare("select value from district_setting where key = 'monitoringKey'").get() as { value: string };
    const key = Buffer.from(JSON.parse(stored.value) as string, 'base64');
    expect(key).toHaveLength(32);
    for (const form of [key.toString('base64'), key.toString('hex'), key.toString('base64url')]) expect(bText).not.toContain(form);
    const audits = reopened.sqlite.prepare("select action from audit_event where action like 'monitoring.%' order by id").all();
    expect(audits).toEqual([{ action: 'monitoring.key_created' }, { action: 'monitoring.exported' }, { action: 'monitoring.exported' }]);
    reopened.close();
  });

  it('offers the same export through the contract, and refuses a range that ends before it starts', async () => {
    const { database } = await demoFile();
    const handle = createTestApi(database, { actor: 'analist', today: () => '2026-06-15', now: () => new Date('2026-06-15T08:00:00Z') });
    const result = await handle('monitoring.export', { from: '2026-05-01' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const value = result.value as { fileName: string; contentBase64: string; recordCount: number };
    expect(value.fileName).toMatch(/^ketenplanner-monitoring-.+-2026-06-15\.json$/);
    const exported = JSON.parse(Buffer.from(value.contentBase64, 'base64').toString('utf8')) as Exported;
    expect(validate(exported)).toBe(true);
    expect(exported.recordCount).toBe(value.recordCount);
    const wrong = await handle('monitoring.export', { from: '2026-05-01', to: '2026-04-01' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'to' }] } });
    database.close();
  });

  it('publishes a schema whose vocabularies are the application’s own', () => {
    const record = schema.definitions.record.properties;
    expect(record.modality.enum).toEqual([...MODALITIES]);
    expect(record.status.enum).toEqual([...CASE_STATUSES]);
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
