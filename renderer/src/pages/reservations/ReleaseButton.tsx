import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';

/** Release a reservation by hand: asks for the reason first. */
export function ReleaseButton({ reservationId, label }: { reservationId: number; label: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const release = useMutation({
    mutationFn: (input: { reservationId: number; reason: string }) => api.call('reservations.release', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['reservations.list'] }),
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('reservations.releaseFor', { what: label })}>
        {t('reservations.release')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = contract['reservations.release'].input.safeParse({ reservationId, reason });
    setError(checked.success ? undefined : checked.error.issues[0]?.message);
    if (checked.success) release.mutate(checked.data);
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
