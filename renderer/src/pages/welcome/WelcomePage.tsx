import { useTranslation } from 'react-i18next';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ActionButton } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { CreateDistrictForm } from './CreateDistrictForm';

/** Shown while the database holds no district: create one, or open the demo district. */
export function WelcomePage() {
  const { t } = useTranslation();
  const demo = useOperationMutation('demo.load');
  return (
    <>
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <div className="welcome-options">
        <section className="panel" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('welcome.demoTitle')}</h2>
          <p>{t('welcome.demoText')}</p>
          <ActionButton mutation={demo} onClick={() => demo.mutate({})}>
            {demo.isPending ? t('welcome.demoBusy') : t('welcome.demoButton')}
          </ActionButton>
          {demo.isPending && <p role="status">{t('welcome.demoBusy')}</p>}
          {demo.isError && <ErrorPanel error={demo.error} />}
        </section>
        <section className="panel">
          <CreateDistrictForm />
        </section>
      </div>
    </>
  );
}
