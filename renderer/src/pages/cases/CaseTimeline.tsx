import { useTranslation } from 'react-i18next';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatInstant, formatNumber } from '../../i18n/format';

/** The case from offence to completed execution, oldest first, with the throughput times. */
export function CaseTimeline({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const query = useOperationQuery('cases.timeline', { caseId });
  const days = (n: number | null) => (n === null ? t('timeline.unknown') : t('timeline.days', { count: n, formatted: formatNumber(n) }));
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {query.isError && <ErrorPanel error={query.error} />}
      {!query.data && !query.isError && <p role="status">{t('app.loading')}</p>}
      {query.data && (
        <>
          <dl className="definition-list" data-testid="timeline-throughput">
            <dt>{t('timeline.arrestToHearing')}</dt>
            <dd>{days(query.data.throughput.arrestToHearingDays)}</dd>
            <dt>{t('timeline.offenceToCompleted')}</dt>
            <dd>{query.data.throughput.completedAt === null ? t('timeline.notCompleted') : days(query.data.throughput.offenceToCompletedDays)}</dd>
          </dl>
          {query.data.entries.length === 0 ? (
            <p>{t('timeline.empty')}</p>
          ) : (
            <ol className="timeline" data-testid="case-timeline">
              {query.data.entries.map((entry, index) => (
                <li key={`${entry.at}-${entry.kind}-${index}`} data-kind={entry.kind}>
                  <time dateTime={entry.at}>{formatInstant(entry.at)}</time> · <strong>{entry.what}</strong>
                  {entry.who && <span className="muted"> · {t('timeline.who', { who: entry.who })}</span>}
                  {entry.why && <div>{t('timeline.why', { why: entry.why })}</div>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
