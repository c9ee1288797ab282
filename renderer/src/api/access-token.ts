const STORAGE_KEY = 'ketenplanner.token';

/**
 * Browser mode: `ketenplanner serve` prints a URL ending in #token=…; keep it for this tab only and
 * take it out of the address bar.
 */
export function takeAccessToken(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    storage.setItem(STORAGE_KEY, match[1]!);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return match[1]!;
  }
  return storage.getItem(STORAGE_KEY);
}
