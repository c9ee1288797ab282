import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/metrics/dashboard-schemas';
import { formatNumber, formatPercent } from '../../i18n/format';
import { DrillLink } from './DashboardCharts';

type Table = Dashboard['fairness']['byPoliceUnit'];

/** Deadline compliance and waiting time per group, with differences beyond the margin stated in words. */
export function FairnessSection({ data, search }: { data: Dashboard; search: string }) {
  const { t } = useTranslation();
  const { complianceMarginPoints, waitingMarginDays } = data.fairness;
  return (
    <section aria-labelledby="fairness-title">
      <h2 id="fairness-title">{t('dashboard.fairness.title')}</h2>
      <p>{t('dashboard.fairness.intro', { points: complianceMarginPoints, days: waitingMarginDays })}</p>
      <FairnessTable caption={t('dashboard.fairness.byUnit')} groupHeader={t('dashboard.fairness.unit')} table={data.fairness.byPoliceUnit} search={search} />
      <FairnessTable caption={t('dashboard.fairness.byLocation')} groupHeader={t('dashboard.fairness.location')} table={data.fairness.byLocation} search={search} />
    </section>
  );
}

function FairnessTable({ caption, groupHeader, table, search }: { caption: string; groupHeader: string; table: Table; search: string }) {
  const { t } = useTranslation();
  const rate = (r: number | null) => (r === null ? t('dashboard.noData') : formatPercent(r));
  const days = (d: number | null) => (d === null ? t('dashboard.noData') : t('dashboard.days', { count: d }));
  if (table.groups.length === 0) return <p>{caption}: {t('dashboard.noData')}</p>;
  return (
    <table className="data-table fairness-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{groupHeader}</th>
          <th scope="col">{t('dashboard.fairness.cases')}</th>
          <th scope="col">{t('dashboard.legal')}</th>
          <th scope="col">{t('dashboard.fairness.waiting')}</th>
          <th scope="col">{t('dashboard.fairness.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {table.groups.map((g) => {
          const notes: string[] = [];
          if (g.complianceFlagged && g.complianceDifference !== null)
            notes.push(t(g.complianceDifference < 0 ? 'dashboard.fairness.lower' : 'dashboard.fairness.higher', { points: formatNumber(Math.abs(g.complianceDifference)) }));
          if (g.waitingFlagged && g.waitingDifference !== null)
            notes.push(t(g.waitingDifference > 0 ? 'dashboard.fairness.longer' : 'dashboard.fairness.shorter', { count: Math.abs(g.waitingDifference) }));
          return (
            <tr key={g.key} className={notes.length > 0 ? 'flagged' : undefined}>
              <th scope="row">{g.label}</th>
              <td><DrillLink drill={g.drill} search={search}>{formatNumber(g.cases)}</DrillLink></td>
              <td>{rate(g.complianceRate)}</td>
              <td>{days(g.medianWaitingDays)}</td>
              <td>{notes.length > 0 ? <strong>{notes.join('; ')}</strong> : g.cases < 10 ? t('dashboard.fairness.tooFew') : '–'}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">{t('dashboard.fairness.district')}</th>
          <td>{formatNumber(table.overall.cases)}</td>
          <td>{rate(table.overall.complianceRate)}</td>
          <td>{days(table.overall.medianWaitingDays)}</td>
          <td>–</td>
        </tr>
      </tbody>
    </table>
  );
}
