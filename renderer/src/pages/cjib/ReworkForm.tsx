import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { HANDOFF_QUEUE_KEY } from './queue-key';

/** Marks a returned decision as reworked, with what was corrected; the back end checks it is complete now. */
export function ReworkForm({ handoffId, parketnummer, onDone }: { handoffId: number; parketnummer: string; onDone: (parketnummer: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const rework = useMutation({
    mutationFn: (input: { handoffId: number; reason: string }) => api.call('cjib.markReworked', input),
    onSuccess: () => {
      onDone(parketnummer);
      void queryClient.invalidateQueries({ queryKey: HANDOFF_QUEUE_KEY });
    },
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('handoff.reworkFor', { parketnummer })}>
        {t('handoff.rework')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = contract['cjib.markReworked'].input.safeParse({ handoffId, reason });
    setError(checked.success ? undefined : checked.error.issues[0]?.message);
    if (checked.success) rework.mutate(checked.data);
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form" aria-label={t('handoff.reworkFor', { parketnummer })}>
      <TextField label={t('handoff.reworkReason')} value={reason} onChange={setReason} error={error} />
      <button type="submit" disabled={rework.isPending}>
        {t('handoff.reworkConfirm')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('handoff.cancel')}
      </button>
      {rework.isError && <ErrorPanel error={rework.error} />}
    </form>
  );
}
