import { useTranslation } from 'react-i18next';
import type { CalendarSubjectKind, CalendarSubjects } from '../../../../shared/calendars/calendar-schemas';
import { formatDutchDate } from '../../../../shared/intake/dutch-datetime';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { CalendarDownloadButton } from './CalendarDownloadButton';

interface Row {
  id: number;
  name: string;
  detail: string;
}

/**
 * Agenda's (issue 15 item 6): the sessions of each judge, prosecutor and courtroom as an ICS file to
 * save and import into Outlook, Google or Apple Calendar. Built on request, so always current.
 */
export function CalendarsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendars.title'));
  const query = useOperationQuery('calendars.subjects', {});
  const subjects = query.data;
  return (
    <>
      <h1>{t('calendars.title')}</h1>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {subjects && (
        <>
          <p>{t('calendars.intro', { from: formatDutchDate(subjects.from), to: formatDutchDate(subjects.to) })}</p>
          <p>{t('calendars.update')}</p>
          <SubjectTable kind="judge" caption={t('calendars.judgesCaption')} detailLabel={t('calendars.colRole')} rows={people(subjects.judges, t)} />
          <SubjectTable kind="prosecutor" caption={t('calendars.prosecutorsCaption')} detailLabel={t('calendars.colRole')} rows={people(subjects.prosecutors, t)} />
          <SubjectTable
            kind="courtroom"
            caption={t('calendars.courtroomsCaption')}
            detailLabel={t('calendars.colLocation')}
            rows={subjects.courtrooms.map((r) => ({ id: r.id, name: r.name, detail: t('calendars.location', { location: r.location, city: r.city }) }))}
          />
        </>
      )}
    </>
  );
}

function people(list: CalendarSubjects['judges'], t: (key: string) => string): Row[] {
  return list.map((p) => ({ id: p.id, name: p.name, detail: p.active ? t(`rota.role.${p.role}`) : `${t(`rota.role.${p.role}`)} (${t('rota.inactive')})` }));
}

function SubjectTable({ kind, caption, detailLabel, rows }: { kind: CalendarSubjectKind; caption: string; detailLabel: string; rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel">
      {rows.length === 0 ? (
        <p>{t('calendars.nobody', { group: caption })}</p>
      ) : (
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendars.colName')}</th>
              <th scope="col">{detailLabel}</th>
              <th scope="col">{t('calendars.colCalendar')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                <td>{row.detail}</td>
                <td>
                  <CalendarDownloadButton subject={{ kind, id: row.id }} name={row.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
