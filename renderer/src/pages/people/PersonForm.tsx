import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/domain/person';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { refreshAfterRotaChange } from './rota-queries';

/** Adds a judge or prosecutor to the rota. */
export function PersonForm() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: { name: string; role: PersonRole }) => api.call('people.save', input),
    onSuccess: () => {
      refreshAfterRotaChange(queryClient);
      setName('');
      setRole('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = contract['people.save'].input.safeParse({ name, role: role || undefined });
    const next: Record<string, string> = {};
    if (!checked.success) for (const issue of checked.error.issues) next[String(issue.path[0])] ??= issue.message;
    setErrors(next);
    if (checked.success) save.mutate({ name: checked.data.name, role: checked.data.role });
  };

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="person-form-title">
      <h2 id="person-form-title">{t('rota.addPerson')}</h2>
      <TextField label={t('rota.name')} value={name} onChange={setName} error={errors.name} hint={t('rota.nameHint')} />
      <SelectField
        label={t('rota.roleLabel')}
        value={role}
        onChange={(v) => setRole(v as PersonRole | '')}
        placeholder={t('rota.chooseRole')}
        options={PERSON_ROLES.map((r) => ({ value: r, label: t(`rota.role.${r}`) }))}
        error={errors.role}
      />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {t('rota.savePerson')}
        </button>
      </div>
      {save.isError && <ErrorPanel error={save.error} />}
      {save.isSuccess && (
        <p className="success" role="status">
          {t('rota.personSaved')}
        </p>
      )}
    </form>
  );
}
