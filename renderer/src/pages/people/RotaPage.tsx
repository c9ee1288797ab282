import { useTranslation } from 'react-i18next';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { AbsenceForm } from './AbsenceForm';
import { PeopleTable } from './PeopleTable';
import { PersonForm } from './PersonForm';
import { RotaImport } from './RotaImport';
import { SessionAssignments } from './SessionAssignments';

/** The rota of judges and prosecutors: who is away, who sits on which session in the coming six weeks. */
export function RotaPage() {
  const { t } = useTranslation();
  usePageTitle(t('rota.title'));
  const query = useOperationQuery('people.list', {});
  const rota = query.data;
  return (
    <>
      <h1>{t('rota.title')}</h1>
      <p>{t('rota.intro')}</p>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {rota && (
        <>
          <PeopleTable caption={t('rota.judgesCaption')} persons={rota.persons.filter((p) => p.role !== 'ovj')} />
          <PeopleTable caption={t('rota.prosecutorsCaption')} persons={rota.persons.filter((p) => p.role === 'ovj')} />
          <div className="welcome-options">
            <PersonForm />
            <AbsenceForm persons={rota.persons.filter((p) => p.active)} />
          </div>
          <SessionAssignments rota={rota} />
          <RotaImport />
        </>
      )}
    </>
  );
}
