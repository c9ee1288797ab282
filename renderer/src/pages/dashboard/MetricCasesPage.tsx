import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportButton } from '../../components/ExportButton';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNumber } from '../../i18n/format';
import { filtersFromParams, paramsFromFilters } from './dashboard-filters';

const PAGE_SIZE = 100;

/** The cases behind one dashboard figure ('/dashboard/zaken?drill=...'), with the dates that matter for it. */
export function MetricCasesPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.cases.title'));
  const [params, setParams] = useSearchParams();
  const drill = params.get('drill') ?? '';
  const offset = Math.max(0, Number(params.get('vanaf')) || 0);
  const filters = filtersFromParams(params, format(today, 'yyyy-MM-dd'));
  const list = useOperationQuery('metrics.cases', { drill, filters, offset, limit: PAGE_SIZE });
  const back = `/dashboard?${paramsFromFilters(filters).toString()}`;
  const goTo = (next: number) => {
    const copy = new URLSearchParams(params);
    copy.set('vanaf', String(next));
    setParams(copy);
  };
  const kind = drill.split(':')[0] ?? '';
  const value = drill.includes(':') ? decodeURIComponent(drill.slice(drill.indexOf(':') + 1)) : '';

  return (
    <>
      <p><Link to={back}>{t('dashboard.cases.back')}</Link></p>
      <h1>{t('dashboard.cases.title')}</h1>
      <p>{t(`dashboard.drill.${kind}`, { value, defaultValue: drill })} · {formatDate(filters.from)} – {formatDate(filters.to)}</p>
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <p role="status">{t('dashboard.loading')}</p>}
      {list.data && list.data.total === 0 && <p>{t('dashboard.noData')}</p>}
      {list.data && list.data.total > 0 && (
        <>
          <ExportButton request={{ list: 'metricCases', filters: { drill, filters } }} />
          <table className="data-table">
            <caption>{t('dashboard.cases.caption', { count: list.data.total, from: formatNumber(offset + 1), to: formatNumber(offset + list.data.rows.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.cases.parketnummer')}</th>
                <th scope="col">{t('dashboard.modality')}</th>
                <th scope="col">{t('dashboard.policeUnit')}</th>
                <th scope="col">{t('dashboard.cases.dates')}</th>
                <th scope="col">{t('dashboard.cases.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((row, i) => (
                <tr key={`${row.caseId}-${i}`}>
                  <th scope="row"><Link to={`/zaken/${row.caseId}`}>{row.parketnummer}</Link></th>
                  <td>{t(`modality.${row.modality}`)}</td>
                  <td>{row.policeUnit}</td>
                  <td>{row.dates.map((d) => `${d.label}: ${formatDate(d.value)}`).join(' · ')}</td>
                  <td>{row.detail ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            {offset > 0 && <button type="button" onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>{t('dashboard.cases.previous')}</button>}
            {offset + PAGE_SIZE < list.data.total && <button type="button" onClick={() => goTo(offset + PAGE_SIZE)}>{t('dashboard.cases.next')}</button>}
          </div>
        </>
      )}
    </>
  );
}
