import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MODALITIES } from '../../../../shared/domain/modality';
import type { Dashboard } from '../../../../shared/metrics/dashboard-schemas';
import { formatMonth, formatNumber, formatPercent, formatShortDay } from '../../i18n/format';
import { ChartFigure } from './ChartFigure';

/** Colours with at least 3:1 contrast on white; every series is also named in the legend and the table. */
const COLOURS = ['#1f4e79', '#b35900', '#2e7d32', '#6a1b9a', '#5d4037'];
const pct = (rate: number | null) => (rate === null ? '–' : formatPercent(rate));
const num = (n: number | null) => (n === null ? '–' : formatNumber(n));

export function DrillLink({ drill, search, children }: { drill: string; search: string; children: React.ReactNode }) {
  return <Link to={`/dashboard/zaken?${new URLSearchParams({ drill, ...Object.fromEntries(new URLSearchParams(search)) }).toString()}`}>{children}</Link>;
}

export function DashboardCharts({ data, search }: { data: Dashboard; search: string }) {
  const { t } = useTranslation();
  const modalityName = (m: string) => t(`modality.${m}`);
  const stepName = (s: string) => t(`dashboard.steps.${s}`);
  const intakeWeeks = data.intake.weekly.map((w) => ({ week: formatShortDay(w.weekStart), ...w.byModality }));
  const fillWeeks = data.sessions.weekly.map((w) => ({ week: formatShortDay(w.weekStart), fill: w.fillRate === null ? null : Math.round(w.fillRate * 100) }));
  const months = data.complianceMonthly.map((m) => ({ month: formatMonth(m.month), legal: m.legalRate === null ? null : Math.round(m.legalRate * 100), target: m.targetRate === null ? null : Math.round(m.targetRate * 100) }));
  const chain = data.throughput.filter((p) => isConsecutive(p.from, p.to) || (p.from === 'arrest' && (p.to === 'hearing' || p.to === 'executed')));
  const throughputBars = chain.map((p) => ({ pair: `${stepName(p.from)} → ${stepName(p.to)}`, median: p.median, p80: p.p80, p90: p.p90 }));
  const forecast = data.forecast.map((w) => ({ week: formatShortDay(w.weekStart), expected: w.expectedTotal, free: w.freeSlots }));
  const busiestWeek = [...data.intake.weekly].sort((a, b) => b.total - a.total)[0];

  return (
    <div className="dashboard-charts">
      <ChartFigure
        title={t('dashboard.charts.intake')}
        summary={t('dashboard.charts.intakeSummary', { total: formatNumber(data.intake.total.value), weeks: data.intake.weekly.length, busiest: busiestWeek ? formatShortDay(busiestWeek.weekStart) : '–' })}
        chart={
          <ResponsiveContainer>
            <BarChart data={intakeWeeks}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis allowDecimals={false} tickFormatter={formatNumber} />
              <Tooltip formatter={(v) => formatNumber(Number(v))} />
              <Legend />
              {MODALITIES.map((m, i) => (
                <Bar key={m} dataKey={m} name={modalityName(m)} stackId="intake" fill={COLOURS[i]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <table className="data-table">
            <caption>{t('dashboard.charts.intake')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.week')}</th>
                {MODALITIES.map((m) => <th key={m} scope="col">{modalityName(m)}</th>)}
                <th scope="col">{t('dashboard.total')}</th>
              </tr>
            </thead>
            <tbody>
              {data.intake.weekly.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{formatShortDay(w.weekStart)}</th>
                  {MODALITIES.map((m) => <td key={m}>{formatNumber(w.byModality[m])}</td>)}
                  <td><DrillLink drill={w.drill} search={search}>{formatNumber(w.total)}</DrillLink></td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFigure
        title={t('dashboard.charts.fill')}
        summary={t('dashboard.charts.fillSummary', { rate: pct(data.sessions.fillRate) })}
        chart={
          <ResponsiveContainer>
            <LineChart data={fillWeeks}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis unit="%" domain={[0, 'auto']} />
              <Tooltip />
              <Line dataKey="fill" name={t('dashboard.fillRate')} stroke={COLOURS[0]} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} />
            </LineChart>
          </ResponsiveContainer>
        }
        table={
          <table className="data-table">
            <caption>{t('dashboard.charts.fill')}</caption>
            <thead><tr><th scope="col">{t('dashboard.week')}</th><th scope="col">{t('dashboard.available')}</th><th scope="col">{t('dashboard.used')}</th><th scope="col">{t('dashboard.fillRate')}</th></tr></thead>
            <tbody>
              {data.sessions.weekly.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{formatShortDay(w.weekStart)}</th>
                  <td>{formatNumber(w.available)}</td>
                  <td><DrillLink drill={w.drill} search={search}>{formatNumber(w.used)}</DrillLink></td>
                  <td>{pct(w.fillRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFigure
        title={t('dashboard.charts.compliance')}
        summary={t('dashboard.charts.complianceSummary', { legal: pct(data.legal.rate), target: pct(data.target.rate) })}
        chart={
          <ResponsiveContainer>
            <LineChart data={months}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis unit="%" domain={[0, 100]} />
              <Tooltip />
              <Legend />
              <Line dataKey="legal" name={t('dashboard.legal')} stroke={COLOURS[0]} strokeWidth={2} dot={{ r: 4 }} />
              <Line dataKey="target" name={t('dashboard.target')} stroke={COLOURS[1]} strokeWidth={2} strokeDasharray="6 3" dot={{ r: 4, strokeDasharray: '' }} />
            </LineChart>
          </ResponsiveContainer>
        }
        table={
          <table className="data-table">
            <caption>{t('dashboard.charts.compliance')}</caption>
            <thead><tr><th scope="col">{t('dashboard.month')}</th><th scope="col">{t('dashboard.legal')}</th><th scope="col">{t('dashboard.target')}</th></tr></thead>
            <tbody>
              {data.complianceMonthly.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month)}</th>
                  <td><DrillLink drill={m.drill} search={search}>{pct(m.legalRate)} ({t('dashboard.ofCases', { count: m.legalMeasured })})</DrillLink></td>
                  <td>{pct(m.targetRate)} ({t('dashboard.ofCases', { count: m.targetMeasured })})</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFigure
        title={t('dashboard.charts.throughput')}
        summary={t('dashboard.charts.throughputSummary', { pairs: chain.filter((p) => p.count > 0).length })}
        chart={
          <ResponsiveContainer>
            <BarChart data={throughputBars} layout="vertical" margin={{ left: 160 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" unit=" d" />
              <YAxis type="category" dataKey="pair" width={200} />
              <Tooltip />
              <Legend />
              <Bar dataKey="median" name={t('dashboard.median')} fill={COLOURS[0]} />
              <Bar dataKey="p80" name={t('dashboard.p80')} fill={COLOURS[1]} />
              <Bar dataKey="p90" name={t('dashboard.p90')} fill={COLOURS[3]} />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <table className="data-table">
            <caption>{t('dashboard.throughputTable')}</caption>
            <thead><tr><th scope="col">{t('dashboard.pair')}</th><th scope="col">{t('dashboard.casesColumn')}</th><th scope="col">{t('dashboard.median')}</th><th scope="col">{t('dashboard.p80')}</th><th scope="col">{t('dashboard.p90')}</th></tr></thead>
            <tbody>
              {data.throughput.map((p) => (
                <tr key={`${p.from}-${p.to}`}>
                  <th scope="row">{stepName(p.from)} → {stepName(p.to)}</th>
                  <td><DrillLink drill={p.drill} search={search}>{formatNumber(p.count)}</DrillLink></td>
                  <td>{num(p.median)}</td>
                  <td>{num(p.p80)}</td>
                  <td>{num(p.p90)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFigure
        title={t('dashboard.charts.backlog')}
        summary={t('dashboard.charts.backlogSummary', { total: formatNumber(data.backlog.reduce((s, b) => s + b.count, 0)) })}
        chart={
          <ResponsiveContainer>
            <BarChart data={data.backlog.map((b) => ({ bucket: t(`dashboard.buckets.${b.bucket}`), count: b.count }))}>
              <CartesianGrid strokeDasharray="3 3" />
              {/* Every bucket keeps its label ('29-56 dagen' was dropped for lack of room): all ticks, smaller. */}
              <XAxis dataKey="bucket" interval={0} tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name={t('dashboard.casesColumn')} fill={COLOURS[0]} label={{ position: 'top' }} />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <table className="data-table">
            <caption>{t('dashboard.charts.backlog')}</caption>
            <thead><tr><th scope="col">{t('dashboard.age')}</th><th scope="col">{t('dashboard.casesColumn')}</th></tr></thead>
            <tbody>
              {data.backlog.map((b) => (
                <tr key={b.bucket}><th scope="row">{t(`dashboard.buckets.${b.bucket}`)}</th><td><DrillLink drill={b.drill} search={search}>{formatNumber(b.count)}</DrillLink></td></tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFigure
        title={t('dashboard.charts.forecast')}
        summary={t('dashboard.charts.forecastSummary', { expected: formatNumber(data.forecast[0]?.expectedTotal ?? 0), short: data.forecast.filter((w) => w.expectedTotal > w.freeSlots).length })}
        chart={
          <ResponsiveContainer>
            <ComposedChart data={forecast}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Bar dataKey="free" name={t('dashboard.freeSlots')} fill={COLOURS[2]} />
              <Line dataKey="expected" name={t('dashboard.expected')} stroke={COLOURS[1]} strokeWidth={3} dot={{ r: 5 }} />
            </ComposedChart>
          </ResponsiveContainer>
        }
        table={
          <table className="data-table">
            <caption>{t('dashboard.charts.forecast')}</caption>
            <thead><tr><th scope="col">{t('dashboard.week')}</th><th scope="col">{t('dashboard.expected')}</th><th scope="col">{t('dashboard.capacity')}</th><th scope="col">{t('dashboard.freeSlots')}</th><th scope="col">{t('dashboard.planned')}</th></tr></thead>
            <tbody>
              {data.forecast.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{formatShortDay(w.weekStart)}</th>
                  <td>{formatNumber(w.expectedTotal)}</td>
                  <td>{formatNumber(w.capacitySlots)}</td>
                  <td>{formatNumber(w.freeSlots)}{w.expectedTotal > w.freeSlots ? ` (${t('dashboard.short')})` : ''}</td>
                  <td><DrillLink drill={w.drill} search={search}>{formatNumber(w.planned)}</DrillLink></td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </div>
  );
}

const ORDER = ['arrest', 'zsm', 'hearing', 'judgment', 'handoff', 'acknowledged', 'executed'];
const isConsecutive = (a: string, b: string) => ORDER.indexOf(b) === ORDER.indexOf(a) + 1;
