import fs from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary if this machine has one (the npm package only carries it after a networked install). */
export function findElectronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
