import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { BackupsSection } from './BackupsSection';
import { RetentionSection } from './RetentionSection';
import { SettingsForm } from './SettingsForm';

/** The legal settings in force, with their source and whether the statute still needs checking, and the holidays. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const query = useOperationQuery('settings.get', {});
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      {query.isError && <ErrorPanel error={query.error} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.data && <SettingsForm overview={query.data} />}
      <RetentionSection />
      <p>
        <Link to="/instellingen/inzage-log">{t('disclosures.link')}</Link>
      </p>
      <BackupsSection />
    </>
  );
}
