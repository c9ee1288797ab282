import { useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { HEARING_OUTCOMES, type HearingOutcome } from '../../../../shared/domain/outcome';
import type { RollEntry } from '../../../../shared/outcomes/decision-schemas';
import { defaultJudgmentMoment } from '../../../../shared/outcomes/judgment-moment';
import { parseDutchDateTime } from '../../../../shared/intake/dutch-datetime';
import { UNKNOWN_SIGNALS, VERDICTS, verdictOf, type Signals, type Verdict } from '../../../../shared/outcomes/outcome-record';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ActionButton } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { formatForInput } from '../../i18n/format';
import { draftOf, draftTypingErrors, newSanctionDraft, toSanctionInput, type SanctionDraft } from './sanction-draft';
import { SanctionRows } from './SanctionRows';
import { SignalFields } from './SignalFields';
import { DateField } from '../../components/DateTimeInputs';

type Presence = '' | 'yes' | 'no';
const presenceOf = (value: boolean | null | undefined): Presence => (value === true ? 'yes' : value === false ? 'no' : '');

/**
 * The outcome of one case on the roll, keyboard only: outcome, presence, sanctions, signals, and
 * last the judge's name, where Enter saves (a native form submit) and the page moves on to the next
 * case. With `correcting`, it corrects the recorded outcome and asks for a reason. The moment of the
 * judgment defaults to the session (oral judgment at the hearing, art. 378 lid 1 Sv), not the moment
 * of recording: the appeal term (art. 408 Sv) and the CJIB countdowns run from it.
 */
