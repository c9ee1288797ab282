import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityOverview, CapacityTemplate } from '../../../../shared/capacity/capacity-schemas';
import { templateFieldIssues } from '../../../../shared/capacity/capacity-rules';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { CheckboxGroup } from './CheckboxGroup';
import { DateField } from '../../components/DateTimeInputs';
import { SessionFieldsEditor } from './SessionFieldsEditor';
import { emptySessionDraft, issuesByField, sessionFieldsFromDraft, sessionRequestFromDraft, type SessionDraft } from './session-draft';
import { ActionButton } from '../../components/ActionButton';

interface TemplateDraft extends SessionDraft {
  courtroomId: string;
  name: string;
  weekdays: number[];
  validFrom: string;
  validUntil: string;
}

function draftOf(template: CapacityTemplate | null, today: string): TemplateDraft {
  if (!template) return { ...emptySessionDraft(), courtroomId: '', name: '', weekdays: [], validFrom: today, validUntil: '' };
  return {
    courtroomId: String(template.courtroomId),
    name: template.name,
    weekdays: [...template.weekdays],
    daypart: template.daypart,
    startTime: template.startTime,
    endTime: template.endTime,
    sessionType: template.sessionType,
    capacitySlots: String(template.capacitySlots),
    capacityMinutes: String(template.capacityMinutes),
    overbookingSlots: String(template.overbookingSlots),
    acceptedModalities: [...template.acceptedModalities],
    acceptedFillerKinds: [...template.acceptedFillerKinds],
    acceptsMinors: template.acceptsMinors,
    validFrom: template.validFrom,
    validUntil: template.validUntil ?? '',
  };
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** Adds a session template or changes one; the rules are checked here first, with the same Dutch messages as the back end. */
export function TemplateForm({
  template,
  locations,
  today,
  onSaved,
  onClose,
}: {
  template: CapacityTemplate | null;
  locations: CapacityOverview['locations'];
  today: string;
  onSaved: (template: CapacityTemplate) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(template, today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useOperationMutation('capacity.saveTemplate', { onSuccess: (saved) => onSaved(saved) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { ...sessionFieldsFromDraft(draft), name: draft.name, weekdays: draft.weekdays, validFrom: draft.validFrom, validUntil: draft.validUntil.trim() || null };
    const found = issuesByField(templateFieldIssues(fields));
    if (!draft.courtroomId) found['courtroomId'] = t('capacity.validation.room');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      ...sessionRequestFromDraft(draft),
      id: template?.id ?? null,
      ...(template ? { expectedVersion: template.version } : {}),
      courtroomId: Number(draft.courtroomId),
      name: draft.name,
      weekdays: draft.weekdays,
      validFrom: draft.validFrom,
      validUntil: fields.validUntil,
    });
  };

  const title = template ? t('capacity.formEditTitle', { name: template.name }) : t('capacity.formNewTitle');
  return (
    <section className="panel" aria-labelledby="template-form-title">
      <h2 id="template-form-title">{title}</h2>
      <form onSubmit={submit} noValidate>
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="field-error">
            {t('capacity.fixFields')}
          </p>
        )}
        <div className="form-grid">
          <SelectField
            label={t('capacity.room')}
            value={draft.courtroomId}
            onChange={(courtroomId) => setDraft({ ...draft, courtroomId })}
            options={locations.flatMap((l) => l.rooms.map((r) => ({ value: String(r.id), label: t('capacity.roomOption', { location: l.name, room: r.name }) })))}
            placeholder={t('capacity.chooseRoom')}
            error={errors['courtroomId']}
          />
          <TextField label={t('capacity.name')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={errors['name']} />
        </div>
        <CheckboxGroup
          legend={t('capacity.weekdaysLegend')}
          options={WEEKDAYS.map((d) => ({ value: d as number, label: t(`capacity.weekday.${d}`) }))}
          selected={draft.weekdays}
          onChange={(weekdays) => setDraft({ ...draft, weekdays })}
          error={errors['weekdays']}
        />
        <SessionFieldsEditor draft={draft} onChange={(session) => setDraft({ ...draft, ...session })} errors={errors} />
        <div className="form-grid">
          <DateField label={t('capacity.validFrom')} value={draft.validFrom} onChange={(validFrom) => setDraft({ ...draft, validFrom })} error={errors['validFrom']} />
          <DateField label={t('capacity.validUntil')} value={draft.validUntil} onChange={(validUntil) => setDraft({ ...draft, validUntil })} error={errors['validUntil']} />
        </div>
        {save.isError && <ErrorPanel error={save.error} />}
        <div className="actions">
          <ActionButton mutation={save} type="submit">
            {save.isPending ? t('capacity.saving') : t('capacity.save')}
          </ActionButton>
          <button type="button" className="secondary" onClick={onClose}>
            {t('capacity.cancelEdit')}
          </button>
        </div>
      </form>
    </section>
  );
}
