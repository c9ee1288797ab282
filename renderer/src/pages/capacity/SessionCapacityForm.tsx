import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptanceIssues, capacityIssues, minutesBetween } from '../../../../shared/capacity/capacity-rules';
import type { CapacitySession } from '../../../../shared/capacity/capacity-schemas';
import type { FillerKind, HeardModality } from '../../../../shared/domain/modality';
import { FILLER_KINDS, HEARD_MODALITIES } from '../../../../shared/domain/modality';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { CheckboxGroup } from './CheckboxGroup';
import { MinorsCheckbox } from './MinorsCheckbox';
import { sessionLabel } from './capacity-format';
import { issuesByField, numberFrom } from './session-draft';
import { ActionButton } from '../../components/ActionButton';

/** Changes one session's capacity, overbooking and accepted modalities, with a reason for the audit trail. */
export function SessionCapacityForm({ session, onClose }: { session: CapacitySession; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [slots, setSlots] = useState(String(session.capacitySlots));
  const [minutes, setMinutes] = useState(String(session.capacityMinutes));
  const [overbooking, setOverbooking] = useState(String(session.overbookingSlots));
  const [modalities, setModalities] = useState<string[]>([...session.acceptedModalities]);
  const [fillerKinds, setFillerKinds] = useState<string[]>([...session.acceptedFillerKinds]);
  const [acceptsMinors, setAcceptsMinors] = useState(session.acceptsMinors);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useOperationMutation('sessions.update');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const numbers = { capacitySlots: numberFrom(slots), capacityMinutes: numberFrom(minutes), overbookingSlots: numberFrom(overbooking) };
    const found = issuesByField([
      ...capacityIssues(numbers, minutesBetween(session.startTime, session.endTime)),
      ...acceptanceIssues({ sessionType: session.sessionType, acceptedModalities: modalities, acceptedFillerKinds: fillerKinds }),
    ]);
    if (reason.trim().length < 3) found['reason'] = t('capacity.updateReasonRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    update.mutate({
      sessionId: session.id,
      ...numbers,
      acceptedModalities: modalities as HeardModality[],
      acceptedFillerKinds: fillerKinds as FillerKind[],
      acceptsMinors,
      reason: reason.trim(),
      expectedVersion: session.version,
    });
  };

  return (
    <form onSubmit={submit} className="subpanel" aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{t('capacity.updateTitle', { session: sessionLabel(t, session) })}</h3>
      <p>{t(`sessionType.${session.sessionType}`)}</p>
      <div className="form-grid">
        <TextField label={t('capacity.capacitySlots')} value={slots} onChange={setSlots} inputMode="numeric" error={errors['capacitySlots']} />
        <TextField label={t('capacity.capacityMinutes')} value={minutes} onChange={setMinutes} inputMode="numeric" error={errors['capacityMinutes']} />
        <TextField label={t('capacity.overbookingSlots')} value={overbooking} onChange={setOverbooking} inputMode="numeric" error={errors['overbookingSlots']} />
      </div>
      <CheckboxGroup
        legend={t('capacity.modalitiesLegend')}
        options={HEARD_MODALITIES.map((m) => ({ value: m as string, label: t(`modality.${m}`) }))}
        selected={modalities}
        onChange={setModalities}
        error={errors['acceptedModalities']}
      />
      <CheckboxGroup
        legend={t('capacity.fillerKindsLegend')}
        hint={t('capacity.fillerKindsHint')}
        options={FILLER_KINDS.map((k) => ({ value: k as string, label: t(`fillerKind.${k}`) }))}
        selected={fillerKinds}
        onChange={setFillerKinds}
        error={errors['acceptedFillerKinds']}
      />
      <MinorsCheckbox checked={acceptsMinors} onChange={setAcceptsMinors} />
      <TextField label={t('capacity.updateReason')} value={reason} onChange={setReason} error={errors['reason']} />
      {update.isError && <ErrorPanel error={update.error} />}
      {update.isSuccess && (
        <p role="status" className="success">
          {t('capacity.updated')}
        </p>
      )}
      <div className="actions">
        <ActionButton mutation={update} type="submit">
          {t('capacity.updateSubmit')}
        </ActionButton>
        <button type="button" className="secondary" onClick={onClose}>
          {t('capacity.close')}
        </button>
      </div>
    </form>
  );
}