export function RollEntryForm({
  entry,
  judgeName,
  session,
  correcting,
  onSaved,
  firstFieldRef,
}: {
  entry: RollEntry;
  judgeName: string | null;
  /** The session the case is on: its date and start time are the default moment of the judgment. */
  session: { date: string; startTime: string };
  correcting: boolean;
  onSaved: () => void;
  firstFieldRef?: Ref<HTMLInputElement> | undefined;
}) {
  const { t } = useTranslation();
  const decision = entry.decision;
  const recorded = entry.outcome;
  const [outcome, setOutcome] = useState<HearingOutcome>(recorded?.outcome ?? 'decided');
  const [presence, setPresence] = useState<Presence>(presenceOf(recorded?.suspectPresent));
  const [verdict, setVerdict] = useState<Verdict>(decision ? verdictOf(decision.sanctions) : 'sanctions');
  const [drafts, setDrafts] = useState<SanctionDraft[]>(() => (decision && verdictOf(decision.sanctions) === 'sanctions' ? decision.sanctions.map(draftOf) : [newSanctionDraft()]));
  const [conditions, setConditions] = useState(decision?.conditions ?? '');
  const [signals, setSignals] = useState<Signals>(decision?.signals ?? UNKNOWN_SIGNALS);
  const [decidedBy, setDecidedBy] = useState(decision?.decidedBy ?? judgeName ?? '');
  const [decidedAt, setDecidedAt] = useState(formatForInput(decision?.decidedAt ?? defaultJudgmentMoment(session)));
  const [reason, setReason] = useState(recorded?.reason ?? '');
  const [resumeFrom, setResumeFrom] = useState(recorded?.resumeFrom ?? '');
  const [correctionReason, setCorrectionReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const record = useOperationMutation('outcomes.record', { onSuccess: onSaved });
  const correct = useOperationMutation('outcomes.correct', { onSuccess: onSaved });
  const mutation = correcting ? correct : record;

  const buildRecord = (decidedAtValue: string | undefined) => {
    const base = { hearingId: entry.hearingId };
    switch (outcome) {
      case 'decided':
        return {
          ...base,
          outcome,
          decidedAt: decidedAtValue,
          suspectPresent: presence === '' ? undefined : presence === 'yes',
          decidedBy,
          verdict,
          sanctions: verdict === 'sanctions' ? drafts.map(toSanctionInput) : [],
          conditions: conditions.trim() || null,
          signals,
        };
      case 'adjourned':
        return { ...base, outcome, suspectPresent: presence === '' ? null : presence === 'yes', reason, resumeFrom: resumeFrom || undefined };
      default:
        return { ...base, outcome, reason };
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Every problem at once: the typing and date checks here, the contract's checks below, in one message set.
    const early: Record<string, string> = {};
    if (outcome === 'decided' && verdict === 'sanctions') {
      const typing = draftTypingErrors(drafts, { amount: t('outcomes.notAnAmount'), number: t('outcomes.notANumber') });
      for (const [key, message] of Object.entries(typing)) early[`sanctions.${key}`] = message;
    }
    let decidedAtValue: string | undefined;
    if (outcome === 'decided') {
      const parsed = parseDutchDateTime(decidedAt);
      if (parsed.ok) decidedAtValue = parsed.value;
      else early['decidedAt'] = t('outcomes.decidedAtInvalid', { problem: parsed.message });
    }
    const draft = buildRecord(decidedAtValue);
    const options = {
      labels: {
        decidedBy: t('outcomes.decidedBy'),
        decidedAt: t('outcomes.decidedAt'),
        conditions: t('outcomes.conditions'),
        resumeFrom: t('outcomes.resumeFrom'),
        reason: outcome === 'adjourned' ? t('outcomes.adjournReason') : t(outcome === 'withdrawn' ? 'outcomes.withdrawReason' : 'outcomes.notAppearedReason'),
        correctionReason: t('outcomes.correctionReason'),
      },
      // A correction nests the record under 'record'; its own reason is the correction's reason.
      fieldOf: (path: readonly PropertyKey[]) =>
        correcting && path[0] === 'reason' ? 'correctionReason' : (path[0] === 'record' ? path.slice(1) : path).map(String).join('.'),
    };
    if (correcting) {
      const checked = checkOperationInput('outcomes.correct', { reason: correctionReason, record: draft, expectedVersion: entry.caseVersion }, t, options);
      setErrors({ ...checked.errors, ...early });
      if (checked.input && Object.keys(early).length === 0) correct.mutate(checked.input);
    } else {
      const checked = checkOperationInput('outcomes.record', draft, t, options);
      setErrors({ ...checked.errors, ...early });
      if (checked.input && Object.keys(early).length === 0) record.mutate(checked.input);
    }
  };

  const presenceGroup = (required: boolean) => (
    <fieldset className="radio-group">
      <legend>{required ? t('outcomes.suspectPresent') : t('outcomes.suspectPresentOptional')}</legend>
      {(['yes', 'no'] as const).map((value) => (
        <label key={value}>
          <input type="radio" name={`presence-${entry.hearingId}`} value={value} checked={presence === value} onChange={() => setPresence(value)} /> {t(`outcomes.presence.${value}`)}
        </label>
      ))}
      {errors['suspectPresent'] && <p className="field-error">{errors['suspectPresent']}</p>}
    </fieldset>
  );

  return (
    <form onSubmit={submit} noValidate className="roll-entry-form" aria-label={t('outcomes.formLabel', { parketnummer: entry.parketnummer })}>
      <fieldset className="radio-group">
        <legend>{t('outcomes.outcome')}</legend>
        {HEARING_OUTCOMES.map((value, index) => (
          <label key={value}>
            <input
              ref={index === 0 ? firstFieldRef : undefined}
              type="radio"
              name={`outcome-${entry.hearingId}`}
              value={value}
              checked={outcome === value}
              disabled={correcting && recorded !== null && recorded.outcome !== value}
              onChange={() => setOutcome(value)}
            />{' '}
            {t(`hearingOutcome.${value}`)}
          </label>
        ))}
      </fieldset>

      {outcome === 'decided' && (
        <>
          {presenceGroup(true)}
          <SelectField
            label={t('outcomes.verdict')}
            value={verdict}
            onChange={(value) => setVerdict((value || 'sanctions') as Verdict)}
            placeholder={t('outcomes.chooseVerdict')}
            options={VERDICTS.map((v) => ({ value: v, label: t(`verdict.${v}`) }))}
            error={errors['verdict']}
          />
          <div className="decision-columns">
            {verdict === 'sanctions' ? <SanctionRows drafts={drafts} onChange={setDrafts} errors={errors} legend={t('outcomes.sanctions')} /> : <div />}
            <SignalFields signals={signals} onChange={setSignals} />
          </div>
          <TextField label={t('outcomes.conditions')} value={conditions} onChange={setConditions} error={errors['conditions']} />
          <TextField label={t('outcomes.decidedAt')} value={decidedAt} onChange={setDecidedAt} error={errors['decidedAt']} hint={t('outcomes.decidedAtHint')} />
          <TextField label={t('outcomes.decidedBy')} value={decidedBy} onChange={setDecidedBy} error={errors['decidedBy']} hint={t('outcomes.enterSaves')} />
        </>
      )}
      {outcome === 'adjourned' && (
        <>
          {presenceGroup(false)}
          <DateField label={t('outcomes.resumeFrom')} value={resumeFrom} onChange={setResumeFrom} error={errors['resumeFrom']} />
          <TextField label={t('outcomes.adjournReason')} value={reason} onChange={setReason} error={errors['reason']} hint={t('outcomes.enterSaves')} />
        </>
      )}
      {(outcome === 'not_appeared' || outcome === 'withdrawn') && (
        <TextField label={t(outcome === 'withdrawn' ? 'outcomes.withdrawReason' : 'outcomes.notAppearedReason')} value={reason} onChange={setReason} error={errors['reason']} hint={t('outcomes.enterSaves')} />
      )}
      {outcome === 'not_appeared' && <p className="muted">{t('outcomes.notAppearedEffect')}</p>}
      {correcting && <TextField label={t('outcomes.correctionReason')} value={correctionReason} onChange={setCorrectionReason} error={errors['correctionReason']} />}

      <div className="actions">
        <ActionButton mutation={correcting ? correct : record} type="submit">
          {mutation.isPending ? t('outcomes.saving') : correcting ? t('outcomes.saveCorrection') : t('outcomes.save')}
        </ActionButton>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
