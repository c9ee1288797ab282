import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionFieldIssues } from '../../../../shared/capacity/capacity-rules';
import type { CapacityOverview } from '../../../../shared/capacity/capacity-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { formatDate } from '../../i18n/format';
import { DateField } from '../../components/DateTimeInputs';
import { SessionFieldsEditor } from './SessionFieldsEditor';
import { emptySessionDraft, issuesByField, sessionFieldsFromDraft, sessionRequestFromDraft } from './session-draft';
import { ActionButton } from '../../components/ActionButton';

/** One session outside the patterns (an exception), under the same rules as generated sessions. */
export function ExtraSessionForm({ locations, today }: { locations: CapacityOverview['locations']; today: string }) {
  const { t } = useTranslation();
  const [courtroomId, setCourtroomId] = useState('');
  const [date, setDate] = useState(today);
  const [draft, setDraft] = useState(emptySessionDraft);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useOperationMutation('sessions.addExtra');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = issuesByField(sessionFieldIssues(sessionFieldsFromDraft(draft)));
    if (!courtroomId) found['courtroomId'] = t('capacity.validation.room');
    if (!date) found['date'] = t('capacity.validation.date');
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate({ ...sessionRequestFromDraft(draft), courtroomId: Number(courtroomId), date, reason: reason.trim() });
  };

  return (
    <section className="panel" aria-labelledby="extra-title">
      <h2 id="extra-title">{t('capacity.extraTitle')}</h2>
      <p>{t('capacity.extraIntro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField
            label={t('capacity.room')}
            value={courtroomId}
            onChange={setCourtroomId}
            options={locations.flatMap((l) => l.rooms.map((r) => ({ value: String(r.id), label: t('capacity.roomOption', { location: l.name, room: r.name }) })))}
            placeholder={t('capacity.chooseRoom')}
            error={errors['courtroomId']}
          />
          <DateField label={t('capacity.extraDate')} value={date} onChange={setDate} error={errors['date']} />
        </div>
        <SessionFieldsEditor draft={draft} onChange={setDraft} errors={errors} />
        <TextField label={t('capacity.extraReason')} value={reason} onChange={setReason} />
        {add.isError && <ErrorPanel error={add.error} />}
        {add.isSuccess && (
          <p role="status" className="success">
            {t('capacity.extraAdded', { date: formatDate(add.data.date) })}
          </p>
        )}
        <div className="actions">
          <ActionButton mutation={add} type="submit">
            {t('capacity.extraSubmit')}
          </ActionButton>
        </div>
      </form>
    </section>
  );
}
