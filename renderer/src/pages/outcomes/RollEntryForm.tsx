import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import { HEARING_OUTCOMES, type HearingOutcome } from '../../../../shared/domain/outcome';
import type { RollEntry } from '../../../../shared/outcomes/decision-schemas';
import { UNKNOWN_SIGNALS, VERDICTS, verdictOf, type Signals, type Verdict } from '../../../../shared/outcomes/outcome-record';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { draftOf, draftTypingErrors, newSanctionDraft, toSanctionInput, type SanctionDraft } from './sanction-draft';
import { SanctionRows } from './SanctionRows';
import { SignalFields } from './SignalFields';

type Presence = '' | 'yes' | 'no';
const presenceOf = (value: boolean | null | undefined): Presence => (value === true ? 'yes' : value === false ? 'no' : '');

/**
 * The outcome of one case on the roll, keyboard only: outcome, presence, sanctions, signals, and
 * last the judge's name, where Enter saves (a native form submit) and the page moves on to the next
 * case. With `correcting`, it corrects the recorded outcome and asks for a reason.
 */
export function RollEntryForm({
  entry,
  judgeName,
  correcting,
  onSaved,
  firstFieldRef,
}: {
  entry: RollEntry;
  judgeName: string | null;
  correcting: boolean;
  onSaved: () => void;
  firstFieldRef?: Ref<HTMLInputElement> | undefined;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const decision = entry.decision;
  const recorded = entry.outcome;
  const [outcome, setOutcome] = useState<HearingOutcome>(recorded?.outcome ?? 'decided');
  const [presence, setPresence] = useState<Presence>(presenceOf(recorded?.suspectPresent));
  const [verdict, setVerdict] = useState<Verdict>(decision ? verdictOf(decision.sanctions) : 'sanctions');
  const [drafts, setDrafts] = useState<SanctionDraft[]>(() => (decision && verdictOf(decision.sanctions) === 'sanctions' ? decision.sanctions.map(draftOf) : [newSanctionDraft()]));
  const [conditions, setConditions] = useState(decision?.conditions ?? '');
  const [signals, setSignals] = useState<Signals>(decision?.signals ?? UNKNOWN_SIGNALS);
  const [decidedBy, setDecidedBy] = useState(decision?.decidedBy ?? judgeName ?? '');
  const [reason, setReason] = useState(recorded?.reason ?? '');
  const [resumeFrom, setResumeFrom] = useState(recorded?.resumeFrom ?? '');
  const [correctionReason, setCorrectionReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const mutation = useMutation({
    mutationFn: (input: unknown) => (correcting ? api.call('outcomes.correct', input as never) : api.call('outcomes.record', input as never)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['outcomes.roll'] });
      onSaved();
    },
  });

  const buildRecord = () => {
    const base = { hearingId: entry.hearingId };
    switch (outcome) {
      case 'decided':
        return {
          ...base,
          outcome,
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
    if (outcome === 'decided' && verdict === 'sanctions') {
      const typing = draftTypingErrors(drafts, { amount: t('outcomes.notAnAmount'), number: t('outcomes.notANumber') });
      if (Object.keys(typing).length > 0) {
        setErrors(Object.fromEntries(Object.entries(typing).map(([key, message]) => [`sanctions.${key}`, message])));
        return;
      }
    }
    const record = buildRecord();
    const input = correcting ? { reason: correctionReason, record } : record;
    const parsed = correcting ? contract['outcomes.correct'].input.safeParse(input) : contract['outcomes.record'].input.safeParse(input);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = (issue.path[0] === 'record' ? issue.path.slice(1) : issue.path).join('.');
        next[issue.path[0] === 'reason' && correcting ? 'correctionReason' : path] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
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
          <TextField label={t('outcomes.decidedBy')} value={decidedBy} onChange={setDecidedBy} error={errors['decidedBy']} hint={t('outcomes.enterSaves')} />
        </>
      )}
      {outcome === 'adjourned' && (
        <>
          {presenceGroup(false)}
          <FieldShell label={t('outcomes.resumeFrom')} error={errors['resumeFrom']}>
            {(a11y) => <input {...a11y} type="date" value={resumeFrom} onChange={(e) => setResumeFrom(e.target.value)} />}
          </FieldShell>
          <TextField label={t('outcomes.adjournReason')} value={reason} onChange={setReason} error={errors['reason']} hint={t('outcomes.enterSaves')} />
        </>
      )}
      {(outcome === 'not_appeared' || outcome === 'withdrawn') && (
        <TextField label={t(outcome === 'withdrawn' ? 'outcomes.withdrawReason' : 'outcomes.notAppearedReason')} value={reason} onChange={setReason} error={errors['reason']} hint={t('outcomes.enterSaves')} />
      )}
      {outcome === 'not_appeared' && <p className="muted">{t('outcomes.notAppearedEffect')}</p>}
      {correcting && <TextField label={t('outcomes.correctionReason')} value={correctionReason} onChange={setCorrectionReason} error={errors['correctionReason']} />}

      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('outcomes.saving') : correcting ? t('outcomes.saveCorrection') : t('outcomes.save')}
        </button>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
