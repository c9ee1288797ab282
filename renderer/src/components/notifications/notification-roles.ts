import { useSyncExternalStore } from 'react';
import { NOTIFICATION_ROLES, type NotificationRole } from '../../../../shared/notifications/notification-schemas';

/**
 * The roles this desktop works in, for the notifications (issue 15, item 7). Until sign-in exists the
 * user chooses them in the notification centre and the choice is kept per desktop (localStorage).
 * Issue 13: sign-in supplies the roles instead; only this module then changes (useNotificationRoles
 * returns the signed-in user's roles and `canChoose` false).
 */
const STORAGE_KEY = 'ketenplanner.notificationRoles';
const listeners = new Set<() => void>();
let cachedText: string | null | undefined;
let cachedRoles: readonly NotificationRole[] = NOTIFICATION_ROLES;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The stored choice; every role when nothing was chosen yet (nothing is missed on a new desktop). */
function readRoles(): readonly NotificationRole[] {
  const text = storage()?.getItem(STORAGE_KEY) ?? null;
  if (text === cachedText) return cachedRoles;
  cachedText = text;
  let parsed: unknown = null;
  try {
    parsed = text === null ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  cachedRoles = Array.isArray(parsed) ? NOTIFICATION_ROLES.filter((r) => parsed.includes(r)) : NOTIFICATION_ROLES;
  return cachedRoles;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function setNotificationRoles(roles: readonly NotificationRole[]): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(NOTIFICATION_ROLES.filter((r) => roles.includes(r))));
  for (const listener of listeners) listener();
}

export function useNotificationRoles(): { roles: readonly NotificationRole[]; canChoose: boolean; setRoles: (roles: readonly NotificationRole[]) => void } {
  const roles = useSyncExternalStore(subscribe, readRoles, readRoles);
  return { roles, canChoose: true, setRoles: setNotificationRoles };
}
