import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planInWorker, stopPlannerThread } from '../../server/services/planner/planner-thread';
import { planHearings } from '../../shared/planner/plan-hearings';
import { sixWeekWindow, smallRandomInstance } from '../support/planner-instances';
import { Worker } from 'node:worker_threads';

afterAll(() => stopPlannerThread());

describe('the planner in its worker thread', () => {
  it('gives exactly the answer of the solver itself, for several plans in a row and at once', async () => {
    const instances = [1, 2, 3].map((seed) => smallRandomInstance(seed));
    const inThread = await Promise.all(instances.map((i) => planInWorker(i.problem, i.options)));
    instances.forEach((instance, i) => expect(inThread[i]).toEqual(planHearings(instance.problem, instance.options)));
    const window = sixWeekWindow();
    expect(await planInWorker(window)).toEqual(planHearings(window));
  });

  it('refuses invalid input at the thread boundary with the reason', async () => {
    const problem = { sessions: [{ id: 1, start: 0, date: '2026-01-01', capacity: 1, accepts: ['snelrecht'] }], cases: [{ id: 1, modality: 'snelrecht', earliest: 0, latest: null, targetBy: null, detained: true, pinnedSessionId: 9 }] };
    await expect(planInWorker(problem as never)).rejects.toThrow(/De planner kon niet rekenen: .*onbekende zitting 9/);
  });

  it('runs from the file the Electron build makes (dist/electron/planner-worker.cjs)', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const built = path.join(root, 'dist/electron/planner-worker.cjs');
    if (!fs.existsSync(built)) execFileSync('npx', ['vite', 'build', '--config', 'vite.electron.config.ts', '--mode', 'planner-worker'], { cwd: root, stdio: 'ignore' });
    const { problem, options } = smallRandomInstance(7);
    const worker = new Worker(built);
    try {
      const reply = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 1, problem, options });
      });
      expect(reply).toEqual({ id: 1, ok: true, result: planHearings(problem, options) });
    } finally {
      await worker.terminate();
    }
  });
});
