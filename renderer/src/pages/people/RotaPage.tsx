import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { AbsenceForm } from './AbsenceForm';
import { PeopleTable } from './PeopleTable';
import { PersonForm } from './PersonForm';
import { ROTA_QUERY_KEY } from './rota-queries';
import { RotaImport } from './RotaImport';
import { SessionAssignments } from './SessionAssignments';

/** The rota of judges and prosecutors: who is away, who sits on which session in the coming six weeks. */
export function RotaPage() {
  const { t } = useTranslation();
  usePageTitle(t('rota.title'));
  const api = useApi();
  const query = useQuery({ queryKey: ROTA_QUERY_KEY, queryFn: () => api.call('people.list', {}) });
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
