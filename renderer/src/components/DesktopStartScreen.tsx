import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopBridge, DesktopStartState } from '../../../shared/api/desktop-bridge';

/**
 * The desktop's start screen (issue 13, item 6): open the district file (standalone) or connect to a
 * district server, the remembered choice preselected. Connecting opens the system browser to sign in;
 * the main process checks the address again (https only) and answers in Dutch.
 */
export function DesktopStartScreen({ desktop, initial, onStarted }: { desktop: DesktopBridge; initial: DesktopStartState; onStarted: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'file' | 'server'>(initial.remembered.mode);
  const [serverUrl, setServerUrl] = useState(initial.remembered.serverUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (mode === 'server' && !serverUrl.trim().toLowerCase().startsWith('https://')) {
      setMessage(t('desktopStart.httpsOnly'));
      return;
    }
    setBusy(true);
    try {
      const answer = await desktop.start(mode === 'server' ? { mode, serverUrl } : { mode });
      if (answer.ok) onStarted();
      else setMessage(answer.message);
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
          <label>
            <input type="radio" name="start-mode" value="file" checked={mode === 'file'} onChange={() => setMode('file')} />
            {t('desktopStart.file')}
          </label>
          <label>
            <input type="radio" name="start-mode" value="server" checked={mode === 'server'} onChange={() => setMode('server')} />
            {t('desktopStart.server')}
          </label>
        </fieldset>
        {mode === 'server' && (
          <p>
            <label htmlFor="start-server-url">{t('desktopStart.url')}</label>
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
            <span id="start-server-hint" className="hint">
              {t('desktopStart.urlHint')}
            </span>
          </p>
        )}
        {message && <p role="alert">{message}</p>}
        {busy && mode === 'server' && <p role="status">{t('desktopStart.signingIn')}</p>}
        <button type="submit" disabled={busy} autoFocus>
          {mode === 'server' ? t('desktopStart.connect') : t('desktopStart.open')}
        </button>
      </form>
    </main>
  );
}
