import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../i18n/format';

/** The legal settings in force, with their source and whether the statute still needs checking, and the holidays. */
export function SettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const query = useQuery({ queryKey: ['settings.get'], queryFn: () => api.call('settings.get', {}) });
  if (query.isError) return <ErrorPanel error={query.error} />;
  if (!query.data) return <p role="status">{t('app.loading')}</p>;
  const show = (value: unknown) =>
    typeof value === 'boolean' ? (value ? t('settings.yes') : t('settings.no')) : Array.isArray(value) ? value.map((v) => t(`modality.${String(v)}`)).join(', ') : typeof value === 'object' && value !== null ? Object.entries(value).map(([k, v]) => `${String(v)} ${k === 'days' ? 'd' : k === 'hours' ? 'u' : k}`).join(' ') : String(value);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
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
          {query.data.deadlines.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>{show(s.value)}</td>
              <td>{show(s.defaultValue)}</td>
              <td>{s.article}</td>
              <td>{s.verify ? <strong>{t('settings.verify')}</strong> : t('settings.checked')}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
          {query.data.holidays.map((h) => (
            <tr key={h.date}>
              <td>{formatDate(h.date)}</td>
              <td>{h.name}</td>
              <td>{t(`settings.${h.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
