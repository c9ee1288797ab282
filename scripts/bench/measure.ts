/** Median wall time of `runs` calls (after one warm-up), in milliseconds. */
export async function medianMs(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function report(title: string, rows: { name: string; productMs: number; baselineMs: number; target?: string }[]): void {
  console.log(`\n${title}`);
  console.log('name'.padEnd(44), 'product ms'.padStart(11), 'baseline ms'.padStart(12), 'ratio'.padStart(8), '  target');
  for (const r of rows) {
    console.log(r.name.padEnd(44), r.productMs.toFixed(1).padStart(11), r.baselineMs.toFixed(1).padStart(12), (r.productMs / r.baselineMs).toFixed(2).padStart(8), `  ${r.target ?? ''}`);
  }
}
