import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityOverview, CapacitySession } from '../../../../shared/capacity/capacity-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { formatDate } from '../../i18n/format';
import { CancelSessionForm } from './CancelSessionForm';
import { DateField } from '../../components/DateTimeInputs';
import { sessionLabel } from './capacity-format';
import { ActionButton, ActionReason } from '../../components/ActionButton';

/** Closure days per location: add (seeing the sessions already on that day) and remove. */
export function ClosuresSection({ overview, today }: { overview: CapacityOverview; today: string }) {
  const { t } = useTranslation();
  const [locationId, setLocationId] = useState('');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [cancelling, setCancelling] = useState<CapacitySession | null>(null);
  const add = useOperationMutation('capacity.addClosure', { onSuccess: () => setReason('') });
  const remove = useOperationMutation('capacity.removeClosure');
  const locationName = (id: number) => overview.locations.find((l) => l.id === id)?.name ?? String(id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!locationId) found['locationId'] = t('capacity.validation.location');
    if (!date) found['date'] = t('capacity.validation.date');
    if (reason.trim().length < 3) found['reason'] = t('capacity.validation.closureReason');
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate({ locationId: Number(locationId), date, reason: reason.trim() });
  };

  return (
    <section className="panel" aria-labelledby="closures-title">
      <h2 id="closures-title">{t('capacity.closuresTitle')}</h2>
      <p>{t('capacity.closuresIntro')}</p>
      {overview.closures.length === 0 ? (
        <p>{t('capacity.noClosures')}</p>
      ) : (
        <>
          <ActionReason mutation={remove} id="closures-remove-unavailable" />
          <table className="data-table">
            <caption>{t('capacity.closuresCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('capacity.colDate')}</th>
                <th scope="col">{t('capacity.colLocation')}</th>
                <th scope="col">{t('capacity.colReason')}</th>
                <th scope="col">{t('capacity.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.closures.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{formatDate(c.date)}</th>
                  <td>{locationName(c.locationId)}</td>
                  <td>{c.reason}</td>
                  <td>
                    <ActionButton
                      mutation={remove}
                      reasonId="closures-remove-unavailable"
                      className="secondary"
                      aria-label={t('capacity.removeClosureLabel', { date: formatDate(c.date), location: locationName(c.locationId) })}
                      onClick={() => remove.mutate({ closureId: c.id })}
                    >
                      {t('capacity.removeClosure')}
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {remove.isError && <ErrorPanel error={remove.error} />}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField
            label={t('capacity.location')}
            value={locationId}
            onChange={setLocationId}
            options={overview.locations.map((l) => ({ value: String(l.id), label: l.name }))}
            placeholder={t('capacity.chooseLocation')}
            error={errors['locationId']}
          />
          <DateField label={t('capacity.closureDate')} value={date} onChange={setDate} error={errors['date']} />
          <TextField label={t('capacity.closureReason')} value={reason} onChange={setReason} error={errors['reason']} />
        </div>
        {add.isError && <ErrorPanel error={add.error} />}
        <div className="actions">
          <ActionButton mutation={add} type="submit">
            {t('capacity.addClosure')}
          </ActionButton>
        </div>
      </form>
      {add.isSuccess && (
        <div role="status">
          <p className="success">{t('capacity.closureAdded')}</p>
          {add.data.sessionsOnThatDay.length > 0 && (
            <>
              <p>{t('capacity.closureSessions', { count: add.data.sessionsOnThatDay.length })}</p>
              <ul>
                {add.data.sessionsOnThatDay.map((s) => (
                  <li key={s.id}>
                    {sessionLabel(t, s)}{' '}
                    <button type="button" className="link-button" aria-label={t('capacity.cancelSessionLabel', { session: sessionLabel(t, s) })} onClick={() => setCancelling(s)}>
                      {t('capacity.cancelSession')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {cancelling && (
        <CancelSessionForm key={cancelling.id} session={{ id: cancelling.id, version: cancelling.version, booked: cancelling.booked, label: sessionLabel(t, cancelling) }} onClose={() => setCancelling(null)} />
      )}
    </section>
  );
}
