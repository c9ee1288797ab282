import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDutchDate } from '../../../../shared/intake/dutch-datetime';
import type { RotaPerson } from '../../../../shared/rota/rota-schemas';
import { UNAVAILABILITY_REASONS } from '../../../../shared/rota/unavailability-reasons';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { formatShortDay } from '../../i18n/format';
import { checkOperationInput } from '../../forms/validate-input';
import { ActionButton } from '../../components/ActionButton';

/** Records days a judge or prosecutor is away, with a short reason (never medical detail). */
export function AbsenceForm({ persons }: { persons: RotaPerson[] }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useOperationMutation('people.addUnavailability', {
    onSuccess: () => {
      setFrom('');
      setTo('');
      setReason('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const fromDate = parseDutchDate(from);
    const toDate = to.trim() === '' ? fromDate : parseDutchDate(to);
    if (from.trim() === '') next.fromDate = t('rota.fromRequired');
    else if (!fromDate.ok) next.fromDate = fromDate.message;
    if (!toDate.ok && to.trim() !== '') next.toDate = toDate.message;
    const input = { personId: Number(personId) || 0, fromDate: fromDate.ok ? fromDate.value : '', toDate: toDate.ok ? toDate.value : '', reason: reason || undefined };
    const labels = { personId: t('rota.person'), fromDate: t('rota.from'), toDate: t('rota.to'), reason: t('rota.reasonLabel') };
    const checked = checkOperationInput('people.addUnavailability', input, t, { labels });
    for (const [field, message] of Object.entries(checked.errors)) {
      // An empty 'to' copies 'from': its mistake is already shown at 'from'.
      if (field === 'toDate' && to.trim() === '' && next.fromDate) continue;
      next[field] ??= message;
    }
    setErrors(next);
    if (checked.input && Object.keys(next).length === 0) add.mutate(checked.input);
  };

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="absence-form-title">
      <h2 id="absence-form-title">{t('rota.addAbsence')}</h2>
      <SelectField
        label={t('rota.person')}
        value={personId}
        onChange={setPersonId}
        placeholder={t('rota.choosePerson')}
        options={persons.map((p) => ({ value: String(p.id), label: `${p.name} (${t(`rota.role.${p.role}`)})` }))}
        error={errors.personId}
      />
      <TextField label={t('rota.from')} value={from} onChange={setFrom} error={errors.fromDate} hint={t('rota.dateHint')} />
      <TextField label={t('rota.to')} value={to} onChange={setTo} error={errors.toDate} hint={t('rota.toHint')} />
      <SelectField
        label={t('rota.reasonLabel')}
        value={reason}
        onChange={setReason}
        placeholder={t('rota.chooseReason')}
        options={UNAVAILABILITY_REASONS.map((r) => ({ value: r, label: t(`rota.reason.${r}`) }))}
        error={errors.reason}
      />
      <p className="field-hint">{t('rota.reasonHint')}</p>
      <div className="actions">
        <ActionButton mutation={add} type="submit">
          {t('rota.saveAbsence')}
        </ActionButton>
      </div>
      {add.isError && <ErrorPanel error={add.error} />}
      {add.data && (
        <div role="status">
          <p className="success">{t('rota.absenceSaved')}</p>
          {add.data.affectedSessions.length > 0 && (
            <>
              <p>{t('rota.affectedSessions', { count: add.data.affectedSessions.length })}</p>
              <ul className="warning-list">
                {add.data.affectedSessions.map((s) => (
                  <li key={s.sessionId}>
                    {formatShortDay(s.date)} · {s.room}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
