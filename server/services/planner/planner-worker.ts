import { parentPort } from 'node:worker_threads';
import { ZodError } from 'zod';
import { planHearings } from '../../../shared/planner/plan-hearings';
import { parsePlanOptions, parsePlanningProblem } from '../../../shared/planner/planning-problem';

export interface PlanRequest {
  id: number;
  problem: unknown;
  options: unknown;
}

/**
 * The planner's worker thread: the exact solver runs here, off the thread that answers the UI. The
 * input crosses a thread boundary, so it is validated again (shared/planner parse functions).
 */
parentPort?.on('message', (request: PlanRequest) => {
  try {
    const result = planHearings(parsePlanningProblem(request.problem), parsePlanOptions(request.options));
    parentPort!.postMessage({ id: request.id, ok: true, result });
  } catch (error) {
    const message = error instanceof ZodError ? error.issues.map((issue) => issue.message).join('; ') : error instanceof Error ? error.message : String(error);
    parentPort!.postMessage({ id: request.id, ok: false, message });
  }
});
