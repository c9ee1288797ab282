import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../../shared/api/sync-status';
import { useSyncState } from '../../api/sync-status-context';
import { formatNumber } from '../../i18n/format';
import { tableName } from './server-now';
import { formatSyncMoment } from './sync-format';

/** The connection line in words: "Verbonden met planner.example" or "Offline sinds 10:42, gegevens van 10:41". */
export function connectionText(status: SyncStatus, host: string, now: Date, t: (key: string, options?: Record<string, unknown>) => string): string {
  const asOf = status.dataAsOf ? formatSyncMoment(status.dataAsOf, now) : null;
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
export function SyncStatusBar({ now = () => new Date() }: { now?: () => Date }) {
  const { t } = useTranslation();
  const { status, host, source, refresh } = useSyncState();
  const [busy, setBusy] = useState(false);
  if (!status || !host || !source) return null;
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
      {status.conflicts.length > 0 && (
        <Link to="/conflicten" className="sync-conflicts-link">
          {t('sync.conflictsLink', { count: status.conflicts.length })}
        </Link>
      )}
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
    </section>
  );
}
