import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionSummary } from '../../../../shared/api/contract';

type RollEntry = SessionSummary['cases'][number];

/** The cases on a session: each links to its case, says why it is here, and can be moved (drag, or the button). */
export function SessionRoll({
  session,
  onDragStart,
  onMove,
}: {
  session: SessionSummary;
  onDragStart: (entry: RollEntry, event: DragEvent) => void;
  onMove: ((entry: RollEntry) => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <details className="session-roll" open>
      <summary>{t('sessions.roll', { count: session.cases.length })}</summary>
      <ul>
        {session.cases.map((entry) => {
          const movable = entry.status === 'planned' && onMove !== undefined;
          return (
            <li
              key={entry.caseId}
              className={`roll-case${movable ? ' roll-case-movable' : ''}`}
              data-case-id={entry.caseId}
              draggable={movable}
              onDragStart={movable ? (event) => onDragStart(entry, event) : undefined}
            >
              <Link to={`/zaken/${entry.caseId}`}>{entry.parketnummer}</Link>
              <span className="roll-modality">
                {' · '}
                {t(`modality.${entry.modality}`)}
              </span>
              {entry.pinned && (
                <>
                  {' · '}
                  <strong>{t('sessions.pinned')}</strong>
                </>
              )}
              {entry.status === 'held' && <> · {t('sessions.held')}</>}
              {entry.explanation && (
                <details className="roll-why">
                  <summary>{t('sessions.why')}</summary>
                  <p>{entry.explanation}</p>
                </details>
              )}
              {movable && (
                <button type="button" className="link-button" onClick={() => onMove(entry)} aria-label={t('sessions.moveCase', { parketnummer: entry.parketnummer })}>
                  {t('sessions.move')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
