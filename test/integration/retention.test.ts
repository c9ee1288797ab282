import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/run-cli';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { FINISHED_STATUSES, retentionCutoff } from '../../shared/retention/retention';
import { openDemoDatabase, openTestDatabase, SMALL_DEMO_NOW } from '../support/demo-database';
import { createTestApi } from '../support/test-api';
import { useTempDir } from '../support/temp-dir';

// The command line on a district file; the operations run on both engines in test/operations/retention.
const tempDir = useTempDir();
const NOW = SMALL_DEMO_NOW; // Monday 15 June 2026, 10:00 Amsterdam

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function apiOf(database: Parameters<typeof createTestApi>[0]) {
  const handle = createTestApi(database, { actor: 'privacy.officer', now: NOW });
  return async <K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> => {
    const result = await handle(operation, input);
    if (!result.ok) throw new Error(`${operation}: ${JSON.stringify(result.error)}`);
    return result.value as OperationOutput<K>;
  };
}

describe('keeping personal data of finished cases no longer than the term (AVG art. 5 lid 1 onder e)', () => {
  it('finished means a status the lifecycle never leaves; the cut-off counts calendar months back', () => {
    expect(FINISHED_STATUSES).toEqual(['completed', 'withdrawn']);
    expect(retentionCutoff('2026-06-15', 12)).toBe('2025-06-15');
    expect(retentionCutoff('2026-08-31', 6)).toBe('2026-02-28');
    expect(retentionCutoff('2028-03-31', 1)).toBe('2028-02-29');
    expect(retentionCutoff('2026-01-10', 13)).toBe('2024-12-10');
  });

  it('the command lists with --dry-run without changing anything, and needs a reason to apply', async () => {
    const dir = tempDir();
    const database = await openDemoDatabase(dir);
    const call = apiOf(database);
    const { version } = await call('retention.preview', {});
    await call('retention.setTerm', { months: 6, confirmed: false, reason: 'Proef', expectedVersion: version });
    const file = database.path;
    database.close();
    const now = ['--now', NOW.toISOString()];

    const dry = await run('retention', '--db', file, '--dry-run', ...now);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    const listed = JSON.parse(dry.out) as { dryRun: boolean; dueCount: number; cases: unknown[] };
    expect(listed.dryRun).toBe(true);
    expect(listed.dueCount).toBeGreaterThan(20);
    expect(listed.cases).toHaveLength(listed.dueCount);

    const refused = await run('retention', '--db', file, ...now);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--reason is required/);

    const reopened = await openTestDatabase(dir);
    const count = reopened.sqlite.prepare("select count(*) as n from audit_event where action = 'retention.pseudonymised'").get() as { n: number };
    expect(count.n).toBe(0);
    reopened.close();

    const applied = await run('retention', '--db', file, '--reason', 'Bewaartermijn verstreken', ...now);
    expect(applied.code, applied.err).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ dryRun: false, pseudonymised: listed.dueCount });
  });
});
