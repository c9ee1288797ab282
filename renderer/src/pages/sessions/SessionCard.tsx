import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { amsterdamDate } from '../../../../shared/calendar/amsterdam-time';
import type { SessionSummary } from '../../../../shared/api/contract';
import { SessionRoll } from './SessionRoll';
import type { MoveRequest } from './MoveCaseDialog';

const DRAG_TYPE = 'application/x-ketenplanner-case';

/**
 * One session in the week grid: type, time, capacity in words and as a bar, judge and prosecutor, and
 * its roll. A planned case can be dragged onto another session (or moved with its button).
 */
export function SessionCard({ session, onMove }: { session: SessionSummary; onMove?: ((request: MoveRequest) => void) | undefined }) {
  const { t } = useTranslation();
  const [dropTarget, setDropTarget] = useState(false);
  const [today] = useState(() => amsterdamDate(Date.now()));
  const cancelled = session.status === 'cancelled';
  const fill = session.capacitySlots > 0 ? Math.min(1, session.booked / session.capacitySlots) : 0;
  const acceptsDrop = (event: DragEvent) => !cancelled && onMove !== undefined && event.dataTransfer.types.includes(DRAG_TYPE);
  const drop = (event: DragEvent) => {
    setDropTarget(false);
    if (!acceptsDrop(event)) return;
    event.preventDefault();
    const dragged = JSON.parse(event.dataTransfer.getData(DRAG_TYPE)) as Omit<MoveRequest, 'toSessionId'>;
    if (dragged.fromSessionId !== session.id) onMove?.({ ...dragged, toSessionId: session.id });
  };
  return (
    <article
      className={`session-card session-${session.sessionType}${cancelled ? ' session-cancelled' : ''}${session.overbooked > 0 ? ' session-overbooked' : ''}${dropTarget ? ' session-drop-target' : ''}`}
      data-session-id={session.id}
      aria-label={`${t(`sessionType.${session.sessionType}`)}, ${session.startTime}–${session.endTime}`}
      onDragOver={(event) => {
        if (!acceptsDrop(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={drop}
    >
      <p className="session-type">{t(`sessionType.${session.sessionType}`)}</p>
      <p className="session-time">
        {session.startTime}–{session.endTime} · {t(`daypart.${session.daypart}`)}
      </p>
      {cancelled ? (
        <>
          <p className="session-status">
            <strong>{t('sessions.cancelled')}</strong>
            {session.cancelReason && <>{': '}{session.cancelReason}</>}
            {session.booked > 0 && (
              <>
                {' · '}
                <strong>{t('sessions.replanCancelled', { count: session.booked })}</strong>
              </>
            )}
          </p>
          {(session.judgeName || session.prosecutorName) && (
            <p className="session-people muted">
              {t('sessions.wasAssigned', { people: [session.judgeName && t('sessions.judge', { name: session.judgeName }), session.prosecutorName && t('sessions.prosecutor', { name: session.prosecutorName })].filter(Boolean).join(', ') })}
            </p>
          )}
          {session.cancelledCases.length > 0 && (
            <details className="session-roll cancelled-cases" open data-testid="cancelled-cases">
              <summary>{t('sessions.cancelledCases', { count: session.cancelledCases.length })}</summary>
              <ul>
                {session.cancelledCases.map((c) => (
                  <li key={c.caseId} data-case-id={c.caseId}>
                    <Link to={`/zaken/${c.caseId}`}>{c.parketnummer}</Link>
                    {' · '}
                    {c.replanned ? t('sessions.cancelledCaseReplanned') : t('sessions.cancelledCaseInQueue')}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <>
          <p className="session-capacity">
            <span data-field="capacity">{t('sessions.slots', { count: session.capacitySlots })}</span>
            {' · '}
            <span data-field="booked">{t('sessions.booked', { count: session.booked })}</span>
            {session.reserved > 0 && (
              <>
                {' · '}
                <span data-field="reserved">{t('sessions.reserved', { count: session.reserved })}</span>
              </>
            )}
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
          <p className="session-people">
            {session.judgeName ? t('sessions.judge', { name: session.judgeName }) : <strong>{t('sessions.noJudge')}</strong>}
            <br />
            {session.prosecutorName ? t('sessions.prosecutor', { name: session.prosecutorName }) : <strong>{t('sessions.noProsecutor')}</strong>}
          </p>
        </>
      )}
      {!cancelled && session.date <= today && (
        <p className="session-outcomes-link">
          <Link to={`/zittingen/${session.id}/uitspraken`} aria-label={t('outcomes.recordLinkLabel', { type: t(`sessionType.${session.sessionType}`), time: session.startTime })}>
            {t('outcomes.recordLink')}
          </Link>
        </p>
      )}
      {!cancelled && session.cases.length > 0 && (
        <p className="session-court-roll-link no-print">
          <Link to={`/zittingen/${session.id}/rol`} aria-label={t('courtRoll.linkLabel', { type: t(`sessionType.${session.sessionType}`), time: session.startTime })}>
            {t('courtRoll.link')}
          </Link>
        </p>
      )}
      {session.cases.length > 0 && (
        <SessionRoll
          session={session}
          onDragStart={(entry, event) => {
            event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ caseId: entry.caseId, caseVersion: entry.caseVersion, parketnummer: entry.parketnummer, fromSessionId: session.id }));
            event.dataTransfer.effectAllowed = 'move';
          }}
          onMove={onMove && ((entry) => onMove({ caseId: entry.caseId, caseVersion: entry.caseVersion, parketnummer: entry.parketnummer, fromSessionId: session.id, toSessionId: null }))}
        />
      )}
    </article>
  );
}
