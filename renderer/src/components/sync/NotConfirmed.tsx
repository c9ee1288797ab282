import { useTranslation } from 'react-i18next';
import type { PendingAction, SyncSubject } from '../../../../shared/api/sync-status';
import { useSyncState } from '../../api/sync-status-context';

/** The user's actions the district server has not yet confirmed whose main row is one of `subjects`. */
export function usePendingFor(subjects: readonly SyncSubject[]): PendingAction[] {
  const { status } = useSyncState();
  if (!status) return [];
  return status.pending.filter((action) => action.subject !== null && subjects.some((s) => s.table === action.subject!.table && s.key === action.subject!.key));
}

/**
 * "nog niet bevestigd" on a row the user changed while offline (issue 14): the change is in the local
 * copy and the outbox, the server has not yet accepted it. Nothing when there is no such action.
 */
export function NotConfirmed({ subjects }: { subjects: readonly SyncSubject[] }) {
  const { t } = useTranslation();
  const pending = usePendingFor(subjects);
  if (pending.length === 0) return null;
  return (
    <span className="not-confirmed" data-testid="not-confirmed">
      {t('sync.notConfirmed')}
      <span className="visually-hidden">: {pending.map((p) => p.summary).join('; ')}</span>
    </span>
  );
}
