import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationsOverview } from '../../../../shared/api/contract';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { formatDate, formatShortDay } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

type Session = ReservationsOverview['sessions'][number];

/** Reserve a block of slots of one session for one modality. */
export function ReserveForm({ sessions }: { sessions: readonly Session[] }) {
  const { t } = useTranslation();
  const [sessionId, setSessionId] = useState('');
  const [modality, setModality] = useState('');
  const [slots, setSlots] = useState('1');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reserve = useOperationMutation('reservations.reserve', {
    onSuccess: () => {
      setNote('');
      setSlots('1');
    },
  });
  const labels = {
    sessionId: t('reservations.session'),
    modality: t('reservations.modality'),
    slots: t('reservations.slots'),
    note: t('reservations.note'),
  };
  const reservable = sessions.filter((s) => s.reservableModalities.length > 0);
  const chosen = reservable.find((s) => String(s.sessionId) === sessionId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { sessionId: Number(sessionId), modality, slots: slots.trim() === '' ? Number.NaN : Number(slots), ...(note.trim() ? { note } : {}) };
    const checked = checkOperationInput('reservations.reserve', input, t, { labels });
    const next = { ...checked.errors };
    if (!sessionId) next['sessionId'] = t('reservations.chooseSession');
    // No more than the session has free: the back end refuses the rest anyway (reserve-slots.ts).
    if (chosen && Number(slots) > chosen.free) next['slots'] = t('reservations.slotsTooMany', { count: chosen.free });
    setErrors(next);
    if (checked.input && Object.keys(next).length === 0) reserve.mutate(checked.input);
  };

  return (
    <form onSubmit={submit} noValidate className="panel reserve-form" aria-labelledby="reserve-title">
      <h2 id="reserve-title">{t('reservations.reserveTitle')}</h2>
      {reservable.length === 0 && <p>{t('reservations.noReservable')}</p>}
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
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={chosen ? Math.max(1, chosen.free) : 50} value={slots} onChange={(e) => setSlots(e.target.value)} />}
        </FieldShell>
        <TextField label={t('reservations.note')} value={note} onChange={setNote} error={errors['note']} />
      </div>
      <div className="actions">
        <ActionButton mutation={reserve} type="submit">
          {t('reservations.reserve')}
        </ActionButton>
      </div>
      {reserve.isSuccess && (
        <p role="status" className="success">
          {t('reservations.reserved', { date: formatDate(reserve.data.releaseDueOn) })}
        </p>
      )}
      {reserve.isError && <ErrorPanel error={reserve.error} fieldLabels={labels} />}
    </form>
  );
}
