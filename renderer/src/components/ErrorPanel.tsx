import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../shared/api/envelope';
import { ApiError } from '../api/api-error';
import { refreshAfterWrite } from '../api/use-operation-mutation';

/** The error as the back end described it; anything else (a transport or render fault) counts as INTERNAL. */
export function errorBodyOf(error: unknown): ApiErrorBody {
  return error instanceof ApiError ? error.body : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The app's one error panel: the Dutch message for the error code; the service's own Dutch message
 * where it explains the refusal (a conflict, a missing record, an input it refused itself); the wrong
 * fields by their label (`fieldLabels`: path → label, else the path); for a CONFLICT an 'Opnieuw
 * laden' action that refetches everything shown (and calls `onReload`, e.g. to reset a draft); and
 * 'Opnieuw proberen' when `onRetry` is given.
 */
export function ErrorPanel({
  error,
  onRetry,
  onReload,
  fieldLabels = {},
}: {
  error: unknown;
  onRetry?: (() => void) | undefined;
  onReload?: (() => void) | undefined;
  fieldLabels?: Readonly<Record<string, string>> | undefined;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const body = errorBodyOf(error);
  const details = body.details ?? [];
  // Conflicts, missing records and refusals without field details are explained by the service
  // itself, in Dutch (docs/architecture-decisions.md, 8).
  const serviceExplains =
    body.code === 'CONFLICT' || body.code === 'NOT_FOUND' || body.code === 'STORAGE_FULL' || body.code === 'UNAVAILABLE' || body.code === 'FORBIDDEN' || (body.code === 'INVALID_INPUT' && details.length === 0);
  const reload = () => {
    onReload?.();
    void refreshAfterWrite(queryClient);
  };
  return (
    <div role="alert" className="panel panel-error">
      <h2>{t('errors.title')}</h2>
      <p>{t(`errors.${body.code}`)}</p>
      {serviceExplains && body.message && <p>{body.message}</p>}
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {fieldLabels[detail.path] ?? fieldLabels[detail.path.split('.')[0] ?? ''] ?? <code>{detail.path}</code>}: {detail.message}
            </li>
          ))}
        </ul>
      )}
      {(body.code === 'CONFLICT' || onRetry) && (
        <div className="actions">
          {body.code === 'CONFLICT' && (
            <button type="button" onClick={reload}>
              {t('errors.reload')}
            </button>
          )}
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {t('app.retry')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
