import { useTranslation } from 'react-i18next';
import { FILLER_KINDS, HEARD_MODALITIES } from '../../../../shared/domain/modality';
import { DAYPARTS, SESSION_TYPES } from '../../../../shared/domain/session';
import { SelectField, TextField } from '../../components/FormField';
import { TimeField } from '../../components/DateTimeInputs';
import { CheckboxGroup } from './CheckboxGroup';
import { MinorsCheckbox } from './MinorsCheckbox';
import { withDaypart, withSessionType, type SessionDraft } from './session-draft';

/** The fields a template and an extra session share: daypart and times, type, capacity, what it takes. */
export function SessionFieldsEditor({ draft, onChange, errors }: { draft: SessionDraft; onChange: (draft: SessionDraft) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = (field: keyof SessionDraft) => (value: string) => onChange({ ...draft, [field]: value });
  return (
    <>
      <div className="form-grid">
        <SelectField
          label={t('capacity.daypart')}
          value={draft.daypart}
          onChange={(v) => onChange(withDaypart(draft, v))}
          options={DAYPARTS.map((d) => ({ value: d, label: t(`daypart.${d}`) }))}
          placeholder={t('capacity.chooseDaypart')}
          error={errors['daypart']}
        />
        {/* 24-hour times as people type them (9.30, 0930, 09:30), whatever the system's locale (issue 15 item 8). */}
        <TimeField label={t('capacity.startTime')} value={draft.startTime} onChange={set('startTime')} error={errors['startTime']} />
        <TimeField label={t('capacity.endTime')} value={draft.endTime} onChange={set('endTime')} error={errors['endTime']} />
        <SelectField
          label={t('capacity.sessionType')}
          value={draft.sessionType}
          onChange={(v) => onChange(withSessionType(draft, v))}
          options={SESSION_TYPES.map((s) => ({ value: s, label: t(`sessionType.${s}`) }))}
          placeholder={t('capacity.chooseSessionType')}
          error={errors['sessionType']}
        />
        <TextField label={t('capacity.capacitySlots')} value={draft.capacitySlots} onChange={set('capacitySlots')} inputMode="numeric" error={errors['capacitySlots']} />
        <TextField
          label={t('capacity.capacityMinutes')}
          value={draft.capacityMinutes}
          onChange={set('capacityMinutes')}
          inputMode="numeric"
          hint={t('capacity.capacityMinutesHint')}
          error={errors['capacityMinutes']}
        />
        <TextField
          label={t('capacity.overbookingSlots')}
          value={draft.overbookingSlots}
          onChange={set('overbookingSlots')}
          inputMode="numeric"
          hint={t('capacity.overbookingHint')}
          error={errors['overbookingSlots']}
        />
      </div>
      <CheckboxGroup
        legend={t('capacity.modalitiesLegend')}
        options={HEARD_MODALITIES.map((m) => ({ value: m as string, label: t(`modality.${m}`) }))}
        selected={draft.acceptedModalities}
        onChange={(acceptedModalities) => onChange({ ...draft, acceptedModalities })}
        error={errors['acceptedModalities']}
      />
      <CheckboxGroup
        legend={t('capacity.fillerKindsLegend')}
        hint={t('capacity.fillerKindsHint')}
        options={FILLER_KINDS.map((k) => ({ value: k as string, label: t(`fillerKind.${k}`) }))}
        selected={draft.acceptedFillerKinds}
        onChange={(acceptedFillerKinds) => onChange({ ...draft, acceptedFillerKinds })}
        error={errors['acceptedFillerKinds']}
      />
      <MinorsCheckbox checked={draft.acceptsMinors} onChange={(acceptsMinors) => onChange({ ...draft, acceptsMinors })} />
    </>
  );
}
