import { useTranslation } from 'react-i18next';
import type { RotaOverview } from '../../../../shared/rota/rota-schemas';
import { formatShortDay } from '../../i18n/format';
import { AssignControl, ASSIGN_UNAVAILABLE_ID } from './AssignControl';
import { useOperationAvailability } from '../../api/use-operation-availability';
import { UnavailableReason } from '../../components/sync/UnavailableReason';

/** The coming six weeks' sessions with their judge and prosecutor, each changeable from the keyboard. */
export function SessionAssignments({ rota }: { rota: RotaOverview }) {
  const { t } = useTranslation();
  const active = rota.persons.filter((p) => p.active);
  const judges = active.filter((p) => p.role !== 'ovj');
  const prosecutors = active.filter((p) => p.role === 'ovj');
  const assign = useOperationAvailability('sessions.assign');
  return (
    <section className="panel" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('rota.assignmentsTitle')}</h2>
      {rota.sessions.length === 0 ? (
        <p>{t('rota.noSessionsInHorizon')}</p>
      ) : (
        <div className="table-scroll">
          <UnavailableReason availability={assign} id={ASSIGN_UNAVAILABLE_ID} />
          <table className="data-table" data-testid="rota-sessions">
            <caption>{t('rota.assignmentsCaption', { from: formatShortDay(rota.from), to: formatShortDay(rota.to), count: rota.sessions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rota.colSession')}</th>
                <th scope="col">{t('rota.colRoom')}</th>
                <th scope="col">{t('rota.colJudge')}</th>
                <th scope="col">{t('rota.colProsecutor')}</th>
              </tr>
            </thead>
            <tbody>
              {rota.sessions.map((s) => {
                const label = `${formatShortDay(s.date)} ${s.startTime}–${s.endTime}, ${s.room}`;
                return (
                  <tr key={s.id}>
                    <th scope="row">
                      {formatShortDay(s.date)} {s.startTime}–{s.endTime}
                      <br />
                      <span className="muted">{t(`sessionType.${s.sessionType}`)}</span>
                    </th>
                    <td>
                      {s.location}, {s.room}
                    </td>
                    <td>
                      <AssignControl session={s} role="judge" candidates={judges} sessionLabel={label} />
                    </td>
                    <td>
                      <AssignControl session={s} role="prosecutor" candidates={prosecutors} sessionLabel={label} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
