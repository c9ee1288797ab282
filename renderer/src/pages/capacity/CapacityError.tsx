import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { ErrorPanel } from '../../components/ErrorPanel';

/** The error panel; for an input the service refused itself, with its Dutch message (it names the field). */
export function CapacityError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const body = error instanceof ApiError ? error.body : null;
  if (body?.code !== 'INVALID_INPUT' || body.details?.length) return <ErrorPanel error={error} />;
  return (
    <div role="alert" className="panel panel-error">
      <h2>{t('errors.title')}</h2>
      <p>{t('errors.INVALID_INPUT')}</p>
      <p>{body.message}</p>
    </div>
  );
}
