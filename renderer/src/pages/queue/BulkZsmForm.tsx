import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../../shared/api/contract';
import { OTHER_ROUTES, ZSM_OUTCOMES, type OtherRoute, type ZsmOutcome } from '../../../../shared/domain/zsm-outcome';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { useFocusFirstError } from '../../forms/focus-first-error';
import { checkOperationInput } from '../../forms/validate-input';
import { selectionItems, type Selection } from './use-queue-selection';
import { ActionButton } from '../../components/ActionButton';

/**
 * One ZSM decision for every selected case (zsm.decideMany): the fields of the single decision form
 * (cases/ZsmDecisionForm.tsx), checked with the contract's own schema. The back end checks each case on
 * its own; `onDone` gets the answer per case.
 */
export function BulkZsmForm({ selected, onDone }: { selected: Selection; onDone: (answer: OperationOutput<'zsm.decideMany'>) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [otherRoute, setOtherRoute] = useState('');
  const [prosecutorName, setProsecutorName] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  const mutation = useOperationMutation('zsm.decideMany', { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      items: selectionItems(selected),
      outcome: outcome as ZsmOutcome,
      otherRoute: outcome === 'other_route' ? ((otherRoute || null) as OtherRoute | null) : null,
      prosecutorName,
      reason,
    };
    const checked = checkOperationInput('zsm.decideMany', input, t, {
      labels: { outcome: t('case.zsmOutcome'), otherRoute: t('case.otherRoute'), prosecutorName: t('case.zsmProsecutor'), reason: t('case.zsmReason') },
    });
    setErrors(checked.errors);
    if (checked.input) mutation.mutate(checked.input);
  };
  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby="bulk-zsm-title">
      <h2 id="bulk-zsm-title">{t('queue.bulk.zsmTitle')}</h2>
      <div className="form-grid">
        <SelectField
          label={t('case.zsmOutcome')}
          value={outcome}
          onChange={setOutcome}
          placeholder={t('case.chooseOutcome')}
          options={ZSM_OUTCOMES.map((o) => ({ value: o, label: t(`zsmOutcome.${o}`) }))}
          error={errors['outcome']}
          required
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
        <TextField label={t('case.zsmProsecutor')} value={prosecutorName} onChange={setProsecutorName} error={errors['prosecutorName']} required />
      </div>
      <FieldShell label={t('case.zsmReason')} error={errors['reason']} required>
        {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      {errors['items'] && (
        <p className="field-error" tabIndex={-1} data-form-error>
          {errors['items']}
        </p>
      )}
      <div className="actions">
        <ActionButton mutation={mutation} type="submit">
          {mutation.isPending ? t('case.zsmBusy') : t('queue.bulk.zsmSubmit', { count: selected.size })}
        </ActionButton>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
