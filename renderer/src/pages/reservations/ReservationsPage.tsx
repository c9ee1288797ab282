import { addDays, format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { ReserveForm } from './ReserveForm';
import { ReservationsTable } from './ReservationsTable';

/** For the prosecution: the next six weeks of sessions with reserved, filled and free slots; reserve and release. */
export function ReservationsPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('reservations.title'));
  const window = { from: format(today, 'yyyy-MM-dd'), to: format(addDays(today, 41), 'yyyy-MM-dd') };
  const query = useOperationQuery('reservations.list', window);
  return (
    <>
      <h1>{t('reservations.title')}</h1>
      <p>{t('reservations.intro', { count: query.data?.releaseWorkingDays ?? 2 })}</p>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.data && (
        <>
          <ReserveForm sessions={query.data.sessions} />
          <ReservationsTable sessions={query.data.sessions} />
        </>
      )}
    </>
  );
}
