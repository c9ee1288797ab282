import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OTHER_ROUTES, ZSM_OUTCOMES, type OtherRoute, type ZsmOutcome } from '../../../../shared/domain/zsm-outcome';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { ActionButton } from '../../components/ActionButton';

/** What the OvJ decided at the ZSM table, with who and why; checked with the contract's own schema. */
/** `version`: the case's version as loaded; the decision is refused when the case changed since (CONFLICT). */
export function ZsmDecisionForm({ caseId, version }: { caseId: number; version: number }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [otherRoute, setOtherRoute] = useState('');
  const [prosecutorName, setProsecutorName] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useOperationMutation('zsm.decide');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      caseId,
      outcome: outcome as ZsmOutcome,
      otherRoute: outcome === 'other_route' ? ((otherRoute || null) as OtherRoute | null) : null,
      prosecutorName,
      reason,
      expectedVersion: version,
    };
    const checked = checkOperationInput('zsm.decide', input, t, {
      labels: { outcome: t('case.zsmOutcome'), otherRoute: t('case.otherRoute'), prosecutorName: t('case.zsmProsecutor'), reason: t('case.zsmReason') },
    });
    setErrors(checked.errors);
    if (checked.input) mutation.mutate(checked.input);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="zsm-title">
      <h2 id="zsm-title">{t('case.zsmTitle')}</h2>
      <div className="form-grid">
        <SelectField
          label={t('case.zsmOutcome')}
          required
          value={outcome}
          onChange={setOutcome}
          placeholder={t('case.chooseOutcome')}
          options={ZSM_OUTCOMES.map((o) => ({ value: o, label: t(`zsmOutcome.${o}`) }))}
          error={errors['outcome']}
        />
        {outcome === 'other_route' && (
          <SelectField
            label={t('case.otherRoute')}
            value={otherRoute}
            onChange={setOtherRoute}
            placeholder={t('case.chooseRoute')}
            options={OTHER_ROUTES.map((r) => ({ value: r, label: t(`otherRoute.${r}`) }))}
            error={errors['otherRoute']}
          />
        )}
        <TextField label={t('case.zsmProsecutor')} required value={prosecutorName} onChange={setProsecutorName} error={errors['prosecutorName']} />
      </div>
      <FieldShell label={t('case.zsmReason')} error={errors['reason']} required>
        {(a11y) => <textarea {...a11y} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <ActionButton mutation={mutation} type="submit">
          {mutation.isPending ? t('case.zsmBusy') : t('case.zsmSubmit')}
        </ActionButton>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
