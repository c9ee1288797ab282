import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { APP_ROUTE_PATTERN, NOTIFICATION_BRIDGE_GLOBAL_NAME, type NotificationBridge } from '../../../../shared/notifications/notification-bridge';
import { useNotificationRoles } from './notification-roles';
import { useNotifications } from './use-notifications';

/** The Electron preload's notification bridge; absent in browser mode. */
function notificationBridge(): NotificationBridge | null {
  const bridge = (globalThis as Record<string, unknown>)[NOTIFICATION_BRIDGE_GLOBAL_NAME];
  return bridge && typeof bridge === 'object' && 'notify' in bridge ? (bridge as NotificationBridge) : null;
}

/**
 * The bell in the header: the number of open notifications as text, a link to the centre
 * (/meldingen), a polite live region announcing new ones, and (in Electron) each new one handed to
 * the main process as a system notification (electron/main/notifications.ts shows what entered the list);
 * clicking that opens its route here.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { roles } = useNotificationRoles();
  const rolesKey = roles.join(',');
  const query = useNotifications();
  const items = query.data?.items;
  const count = items?.length ?? 0;
  const seen = useRef<{ rolesKey: string; keys: Set<string> } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!items) return;
    const keys = new Set(items.map((n) => n.key));
    // The first answer (and the first after another choice of roles) is what was there already: only later arrivals are announced.
    if (seen.current !== null && seen.current.rolesKey === rolesKey) {
      const before = seen.current.keys;
      const fresh = items.filter((n) => !before.has(n.key));
      if (fresh.length === 1) setAnnouncement(t('notifications.announceOne', { title: fresh[0]!.title, text: fresh[0]!.text }));
      else if (fresh.length > 1) setAnnouncement(t('notifications.announceMany', { count: fresh.length }));
    }
    seen.current = { rolesKey, keys };
    void notificationBridge()
      ?.notify(items.map(({ key, title, text, route }) => ({ key, title, text, route })))
      .catch(() => undefined);
  }, [items, rolesKey, t]);

  useEffect(() => {
    const bridge = notificationBridge();
    if (!bridge) return undefined;
    return bridge.onOpenRoute((route) => {
      if (APP_ROUTE_PATTERN.test(route)) void navigate(route);
    });
  }, [navigate]);

  return (
    <>
      {/* Its name is the text it shows (WCAG 2.5.3, label in name), so 'Meldingen (4)' can be spoken to it; no count while loading. */}
      <NavLink to="/meldingen" className="notification-bell" data-testid="notification-bell">
        <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
          <path fill="currentColor" d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2Zm5-5V7a5 5 0 0 0-4-4.9V1a1 1 0 0 0-2 0v1.1A5 5 0 0 0 3 7v4l-1.5 1.5V13h13v-.5L13 11Z" />
        </svg>
        <span>{items ? t('notifications.bellText', { count }) : t('notifications.title')}</span>
      </NavLink>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="notification-announcer">
        {announcement}
      </p>
    </>
  );
}
