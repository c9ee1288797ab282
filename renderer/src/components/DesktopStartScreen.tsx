import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopBridge, DesktopStartState, OfflineStartOffer } from '../../../shared/api/desktop-bridge';
import { formatSyncMoment } from './sync/sync-format';

/**
 * The desktop's start screen (issue 13, item 6): open the district file (standalone) or connect to a
 * district server, the remembered choice preselected. Connecting opens the system browser to sign in;
 * the main process checks the address again (https only) and answers in Dutch. Issue 14: when the server
 * cannot be reached and this desktop holds a recent copy of it, the answer says why and offers, as a
 * button, to work on that copy as its owner without signing in; never silently.
 */
export function DesktopStartScreen({
  desktop,
  initial,
  onStarted,
  now = () => new Date(),
}: {
  desktop: DesktopBridge;
  initial: DesktopStartState;
  onStarted: () => void;
  now?: () => Date;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'file' | 'server'>(initial.remembered.mode);
  const [serverUrl, setServerUrl] = useState(initial.remembered.serverUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [offer, setOffer] = useState<OfflineStartOffer | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setOffer(null);
    if (mode === 'server' && !serverUrl.trim().toLowerCase().startsWith('https://')) {
      setMessage(t('desktopStart.httpsOnly'));
      return;
    }
    setBusy(true);
    try {
      const answer = await desktop.start(mode === 'server' ? { mode, serverUrl } : { mode });
      if (answer.ok) onStarted();
      else {
        setMessage(answer.message);
        setOffer(mode === 'server' ? (answer.offline ?? null) : null);
      }
    } catch {
      setMessage(t('desktopStart.failed'));
    } finally {
      setBusy(false);
    }
  };

  const startOffline = async (chosen: OfflineStartOffer) => {
    setBusy(true);
    try {
      const answer = await desktop.start({ mode: 'offline', serverUrl: chosen.serverUrl });
      if (answer.ok) onStarted();
      else {
        setOffer(null);
        setMessage(answer.message);
      }
    } catch {
      setMessage(t('desktopStart.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="panel desktop-start">
      <h1>{t('app.title')}</h1>
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <fieldset>
          <legend>{t('desktopStart.legend')}</legend>
          <label className="checkbox">
            <input type="radio" name="start-mode" value="file" checked={mode === 'file'} onChange={() => setMode('file')} />
            {t('desktopStart.file')}
          </label>
          <label className="checkbox">
            <input type="radio" name="start-mode" value="server" checked={mode === 'server'} onChange={() => setMode('server')} />
            {t('desktopStart.server')}
          </label>
        </fieldset>
        {mode === 'server' && (
          <p className="field">
            <label htmlFor="start-server-url">{t('desktopStart.url')}</label>
            <span id="start-server-hint" className="field-hint">
              {t('desktopStart.urlHint')}
            </span>
            <input
              id="start-server-url"
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder={t('desktopStart.urlPlaceholder')}
              value={serverUrl}
              required
              aria-describedby="start-server-hint"
              onChange={(event) => setServerUrl(event.target.value)}
            />
          </p>
        )}
        {message && (
          <p role="alert" className="field-error">
            {message}
          </p>
        )}
        {busy && mode === 'server' && !offer && <p role="status">{t('desktopStart.signingIn')}</p>}
        <div className="actions">
          {/* With an offline start on offer, that is the likely way on; connecting again stays a choice. */}
          <button type="submit" className={offer && mode === 'server' ? 'secondary' : undefined} disabled={busy} autoFocus>
            {mode === 'server' ? t('desktopStart.connect') : t('desktopStart.open')}
          </button>
          {offer && mode === 'server' && (
            <button type="button" disabled={busy} aria-describedby="start-offline-hint" onClick={() => void startOffline(offer)}>
              {t('desktopStart.offline', { name: offer.name, asOf: formatSyncMoment(offer.dataAsOf, now()) })}
            </button>
          )}
        </div>
        {offer && mode === 'server' && (
          <p id="start-offline-hint" className="field-hint">
            {t('desktopStart.offlineHint', { name: offer.name })}
          </p>
        )}
      </form>
    </main>
  );
}
