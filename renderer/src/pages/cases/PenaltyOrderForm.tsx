import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { parseDutchDateTime } from '../../../../shared/intake/dutch-datetime';
import { UNKNOWN_SIGNALS, type Signals } from '../../../../shared/outcomes/outcome-record';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { checkOperationInput } from '../../forms/validate-input';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/FormField';
import { draftTypingErrors, newSanctionDraft, toSanctionInput, type SanctionDraft } from '../outcomes/sanction-draft';
import { SanctionRows } from '../outcomes/SanctionRows';
import { SignalFields } from '../outcomes/SignalFields';
import { ActionButton } from '../../components/ActionButton';

/**
 * The OM strafbeschikking of a case the ZSM table decided that way: its sanctions and the moment it
 * was handed to the person. Shown only while that is still to be recorded.
 */
export function PenaltyOrderForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const latest = detail.zsmDecisions.reduce<CaseDetail['zsmDecisions'][number] | null>((a, d) => (a === null || d.id > a.id ? d : a), null);
  const applies = detail.status === 'zsm_decided' && latest?.outcome === 'strafbeschikking';
  const existing = useOperationQuery('decisions.forCase', { caseId: detail.id }, { enabled: applies });
  const [decidedBy, setDecidedBy] = useState(latest?.prosecutorName ?? '');
  const [deliveredAt, setDeliveredAt] = useState('');
  const [drafts, setDrafts] = useState<SanctionDraft[]>(() => [newSanctionDraft('fine')]);
  const [conditions, setConditions] = useState('');
  const [signals, setSignals] = useState<Signals>(UNKNOWN_SIGNALS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useOperationMutation('decisions.recordPenaltyOrder');
  if (!applies || existing.data === undefined) return null;
  if (existing.data.some((d) => d.kind === 'penalty_order')) return mutation.isSuccess ? <p role="status">{t('outcomes.penaltyOrderSaved')}</p> : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typing = draftTypingErrors(drafts, { amount: t('outcomes.notAnAmount'), number: t('outcomes.notANumber') });
    const moment = parseDutchDateTime(deliveredAt);
    const local: Record<string, string> = Object.fromEntries(Object.entries(typing).map(([key, message]) => [`sanctions.${key}`, message]));
    if (!moment.ok) local['deliveredAt'] = deliveredAt.trim() === '' ? t('outcomes.notAMoment') : moment.message;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const input = { caseId: detail.id, decidedBy, deliveredAt: moment.ok ? moment.value : '', sanctions: drafts.map(toSanctionInput), conditions: conditions.trim() || null, signals };
    const checked = checkOperationInput('decisions.recordPenaltyOrder', input, t, {
      labels: { decidedBy: t('outcomes.penaltyOrderDecidedBy') },
      fieldOf: (path) => path.map(String).join('.'),
    });
    setErrors(checked.errors);
    if (checked.input) mutation.mutate(checked.input);
  };

  return (
    <section className="panel" aria-labelledby="penalty-order-title">
      <form onSubmit={submit} noValidate>
        <h2 id="penalty-order-title">{t('outcomes.penaltyOrderTitle')}</h2>
        <p className="muted">{t('outcomes.penaltyOrderIntro')}</p>
        <div className="form-grid">
          <TextField label={t('outcomes.penaltyOrderDecidedBy')} value={decidedBy} onChange={setDecidedBy} error={errors['decidedBy']} />
          <TextField label={t('outcomes.deliveredAt')} value={deliveredAt} onChange={setDeliveredAt} error={errors['deliveredAt']} />
        </div>
        <div className="decision-columns">
          <SanctionRows drafts={drafts} onChange={setDrafts} errors={errors} legend={t('outcomes.sanctions')} />
          <SignalFields signals={signals} onChange={setSignals} />
        </div>
        <TextField label={t('outcomes.conditions')} value={conditions} onChange={setConditions} error={errors['conditions']} />
        <div className="actions">
          <ActionButton mutation={mutation} type="submit">
            {mutation.isPending ? t('outcomes.saving') : t('outcomes.penaltyOrderSave')}
          </ActionButton>
        </div>
        {mutation.isError && <ErrorPanel error={mutation.error} />}
      </form>
    </section>
  );
}

