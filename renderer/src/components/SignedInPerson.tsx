import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, ROLES } from '../../../shared/domain/roles';
import { findDesktopBridge, signOutOfDesktop } from '../api/desktop-start';
import { signOut } from '../api/server-session';
import { useServerPerson } from '../api/server-session-context';
import { useSyncState } from '../api/sync-status-context';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * District server mode (browser, or the desktop connected): who is signed in (name, organisation, roles) and
 * Afmelden. A desktop started offline on its copy is not signed in: the person is the copy's owner, and the
 * button leads back to the start screen (the copy and unsent work stay). Renders nothing elsewhere.
 */
export function SignedInPerson() {
  const { t } = useTranslation();
  const person = useServerPerson();
  const signedOut = useSyncState().status?.signIn === 'signedOut';
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!person) return null;
  const roles = ROLES.filter((role) => person.roles.includes(role)).map((role) => capitalised(ROLE_NAMES[role]));
  return (
    <section className="signed-in-person" aria-label={t(signedOut ? 'session.regionSignedOut' : 'session.region')}>
      <p>
        <span className="signed-in-name">{person.name}</span>
        {' · '}
        <span className="signed-in-organisation">{person.organisation}</span>
        {' · '}
        <span className="signed-in-roles">{roles.length > 0 ? roles.join(', ') : t('session.noRole')}</span>
        {person.policeUnit && (
          <>
            {' · '}
            <span className="signed-in-unit">{person.policeUnit}</span>
          </>
        )}
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setFailed(false);
          const desktop = findDesktopBridge();
          (desktop ? signOutOfDesktop(desktop) : signOut()).catch(() => {
            setBusy(false);
            setFailed(true);
          });
        }}
      >
        {t(signedOut ? 'session.backToStart' : 'session.signOut')}
      </button>
      {failed && <p role="alert">{t('session.signOutFailed')}</p>}
    </section>
  );
}
