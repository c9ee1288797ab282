import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLongDay } from '../../i18n/format';

export const PROBLEMS_QUERY_KEY = ['planner.problems'] as const;

/** Everything in the coming six weeks that needs a coordinator, each linked to its week or case. */
export function ProblemsPage() {
  const { t } = useTranslation();
  usePageTitle(t('problems.title'));
  const api = useApi();
  const query = useQuery({ queryKey: PROBLEMS_QUERY_KEY, queryFn: () => api.call('planner.problems', {}), refetchInterval: 60_000 });
  return (
    <>
      <h1>{t('problems.title')}</h1>
      <p>{t('problems.intro')}</p>
      {query.isError && <ErrorPanel error={query.error} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.data && query.data.length === 0 && <p>{t('problems.none')}</p>}
      {query.data && query.data.length > 0 && (
        <table className="data-table" data-testid="problems">
          <caption>{t('problems.caption', { count: query.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('problems.colDate')}</th>
              <th scope="col">{t('problems.colKind')}</th>
              <th scope="col">{t('problems.colSubject')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((p, i) => (
              <tr key={`${p.kind}-${p.sessionId ?? ''}-${p.caseId ?? ''}-${i}`}>
                <td>{formatLongDay(p.date)}</td>
                <td>{t(`problems.kind.${p.kind}`)}</td>
                <td>{p.caseId !== null ? <Link to={`/zaken/${p.caseId}`}>{p.subject}</Link> : <Link to={`/zittingen?week=${p.date}`}>{p.subject}</Link>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
