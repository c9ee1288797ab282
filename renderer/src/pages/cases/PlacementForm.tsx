import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays, format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell } from '../../components/FormField';
import { formatShortDay } from '../../i18n/format';

/**
 * Place, move or unplan a case by hand. Each candidate session shows what placing the case there would
 * break; breaking a rule needs an explicit confirmation, and the reason always goes into the history.
 */
export function PlacementForm({ detail, today = new Date() }: { detail: CaseDetail; today?: Date }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const from = format(today, 'yyyy-MM-dd');
  const to = format(addDays(today, 41), 'yyyy-MM-dd');
  const candidates = useQuery({ queryKey: ['planner.candidates', detail.id, from, to], queryFn: () => api.call('planner.candidates', { caseId: detail.id, from, to }) });
  const [sessionId, setSessionId] = useState('');
  const [pin, setPin] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const place = useMutation({
    mutationFn: (input: Parameters<typeof api.call<'planner.place'>>[1]) => api.call('planner.place', input),
    onSuccess: (result) => {
      queryClient.setQueryData(['cases.get', detail.id], result.detail);
      void queryClient.invalidateQueries({ queryKey: ['planner.candidates'] });
      void queryClient.invalidateQueries({ queryKey: ['queue.list'] });
      void queryClient.invalidateQueries({ queryKey: ['sessions.week'] });
      void queryClient.invalidateQueries({ queryKey: ['planner.problems'] });
      setReason('');
      setConfirm(false);
      setSessionId('');
      setPin(false);
    },
  });
  const chosen = candidates.data?.find((c) => String(c.sessionId) === sessionId);
  const planned = detail.status === 'planned';

  const submit = (target: number | null) => (event?: FormEvent) => {
    event?.preventDefault();
    const missing = reason.trim().length < 3 ? t('placement.reasonRequired') : undefined;
    setError(missing);
    if (!missing) place.mutate({ caseId: detail.id, sessionId: target, pin, reason, confirmBreach: confirm });
  };

  return (
    <form onSubmit={submit(chosen ? chosen.sessionId : null)} noValidate aria-labelledby="placement-title">
      <h2 id="placement-title">{planned ? t('placement.titleMove') : t('placement.titlePlace')}</h2>
      <FieldShell label={t('placement.session')}>
        {(a11y) => (
          <select {...a11y} value={sessionId} onChange={(e) => { setSessionId(e.target.value); setConfirm(false); }}>
            <option value="">{t('placement.chooseSession')}</option>
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
            <input id="placement-confirm" type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
            <label htmlFor="placement-confirm">{t('placement.confirm')}</label>
          </div>
        </div>
      )}
      <div className="checkbox">
        <input id="placement-pin" type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} />
        <label htmlFor="placement-pin">{t('placement.pin')}</label>
      </div>
      <FieldShell label={t('placement.reason')} error={error}>
        {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <button type="submit" disabled={!chosen || place.isPending || (chosen.breaches.length > 0 && !confirm)}>
          {planned ? t('placement.submitMove') : t('placement.submitPlace')}
        </button>
        {planned && (
          <button type="button" className="secondary" onClick={() => submit(null)()} disabled={place.isPending}>
            {t('placement.unplan')}
          </button>
        )}
      </div>
      {place.isSuccess && (
        <p role="status" className="success">
          {t('placement.saved')}
        </p>
      )}
      {place.isError && <ErrorPanel error={place.error} />}
    </form>
  );
}
