// npm run bench:planner — the hearing planner against the HiGHS LP optimum on the same instances, same run.
import os from 'node:os';
import { createSeededRandom } from '../../server/services/demo/seeded-random';
import { HearingSolver } from '../../shared/planner/hearing-solver';
import { createIncrementalPlanner, planHearings } from '../../shared/planner/plan-hearings';
import type { PlanningProblem } from '../../shared/planner/planning-problem';
import { districtYear, sixWeekWindow, solveWithHighs } from '../../test/support/planner-instances';
import { medianMs, report } from './measure';

const YEARS = [700, 2800, 7000];
const DISTRICT_YEAR_TARGET_MS = 500;
const WINDOW_TARGET_MS = 50;
const REPLAN_P95_TARGET_MS = 10;

console.log(`Hearing planner benchmark: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'})`);
console.log('Planner time: planHearings with explanations, median of 5 after a warm-up. HiGHS: one LP solve (run only,');
console.log('model building not counted) on the full LP: every (case, session) pair the hard rules allow.');
console.log('"HiGHS reduced": the same LP restricted to the arcs the planner held (its candidates plus pricing).\n');

const rows: { name: string; productMs: number; baselineMs: number; target?: string }[] = [];
const objectiveLines: string[] = [];
let allExact = true;

for (const casesPerYear of YEARS) {
  const problem = districtYear(casesPerYear);
  const plan = planHearings(problem);
  const productMs = await medianMs(5, () => planHearings(problem));
  const solverMs = await medianMs(5, () => new HearingSolver(problem));
  const highs = await solveWithHighs(problem);
  const reduced = await solveWithHighs(problem, {}, heldArcs(problem));
  const exact = Math.round(highs.objective) === plan.objective && Math.round(reduced.objective) === plan.objective;
  allExact &&= exact;
  const label = `district-year ${casesPerYear.toLocaleString('en')} (${problem.cases.length.toLocaleString('en')} to plan)`;
  rows.push({
    name: label,
    productMs,
    baselineMs: highs.solveMs,
    target: `<= ${DISTRICT_YEAR_TARGET_MS} ms and <= 1/20 of HiGHS: ${productMs <= DISTRICT_YEAR_TARGET_MS && productMs * 20 <= highs.solveMs ? 'met' : 'NOT met'}`,
  });
  rows.push({ name: `  same, HiGHS on the reduced LP`, productMs, baselineMs: reduced.solveMs });
  rows.push({ name: `  same, solver only (no explanations)`, productMs: solverMs, baselineMs: highs.solveMs });
  objectiveLines.push(
    `${label.padEnd(44)} planner ${String(plan.objective).padStart(14)}  HiGHS ${highs.objective.toFixed(1).padStart(16)}  ratio ${(plan.objective / highs.objective).toFixed(6)}` +
      `  reduced ratio ${(plan.objective / reduced.objective).toFixed(6)}  ${exact ? 'exact' : 'NOT EXACT'}` +
      `  | columns ${highs.columns.toLocaleString('en')} (held ${plan.stats.candidateArcs.toLocaleString('en')}), pricing rounds ${plan.stats.pricingRounds},` +
      ` placed ${plan.placements.length}, infeasible ${plan.infeasible.length}, unplanned ${plan.unplanned.length}, split groups ${plan.splitGroups.length}`,
  );
}

for (const casesPerYear of [2800, 7000]) {
  const problem = sixWeekWindow(casesPerYear);
  const plan = planHearings(problem);
  const productMs = await medianMs(20, () => planHearings(problem));
  const highs = await solveWithHighs(problem);
  const exact = Math.round(highs.objective) === plan.objective;
  allExact &&= exact;
  rows.push({
    name: `6-week window, ${casesPerYear.toLocaleString('en')}/year (${problem.cases.length} cases)`,
    productMs,
    baselineMs: highs.solveMs,
    target: `<= ${WINDOW_TARGET_MS} ms: ${productMs <= WINDOW_TARGET_MS ? 'met' : 'NOT met'}`,
  });
  objectiveLines.push(`6-week window ${casesPerYear}/year`.padEnd(44) + ` planner ${String(plan.objective).padStart(14)}  HiGHS ${highs.objective.toFixed(1).padStart(16)}  ratio ${(plan.objective / highs.objective).toFixed(6)}  ${exact ? 'exact' : 'NOT EXACT'}`);
}

report('Planner vs HiGHS (baseline = HiGHS LP solve)', rows);
console.log('\nObjectives (same instance, same run):');
for (const line of objectiveLines) console.log(line);

console.log('\nReplanning one added or removed case (incremental: the flow is kept and repaired; plan stays optimal)');
for (const [name, problem] of [
  ['district-year 7,000', districtYear(7000)],
  ['6-week window 2,800/year', sixWeekWindow(2800)],
] as const) {
  const planner = createIncrementalPlanner(problem);
  const random = createSeededRandom(7);
  const times: number[] = [];
  for (let k = 0; k < 600; k++) {
    const c = random.pick(problem.cases);
    let started = performance.now();
    planner.removeCase(c.id);
    planner.takeChanged();
    times.push(performance.now() - started);
    started = performance.now();
    planner.addCase(c);
    planner.takeChanged();
    times.push(performance.now() - started);
  }
  const measured = times.slice(200).sort((a, b) => a - b);
  const q = (f: number) => measured[Math.min(measured.length - 1, Math.floor(f * measured.length))]!;
  const fresh = planHearings(problem).objective;
  allExact &&= planner.objective() === fresh;
  console.log(
    `${name.padEnd(30)} ${measured.length} ops: p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${q(1).toFixed(2)} ms` +
      `  target p95 <= ${REPLAN_P95_TARGET_MS} ms: ${q(0.95) <= REPLAN_P95_TARGET_MS ? 'met' : 'NOT met'}; objective after the ops ${planner.objective() === fresh ? 'equals' : 'DIFFERS FROM'} a fresh plan`,
  );
}
console.log(allExact ? '\nAll objectives equal the HiGHS optimum (ratio 1.000).' : '\nSOME OBJECTIVES DIFFER FROM THE HiGHS OPTIMUM.');
if (!allExact) process.exitCode = 1;

/** The arcs the planner's solver held, by case id: the reduced LP for the second HiGHS reference. */
function heldArcs(problem: PlanningProblem): Map<number, Set<number>> {
  const solver = new HearingSolver(problem);
  const held = new Map<number, Set<number>>();
  solver.flowCases.forEach((fc, i) => held.set(fc.c.id, new Set(solver.flow.arcSessionsOf(i).map((j) => solver.network.sessions[j]!.id))));
  return held;
}
