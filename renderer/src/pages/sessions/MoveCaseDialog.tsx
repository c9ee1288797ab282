import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell } from '../../components/FormField';
import { formatShortDay } from '../../i18n/format';

export interface MoveRequest {
  caseId: number;
  parketnummer: string;
  fromSessionId: number;
  /** The session the case was dropped on; null when the move was started from the keyboard. */
  toSessionId: number | null;
}

export interface MoveOutcome {
  parketnummer: string;
  /** The hearing the case now has (null when it was taken out of the planning). */
  hearing: CaseDetail['hearings'][number] | null;
}

/**
 * Confirms a move started by dragging a case onto another session, or by its 'Verplaatsen' button
 * (the keyboard way). The target's rule breaches come from the same check the service applies; a
 * breach needs an explicit confirmation, and the reason always goes into the history.
 */
export function MoveCaseDialog({ request, window, onClose }: { request: MoveRequest; window: { from: string; to: string }; onClose: (outcome?: MoveOutcome) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const candidates = useQuery({
    queryKey: ['planner.candidates', request.caseId, window.from, window.to],
    queryFn: () => api.call('planner.candidates', { caseId: request.caseId, ...window }),
  });
  const [sessionId, setSessionId] = useState(request.toSessionId === null ? '' : String(request.toSessionId));
  const [pin, setPin] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    // A modal <dialog> keeps focus inside and closes on Escape; jsdom lacks showModal.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
  }, []);

  const place = useMutation({
    mutationFn: (input: Parameters<typeof api.call<'planner.place'>>[1]) => api.call('planner.place', input),
    onSuccess: (result, input) => {
      queryClient.setQueryData(['cases.get', request.caseId], result.detail);
      for (const key of ['planner.candidates', 'queue.list', 'sessions.week', 'planner.problems']) void queryClient.invalidateQueries({ queryKey: [key] });
      const hearing = input.sessionId === null ? null : (result.detail.hearings.find((h) => h.status === 'planned' && h.sessionId === input.sessionId) ?? null);
      close({ parketnummer: request.parketnummer, hearing });
    },
  });

  const close = (outcome?: MoveOutcome) => {
    const element = dialog.current;
    if (element && typeof element.close === 'function') element.close();
    onClose(outcome);
  };

  const chosen = candidates.data?.find((c) => String(c.sessionId) === sessionId);
  const droppedOnUnacceptable = request.toSessionId !== null && candidates.isSuccess && !candidates.data.some((c) => c.sessionId === request.toSessionId);

  const submit = (target: number | null) => (event?: FormEvent) => {
    event?.preventDefault();
    const missing = reason.trim().length < 3 ? t('placement.reasonRequired') : undefined;
    setError(missing);
    if (!missing) place.mutate({ caseId: request.caseId, sessionId: target, pin, reason, confirmBreach: confirm });
  };

  return (
    <dialog ref={dialog} className="move-dialog" aria-labelledby="move-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <form onSubmit={submit(chosen ? chosen.sessionId : null)} noValidate>
        <h2 id="move-title">{t('move.title', { parketnummer: request.parketnummer })}</h2>
        {droppedOnUnacceptable && (
          <p className="panel panel-error" role="alert">
            {t('move.notAccepted')}
          </p>
        )}
        {candidates.isError && <ErrorPanel error={candidates.error} />}
        <FieldShell label={t('move.target')}>
          {(a11y) => (
            <select {...a11y} value={sessionId} onChange={(e) => { setSessionId(e.target.value); setConfirm(false); }}>
              <option value="">{candidates.isPending ? t('app.loading') : t('placement.chooseSession')}</option>
              {(candidates.data ?? []).map((c) => (
                <option key={c.sessionId} value={c.sessionId}>
                  {`${formatShortDay(c.date)} ${c.startTime} · ${t(`sessionType.${c.sessionType}`)} · ${c.location}, ${c.room} · ${t('placement.free', { count: c.free })}${c.breaches.length ? ` · ${t('placement.breaks')}` : ''}`}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {chosen && chosen.breaches.length > 0 && (
          <div className="panel panel-error" role="alert">
            <p>
              <strong>{t('placement.breachTitle')}</strong>
            </p>
            <ul>
              {chosen.breaches.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
            <div className="checkbox">
              <input id="move-confirm" type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
              <label htmlFor="move-confirm">{t('placement.confirm')}</label>
            </div>
          </div>
        )}
        <div className="checkbox">
          <input id="move-pin" type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} />
          <label htmlFor="move-pin">{t('placement.pin')}</label>
        </div>
        <FieldShell label={t('placement.reason')} error={error}>
          {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </FieldShell>
        {place.isError && <ErrorPanel error={place.error} />}
        <div className="actions">
          <button type="submit" disabled={!chosen || place.isPending || (chosen.breaches.length > 0 && !confirm)}>
            {t('placement.submitMove')}
          </button>
          <button type="button" className="secondary" onClick={() => submit(null)()} disabled={place.isPending}>
            {t('placement.unplan')}
          </button>
          <button type="button" className="secondary" onClick={() => close()}>
            {t('move.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
