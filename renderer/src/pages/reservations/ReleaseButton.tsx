import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';

/** Release a reservation by hand: asks for the reason first. */
export function ReleaseButton({ reservationId, version, label }: { reservationId: number; version: number; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const release = useOperationMutation('reservations.release');
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('reservations.releaseFor', { what: label })}>
        {t('reservations.release')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors } = checkOperationInput('reservations.release', { reservationId, reason, expectedVersion: version }, t, {
      labels: { reason: t('reservations.releaseReason') },
    });
    setError(errors['reason']);
    if (input) release.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <TextField label={t('reservations.releaseReason')} value={reason} onChange={setReason} error={error} />
      <button type="submit" disabled={release.isPending}>
        {t('reservations.confirmRelease')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('reservations.cancel')}
      </button>
      {release.isError && <ErrorPanel error={release.error} />}
    </form>
  );
}
