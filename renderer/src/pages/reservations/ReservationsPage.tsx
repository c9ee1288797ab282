import { addDays, format } from 'date-fns';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportButton } from '../../components/ExportButton';
import { usePageTitle } from '../../components/usePageTitle';
import { BulkResult, type BulkOutcome } from '../queue/BulkResult';
import { BulkReleaseBar, type SelectedReservation } from './BulkReleaseBar';
import { ReserveForm } from './ReserveForm';
import { ReservationsTable } from './ReservationsTable';

/** For the prosecution: the next six weeks of sessions with reserved, filled and free slots; reserve and release. */
export function ReservationsPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('reservations.title'));
  const window = { from: format(today, 'yyyy-MM-dd'), to: format(addDays(today, 41), 'yyyy-MM-dd') };
  const query = useOperationQuery('reservations.list', window);
  const [onlyMine, setOnlyMine] = useState(false);
  const [ticked, setTicked] = useState<ReadonlyMap<number, SelectedReservation>>(new Map());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Clearing the selection or closing the result removes the control pressed: focus goes to the page's heading, not to nowhere. */
  const focusPage = () => headingRef.current?.focus();
  // Only open reservations in the list stay ticked (a released one drops out), each with its current version.
  const open = new Map(query.data?.sessions.flatMap((s) => s.reservations.filter((r) => r.status === 'open').map((r) => [r.id, r.version] as const)) ?? []);
  const selected = new Map([...ticked].filter(([id]) => open.has(id)).map(([id, r]) => [id, { ...r, version: open.get(id)! }]));
  const toggle = (id: number, version: number, label: string, checked: boolean) =>
    setTicked((previous) => {
      const next = new Map(previous);
      if (checked) next.set(id, { version, label });
      else next.delete(id);
      return next;
    });
  const releasedMany = (answer: { results: readonly { reservationId: number; ok: boolean; message?: string | undefined }[] }) => {
    const failed = answer.results.filter((r) => !r.ok).map((r) => r.reservationId);
    setOutcome({
      kind: 'released',
      results: answer.results.map((r) => ({ key: r.reservationId, label: ticked.get(r.reservationId)?.label ?? String(r.reservationId), ok: r.ok, message: r.message })),
    });
    setTicked((previous) => new Map([...previous].filter(([id]) => failed.includes(id))));
  };
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
      <h1 tabIndex={-1} ref={headingRef}>
        {t('reservations.title')}
      </h1>
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
          <ExportButton request={{ list: 'reservations', filters: window }} />
          {onlyMine && shown.length === 0 ? <p>{t('reservations.noneMine')}</p> : <ReservationsTable sessions={shown} selected={selected} onToggle={toggle} />}
          {outcome && (
            <BulkResult
              outcome={outcome}
              onClose={() => {
                focusPage();
                setOutcome(null);
              }}
            />
          )}
          {selected.size > 0 && (
            <BulkReleaseBar
              selected={selected}
              onClear={() => {
                focusPage();
                setTicked(new Map());
              }}
              onDone={releasedMany}
            />
          )}
        </>
      )}
    </>
  );
}
