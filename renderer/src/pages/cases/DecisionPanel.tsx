import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Remedy } from '../../../../shared/domain/outcome';
import { parseDutchDateTime } from '../../../../shared/intake/dutch-datetime';
import type { DecisionView } from '../../../../shared/outcomes/decision-schemas';
import type { Signals } from '../../../../shared/outcomes/outcome-record';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { useOperationAvailability, type OperationAvailability } from '../../api/use-operation-availability';
import { UnavailableReason, unavailableProps } from '../../components/sync/UnavailableReason';
import { ActionButton } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, TextField } from '../../components/FormField';
import { formatForInput, formatInstant } from '../../i18n/format';
import { checkOperationInput } from '../../forms/validate-input';
import { draftOf, draftTypingErrors, toSanctionInput, type SanctionDraft } from '../outcomes/sanction-draft';
import { sanctionText } from '../outcomes/sanction-text';
import { SanctionRows } from '../outcomes/SanctionRows';
import { SignalFields } from '../outcomes/SignalFields';
import { ReturnRepairLinks } from './ReturnRepairLinks';

type Mode = 'signed' | 'correct' | 'remedy' | 'signals';
const SIGNAL_KEYS = ['fitForCommunityService', 'fitForDetention', 'paymentArrangement', 'problematicDebts'] as const;
/** The one remedy each kind of decision has: appeal against a judgment, verzet against a penalty order. */
const REMEDY_OF: Record<DecisionView['kind'], Exclude<Remedy, 'none'>> = { judgment: 'appeal', penalty_order: 'verzet' };

/**
 * The decisions of a case (court judgment or OM penalty order) with their hand-off to CJIB, and what
 * a clerk or prosecutor records afterwards: the signed judgment, a correction with a reason, a remedy,
 * the advisory executability signals. Every change goes through the decisions.* operations.
 */
export function DecisionPanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const query = useOperationQuery('decisions.forCase', { caseId });
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data || query.data.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="decision-title" data-testid="decision-panel">
      <h2 id="decision-title">{t('decisionPanel.title')}</h2>
      <p className="muted">{t('decisionPanel.intro')}</p>
      {query.data.map((decision) => (
        <DecisionCard key={decision.id} decision={decision} />
      ))}
    </section>
  );
}

