import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../../shared/api/contract';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { ActionButton } from '../../components/ActionButton';

export interface SelectedReservation {
  version: number;
  label: string;
}

/** Releases every ticked reservation with one reason (reservations.releaseMany); each is checked on its own. */
export function BulkReleaseBar({
  selected,
  onClear,
  onDone,
}: {
  selected: ReadonlyMap<number, SelectedReservation>;
  onClear: () => void;
  onDone: (answer: OperationOutput<'reservations.releaseMany'>) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const release = useOperationMutation('reservations.releaseMany', { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const items = [...selected].map(([reservationId, r]) => ({ reservationId, expectedVersion: r.version }));
    const checked = checkOperationInput('reservations.releaseMany', { items, reason }, t, { labels: { reason: t('reservations.releaseReason') } });
    setErrors(checked.errors);
    if (checked.input) release.mutate(checked.input);
  };
  return (
    <section className="panel bulk-bar bulk-bar-sticky" aria-label={t('reservations.bulk.barLabel')} data-testid="bulk-release-bar">
      <div className="bulk-bar-head">
        <p aria-live="polite">{t('reservations.bulk.selected', { count: selected.size })}</p>
        <button type="button" onClick={onClear}>
          {t('queue.bulk.clear')}
        </button>
      </div>
      <form onSubmit={submit} noValidate className="inline-form">
        <TextField label={t('reservations.releaseReason')} value={reason} onChange={setReason} error={errors['reason']} />
        <ActionButton mutation={release} type="submit">
          {t('reservations.bulk.submit', { count: selected.size })}
        </ActionButton>
      </form>
      {errors['items'] && <p className="field-error">{errors['items']}</p>}
      {release.isError && <ErrorPanel error={release.error} />}
    </section>
  );
}
