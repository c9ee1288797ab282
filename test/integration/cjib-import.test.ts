import { createTestApi } from '../support/test-api';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import { buildBatch, type BatchSanction, type CjibBatch } from '../../shared/cjib/batch-format';
import type { ResponseImportReport } from '../../shared/cjib/response-format';
import { ackFile, readBatch } from '../support/cjib-simulator';
import { openTestDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/**
 * `ketenplanner import-ack` on a district file (the standalone CLI). Reading CJIB's answers through the
 * api, on both engines: test/operations/cjib-import.test.ts.
 */
const tempDir = useTempDir();
const NOW = new Date('2026-06-15T10:00:00Z');
const BATCH_AT = '2026-06-01T09:00:00.000Z';

type Sqlite = Awaited<ReturnType<typeof openTestDatabase>>['sqlite'];
type SanctionSeed = Omit<BatchSanction, 'sanctionId'>;

const sanction = (kind: BatchSanction['kind'], fields: Partial<SanctionSeed> = {}): SanctionSeed => ({
  kind,
  amountCents: null,
  hours: null,
  days: null,
  conditional: false,
  probationMonths: null,
  substituteDetentionDays: null,
  description: null,
  ...fields,
});
const FINE = sanction('fine', { amountCents: 45_000, substituteDetentionDays: 9 });

async function setup() {
  const dir = tempDir();
  const database = await openTestDatabase(dir);
  const handle = createTestApi(database, { actor: 'griffie.test', today: () => '2026-06-15', now: () => NOW });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  await call('district.create', { code: 'IJV', name: 'IJsselvliet', locations: [{ name: 'Paleis', city: 'Hanzestad', rooms: ['Zaal 1'] }] });
  const importFile = (text: string, dryRun = false, fileName = 'cjib-antwoord.json') =>
    call<ResponseImportReport>('cjib.importResponses', { fileName, contentBase64: Buffer.from(text).toString('base64'), dryRun });
  return { dir, database, sqlite: database.sqlite, call, importFile };
}

/**
 * Decided cases with their sanctions and hand-offs, sent in one batch (attempt 1), straight into the
 * tables as the export would leave them; returns the batch file CJIB received.
 */
function seedSentBatch(sqlite: Sqlite, decisions: SanctionSeed[][]): CjibBatch {
  const batchUid = randomUUID();
  const batchId = Number(
    sqlite.prepare("insert into cjib_batch (batch_uid, format_version, created_at, created_by, decision_count, checksum) values (?, 1, ?, 'oms.test', ?, 'sha')").run(batchUid, BATCH_AT, decisions.length).lastInsertRowid,
  );
  const sources = decisions.map((seeds, index) => {
    const parketnummer = `19/50000${index + 1}-26`;
    const suspectId = Number(sqlite.prepare("insert into suspect (full_name, date_of_birth, summons_address) values (?, ?, 'Dorpsstraat 1, Hanzestad')").run(`Verdachte ${index + 1}`, `1990-01-0${index + 1}`).lastInsertRowid);
    const caseId = Number(
      sqlite
        .prepare(
          "insert into criminal_case (parketnummer, suspect_id, modality, status, police_unit, offence_summary, offence_at, arrested_at, judgment_at) values (?, ?, 'snelrecht', 'handed_to_cjib', 'Basisteam Noord', 'Winkeldiefstal', '2026-05-01T20:00:00.000Z', '2026-05-01T21:00:00.000Z', '2026-05-04T09:00:00.000Z')",
        )
        .run(parketnummer, suspectId).lastInsertRowid,
    );
    const decisionId = Number(
      sqlite
        .prepare("insert into decision (case_id, kind, decided_at, decided_by, suspect_present, recorded_by, recorded_at) values (?, 'judgment', '2026-05-04T09:00:00.000Z', 'mr. De Vries', 1, 'griffie.test', '2026-05-04T10:00:00.000Z')")
        .run(caseId).lastInsertRowid,
    );
    const sanctions = seeds.map((s) => ({
      ...s,
      sanctionId: Number(
        sqlite
          .prepare('insert into sanction (decision_id, kind, amount_cents, hours, days, conditional, probation_months, substitute_detention_days, description) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(decisionId, s.kind, s.amountCents, s.hours, s.days, s.conditional ? 1 : 0, s.probationMonths, s.substituteDetentionDays, s.description).lastInsertRowid,
      ),
    }));
    const correlationId = randomUUID();
    const handoffId = Number(
      sqlite
        .prepare("insert into cjib_handoff (decision_id, correlation_id, status, attempt, last_batch_id, sent_at) values (?, ?, 'sent', 1, ?, ?)")
        .run(decisionId, correlationId, batchId, BATCH_AT).lastInsertRowid,
    );
    sqlite.prepare('insert into cjib_batch_item (batch_id, handoff_id, attempt) values (?, ?, 1)').run(batchId, handoffId);
    return {
      correlationId,
      attempt: 1,
      parketnummer,
      decisionKind: 'judgment' as const,
      decidedAt: '2026-05-04T09:00:00.000Z',
      decidedBy: 'mr. De Vries',
      enforceableAt: Date.parse('2026-05-18T22:00:00.000Z'),
      suspectPresent: true,
      person: { fullName: `Verdachte ${index + 1}`, dateOfBirth: `1990-01-0${index + 1}`, address: 'Dorpsstraat 1, Hanzestad' },
      sanctions,
      conditions: null,
    };
  });
  return readBatch(JSON.stringify(buildBatch({ batchUid, createdAt: BATCH_AT, district: { code: 'IJV', name: 'IJsselvliet' }, decisions: sources })));
}

describe('ketenplanner import-ack', () => {
  it('reads a response file from the command line, with --dry-run and exit code 1 on an error', async () => {
    const { dir, database, sqlite } = await setup();
    const batch = seedSentBatch(sqlite, [[FINE]]);
    database.close();
    const dbFile = path.join(dir, 'district.sqlite');
    const ack = path.join(dir, 'ack.json');
    fs.writeFileSync(ack, ackFile(batch, { at: new Date(NOW.getTime() - 3_600_000).toISOString() }));
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };

    const dry = await run('import-ack', '--db', dbFile, '--now', NOW.toISOString(), '--file', ack, '--dry-run');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, committed: false, fileName: 'ack.json', counts: { processed: 1 } });
    const real = await run('import-ack', '--db', dbFile, '--now', NOW.toISOString(), '--file', ack);
    expect(JSON.parse(real.out)).toMatchObject({ committed: true, counts: { processed: 1 } });
    const again = await run('import-ack', '--db', dbFile, '--now', NOW.toISOString(), '--file', ack);
    expect(JSON.parse(again.out)).toMatchObject({ committed: false, counts: { alreadyProcessed: 1 } });

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'cjib.ketenplanner.response', version: 1, messages: [{ type: 'ack', correlationId: randomUUID(), attempt: 1, at: '2026-06-02T09:00:00Z' }] }));
    const refused = await run('import-ack', '--db', dbFile, '--now', NOW.toISOString(), '--file', bad);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out).messages[0].message).toMatch(/^Bericht 1: onbekend correlationId/);

    expect((await run('import-ack', '--db', dbFile)).code).toBe(2);
    expect((await run('--help')).out).toContain('ketenplanner import-ack --db FILE --file F [--mode all-or-nothing|valid-only] [--dry-run]');
    expect((await run('import-ack', '--db', dbFile, '--now', NOW.toISOString(), '--file', bad, '--mode', 'half')).code).toBe(2);
    const validOnly = await run('import-ack', '--db', dbFile, '--now', NOW.toISOString(), '--file', bad, '--mode', 'valid-only');
    expect(validOnly.code).toBe(1);
    expect(JSON.parse(validOnly.out)).toMatchObject({ mode: 'valid_only', committed: false, counts: { error: 1 } });
  });
});
