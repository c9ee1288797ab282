import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type ReservationsOverview } from '../../../../shared/api/contract';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { formatDate, formatShortDay } from '../../i18n/format';

type Session = ReservationsOverview['sessions'][number];

/** Reserve a block of slots of one session for one modality. */
export function ReserveForm({ sessions }: { sessions: readonly Session[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [sessionId, setSessionId] = useState('');
  const [modality, setModality] = useState('');
  const [slots, setSlots] = useState('1');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reserve = useMutation({
    mutationFn: (input: Parameters<typeof api.call<'reservations.reserve'>>[1]) => api.call('reservations.reserve', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['reservations.list'] });
      setNote('');
      setSlots('1');
    },
  });
  const reservable = sessions.filter((s) => s.reservableModalities.length > 0);
  const chosen = reservable.find((s) => String(s.sessionId) === sessionId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { sessionId: Number(sessionId), modality, slots: slots.trim() === '' ? Number.NaN : Number(slots), ...(note.trim() ? { note } : {}) };
    const checked = contract['reservations.reserve'].input.safeParse(input);
    const next: Record<string, string> = {};
    if (!sessionId) next['sessionId'] = t('reservations.chooseSession');
    if (!checked.success) for (const issue of checked.error.issues) next[String(issue.path[0])] ??= issue.message;
    setErrors(next);
    if (checked.success && Object.keys(next).length === 0) reserve.mutate(checked.data);
  };

  return (
    <form onSubmit={submit} noValidate className="panel" aria-labelledby="reserve-title">
      <h2 id="reserve-title">{t('reservations.reserveTitle')}</h2>
      <div className="form-grid">
        <SelectField
          label={t('reservations.session')}
          value={sessionId}
          onChange={(value) => {
            setSessionId(value);
            setModality('');
          }}
          placeholder={t('reservations.chooseSession')}
          error={errors['sessionId']}
          options={reservable.map((s) => ({
            value: String(s.sessionId),
            label: t('reservations.sessionOption', { day: formatShortDay(s.date), time: s.startTime, location: s.location, room: s.room, free: s.free }),
          }))}
        />
        <SelectField
          label={t('reservations.modality')}
          value={modality}
          onChange={setModality}
          placeholder={t('reservations.chooseModality')}
          error={errors['modality']}
          options={(chosen?.reservableModalities ?? []).map((m) => ({ value: m, label: t(`modality.${m}`) }))}
        />
        <FieldShell label={t('reservations.slots')} error={errors['slots']} hint={chosen ? t('reservations.freeHint', { count: chosen.free }) : undefined}>
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={50} value={slots} onChange={(e) => setSlots(e.target.value)} />}
        </FieldShell>
        <TextField label={t('reservations.note')} value={note} onChange={setNote} error={errors['note']} />
      </div>
      <div className="actions">
        <button type="submit" disabled={reserve.isPending}>
          {t('reservations.reserve')}
        </button>
      </div>
      {reserve.isSuccess && (
        <p role="status" className="success">
          {t('reservations.reserved', { date: formatDate(reserve.data.releaseDueOn) })}
        </p>
      )}
      {reserve.isError && <ErrorPanel error={reserve.error} />}
    </form>
  );
}
