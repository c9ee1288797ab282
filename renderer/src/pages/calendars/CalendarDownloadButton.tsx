import { useTranslation } from 'react-i18next';
import type { CalendarSubject } from '../../../../shared/calendars/calendar-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';

/** Offers the calendar text as a file to save (works in the browser and in Electron's window). */
function saveCalendar(file: { fileName: string; content: string }): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: 'text/calendar;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Agenda opslaan (.ics)" for one judge, prosecutor or courtroom; the file is built at the click. */
export function CalendarDownloadButton({ subject, name }: { subject: CalendarSubject; name: string }) {
  const { t } = useTranslation();
  const download = useOperationMutation('calendars.get', { onSuccess: (file) => saveCalendar(file) });
  return (
    <>
      <button type="button" disabled={download.isPending} onClick={() => download.mutate({ subject })} aria-label={t('calendars.saveFor', { name })}>
        {t('calendars.save')}
      </button>
      {download.isSuccess && (
        <span role="status" className="calendar-saved">
          {' '}
          {t('calendars.saved', { count: download.data.eventCount, fileName: download.data.fileName })}
        </span>
      )}
      {download.isError && <ErrorPanel error={download.error} />}
    </>
  );
}
