import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../../shared/api/sync-status';
import { useSyncState } from '../../api/sync-status-context';
import { formatNumber } from '../../i18n/format';
import { tableName } from './server-now';
import { formatSyncMoment } from './sync-format';

/**
 * The connection line in words: "Verbonden met planner.example" or "Offline sinds 10:42, gegevens van 10:41";
 * started offline without a sign-in (issue 14): "… · niet aangemeld", and once the server answers again
 * "Server weer bereikbaar: meld u aan om uw 2 wijzigingen te versturen".
 */
export function connectionText(status: SyncStatus, host: string, now: Date, t: (key: string, options?: Record<string, unknown>) => string): string {
  const asOf = status.dataAsOf ? formatSyncMoment(status.dataAsOf, now) : null;
  if (status.signIn === 'signedOut') {
    if (status.connection === 'signed-out') return status.pending.length > 0 ? t('sync.serverBack', { count: status.pending.length }) : t('sync.serverBackNothing');
    return `${connectionText({ ...status, signIn: 'signedIn' }, host, now, t)} · ${t('sync.notSignedIn')}`;
  }
  if (status.connection === 'signed-out') return t('sync.signedOut');
  if (status.connection === 'online') return t('sync.online', { host });
  const since = formatSyncMoment(status.offlineSince ?? status.dataAsOf ?? now.toISOString(), now);
  return asOf ? t('sync.offline', { since, asOf }) : t('sync.offlineNoData', { since });
}

/**
 * Issue 14, in the header of a desktop connected to a district server: online or offline (in words, a
 * polite status for screen readers), the actions not yet confirmed by the server with a list, a link to
 * the conflicts, and 'Nu bijwerken'. Renders nothing standalone or in a browser.
 */
export function SyncStatusBar({ now = () => new Date(), onSignedIn = () => window.location.reload() }: { now?: () => Date; onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const { status, host, source, refresh } = useSyncState();
  const [busy, setBusy] = useState(false);
  const [signingIn, setSigningIn] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  if (!status || !host || !source) return null;
  // Started offline, the server answers again: sign in (the system browser) to send the outbox.
  const mayAskSignIn = status.signIn === 'signedOut' && status.connection === 'signed-out' && source.signIn !== undefined;
  const signIn = () => {
    if (!source.signIn) return;
    setBusy(true);
    setSigningIn(true);
    setSignInError(null);
    source
      .signIn()
      .then((answer) => {
        // Who is signed in (and so the roles, the copy) may have changed: the app starts over.
        if (answer.ok) onSignedIn();
        else setSignInError(t('sync.signInFailed', { message: answer.message }));
      })
      .catch(() => setSignInError(t('sync.signInFailed', { message: t('desktopStart.failed') })))
      .finally(() => {
        setBusy(false);
        setSigningIn(false);
        void refresh();
      });
  };
  const offline = status.connection !== 'online';
  const pendingCount = status.pending.length;
  const moment = now();
  return (
    <section className={`sync-status${offline ? ' sync-offline' : ''}`} aria-label={t('sync.region')}>
      <p role="status" aria-live="polite" className="sync-line">
        <span>{connectionText(status, host, moment, t)}</span>
        {status.firstCopy && (
          <span> · {status.firstCopy.table ? t('sync.firstCopy', { table: tableName(status.firstCopy.table).toLowerCase(), rows: formatNumber(status.firstCopy.rows) }) : t('sync.firstCopyStarting')}</span>
        )}
        {status.syncing && !status.firstCopy && <span> · {t('sync.syncing')}</span>}
        {pendingCount > 0 && <span className="visually-hidden">, {t('sync.pending', { count: pendingCount })}</span>}
      </p>
      {pendingCount > 0 && (
        <details className="sync-pending">
          <summary>{t('sync.pending', { count: pendingCount })}</summary>
          <ul aria-label={t('sync.pendingListLabel')}>
            {status.pending.map((action) => (
              <li key={action.requestId}>
                {action.summary} <span className="sync-pending-at">({t('sync.pendingAt', { at: formatSyncMoment(action.createdAt, moment) })})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {status.waitingFor && status.waitingFor.pending > 0 && <p className="sync-waiting">{t('sync.waitingFor', { count: status.waitingFor.pending, owner: status.waitingFor.owner })}</p>}
      {signingIn && <p className="sync-signing-in">{t('sync.signingIn')}</p>}
      {signInError && <p role="alert">{signInError}</p>}
      {mayAskSignIn && (
        <button type="button" className="sync-sign-in" disabled={busy} onClick={signIn}>
          {t('sync.signIn')}
        </button>
      )}
      {status.conflicts.length > 0 && (
        <Link to="/conflicten" className="sync-conflicts-link">
          {t('sync.conflictsLink', { count: status.conflicts.length })}
        </Link>
      )}
      {/* Signed out with the server back, only a sign-in moves on: one button, not a second that seems to. */}
      {!mayAskSignIn && (
        <button
          type="button"
          disabled={busy || status.syncing}
          onClick={() => {
            setBusy(true);
            source
              .syncNow()
              .catch(() => undefined)
              .finally(() => {
                setBusy(false);
                void refresh();
              });
          }}
        >
          {t('sync.syncNow')}
        </button>
      )}
    </section>
  );
}
