import { DESKTOP_BRIDGE_GLOBAL_NAME, type DesktopBridge } from '../../../shared/api/desktop-bridge';

/** The Electron preload's start bridge (issue 13, item 6), or null in a browser. */
export function findDesktopBridge(): DesktopBridge | null {
  const bridge = (globalThis as Record<string, unknown>)[DESKTOP_BRIDGE_GLOBAL_NAME];
  return bridge && typeof bridge === 'object' && 'state' in bridge ? (bridge as DesktopBridge) : null;
}

/** Desktop connected to a server: forget the token in the main process, then back to the start screen. */
export async function signOutOfDesktop(desktop: DesktopBridge, reload: () => void = () => window.location.reload()): Promise<void> {
  await desktop.signOut();
  reload();
}
