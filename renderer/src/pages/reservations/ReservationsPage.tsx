import { addDays, format } from 'date-fns';
import { useState } from 'react';
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
  const [onlyMine, setOnlyMine] = useState(false);
  // A prosecutor's own reservations: the sessions where they reserved, with only their reservations.
  const shown = query.data
    ? onlyMine
      ? query.data.sessions
          .map((s) => ({ ...s, reservations: s.reservations.filter((r) => r.reservedBy === query.data.actor) }))
          .filter((s) => s.reservations.length > 0)
      : query.data.sessions
    : [];
  return (
    <>
      <h1>{t('reservations.title')}</h1>
      <p>{t('reservations.intro', { count: query.data?.releaseWorkingDays ?? 2 })}</p>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.data && (
        <>
          <ReserveForm sessions={query.data.sessions} />
          <div className="checkbox">
            <input id="reservations-mine" type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
            <label htmlFor="reservations-mine">{t('reservations.onlyMine', { actor: query.data.actor })}</label>
          </div>
          {onlyMine && shown.length === 0 ? <p>{t('reservations.noneMine')}</p> : <ReservationsTable sessions={shown} />}
        </>
      )}
    </>
  );
}
