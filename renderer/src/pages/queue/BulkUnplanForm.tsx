import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../../shared/api/contract';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { useFocusFirstError } from '../../forms/focus-first-error';
import { checkOperationInput } from '../../forms/validate-input';
import { selectionItems, type Selection } from './use-queue-selection';
import { ActionButton } from '../../components/ActionButton';

/**
 * The selected planned cases out of the planning (planner.unplanMany), back to the Werkvoorraad, each as
 * the single unplan does (the hearing kept as cancelled, audited); a case that is not planned is refused
 * for itself with the back end's Dutch reason.
 */
export function BulkUnplanForm({ selected, onDone }: { selected: Selection; onDone: (answer: OperationOutput<'planner.unplanMany'>) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  const mutation = useOperationMutation('planner.unplanMany', { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkOperationInput('planner.unplanMany', { items: selectionItems(selected), reason }, t, { labels: { reason: t('queue.bulk.unplan.reason') } });
    setErrors(checked.errors);
    if (checked.input) mutation.mutate(checked.input);
  };
  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby="bulk-unplan-title">
      <h2 id="bulk-unplan-title">{t('queue.bulk.unplan.title')}</h2>
      <p className="muted">{t('queue.bulk.unplan.hint')}</p>
      <div className="form-grid">
        <TextField label={t('queue.bulk.unplan.reason')} value={reason} onChange={setReason} error={errors['reason']} required />
      </div>
      {errors['items'] && (
        <p className="field-error" tabIndex={-1} data-form-error>
          {errors['items']}
        </p>
      )}
      <div className="actions">
        <ActionButton mutation={mutation} type="submit">
          {mutation.isPending ? t('queue.bulk.busy') : t('queue.bulk.unplan.submit', { count: selected.size })}
        </ActionButton>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
