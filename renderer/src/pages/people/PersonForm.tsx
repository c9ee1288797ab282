import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/domain/person';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { ActionButton } from '../../components/ActionButton';

/** Adds a judge or prosecutor to the rota. */
export function PersonForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useOperationMutation('people.save', {
    onSuccess: () => {
      setName('');
      setRole('');
    },
  });
  const labels = { name: t('rota.name'), role: t('rota.roleLabel') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = checkOperationInput('people.save', { name, role: role || undefined }, t, { labels });
    setErrors(found);
    if (input) save.mutate(input);
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
        <ActionButton mutation={save} type="submit">
          {t('rota.savePerson')}
        </ActionButton>
      </div>
      {save.isError && <ErrorPanel error={save.error} fieldLabels={labels} />}
      {save.isSuccess && (
        <p className="success" role="status">
          {t('rota.personSaved')}
        </p>
      )}
    </form>
  );
}
