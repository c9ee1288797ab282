import { useTranslation } from 'react-i18next';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatInstant } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('nl-NL')} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/**
 * The backups of the district file: date, size and the result of SQLite's integrity_check of each,
 * and a button for a new one. Restoring happens outside the running app (start-up screen or
 * `ketenplanner restore`), so the page says how instead of offering a button.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const query = useOperationQuery('backups.list', {});
  const create = useOperationMutation('backups.create');
  return (
    <section aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p>{t('backups.intro')}</p>
      {query.data && (
        <p>
          {t('backups.folder')} <code>{query.data.folder}</code>.{' '}
          {t('backups.retention', { keepLast: query.data.keepLast, keepMonths: query.data.keepMonths })}
        </p>
      )}
      <div className="actions">
        <ActionButton mutation={create} onClick={() => create.mutate({})}>
          {t('backups.create')}
        </ActionButton>
      </div>
      {create.isPending && <p role="status">{t('backups.creating')}</p>}
      {create.isSuccess && <p role="status">{t('backups.created', { fileName: create.data.backup.fileName })}</p>}
      {create.isError && <ErrorPanel error={create.error} />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.data && query.data.backups.length === 0 && <p>{t('backups.none')}</p>}
      {query.data && query.data.backups.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('backups.colDate')}</th>
              <th scope="col">{t('backups.colReason')}</th>
              <th scope="col">{t('backups.colSize')}</th>
              <th scope="col">{t('backups.colCheck')}</th>
              <th scope="col">{t('backups.colFile')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.backups.map((backup) => (
              <tr key={backup.fileName}>
                <td>{formatInstant(backup.createdAt)}</td>
                <td>{t(`backups.reason.${backup.reason}`)}</td>
                <td>{formatSize(backup.sizeBytes)}</td>
                <td>{backup.ok ? t('backups.checkOk') : t('backups.checkDamaged', { problem: backup.problems[0] ?? '' })}</td>
                <td>
                  <code>{backup.fileName}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="field-hint">{t('backups.restoreHint')}</p>
    </section>
  );
}
