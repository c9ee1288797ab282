import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OperationOutput } from '../../../../shared/api/contract';
import { ApiError } from '../../api/api-error';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { UndoNotice } from '../../components/UndoNotice';
import { TextField } from '../../components/FormField';
import { ActionButton } from '../../components/ActionButton';

export interface CancellableSession {
  id: number;
  /** The session's version as loaded: the cancellation is refused (CONFLICT) when it changed since. */
  version: number;
  /** Cases with a hearing on the session (the week view and the capacity page both know it). */
  booked: number;
  /** How the session reads in the heading: date, time and room. */
  label: string;
}

/**
 * Cancels one session with a reason. With cases planned on it the coordinator must tick the
 * confirmation; the back end lists those cases if it refuses. Reusable from the week view.
 */
export function CancelSessionForm({
  session,
  onCancelled,
  onClose,
}: {
  session: CancellableSession;
  onCancelled?: (result: OperationOutput<'sessions.cancel'>) => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const cancel = useOperationMutation('sessions.cancel', { onSuccess: (result) => onCancelled?.(result) });
  // Only the refusal that asks for the confirmation carries a detail on 'confirm'; a version conflict
  // (someone changed the session meanwhile) does not, and needs 'Opnieuw laden' instead of the checkbox.
  const refusedForCases = cancel.error instanceof ApiError && cancel.error.body.code === 'CONFLICT' && (cancel.error.body.details ?? []).some((d) => d.path === 'confirm');
  const needsConfirm = session.booked > 0 || refusedForCases;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const error = reason.trim().length < 3 ? t('capacity.cancelReasonRequired') : undefined;
    setReasonError(error);
    if (!error) cancel.mutate({ sessionId: session.id, reason: reason.trim(), confirm, expectedVersion: session.version });
  };

  if (cancel.isSuccess) {
    const cases = cancel.data.plannedCases;
    return (
      <div className="subpanel">
        <UndoNotice token={cancel.data.undo} focusOnShow>
          {cases.length > 0 ? t('capacity.cancelledReplanList', { count: cases.length }) : t('capacity.cancelled')}
        </UndoNotice>
        {cases.length > 0 && (
          <ul className="plain-list" data-testid="cancelled-cases">
            {cases.map((c) => (
              <li key={c.caseId}>
                <Link to={`/zaken/${c.caseId}`}>{c.parketnummer}</Link>
              </li>
            ))}
          </ul>
        )}
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            {t('capacity.close')}
          </button>
        )}
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="subpanel" aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{t('capacity.cancelTitle', { session: session.label })}</h3>
      {session.booked > 0 && <p>{t('capacity.cancelBooked', { count: session.booked })}</p>}
      <TextField label={t('capacity.cancelReason')} value={reason} onChange={setReason} error={reasonError} />
      {needsConfirm && (
        <label className="checkbox">
          <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
          {t('capacity.cancelConfirm')}
        </label>
      )}
      {cancel.isError && <ErrorPanel error={cancel.error} fieldLabels={{ confirm: t('capacity.cancelConfirmField') }} />}
      <div className="actions">
        <ActionButton mutation={cancel} type="submit">
          {t('capacity.cancelSubmit')}
        </ActionButton>
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            {t('capacity.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
