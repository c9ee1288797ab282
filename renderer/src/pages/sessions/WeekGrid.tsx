import { useTranslation } from 'react-i18next';
import type { WeekOverview } from '../../../../shared/api/contract';
import { formatLongDay, formatShortDay, isoWeekNumber } from '../../i18n/format';
import { SessionCard } from './SessionCard';
import type { MoveRequest } from './MoveCaseDialog';

/**
 * Per court location a table: rooms down, court days (Monday to Friday) across. Compact: only type,
 * time, places and the cases, small, so the source and target of a drag fit on one screen.
 */
export function WeekGrid({ week, onMove, compact = false }: { week: WeekOverview; onMove?: ((request: MoveRequest) => void) | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  // Court days are Monday to Friday; a weekend day gets a column only when it holds a session.
  const used = new Set(week.locations.flatMap((l) => l.rooms.flatMap((r) => r.sessions.map((s) => s.date))));
  const weekdays = week.days.filter((day, index) => index < 5 || used.has(day));
  return (
    <div className={compact ? 'week-compact' : undefined}>
      {week.locations.map((location) => (
        <section key={location.id} aria-labelledby={`location-${location.id}`} className="location">
          <h2 id={`location-${location.id}`}>{location.name}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('sessions.tableRegion', { location: location.name })}>
            <table className="week-grid">
              <caption className="visually-hidden">
                {t('sessions.locationCaption', { location: location.name, week: isoWeekNumber(week.weekStart) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.room')}</th>
                  {weekdays.map((day) => (
                    <th scope="col" key={day}>
                      <abbr title={formatLongDay(day)}>{formatShortDay(day)}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {location.rooms.map((room) => (
                  <tr key={room.id}>
                    <th scope="row">{room.name}</th>
                    {weekdays.map((day) => {
                      const sessions = room.sessions.filter((s) => s.date === day);
                      return (
                        <td key={day}>
                          {sessions.length === 0 ? (
                            <span className="muted">{t('sessions.noneInRoom')}</span>
                          ) : (
                            sessions.map((session) => <SessionCard key={session.id} session={session} onMove={onMove} />)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
