import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { SettingsForm } from './SettingsForm';

/** The legal settings in force, with their source and whether the statute still needs checking, and the holidays. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const api = useApi();
  const query = useQuery({ queryKey: ['settings.get'], queryFn: () => api.call('settings.get', {}) });
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      {query.isError && <ErrorPanel error={query.error} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.data && <SettingsForm key={JSON.stringify(query.data.values)} overview={query.data} />}
    </>
  );
}
