import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityOverview, CapacitySession } from '../../../../shared/capacity/capacity-schemas';
import { formatDate } from '../../i18n/format';
import { CancelSessionForm } from './CancelSessionForm';
import { DateField } from '../../components/DateTimeInputs';
import { SessionCapacityForm } from './SessionCapacityForm';
import { sessionLabel } from './capacity-format';

type Action = { kind: 'update' | 'cancel'; session: CapacitySession };

/** Two weeks of sessions; each scheduled one can get another capacity or be cancelled. */
export function SessionsSection({ overview, sessionsFrom, onSessionsFrom }: { overview: CapacityOverview; sessionsFrom: string; onSessionsFrom: (date: string) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const live = (session: CapacitySession) => overview.sessions.find((s) => s.id === session.id) ?? session;
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('capacity.sessionsTitle')}</h2>
      <div className="filters">
        <DateField label={t('capacity.sessionsFrom')} value={sessionsFrom} onChange={(d) => d && onSessionsFrom(d)} />
      </div>
      {overview.sessions.length === 0 ? (
        <p>{t('capacity.noSessions')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('capacity.sessionsCaption', { from: formatDate(overview.sessionsFrom), to: formatDate(overview.sessionsTo) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('capacity.colSession')}</th>
                <th scope="col">{t('capacity.colType')}</th>
                <th scope="col">{t('capacity.colCapacity')}</th>
                <th scope="col">{t('capacity.colOverbooking')}</th>
                <th scope="col">{t('capacity.colBooked')}</th>
                <th scope="col">{t('capacity.colStatus')}</th>
                <th scope="col">{t('capacity.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.sessions.map((s) => {
                const label = sessionLabel(t, s);
                return (
                  <tr key={s.id}>
                    <th scope="row">
                      {label}
                      {s.templateId === null && <span className="muted"> · {t('capacity.extraSession')}</span>}
                    </th>
                    <td>{t(`sessionType.${s.sessionType}`)}</td>
                    <td>{t('capacity.capacityText', { slots: s.capacitySlots, minutes: s.capacityMinutes })}</td>
                    <td>{s.overbookingSlots}</td>
                    <td>{s.booked}</td>
                    <td>{s.status === 'cancelled' ? t('capacity.cancelledStatus', { reason: s.cancelReason ?? '' }) : t('capacity.scheduledStatus')}</td>
                    <td>
                      {s.status === 'scheduled' && (
                        <div className="actions">
                          <button type="button" className="secondary" aria-label={t('capacity.editCapacityLabel', { session: label })} onClick={() => setAction({ kind: 'update', session: s })}>
                            {t('capacity.editCapacity')}
                          </button>
                          <button type="button" className="secondary" aria-label={t('capacity.cancelSessionLabel', { session: label })} onClick={() => setAction({ kind: 'cancel', session: s })}>
                            {t('capacity.cancelSession')}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {/* The session as shown now (its version changes when it is reloaded after a conflict); the form keeps its draft. */}
      {action?.kind === 'update' && <SessionCapacityForm key={action.session.id} session={live(action.session)} onClose={() => setAction(null)} />}
      {action?.kind === 'cancel' && (
        <CancelSessionForm key={action.session.id} session={{ id: action.session.id, version: live(action.session).version, booked: action.session.booked, label: sessionLabel(t, action.session) }} onClose={() => setAction(null)} />
      )}
    </section>
  );
}
