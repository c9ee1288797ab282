import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';

/** Go straight to a case by its parketnummer. */
export function CaseSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [parketnummer, setParketnummer] = useState('');
  const find = useOperationMutation('cases.find', { onSuccess: ({ id }) => void navigate(`/zaken/${id}`) });
  // An unknown parketnummer is not a failure of the app: say so at the field, with what to do (issue 11, item 11).
  const notFound = find.error instanceof ApiError && find.error.body.code === 'NOT_FOUND' ? find.error.body.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parketnummer.trim()) find.mutate({ parketnummer });
  };
  return (
    <form role="search" onSubmit={submit} className="filters" aria-label={t('queue.searchRegion')}>
      <TextField label={t('queue.searchLabel')} value={parketnummer} onChange={setParketnummer} hint={t('caseForm.parketnummerHint')} error={notFound} />
      <div className="actions">
        <button type="submit">{t('queue.searchButton')}</button>
      </div>
      {find.isError && !notFound && <ErrorPanel error={find.error} />}
    </form>
  );
}
