import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL_STATUSES } from '../../../../shared/domain/review';
import { saveSignalInputSchema, type WorkSignal } from '../../../../shared/review/register-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { checkFields } from '../../forms/validate-input';
import { DateField } from '../../components/DateTimeInputs';
import { ActionButton } from '../../components/ActionButton';

/** New work-floor signal, or a change to one; closing it asks what was done, a status change asks why. */
export function SignalForm({ editing, today, onDone }: { editing: WorkSignal | null; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    raisedOn: editing?.raisedOn ?? today,
    raisedBy: editing?.raisedBy ?? '',
    description: editing?.description ?? '',
    status: editing?.status ?? 'open',
    actionTaken: editing?.actionTaken ?? '',
    reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useOperationMutation('review.signals.save', { onSuccess: onDone });
  const labels = {
    raisedOn: t('review.form.raisedOn'),
    raisedBy: t('review.form.raisedBy'),
    description: t('review.form.description'),
    status: t('review.form.status'),
    actionTaken: t('review.form.actionTaken'),
    reason: t('review.form.reason'),
  };
  const set = (field: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const statusChanged = editing !== null && editing.status !== draft.status;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { data, errors: found } = checkFields(saveSignalInputSchema, { ...draft, id: editing?.id ?? null }, t, { labels });
    if (data && data.raisedOn > today) found['raisedOn'] = t('review.form.futureDate');
    if (data && (data.status === 'resolved' || data.status === 'not_taken_up') && !data.actionTaken) {
      found['actionTaken'] = t('review.form.actionRequired');
    }
    if (data && statusChanged && !data.reason) found['reason'] = t('review.form.reasonRequired');
    setErrors(found);
    if (data && Object.keys(found).length === 0) save.mutate(data);
  };

  return (
    <form className="panel register-form" onSubmit={submit} noValidate aria-labelledby="signal-form-title">
      <h3 id="signal-form-title">{editing ? t('review.form.editSignal') : t('review.form.newSignal')}</h3>
      <DateField label={t('review.form.raisedOn')} value={draft.raisedOn} onChange={set('raisedOn')} error={errors['raisedOn']} />
      <TextField label={t('review.form.raisedBy')} value={draft.raisedBy} onChange={set('raisedBy')} error={errors['raisedBy']} />
      <FieldShell label={t('review.form.description')} error={errors['description']}>
        {(a11y) => <textarea {...a11y} rows={3} value={draft.description} onChange={(e) => set('description')(e.target.value)} />}
      </FieldShell>
      <SelectField
        label={t('review.form.status')}
        value={draft.status}
        onChange={set('status')}
        placeholder={t('review.form.chooseStatus')}
        options={SIGNAL_STATUSES.map((s) => ({ value: s, label: t(`review.signalStatus.${s}`) }))}
        error={errors['status']}
      />
      <FieldShell label={t('review.form.actionTaken')} error={errors['actionTaken']}>
        {(a11y) => <textarea {...a11y} rows={2} value={draft.actionTaken} onChange={(e) => set('actionTaken')(e.target.value)} />}
      </FieldShell>
      {statusChanged && <TextField label={t('review.form.reason')} value={draft.reason} onChange={set('reason')} error={errors['reason']} />}
      {save.isError && <ErrorPanel error={save.error} fieldLabels={labels} />}
      <div className="actions">
        <ActionButton mutation={save} type="submit">
          {save.isPending ? t('review.form.saving') : t('review.form.saveSignal')}
        </ActionButton>{' '}
        <button type="button" onClick={onDone}>
          {t('review.form.cancel')}
        </button>
      </div>
    </form>
  );
}
