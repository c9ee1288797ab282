import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compareSeverity, type ProblemSeverity } from '../../../../shared/domain/problem-severity';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportButton } from '../../components/ExportButton';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLongDay } from '../../i18n/format';

/** The severity as text (never colour alone); the badge colours reuse the work queue's urgency styles. */
const SEVERITY_CLASS: Record<ProblemSeverity, string> = { critical: 'urgency-overdue', warning: 'urgency-soon', info: 'urgency-none' };

/** Everything in the coming six weeks that needs a coordinator, most severe first, each linked to its week or case. */
export function ProblemsPage() {
  const { t } = useTranslation();
  usePageTitle(t('problems.title'));
  const query = useOperationQuery('planner.problems', {}, { refetchInterval: 60_000 });
  const problems = query.data && [...query.data].sort((a, b) => compareSeverity(a.severity, b.severity) || a.date.localeCompare(b.date));
  return (
    <>
      <h1>{t('problems.title')}</h1>
      <p>{t('problems.intro')}</p>
      {query.isError && <ErrorPanel error={query.error} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {problems && problems.length === 0 && <p>{t('problems.none')}</p>}
      {problems && problems.length > 0 && <ExportButton request={{ list: 'problems', filters: {} }} />}
      {problems && problems.length > 0 && (
        <table className="data-table" data-testid="problems">
          <caption>{t('problems.caption', { count: problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('problems.colSeverity')}</th>
              <th scope="col">{t('problems.colDate')}</th>
              <th scope="col">{t('problems.colKind')}</th>
              <th scope="col">{t('problems.colSubject')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.kind}-${p.sessionId ?? ''}-${p.caseId ?? ''}-${i}`}>
                <td>
                  <span className={`badge ${SEVERITY_CLASS[p.severity]}`}>{t(`problems.severity.${p.severity}`)}</span>
                </td>
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
