import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaPerson, RotaSession, SessionRole } from '../../../../shared/rota/rota-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ActionButton } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';

/** Where the sessions table says once why its assign buttons are disabled. */
export const ASSIGN_UNAVAILABLE_ID = 'rota-assign-unavailable';

interface Props {
  session: RotaSession;
  role: SessionRole;
  candidates: RotaPerson[];
  /** 'ma 22 jun 09:00–12:30, Zaal 1': names the select for screen readers. */
  sessionLabel: string;
}

/**
 * A select and a button (not a select that acts on change, which arrow keys would trigger). When the
 * back end asks for confirmation, its Dutch reasons are shown with 'Toch toewijzen' and a reason field.
 */
export function AssignControl({ session, role, candidates, sessionLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const currentId = role === 'judge' ? session.judgeId : session.prosecutorId;
  const currentName = role === 'judge' ? session.judgeName : session.prosecutorName;
  const [choice, setChoice] = useState(currentId === null ? '' : String(currentId));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const assign = useOperationMutation('sessions.assign', {
    onSuccess: (result) => {
      if (result.status !== 'needs_confirmation') setReason('');
    },
  });
  const chosenId = choice === '' ? null : Number(choice);
  const pending = assign.data?.status === 'needs_confirmation' ? assign.data : null;
  const away = (p: RotaPerson) => p.absences.some((a) => a.fromDate <= session.date && session.date <= a.toDate);
  // The current person stays selectable even when inactive, so the select shows the truth.
  const options = currentId !== null && !candidates.some((p) => p.id === currentId) ? [{ id: currentId, name: currentName ?? String(currentId), away: false }] : [];
  options.push(...candidates.map((p) => ({ id: p.id, name: p.name, away: away(p) })));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ sessionId: session.id, role, personId: chosenId, expectedVersion: session.version });
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t('rota.confirmReasonRequired'));
      return;
    }
    setReasonError(null);
    assign.mutate({ sessionId: session.id, role, personId: chosenId, confirm: true, reason: reason.trim(), expectedVersion: session.version });
  };

  return (
    <div>
      <form onSubmit={submit} className="assign-control">
        <label htmlFor={`${id}-select`} className="visually-hidden">
          {t(role === 'judge' ? 'rota.judgeFor' : 'rota.prosecutorFor', { session: sessionLabel })}
        </label>
        <select
          id={`${id}-select`}
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            assign.reset();
          }}
        >
          <option value="">{t('rota.nobodyAssigned')}</option>
          {options.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.away ? t('rota.optionAway', { name: o.name }) : o.name}
            </option>
          ))}
        </select>{' '}
        <ActionButton mutation={assign} type="submit" className="secondary" disabled={chosenId === currentId} reasonId={ASSIGN_UNAVAILABLE_ID}>
          {t('rota.assign')}
        </ActionButton>
      </form>
      {currentId === null && <p className="field-error">{t(role === 'judge' ? 'rota.noJudge' : 'rota.noProsecutor')}</p>}
      {assign.isError && <ErrorPanel error={assign.error} />}
      {pending && (
        <form role="alert" className="panel panel-error" onSubmit={confirm} noValidate>
          <p>{t('rota.needsConfirmation')}</p>
          <ul>
            {pending.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('rota.confirmReason')}</label>
            <input
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            />
            {reasonError && (
              <p id={`${id}-reason-error`} className="field-error">
                {reasonError}
              </p>
            )}
          </div>
          <div className="actions">
            <ActionButton mutation={assign} type="submit">
              {t('rota.assignAnyway')}
            </ActionButton>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                assign.reset();
                setChoice(currentId === null ? '' : String(currentId));
              }}
            >
              {t('rota.cancel')}
            </button>
          </div>
        </form>
      )}
      {assign.data?.status === 'assigned' && assign.data.warnings.length > 0 && <p role="status">{t('rota.assignedAnyway')}</p>}
    </div>
  );
}
