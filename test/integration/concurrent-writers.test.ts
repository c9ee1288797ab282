import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SOURCE_MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { startHttpHost, type RunningHttpHost } from '../../server/http/http-host';
import { fixedClock } from '../../server/services/context/clock';
import { createBackend, type Backend } from '../../server/services/create-backend';
import { makeImportCsv } from '../support/import-fixture';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

const tempDir = useTempDir();
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'ketenplanner.mjs');
const NOW = '2026-06-15T10:00:00+02:00';
const TOKEN = 'concurrent-writers-token-0123456789';

let backend: Backend | null = null;
let host: RunningHttpHost | null = null;
afterEach(async () => {
  await host?.close();
  backend?.close();
  host = null;
  backend = null;
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function post(operation: string, input: unknown, requestId: string) {
  const response = await fetch(`${host!.url}api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': requestId },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

describe('two writers on one district file', () => {
  it('the app (HTTP host, reads and writes) and two CLI imports of one file write at the same time: everything committed once, no error', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'district.sqlite');
    (await openDemoDatabase(dir, { seed: 7, casesPerYear: 300, asOf: '2026-06-15' })).close();
    const csvFile = path.join(dir, 'cases.csv');
    fs.writeFileSync(csvFile, makeImportCsv(3000, 0, 500000).csv);

    backend = await createBackend(file, { migrationsFolder: SOURCE_MIGRATIONS_FOLDER, clock: fixedClock(NOW), roles: STANDALONE_ROLES, actor: 'coordinator.test' });
    host = await startHttpHost({ handler: backend.handler, token: TOKEN, staticRoot: null, port: 0 });
    const casesBefore = (backend.database.sqlite.prepare('select count(*) as n from criminal_case').get() as { n: number }).n;

    const imports = [runCli(['import', '--db', file, '--now', NOW, csvFile]), runCli(['import', '--db', file, '--now', NOW, csvFile])];
    let importsDone = false;
    void Promise.all(imports).then(() => (importsDone = true));
    const answers: { status: number; body: { ok: boolean; error?: { code: string; message: string } } }[] = [];
    let n = 0;
    let roundsWhileImporting = 0;
    // Keep writing through the API while the imports run (and a few rounds after).
    for (let rounds = 0; rounds < 400 && (!importsDone || rounds < 20); rounds++) {
      if (!importsDone) roundsWhileImporting += 1;
      const batch = Array.from({ length: 4 }, () => {
        n += 1;
        return post('people.save', { name: `Rechter ${n}`, role: 'politierechter' }, `people-save-${String(n).padStart(6, '0')}`);
      });
      // Reads go on too: they never wait for the import's lock.
      batch.push(post('sessions.week', { weekStart: '2026-06-15' }, `read-${String(rounds).padStart(6, '0')}`));
      answers.push(...(await Promise.all(batch)));
    }
    const [first, second] = await Promise.all(imports);

    expect(roundsWhileImporting).toBeGreaterThan(5);
    expect(answers.filter((a) => !a.body.ok)).toEqual([]);
    const people = (backend.database.sqlite.prepare("select count(*) as n from person where name like 'Rechter %'").get() as { n: number }).n;
    expect(people).toBe(n);

    // One import committed all 3000 rows; the other, which waited for the lock, found them and refused them as duplicates.
    for (const result of [first!, second!]) {
      expect(result.stderr).not.toMatch(/UNIQUE constraint|SqliteError|at .*\.ts:\d+/);
    }
    const reports = [first!, second!].map((r) => JSON.parse(r.stdout) as { committed: number; problems: { message: string }[] });
    expect(reports.map((r) => r.committed).sort((a, b) => a - b)).toEqual([0, 3000]);
    const loser = reports.find((r) => r.committed === 0)!;
    expect(loser.problems).toHaveLength(3000);
    expect(loser.problems[0]!.message).toMatch(/al ingevoerd in dit arrondissement/);
    const casesAfter = (backend.database.sqlite.prepare('select count(*) as n from criminal_case').get() as { n: number }).n;
    expect(casesAfter).toBe(casesBefore + 3000);
    expect((backend.database.sqlite.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
  });
});