function DecisionCard({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode | null>(null);
  const [status, setStatus] = useState('');
  const title = t('decisionPanel.heading', { kind: t(`decisionPanel.kind.${decision.kind}`), moment: formatInstant(decision.decidedAt) });
  const headingId = `decision-${decision.id}-title`;
  const done = () => {
    setMode(null);
    setStatus(t('decisionPanel.saved'));
  };
  const open = (next: Mode) => {
    setMode(next);
    setStatus('');
  };
  const canSign = decision.kind === 'judgment' && decision.judgmentSignedAt === null;
  // The buttons open forms: a person who may not save them (their roles, or offline) does not get them enabled.
  const signing = useOperationAvailability('decisions.markSigned');
  const correcting = useOperationAvailability('decisions.update');
  const signalling = useOperationAvailability('decisions.updateSignals');
  const reasonId = `decision-${decision.id}-unavailable`;
  const refused = [canSign ? signing : null, decision.correctable ? correcting : null, signalling].find((a) => a !== null && !a.allowed) ?? signalling;
  const opener = (availability: OperationAvailability) => ({ disabled: !availability.allowed, ...unavailableProps(availability, reasonId) });
  return (
    <article className="decision-card" aria-labelledby={headingId} data-testid="decision" data-decision-id={decision.id}>
      <h3 id={headingId}>{title}</h3>
      <DecisionFacts decision={decision} />
      <div className="actions" role="group" aria-label={t('decisionPanel.actionsFor', { kind: t(`decisionPanel.kind.${decision.kind}`), moment: formatInstant(decision.decidedAt) })}>
        {canSign && (
          <button type="button" aria-expanded={mode === 'signed'} onClick={() => open('signed')} {...opener(signing)}>
            {t('decisionPanel.markSigned')}
          </button>
        )}
        {decision.correctable && (
          <>
            <button type="button" aria-expanded={mode === 'correct'} onClick={() => open('correct')} {...opener(correcting)}>
              {t('decisionPanel.correct')}
            </button>
            <button type="button" aria-expanded={mode === 'remedy'} onClick={() => open('remedy')} {...opener(correcting)}>
              {t('decisionPanel.recordRemedy')}
            </button>
          </>
        )}
        <button type="button" aria-expanded={mode === 'signals'} onClick={() => open('signals')} {...opener(signalling)}>
          {t('decisionPanel.editSignals')}
        </button>
      </div>
      <UnavailableReason availability={refused} id={reasonId} />
      {!decision.correctable && <p className="muted">{t('decisionPanel.locked')}</p>}
      <p role="status" aria-live="polite">
        {status}
      </p>
      {mode === 'signed' && <SignedForm decision={decision} onDone={done} onCancel={() => setMode(null)} />}
      {(mode === 'correct' || mode === 'remedy') && <CorrectionForm key={mode} decision={decision} remedyOnly={mode === 'remedy'} onDone={done} onCancel={() => setMode(null)} />}
      {mode === 'signals' && <SignalsForm decision={decision} onDone={done} onCancel={() => setMode(null)} />}
    </article>
  );
}

function DecisionFacts({ decision: d }: { decision: DecisionView }) {
  const { t } = useTranslation();
  const presence = d.suspectPresent === null ? 'unknown' : d.suspectPresent ? 'yes' : 'no';
  return (
    <dl className="definition-list">
      <dt>{t('decisionPanel.decided')}</dt>
      <dd>{t('decisionPanel.decidedText', { moment: formatInstant(d.decidedAt), by: d.decidedBy })}</dd>
      {d.kind === 'judgment' && (
        <>
          <dt>{t('decisionPanel.suspectPresent')}</dt>
          <dd>{t(`decisionPanel.presence.${presence}`)}</dd>
        </>
      )}
      <dt>{t('decisionPanel.sanctions')}</dt>
      <dd>
        <ul className="plain-list" data-testid="decision-sanctions">
          {d.sanctions.map((s) => (
            <li key={s.id}>{sanctionText(s, t)}</li>
          ))}
        </ul>
      </dd>
      <dt>{t('decisionPanel.conditions')}</dt>
      <dd>{d.conditions ?? t('decisionPanel.none')}</dd>
      {d.kind === 'judgment' && (
        <>
          <dt>{t('decisionPanel.signed')}</dt>
          <dd data-testid="decision-signed">{d.judgmentSignedAt ? formatInstant(d.judgmentSignedAt) : t('decisionPanel.notSigned')}</dd>
        </>
      )}
      <dt>{t('decisionPanel.remedy')}</dt>
      <dd data-testid="decision-remedy">
        {d.remedy === 'none' || d.remedyFiledAt === null
          ? t(`decisionPanel.remedyValue.${d.remedy}`)
          : t('decisionPanel.remedyText', { remedy: t(`decisionPanel.remedyValue.${d.remedy}`), moment: formatInstant(d.remedyFiledAt) })}
      </dd>
      <dt>{t('decisionPanel.handoff')}</dt>
      <dd data-testid="decision-handoff">
        {d.handoff === null ? (
          t('decisionPanel.noHandoff')
        ) : (
          <ul className="plain-list">
            <li>{t(`decisionPanel.handoffStatus.${d.handoff.status}`)}</li>
            <li>
              {t('decisionPanel.correlation')}: <code>{d.handoff.correlationId}</code>
            </li>
            {d.handoff.attempt > 0 && (
              <li>
                {t('decisionPanel.attempt')}: {d.handoff.attempt}
              </li>
            )}
            {d.handoff.returnLabel && (
              <li>
                {t('decisionPanel.returnReason')}: {d.handoff.returnLabel}
                {d.handoff.status === 'returned' && <ReturnRepairLinks caseId={d.caseId} returnCode={d.handoff.returnCode} returnReason={d.handoff.returnReason} />}
              </li>
            )}
            {d.handoff.returnCount > 0 && <li>{t('decisionPanel.loops', { count: d.handoff.returnCount })}</li>}
          </ul>
        )}
      </dd>
      <dt>{t('decisionPanel.signals')}</dt>
      <dd data-testid="decision-signals">
        <ul className="plain-list">
          {SIGNAL_KEYS.map((key) => (
            <li key={key}>
              {t(`outcomes.signal.${key}`)}: {t(`outcomes.signalValue.${d.signals[key]}`)}
            </li>
          ))}
          {d.signals.note && <li>{d.signals.note}</li>}
        </ul>
        <p className="field-hint">{t('decisionPanel.signalsExplain')}</p>
      </dd>
    </dl>
  );
}

/** Field errors keyed by the whole path ('sanctions.0.amountCents', 'reason'). */
const byPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** An optional moment as typed ('14-04-2026 18:05'): null when empty, an error message when not a moment. */
function optionalMoment(text: string, invalid: string): { value: string | null; error?: string } {
  if (text.trim() === '') return { value: null };
  const parsed = parseDutchDateTime(text);
  return parsed.ok ? { value: parsed.value } : { value: null, error: parsed.message || invalid };
}

interface FormProps {
  decision: DecisionView;
  onDone: () => void;
  onCancel: () => void;
}

function FormButtons({ mutation, save, onCancel }: { mutation: { availability: OperationAvailability; isPending: boolean }; save: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <ActionButton mutation={mutation} type="submit">
        {mutation.isPending ? t('decisionPanel.saving') : save}
      </ActionButton>
      <button type="button" onClick={onCancel}>
        {t('decisionPanel.cancel')}
      </button>
    </div>
  );
}

/** Court -> OM: the moment the judgment was signed (defaults to now). */
function SignedForm({ decision, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const [signedAt, setSignedAt] = useState(() => formatForInput(new Date().toISOString()));
  const [error, setError] = useState<string | undefined>();
  // The app's one refresh rule updates the page and the hand-off queue.
  const mutation = useOperationMutation('decisions.markSigned', { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const moment = optionalMoment(signedAt, t('decisionPanel.notAMoment'));
    if (moment.error || moment.value === null) {
      setError(moment.error ?? t('decisionPanel.notAMoment'));
      return;
    }
    setError(undefined);
    mutation.mutate({ decisionId: decision.id, signedAt: moment.value, expectedVersion: decision.version });
  };
  return (
    <form onSubmit={submit} noValidate className="panel" aria-label={t('decisionPanel.signedTitle')}>
      <h4>{t('decisionPanel.signedTitle')}</h4>
      <TextField label={t('decisionPanel.signedAt')} value={signedAt} onChange={setSignedAt} error={error} />
      <FormButtons mutation={mutation} save={t('decisionPanel.saveSigned')} onCancel={onCancel} />
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}

/**
 * decisions.update with a reason. `remedyOnly` shows just the remedy fields and sends the rest as
 * stored; otherwise sanctions, conditions, signed moment and remedy are all editable.
 */
function CorrectionForm({ decision, remedyOnly, onDone, onCancel }: FormProps & { remedyOnly: boolean }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<SanctionDraft[]>(() => decision.sanctions.map(draftOf));
  const [conditions, setConditions] = useState(decision.conditions ?? '');
  const [signedAt, setSignedAt] = useState(decision.judgmentSignedAt ? formatForInput(decision.judgmentSignedAt) : '');
  const [remedy, setRemedy] = useState<Remedy>(remedyOnly && decision.remedy === 'none' ? REMEDY_OF[decision.kind] : decision.remedy);
  const [remedyFiledAt, setRemedyFiledAt] = useState(decision.remedyFiledAt ? formatForInput(decision.remedyFiledAt) : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The app's one refresh rule updates the page and the hand-off queue.
  const mutation = useOperationMutation('decisions.update', { onSuccess: onDone });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = t('decisionPanel.notAMoment');
    const typing = draftTypingErrors(drafts, { amount: t('outcomes.notAnAmount'), number: t('outcomes.notANumber') });
    const local: Record<string, string> = Object.fromEntries(Object.entries(typing).map(([key, message]) => [`sanctions.${key}`, message]));
    const signed = optionalMoment(signedAt, invalid);
    const filed = optionalMoment(remedyFiledAt, invalid);
    if (signed.error) local['judgmentSignedAt'] = signed.error;
    if (filed.error) local['remedyFiledAt'] = filed.error;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const input = {
      decisionId: decision.id,
      sanctions: drafts.map(toSanctionInput),
      conditions: conditions.trim() || null,
      judgmentSignedAt: decision.kind === 'judgment' ? signed.value : null,
      remedy,
      remedyFiledAt: remedy === 'none' ? null : filed.value,
      reason,
      expectedVersion: decision.version,
    };
    const checked = checkOperationInput('decisions.update', input, t, { fieldOf: byPath });
    setErrors(checked.errors);
    if (checked.input) mutation.mutate(checked.input);
  };

  const title = remedyOnly ? t('decisionPanel.remedyTitle') : t('decisionPanel.correctTitle');
  const remedyOptions: Remedy[] = ['none', REMEDY_OF[decision.kind]];
  return (
    <form onSubmit={submit} noValidate className="panel" aria-label={title}>
      <h4>{title}</h4>
      {!remedyOnly && (
        <>
          <SanctionRows drafts={drafts} onChange={setDrafts} errors={errors} legend={t('outcomes.sanctions')} />
          <TextField label={t('outcomes.conditions')} value={conditions} onChange={setConditions} error={errors['conditions']} />
          {decision.kind === 'judgment' && <TextField label={t('decisionPanel.judgmentSignedAt')} value={signedAt} onChange={setSignedAt} error={errors['judgmentSignedAt']} />}
        </>
      )}
      <div className="form-grid">
        <FieldShell label={t('decisionPanel.remedyKind')} error={errors['remedy']}>
          {(a11y) => (
            <select {...a11y} value={remedy} onChange={(e) => setRemedy(e.target.value as Remedy)}>
              {remedyOptions.map((value) => (
                <option key={value} value={value}>
                  {t(`decisionPanel.remedyValue.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {remedy !== 'none' && <TextField label={t('decisionPanel.remedyFiledAt')} value={remedyFiledAt} onChange={setRemedyFiledAt} error={errors['remedyFiledAt']} />}
      </div>
      <TextField label={t('decisionPanel.reason')} value={reason} onChange={setReason} error={errors['reason']} />
      <FormButtons mutation={mutation} save={remedyOnly ? t('decisionPanel.saveRemedy') : t('decisionPanel.saveCorrection')} onCancel={onCancel} />
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}

/** The advisory signals as a person records them; nothing is computed from them. */
function SignalsForm({ decision, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const [signals, setSignals] = useState<Signals>(decision.signals);
  const [error, setError] = useState<string | undefined>();
  // The app's one refresh rule updates the page and the hand-off queue.
  const mutation = useOperationMutation('decisions.updateSignals', { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkOperationInput('decisions.updateSignals', { decisionId: decision.id, ...signals, expectedVersion: decision.version }, t);
    setError(Object.values(checked.errors)[0]);
    if (checked.input) mutation.mutate(checked.input);
  };
  return (
    <form onSubmit={submit} noValidate className="panel" aria-label={t('decisionPanel.signalsTitle')}>
      <h4>{t('decisionPanel.signalsTitle')}</h4>
      <SignalFields signals={signals} onChange={setSignals} />
      {error && <p className="field-error">{error}</p>}
      <FormButtons mutation={mutation} save={t('decisionPanel.saveSignals')} onCancel={onCancel} />
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
