import { useTranslation } from 'react-i18next';
import type { RotaPerson } from '../../../../shared/rota/rota-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatShortDay } from '../../i18n/format';
import { formatDutchDate as toDutchDate } from '../../../../shared/intake/dutch-datetime';

/** One group of the rota (judges or prosecutors): role, coming absences, sessions in the horizon. */
export function PeopleTable({ caption, persons }: { caption: string; persons: RotaPerson[] }) {
  const { t } = useTranslation();
  const removeAbsence = useOperationMutation('people.removeUnavailability');
  const deactivate = useOperationMutation('people.deactivate');
  const reactivate = useOperationMutation('people.save');
  const failed = removeAbsence.error ?? deactivate.error ?? reactivate.error;

  return (
    <section className="panel">
      {failed && <ErrorPanel error={failed} />}
      {persons.length === 0 ? (
        <p>{t('rota.nobody', { group: caption })}</p>
      ) : (
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rota.colName')}</th>
              <th scope="col">{t('rota.colRole')}</th>
              <th scope="col">{t('rota.colAbsences')}</th>
              <th scope="col">{t('rota.colSessions')}</th>
              <th scope="col">{t('rota.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {persons.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  {!p.active && <> ({t('rota.inactive')})</>}
                </th>
                <td>{t(`rota.role.${p.role}`)}</td>
                <td>
                  {p.absences.length === 0 ? (
                    t('rota.noAbsences')
                  ) : (
                    <ul>
                      {p.absences.map((a) => (
                        <li key={a.id}>
                          {a.fromDate === a.toDate ? toDutchDate(a.fromDate) : t('rota.absenceRange', { from: toDutchDate(a.fromDate), to: toDutchDate(a.toDate) })} ({t(`rota.reason.${a.reason}`)}){' '}
                          <button
                            type="button"
                            className="secondary"
                            disabled={removeAbsence.isPending}
                            onClick={() => removeAbsence.mutate({ id: a.id })}
                            aria-label={t('rota.removeAbsenceOf', { name: p.name, from: toDutchDate(a.fromDate), to: toDutchDate(a.toDate) })}
                          >
                            {t('rota.removeAbsence')}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {p.sessions.length === 0
                    ? t('rota.noSessions')
                    : p.sessions.map((s) => `${formatShortDay(s.date)} ${s.startTime} ${s.room}`).join('; ')}
                </td>
                <td>
                  {p.active ? (
                    <button type="button" className="secondary" disabled={deactivate.isPending} onClick={() => deactivate.mutate({ id: p.id, expectedVersion: p.version })} aria-label={t('rota.deactivateNamed', { name: p.name })}>
                      {t('rota.deactivate')}
                    </button>
                  ) : (
                    <button type="button" className="secondary" disabled={reactivate.isPending} onClick={() => reactivate.mutate({ id: p.id, name: p.name, role: p.role, active: true, expectedVersion: p.version })} aria-label={t('rota.reactivateNamed', { name: p.name })}>
                      {t('rota.reactivate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
