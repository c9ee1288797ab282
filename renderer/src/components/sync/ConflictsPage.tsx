import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ConflictChoice, SyncConflict } from '../../../../shared/api/sync-status';
import { useSyncState } from '../../api/sync-status-context';
import { formatInstant } from '../../i18n/format';
import { usePageTitle } from '../usePageTitle';
import { adaptTarget, serverNowRows } from './server-now';

/**
 * Issue 14, the conflict inbox: the actions the user took offline that the district server refused.
 * Per action what the user wanted, the server's reason and what the server holds now; then Opnieuw
 * proberen (sent again, as a new action), Aanpassen (out of the inbox, to the case or session to do it
 * by hand) or Laten vallen. The last two remove it from the inbox and ask first. Every choice is
 * recorded on the server (sync.resolveConflict).
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  usePageTitle(t('sync.conflicts.title'));
  const { status } = useSyncState();
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflicts = status?.conflicts ?? [];
  return (
    <>
      <h1 tabIndex={-1} ref={headingRef}>
        {t('sync.conflicts.title')}
      </h1>
      <p>{t('sync.conflicts.intro')}</p>
      <p role="status" className="conflict-done">
        {done}
      </p>
      {conflicts.length === 0 ? (
        <p>{t('sync.conflicts.none')}</p>
      ) : (
        <ol className="conflict-list">
          {conflicts.map((conflict) => (
            <ConflictEntry
              key={conflict.id}
              conflict={conflict}
              onDone={(message) => {
                setDone(message);
                headingRef.current?.focus();
              }}
            />
          ))}
        </ol>
      )}
    </>
  );
}

function ConflictEntry({ conflict, onDone }: { conflict: SyncConflict; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { source, refresh } = useSyncState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<'adapt' | 'drop' | null>(null);
  /** 'Nee, terug' gives the focus back to the button that asked. */
  const returnFocusTo = useRef<'adapt' | 'drop' | null>(null);
  const buttons = useRef(new Map<'adapt' | 'drop', HTMLButtonElement>());
  useEffect(() => {
    if (asking || !returnFocusTo.current) return;
    buttons.current.get(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [asking]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const titleId = `conflict-${conflict.id}`;
  const questionId = `conflict-${conflict.id}-question`;
  // Codes by the names the rest of the app uses; comma-separated lists (a session's modalities) item by item.
  const codeNames: Readonly<Record<string, (code: string) => string>> = {
    modality: (code) => t(`modality.${code}`, { defaultValue: code }),
    accepted_modalities: (code) => t(`modality.${code}`, { defaultValue: code }),
    accepted_filler_kinds: (code) => t(`fillerKind.${code}`, { defaultValue: code }),
    outcome: (code) => t(`hearingOutcome.${code}`, { defaultValue: code }),
    session_type: (code) => t(`sessionType.${code}`, { defaultValue: code }),
    daypart: (code) => t(`daypart.${code}`, { defaultValue: code }),
  };
  const valueLabel = (column: string, value: string) => {
    const name = codeNames[column];
    return name ? value.split(',').filter(Boolean).map(name).join(', ') : null;
  };
  const rows = serverNowRows(conflict.serverNow, formatInstant, conflict.subject?.table ?? null, valueLabel);

  const choose = (choice: ConflictChoice) => {
    if (!source) return;
    setBusy(true);
    setFailed(null);
    source
      .resolveConflict(conflict.id, choice)
      .then(async (answer) => {
        if (!answer.ok) {
          setFailed(t('sync.conflicts.failed', { message: answer.message }));
          return;
        }
        await refresh();
        await queryClient.invalidateQueries();
        if (choice === 'adapt') void navigate(adaptTarget(conflict.operation, conflict.subject, conflict.serverNow));
        onDone(t(`sync.conflicts.done.${choice}`, { summary: conflict.summary }));
      })
      .catch((error: unknown) => setFailed(t('sync.conflicts.failed', { message: error instanceof Error ? error.message : String(error) })))
      .finally(() => {
        setBusy(false);
        setAsking(null);
      });
  };

  return (
    <li className="panel conflict-entry" aria-labelledby={titleId}>
      <p className="conflict-kicker">{t('sync.conflicts.wanted')}</p>
      <h2 id={titleId}>{conflict.summary}</h2>
      <p className="muted">{t('sync.conflicts.recordedAt', { at: formatInstant(conflict.createdAt) })}</p>
      <dl className="conflict-facts">
        <dt>{t('sync.conflicts.reason')}</dt>
        <dd className="conflict-reason">{conflict.reason}</dd>
        <dt>{t('sync.conflicts.serverNow')}</dt>
        <dd>
          {rows.length === 0 ? (
            t('sync.conflicts.serverNowNone')
          ) : (
            rows.map((row, index) => (
              <div key={index} className="server-now-row">
                <p className="server-now-title">{row.title}</p>
                <dl className="server-now-fields">
                  {row.fields.map((field) => (
                    <div key={field.label}>
                      <dt>{field.label}</dt>
                      <dd>{field.value}</dd>
                    </div>
                  ))}
                </dl>
                {row.hidden > 0 && <p className="muted">{t('sync.conflicts.more', { count: row.hidden })}</p>}
              </div>
            ))
          )}
        </dd>
      </dl>
      {asking ? (
        <div className="conflict-confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>
            <strong>{t(asking === 'drop' ? 'sync.conflicts.confirmDrop' : 'sync.conflicts.confirmAdapt')}</strong>
          </p>
          <button type="button" disabled={busy} onClick={() => choose(asking)}>
            {t('sync.conflicts.confirmYes', { choice: t(`sync.conflicts.${asking}`).toLowerCase() })}
          </button>{' '}
          {/* The focus on the harmless answer: Enter pressed twice on 'Laten vallen' (or held) must not confirm it. */}
          <button
            type="button"
            className="secondary"
            disabled={busy}
            autoFocus
            onClick={() => {
              returnFocusTo.current = asking;
              setAsking(null);
            }}
          >
            {t('sync.conflicts.confirmNo')}
          </button>
        </div>
      ) : (
        <div className="conflict-actions">
          <button type="button" disabled={busy || !source} aria-label={t('sync.conflicts.redoLabel', { summary: conflict.summary })} onClick={() => choose('redo')}>
            {t('sync.conflicts.redo')}
          </button>{' '}
          <button type="button" className="secondary" disabled={busy || !source} aria-label={t('sync.conflicts.adaptLabel', { summary: conflict.summary })}
            ref={(element) => {
              if (element) buttons.current.set('adapt', element);
            }}
            onClick={() => setAsking('adapt')}
          >
            {t('sync.conflicts.adapt')}
          </button>{' '}
          <button type="button" className="secondary" disabled={busy || !source} aria-label={t('sync.conflicts.dropLabel', { summary: conflict.summary })}
            ref={(element) => {
              if (element) buttons.current.set('drop', element);
            }}
            onClick={() => setAsking('drop')}
          >
            {t('sync.conflicts.drop')}
          </button>
        </div>
      )}
      {failed && <p role="alert">{failed}</p>}
    </li>
  );
}
