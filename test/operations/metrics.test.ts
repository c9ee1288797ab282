import { afterEach, describe, expect, it } from 'vitest';
import type { Dashboard, MetricCases } from '../../shared/metrics/dashboard-schemas';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const PERIOD = { from: '2026-01-01', to: '2026-04-30' };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  const d = await openTestDistrict(tempDir(), { seed: 5, casesPerYear: 2800, asOf: '2026-06-15' });
  district = d;
  const handle = d.api({ actor: 'analist.test', today: () => '2026-06-15', now: () => new Date('2026-06-15T08:00:00Z') });
  const call = async <T,>(op: 'metrics.dashboard' | 'metrics.cases', input: unknown) => {
    const result = await handle(op, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  const count = async (sql: string, ...args: unknown[]) => (await d.row<{ n: number }>(sql, args))!.n;
  return { call, handle, count };
}

describe('the metrics dashboard on a demo district', () => {
  it('matches independent SQL counts, narrows with filters and drills to exactly the cases behind a figure', async () => {
    const { call, handle, count } = await setup();
    const d = await call<Dashboard>('metrics.dashboard', PERIOD);
    // Demo instants are UTC; the period in Amsterdam time starts 2025-12-31T23:00Z and ends 2026-04-30T21:59:59.999Z.
    expect(d.intake.total.value).toBe(await count("select count(*) as \"n\" from criminal_case where created_at between '2025-12-31T23:00:00.000Z' and '2026-04-30T21:59:59.999Z'"));
    expect(d.intake.total.value).toBeGreaterThan(100);
    expect(d.sessions.sessionsHeld).toBe(await count("select count(*) as \"n\" from court_session where status = 'scheduled' and date between '2026-01-01' and '2026-04-30'"));
    expect(d.sessions.slotsUsed.value).toBe(
      await count("select count(*) as \"n\" from hearing h join court_session s on s.id = h.session_id where s.status = 'scheduled' and s.date between '2026-01-01' and '2026-04-30' and h.status in ('planned','held','adjourned')"),
    );
    expect(d.adjournments.adjourned.value).toBe(
      await count("select count(*) as \"n\" from hearing h join court_session s on s.id = h.session_id where s.date between '2026-01-01' and '2026-04-30' and h.status = 'adjourned'"),
    );
    expect(d.backlog.reduce((sum, b) => sum + b.count, 0)).toBe(
      await count("select count(*) as \"n\" from criminal_case where status in ('intake','zsm_decided','awaiting_planning','planned','adjourned') and modality != 'zsm'"),
    );
    expect(d.legal.measured).toBeGreaterThan(0);
    expect(d.forecast).toHaveLength(8);

    const snelrecht = await call<Dashboard>('metrics.dashboard', { ...PERIOD, modality: 'snelrecht' });
    expect(snelrecht.intake.total.value).toBe(d.intake.byModality.find((m) => m.modality === 'snelrecht')!.count);
    const unit = d.options.policeUnits[0]!;
    const byUnit = await call<Dashboard>('metrics.dashboard', { ...PERIOD, policeUnit: unit });
    expect(byUnit.intake.total.value).toBe(d.intake.byPoliceUnit.find((u) => u.policeUnit === unit)!.count);
    const location = d.options.locations[0]!;
    const atLocation = await call<Dashboard>('metrics.dashboard', { ...PERIOD, locationId: location.id });
    expect(atLocation.sessions.sessionsHeld).toBeLessThan(d.sessions.sessionsHeld);
    expect(atLocation.intake.total.value).toBeLessThan(d.intake.total.value);

    for (const [drill, expected] of [
      [d.intake.total.drill, d.intake.total.value],
      [d.legal.drillMet, d.legal.met],
      [d.legal.drillMissed, d.legal.missed],
      [d.sessions.slotsUsed.drill, d.sessions.slotsUsed.value],
      [d.backlog[0]!.drill, d.backlog[0]!.count],
      [d.dateCertainty.drillMet, d.dateCertainty.met],
      [d.clearance.outgoing.drill, d.clearance.outgoing.value],
      [d.throughput.find((t) => t.from === 'arrest' && t.to === 'hearing')!.drill, d.throughput.find((t) => t.from === 'arrest' && t.to === 'hearing')!.count],
    ] as const) {
      const page = await call<MetricCases>('metrics.cases', { drill, filters: PERIOD, limit: 5 });
      expect(page.total, drill).toBe(expected);
    }
    const list = await call<MetricCases>('metrics.cases', { drill: d.legal.drillMissed, filters: PERIOD, limit: 500 });
    for (const row of list.rows) expect(row.dates.map((x) => x.label)).toContain('Uiterste zittingsdatum');

    const bad = await handle('metrics.cases', { drill: 'nonsense', filters: PERIOD });
    expect(bad.ok).toBe(false);
    const reversed = await handle('metrics.dashboard', { from: '2026-04-30', to: '2026-01-01' });
    expect(reversed.ok ? null : JSON.stringify(reversed.error)).toMatch(/einddatum/);
  });
});
