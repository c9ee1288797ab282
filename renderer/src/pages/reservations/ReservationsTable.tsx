import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReservationsOverview } from '../../../../shared/api/contract';
import { formatDate, formatInstant, formatShortDay } from '../../i18n/format';
import { ReleaseButton, RELEASE_UNAVAILABLE_ID } from './ReleaseButton';
import { NotConfirmed } from '../../components/sync/NotConfirmed';
import { UnavailableReason } from '../../components/sync/UnavailableReason';
import { useOperationAvailability } from '../../api/use-operation-availability';

type Session = ReservationsOverview['sessions'][number];

/** Upcoming sessions: capacity, booked, reserved/filled/unfilled, free, release date, and each reservation. */
export function ReservationsTable({
  sessions,
  selected,
  onToggle,
}: {
  sessions: readonly Session[];
  /** The open reservations ticked for a bulk release (by id), with the toggle; without them no tick boxes. */
  selected?: ReadonlyMap<number, unknown>;
  onToggle?: (reservationId: number, version: number, label: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const release = useOperationAvailability('reservations.release');
  if (sessions.length === 0) return <p>{t('reservations.noSessions')}</p>;
  return (
    <div className="table-scroll">
      <UnavailableReason availability={release} id={RELEASE_UNAVAILABLE_ID} />
      <table className="data-table">
        <caption>{t('reservations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reservations.colSession')}</th>
            <th scope="col">{t('reservations.colCapacity')}</th>
            <th scope="col">{t('reservations.colBooked')}</th>
            <th scope="col">{t('reservations.colReserved')}</th>
            <th scope="col">{t('reservations.colFree')}</th>
            <th scope="col">{t('reservations.colReservations')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionId}>
              <th scope="row">
                {formatShortDay(s.date)} {s.startTime}
                <br />
                <span className="muted">
                  {s.location}, {s.room} · {t(`sessionType.${s.sessionType}`, { defaultValue: s.sessionType })}
                </span>
                {/* A reservation made offline: its session is the outbox entry's subject (issue 14). */}
                <NotConfirmed subjects={[{ table: 'court_session', key: String(s.sessionId) }]} />
              </th>
              <td>{s.capacity}</td>
              <td>{s.booked}</td>
              <td>
                {s.reserved === 0
                  ? '—'
                  : t('reservations.reservedSummary', { reserved: s.reserved, filled: s.filled, unfilled: s.unfilled })}
                {s.releaseDueOn && (
                  <>
                    <br />
                    <span className="muted">{t('reservations.releaseOn', { date: formatDate(s.releaseDueOn) })}</span>
                  </>
                )}
              </td>
              <td>{s.free}</td>
              <td>
                {s.reservations.length === 0 ? (
                  '—'
                ) : (
                  <ul className="plain-list">
                    {s.reservations.map((r) => {
                      const what = t('reservations.block', { count: r.slots, modality: t(`modality.${r.modality}`) });
                      return (
                        <li key={r.id}>
                          {r.status === 'open' && selected && onToggle && (
                            <input
                              type="checkbox"
                              className="bulk-tick"
                              aria-label={t('reservations.bulk.select', { what: `${what}, ${formatShortDay(s.date)} ${s.startTime}` })}
                              checked={selected.has(r.id)}
                              onChange={(e) => onToggle(r.id, r.version, `${what}, ${formatShortDay(s.date)} ${s.startTime}`, e.target.checked)}
                            />
                          )}{' '}
                          <strong>{what}</strong>{' '}
                          {r.status === 'open'
                            ? t('reservations.openStatus', { filled: r.filled, unfilled: r.unfilled, by: r.reservedBy })
                            : t(r.releaseKind === 'auto' ? 'reservations.releasedAuto' : 'reservations.releasedManual', {
                                count: r.releasedSlots ?? 0,
                                by: r.releasedBy ?? '',
                                at: r.releasedAt ? formatInstant(r.releasedAt) : '',
                              })}
                          {r.note && <span className="muted"> ({r.note})</span>}
                          <NotConfirmed subjects={[{ table: 'reservation', key: String(r.id) }]} />
                          {r.fillingCases.length > 0 && (
                            <span className="filling-cases" data-testid={`filling-${r.id}`}>
                              {' '}
                              {t('reservations.filledBy')}{' '}
                              {r.fillingCases.map((c, i) => (
                                <span key={c.caseId}>
                                  {i > 0 && ', '}
                                  <Link to={`/zaken/${c.caseId}`}>{c.parketnummer}</Link>
                                </span>
                              ))}
                            </span>
                          )}
                          {r.status === 'open' && <ReleaseButton reservationId={r.id} version={r.version} label={`${what}, ${formatShortDay(s.date)} ${s.startTime}`} />}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
