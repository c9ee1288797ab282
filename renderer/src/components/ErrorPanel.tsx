import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** Shows a failure in Dutch: the message for its code, and which fields were wrong. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const body = error instanceof ApiError ? error.body : { code: 'INTERNAL' as const, message: String(error) };
  return (
    <div role="alert" className="panel panel-error">
      <h2>{t('errors.title')}</h2>
      <p>{t(`errors.${body.code}`)}</p>
      {/* Conflicts and missing records are explained by the service itself, in Dutch (docs/architecture-decisions.md, 8). */}
      {(body.code === 'CONFLICT' || body.code === 'NOT_FOUND') && <p>{body.message}</p>}
      {body.details && body.details.length > 0 && (
        <ul>
          {body.details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              <code>{detail.path}</code>: {detail.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
