import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaPerson } from '../../../../shared/rota/rota-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatShortDay } from '../../i18n/format';
import { formatDutchDate as toDutchDate } from '../../../../shared/intake/dutch-datetime';
import { ActionButton, ActionReason } from '../../components/ActionButton';

/** One group of the rota (judges or prosecutors): role, coming absences, sessions in the horizon. */
export function PeopleTable({ caption, persons }: { caption: string; persons: RotaPerson[] }) {
  const { t } = useTranslation();
  const removeAbsence = useOperationMutation('people.removeUnavailability');
  const deactivate = useOperationMutation('people.deactivate');
  const reactivate = useOperationMutation('people.save');
  const reasonId = useId();
  const failed = removeAbsence.error ?? deactivate.error ?? reactivate.error;

  return (
    <section className="panel">
      {failed && <ErrorPanel error={failed} />}
      {/* The rota's changes share their roles and offline rule: one reason for every button of the table. */}
      <ActionReason mutation={deactivate} id={reasonId} />
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
                          <ActionButton
                            mutation={removeAbsence}
                            reasonId={reasonId}
                            className="secondary"
                            onClick={() => removeAbsence.mutate({ id: a.id })}
                            aria-label={t('rota.removeAbsenceOf', { name: p.name, from: toDutchDate(a.fromDate), to: toDutchDate(a.toDate) })}
                          >
                            {t('rota.removeAbsence')}
                          </ActionButton>
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
                    <ActionButton mutation={deactivate} reasonId={reasonId} className="secondary" onClick={() => deactivate.mutate({ id: p.id, expectedVersion: p.version })} aria-label={t('rota.deactivateNamed', { name: p.name })}>
                      {t('rota.deactivate')}
                    </ActionButton>
                  ) : (
                    <ActionButton mutation={reactivate} reasonId={reasonId} className="secondary" onClick={() => reactivate.mutate({ id: p.id, name: p.name, role: p.role, active: true, expectedVersion: p.version })} aria-label={t('rota.reactivateNamed', { name: p.name })}>
                      {t('rota.reactivate')}
                    </ActionButton>
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
