import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { ActionButton } from '../../components/ActionButton';

/** Marks a returned decision as reworked, with what was corrected; the back end checks it is complete now. */
export function ReworkForm({
  handoffId,
  version,
  parketnummer,
  onDone,
}: {
  handoffId: number;
  /** The hand-off's version as loaded: refused (CONFLICT) when it changed since. */
  version: number;
  parketnummer: string;
  onDone: (parketnummer: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const rework = useOperationMutation('cjib.markReworked', { onSuccess: () => onDone(parketnummer) });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('handoff.reworkFor', { parketnummer })}>
        {t('handoff.rework')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors } = checkOperationInput('cjib.markReworked', { handoffId, reason, expectedVersion: version }, t, {
      labels: { reason: t('handoff.reworkReason') },
    });
    setError(errors['reason']);
    if (input) rework.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form" aria-label={t('handoff.reworkFor', { parketnummer })}>
      <TextField label={t('handoff.reworkReason')} value={reason} onChange={setReason} error={error} />
      <ActionButton mutation={rework} type="submit">
        {t('handoff.reworkConfirm')}
      </ActionButton>
      <button type="button" onClick={() => setOpen(false)}>
        {t('handoff.cancel')}
      </button>
      {rework.isError && <ErrorPanel error={rework.error} />}
    </form>
  );
}
