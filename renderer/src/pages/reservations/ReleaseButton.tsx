import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { ActionButton } from '../../components/ActionButton';

/** Where the reservations table says once why its release buttons are disabled. */
export const RELEASE_UNAVAILABLE_ID = 'reservations-release-unavailable';

/** Release a reservation by hand: asks for the reason first. */
export function ReleaseButton({ reservationId, version, label }: { reservationId: number; version: number; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const release = useOperationMutation('reservations.release');
  if (!open) {
    return (
      <ActionButton mutation={release} reasonId={RELEASE_UNAVAILABLE_ID} onClick={() => setOpen(true)} aria-label={t('reservations.releaseFor', { what: label })}>
        {t('reservations.release')}
      </ActionButton>
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
      <ActionButton mutation={release} type="submit">
        {t('reservations.confirmRelease')}
      </ActionButton>
      <button type="button" onClick={() => setOpen(false)}>
        {t('reservations.cancel')}
      </button>
      {release.isError && <ErrorPanel error={release.error} />}
    </form>
  );
}
