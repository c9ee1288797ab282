import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '../../../../shared/domain/review';
import { reviewPeriodRange } from '../../../../shared/metrics/review-period';
import { saveAgreementInputSchema, type Agreement } from '../../../../shared/review/register-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { checkFields } from '../../forms/validate-input';
import { DateField } from '../../components/DateTimeInputs';
import { ActionButton } from '../../components/ActionButton';

interface Props {
  period: string;
  editing: Agreement | null;
  onDone: () => void;
}

/** New agreement, or a change to one; a status change asks why (kept in the audit trail). */
export function AgreementForm({ period, editing, onDone }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    what: editing?.what ?? '',
    owner: editing?.owner ?? '',
    dueOn: editing?.dueOn ?? '',
    status: editing?.status ?? 'open',
    evidence: editing?.evidence ?? '',
    reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useOperationMutation('review.agreements.save', { onSuccess: onDone });
  const labels = {
    what: t('review.form.what'),
    owner: t('review.form.owner'),
    dueOn: t('review.form.dueOn'),
    status: t('review.form.status'),
    evidence: t('review.form.evidence'),
    reason: t('review.form.reason'),
  };
  const set = (field: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const statusChanged = editing !== null && editing.status !== draft.status;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const candidate = { ...draft, id: editing?.id ?? null, period: editing?.period ?? period };
    const { data, errors: found } = checkFields(saveAgreementInputSchema, candidate, t, { labels });
    if (data && data.status === 'done' && !data.evidence) found['evidence'] = t('review.form.evidenceRequired');
    if (data && statusChanged && !data.reason) found['reason'] = t('review.form.reasonRequired');
    // A due date before its review period began is a typing error (the back end refuses it too).
    const periodStart = data ? reviewPeriodRange(data.period).from : '';
    if (data && data.dueOn < periodStart) found['dueOn'] = t('review.form.dueBeforePeriod', { start: periodStart.split('-').reverse().join('-') });
    setErrors(found);
    if (data && Object.keys(found).length === 0) save.mutate(data);
  };

  return (
    <form className="panel register-form" onSubmit={submit} noValidate aria-labelledby="agreement-form-title">
      <h3 id="agreement-form-title">{editing ? t('review.form.editAgreement') : t('review.form.newAgreement', { period })}</h3>
      <p className="field-hint">{t('review.form.requiredNote')}</p>
      <FieldShell label={t('review.form.what')} error={errors['what']}>
        {(a11y) => <textarea {...a11y} rows={3} value={draft.what} onChange={(e) => set('what')(e.target.value)} />}
      </FieldShell>
      <TextField label={t('review.form.owner')} value={draft.owner} onChange={set('owner')} error={errors['owner']} />
      <DateField label={t('review.form.dueOn')} value={draft.dueOn} onChange={set('dueOn')} error={errors['dueOn']} />
      <SelectField
        label={t('review.form.status')}
        value={draft.status}
        onChange={set('status')}
        placeholder={t('review.form.chooseStatus')}
        options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`review.agreementStatus.${s}`) }))}
        error={errors['status']}
      />
      <FieldShell label={t('review.form.evidence')} error={errors['evidence']}>
        {(a11y) => <textarea {...a11y} rows={2} value={draft.evidence} onChange={(e) => set('evidence')(e.target.value)} />}
      </FieldShell>
      {statusChanged && <TextField label={t('review.form.reason')} value={draft.reason} onChange={set('reason')} error={errors['reason']} />}
      {save.isError && <ErrorPanel error={save.error} fieldLabels={labels} />}
      <div className="actions">
        <ActionButton mutation={save} type="submit">
          {save.isPending ? t('review.form.saving') : t('review.form.saveAgreement')}
        </ActionButton>{' '}
        <button type="button" onClick={onDone}>
          {t('review.form.cancel')}
        </button>
      </div>
    </form>
  );
}
