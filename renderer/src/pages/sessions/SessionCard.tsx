import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../shared/api/contract';

/** One session in the week grid: type, time, capacity in words and as a bar, judge and prosecutor. */
export function SessionCard({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  const cancelled = session.status === 'cancelled';
  const fill = session.capacitySlots > 0 ? Math.min(1, session.booked / session.capacitySlots) : 0;
  return (
    <article
      className={`session-card session-${session.sessionType}${cancelled ? ' session-cancelled' : ''}${session.overbooked > 0 ? ' session-overbooked' : ''}`}
      data-session-id={session.id}
      aria-label={`${t(`sessionType.${session.sessionType}`)}, ${session.startTime}–${session.endTime}`}
    >
      <p className="session-type">{t(`sessionType.${session.sessionType}`)}</p>
      <p className="session-time">
        {session.startTime}–{session.endTime} · {t(`daypart.${session.daypart}`)}
      </p>
      {cancelled ? (
        <p className="session-status">
          {t('sessions.cancelled')}
          {session.booked > 0 && (
            <>
              {' · '}
              <strong>{t('sessions.replanCancelled', { count: session.booked })}</strong>
            </>
          )}
        </p>
      ) : (
        <>
          <p className="session-capacity">
            <span data-field="capacity">{t('sessions.slots', { count: session.capacitySlots })}</span>
            {' · '}
            <span data-field="booked">{t('sessions.booked', { count: session.booked })}</span>
            {' · '}
            <span data-field="free">{session.free === 0 ? t('sessions.full') : t('sessions.free', { count: session.free })}</span>
            {session.overbooked > 0 && (
              <>
                {' · '}
                <strong data-field="overbooked">{t('sessions.overbooked', { count: session.overbooked })}</strong>
              </>
            )}
          </p>
          <div
            className="fill-bar"
            role="img"
            aria-label={t('sessions.fillLabel', { booked: session.booked, capacity: session.capacitySlots })}
          >
            <div className="fill-bar-value" style={{ width: `${Math.round(fill * 100)}%` }} />
          </div>
        </>
      )}
      <p className="session-people">
        {session.judgeName ? t('sessions.judge', { name: session.judgeName }) : <strong>{t('sessions.noJudge')}</strong>}
        <br />
        {session.prosecutorName ? t('sessions.prosecutor', { name: session.prosecutorName }) : <strong>{t('sessions.noProsecutor')}</strong>}
      </p>
    </article>
  );
}
