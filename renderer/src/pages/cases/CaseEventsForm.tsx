import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { EVENT_FIELDS, type EventField } from '../../../../shared/intake/case-intake';
import { parseDutchDate, parseDutchDateTime } from '../../../../shared/intake/dutch-datetime';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { rebaseDraft } from '../../components/rebase-draft';
import { FieldShell, TextField } from '../../components/FormField';
import { formatForInput } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

/** Record or correct the legal events (e.g. the summons was served); a reason is required and kept in the history. */
export function CaseEventsForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  // The case as the draft started from it: its version goes with the save (a stale one is refused with
  // CONFLICT), and what the user changed is measured against it.
  const [loaded, setLoaded] = useState(detail);
  const initial = inputValues(loaded);
  const [values, setValues] = useState(initial);
  const [consent, setConsent] = useState(detail.shortTermConsent);
  const [planning, setPlanning] = useState(planningValues(detail));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (detail.version !== loaded.version) {
    // Reloaded (after a conflict, or after our own save): keep what the user changed, take the rest fresh.
    setValues(rebaseDraft(values, initial, inputValues(detail)));
    setConsent(consent === loaded.shortTermConsent ? detail.shortTermConsent : consent);
    setPlanning(rebaseDraft(planning, planningValues(loaded), planningValues(detail)));
    setLoaded(detail);
  }
  const mutation = useOperationMutation('cases.updateEvents', {
    onSuccess: (updated) => {
      setValues(inputValues(updated));
      setConsent(updated.shortTermConsent);
      setPlanning(planningValues(updated));
      setReason('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const changes: Partial<Record<EventField, string | null>> = {};
    for (const field of EVENT_FIELDS) {
      // Only what the user changed: an untouched field is never re-sent (and so never re-rounded).
      if (values[field] === initial[field]) continue;
      if (!values[field].trim()) {
        changes[field] = null;
        continue;
      }
      const parsed = parseDutchDateTime(values[field]);
      if (parsed.ok) changes[field] = parsed.value;
      else next[field] = parsed.message;
    }
    const planningChanges: { coDefendantGroup?: string | null; estimatedMinutes?: number | null; expectedSummonsServiceOn?: string | null } = {};
    const initialPlanning = planningValues(loaded);
    if (planning.coDefendantGroup.trim() !== initialPlanning.coDefendantGroup) planningChanges.coDefendantGroup = planning.coDefendantGroup.trim() || null;
    if (planning.estimatedMinutes.trim() !== initialPlanning.estimatedMinutes) {
      const minutes = planning.estimatedMinutes.trim();
      if (minutes === '') planningChanges.estimatedMinutes = null;
      else if (/^\d+$/.test(minutes)) planningChanges.estimatedMinutes = Number(minutes);
      else next['estimatedMinutes'] = t('caseForm.minutesInvalid');
    }
    if (planning.expectedSummonsServiceOn.trim() !== initialPlanning.expectedSummonsServiceOn) {
      const text = planning.expectedSummonsServiceOn.trim();
      const parsed = text === '' ? null : parseDutchDate(text);
      if (parsed === null) planningChanges.expectedSummonsServiceOn = null;
      else if (parsed.ok) planningChanges.expectedSummonsServiceOn = parsed.value;
      else next['expectedSummonsServiceOn'] = t('caseForm.expectedSummonsServiceInvalid', { problem: parsed.message });
    }
    if (reason.trim().length < 3) next['reason'] = t('case.eventsReasonRequired');
    setErrors(next);
    const consentChange = consent !== loaded.shortTermConsent ? { shortTermConsent: consent } : {};
    if (Object.keys(next).length === 0) {
      mutation.mutate({ caseId: detail.id, changes: { ...changes, ...consentChange, ...planningChanges }, reason, expectedVersion: loaded.version });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="events-title">
      <h2 id="events-title">{t('case.eventsTitle')}</h2>
      <p className="muted">{t('caseForm.intro')}</p>
      <div className="form-grid">
        {EVENT_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`event.${field}`)}
            value={values[field]}
            onChange={(v) => {
              setValues((all) => ({ ...all, [field]: v }));
              setErrors(({ [field]: _fixed, ...rest }) => rest);
            }}
            error={errors[field]}
          />
        ))}
      </div>
      <div className="checkbox">
        <input id="events-consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        <label htmlFor="events-consent">{t('caseForm.shortTermConsent')}</label>
      </div>
      <div className="form-grid">
        <TextField
          label={t('caseForm.coDefendantGroup')}
          hint={t('caseForm.coDefendantGroupHint')}
          value={planning.coDefendantGroup}
          onChange={(v) => setPlanning((p) => ({ ...p, coDefendantGroup: v }))}
          error={errors['coDefendantGroup']}
        />
        <TextField
          label={t('caseForm.estimatedMinutes')}
          hint={t('caseForm.estimatedMinutesHint')}
          value={planning.estimatedMinutes}
          inputMode="numeric"
          onChange={(v) => {
            setPlanning((p) => ({ ...p, estimatedMinutes: v }));
            setErrors(({ estimatedMinutes: _fixed, ...rest }) => rest);
          }}
          error={errors['estimatedMinutes']}
        />
        {detail.events.summonsServedAt === null && (
          <TextField
            label={t('caseForm.expectedSummonsService')}
            hint={t('caseForm.expectedSummonsServiceHint')}
            value={planning.expectedSummonsServiceOn}
            onChange={(v) => {
              setPlanning((p) => ({ ...p, expectedSummonsServiceOn: v }));
              setErrors(({ expectedSummonsServiceOn: _fixed, ...rest }) => rest);
            }}
            error={errors['expectedSummonsServiceOn']}
          />
        )}
      </div>
      <FieldShell label={t('case.eventsReason')} error={errors['reason']}>
        {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <ActionButton mutation={mutation} type="submit">
          {mutation.isPending ? t('case.eventsBusy') : t('case.eventsSubmit')}
        </ActionButton>
      </div>
      {mutation.isSuccess && (
        <p role="status" className="success">
          {t('case.eventsSaved')}
        </p>
      )}
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}

/** The case's planning facts as the form shows them ('' = none). */
function planningValues(detail: CaseDetail) {
  return {
    coDefendantGroup: detail.coDefendantGroup ?? '',
    estimatedMinutes: detail.estimatedMinutes === null ? '' : String(detail.estimatedMinutes),
    expectedSummonsServiceOn: detail.expectedSummonsServiceOn === null ? '' : detail.expectedSummonsServiceOn.split('-').reverse().join('-'),
  };
}

/** The case's events in the notation the form shows. */
function inputValues(detail: CaseDetail): Record<EventField, string> {
  return Object.fromEntries(EVENT_FIELDS.map((f) => [f, detail.events[f] ? formatForInput(detail.events[f]) : ''])) as Record<EventField, string>;
}
