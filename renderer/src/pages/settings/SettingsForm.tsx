import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsOverview } from '../../../../shared/api/contract';
import type { DeadlineSettings } from '../../../../shared/deadlines/settings';
import { HEARD_MODALITIES } from '../../../../shared/domain/modality';
import { parseDutchDate } from '../../../../shared/intake/dutch-datetime';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { rebaseDraft } from '../../components/rebase-draft';
import { FieldShell } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { formatDate, formatNumber } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

type Values = DeadlineSettings;
const toDutch = (iso: string) => iso.split('-').reverse().join('-');

/** Edit the legal settings, confirm the readings still to be checked, and keep the days made equal to holidays. */
export function SettingsForm({ overview }: { overview: SettingsOverview }) {
  const { t } = useTranslation();
  // The settings as the draft started from them: their version goes with the save (CONFLICT when stale).
  const [loaded, setLoaded] = useState(overview);
  const [values, setValues] = useState<Values>(overview.values);
  const [confirmed, setConfirmed] = useState(confirmedOf(overview));
  const [days, setDays] = useState(daysOf(overview));
  const [releaseDays, setReleaseDays] = useState(String(overview.reservationReleaseWorkingDays));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (overview.version !== loaded.version) {
    // Reloaded (after a conflict, or after our own save): keep what the user changed, take the rest fresh.
    setValues(rebaseDraft(values, loaded.values, overview.values));
    const mine = Object.fromEntries(overview.deadlines.map((d) => [d.key, confirmed.has(d.key)]));
    const before = Object.fromEntries(overview.deadlines.map((d) => [d.key, confirmedOf(loaded).has(d.key)]));
    const fresh = Object.fromEntries(overview.deadlines.map((d) => [d.key, d.confirmed]));
    setConfirmed(new Set(Object.entries(rebaseDraft(mine, before, fresh)).flatMap(([key, on]) => (on ? [key] : []))));
    setDays(rebaseDraft(days, daysOf(loaded), daysOf(overview)));
    if (releaseDays === String(loaded.reservationReleaseWorkingDays)) setReleaseDays(String(overview.reservationReleaseWorkingDays));
    setLoaded(overview);
  }
  const save = useOperationMutation('settings.update', { onSuccess: () => setReason('') });
  const labels: Record<string, string> = {
    ...Object.fromEntries(overview.deadlines.map((d) => [d.key, d.label])),
    ...Object.fromEntries(Object.keys(overview.equivalentDaysByYear).map((year) => [`days-${year}`, t('settings.equivalentDaysYear', { year })])),
    reservationReleaseWorkingDays: t('settings.reservationReleaseWorkingDays'),
    reason: t('settings.reason'),
  };

  const setValue = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const numberInput = (key: keyof Values, value: number | null, allowEmpty = false) => (
    <input
      type="number"
      inputMode="numeric"
      value={value ?? ''}
      onChange={(e) => setValue(key, (e.target.value === '' && allowEmpty ? null : Number(e.target.value)) as never)}
      aria-label={overview.deadlines.find((d) => d.key === key)?.label}
    />
  );
  const control = (key: keyof Values) => {
    const value = values[key];
    if (typeof value === 'boolean') {
      return <input type="checkbox" checked={value} onChange={(e) => setValue(key, e.target.checked as never)} aria-label={overview.deadlines.find((d) => d.key === key)?.label} />;
    }
    if (Array.isArray(value)) {
      return (
        <fieldset className="inline-choices">
          <legend className="visually-hidden">{overview.deadlines.find((d) => d.key === key)?.label}</legend>
          {HEARD_MODALITIES.map((m) => (
            <label key={m}>
              <input
                type="checkbox"
                checked={value.includes(m)}
                onChange={(e) => setValue(key, (e.target.checked ? [...value, m] : value.filter((x) => x !== m)) as never)}
              />{' '}
              {t(`modality.${m}`)}
            </label>
          ))}
        </fieldset>
      );
    }
    if (value !== null && typeof value === 'object') {
      return (
        <span className="inline-choices">
          <label>
            <input type="number" value={value.days} onChange={(e) => setValue(key, { ...value, days: Number(e.target.value) } as never)} /> {t('settings.days')}
          </label>
          <label>
            <input type="number" value={value.hours} onChange={(e) => setValue(key, { ...value, hours: Number(e.target.value) } as never)} /> {t('settings.hours')}
          </label>
        </span>
      );
    }
    return numberInput(key, value, key === 'supersnelrechtTargetHours');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const equivalentDaysByYear: Record<string, string[]> = {};
    for (const [year, text] of Object.entries(days)) {
      const parsed = text.split(',').map((d) => d.trim()).filter(Boolean).map(parseDutchDate);
      const bad = parsed.find((p) => !p.ok);
      if (bad && !bad.ok) next[`days-${year}`] = bad.message;
      equivalentDaysByYear[year] = parsed.flatMap((p) => (p.ok ? [p.value] : []));
    }
    const reservationReleaseWorkingDays = releaseDays.trim() === '' ? Number.NaN : Number(releaseDays);
    const input = { deadlines: values, equivalentDaysByYear, confirmed: [...confirmed], reservationReleaseWorkingDays, reason, expectedVersion: loaded.version };
    const checked = checkOperationInput('settings.update', input, t, {
      labels,
      fieldOf: (path) => (path[0] === 'equivalentDaysByYear' ? `days-${String(path[1])}` : String(path.at(-1))),
    });
    for (const [field, message] of Object.entries(checked.errors)) next[field] ??= message;
    setErrors(next);
    if (checked.input && Object.keys(next).length === 0) save.mutate(checked.input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.colSetting')}</th>
            <th scope="col">{t('settings.colValue')}</th>
            <th scope="col">{t('settings.colDefault')}</th>
            <th scope="col">{t('settings.colArticle')}</th>
            <th scope="col">{t('settings.colVerify')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.deadlines.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>
                {control(s.key as keyof Values)}
                {errors[s.key] && <p className="field-error">{errors[s.key]}</p>}
              </td>
              <td>{showValue(s.defaultValue, t)}</td>
              <td>{s.article}</td>
              <td>
                {s.verify ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={confirmed.has(s.key)}
                      onChange={(e) => setConfirmed((c) => (e.target.checked ? new Set([...c, s.key]) : new Set([...c].filter((k) => k !== s.key))))}
                    />{' '}
                    {confirmed.has(s.key) ? t('settings.confirmedByDistrict') : t('settings.verify')}
                  </label>
                ) : (
                  t('settings.checked')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('settings.equivalentDays')}</h2>
      <p className="muted">{t('settings.equivalentDaysHint')}</p>
      <div className="form-grid">
        {Object.keys(days).map((year) => (
          <FieldShell key={year} label={t('settings.equivalentDaysYear', { year })} error={errors[`days-${year}`]}>
            {(a11y) => <input {...a11y} value={days[year]} onChange={(e) => setDays((d) => ({ ...d, [year]: e.target.value }))} />}
          </FieldShell>
        ))}
      </div>
      <h2>{t('settings.reservations')}</h2>
      <div className="form-grid">
        <FieldShell label={t('settings.reservationReleaseWorkingDays')} hint={t('settings.reservationReleaseHint')} error={errors['reservationReleaseWorkingDays']}>
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={0} max={10} value={releaseDays} onChange={(e) => setReleaseDays(e.target.value)} />}
        </FieldShell>
      </div>
      <FieldShell label={t('settings.reason')} error={errors['reason']}>
        {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <ActionButton mutation={save} type="submit">
          {t('settings.save')}
        </ActionButton>
      </div>
      {save.isSuccess && (
        <p role="status" className="success">
          {t('settings.saved', { count: save.data.recomputedCases, formatted: formatNumber(save.data.recomputedCases) })}
        </p>
      )}
      {save.isError && <ErrorPanel error={save.error} />}
      <h2>{t('settings.holidays')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.colDate')}</th>
            <th scope="col">{t('settings.colName')}</th>
            <th scope="col">{t('settings.colKind')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.holidays.map((h) => (
            <tr key={h.date}>
              <td>{formatDate(h.date)}</td>
              <td>{h.name}</td>
              <td>{t(`settings.${h.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </form>
  );
}

function showValue(value: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (typeof value === 'boolean') return value ? t('settings.yes') : t('settings.no');
  if (value === null) return '—';
  if (Array.isArray(value)) return value.map((v) => t(`modality.${String(v)}`)).join(', ');
  if (typeof value === 'object') {
    const { days = 0, hours = 0 } = value as { days?: number; hours?: number };
    return t('settings.duration', { days, hours });
  }
  return String(value);
}

function confirmedOf(overview: SettingsOverview): Set<string> {
  return new Set(overview.deadlines.filter((d) => d.confirmed).map((d) => d.key));
}

/** The equivalent days per year as the form shows them (Dutch dates, comma-separated). */
function daysOf(overview: SettingsOverview): Record<string, string> {
  return Object.fromEntries(Object.entries(overview.equivalentDaysByYear).map(([y, list]) => [y, list.map(toDutch).join(', ')]));
}
