import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { demoDistrictFile, E2E_NOW, type DemoSpec } from '../../support/e2e-district';
import { launchChromium } from './browser';
import { startServe, type ServeProcess } from './serve-process';

/** What a test file works on: its own copy of a demo district, served by `ketenplanner serve --now`, and a Chromium. */
export interface ServedDistrict {
  file: string;
  server: ServeProcess;
  browser: Browser;
}

/**
 * Registers the file's set-up and tear-down: copies the demo district (built once per run) into a fresh
 * folder, lets `prepare` change the copy before the server opens it, starts the server at the pinned
 * moment and a browser; removes everything afterwards. The fields are there from beforeAll on.
 */
export function serveDemoDistrict(demo: DemoSpec, folderPrefix: string, prepare?: (file: string) => void): ServedDistrict {
  const district = {} as ServedDistrict;
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    district.file = await demoDistrictFile(demo, dir);
    prepare?.(district.file);
    // The server and the browser start side by side (neither needs the other until the first page opens).
    const [server, browser] = await Promise.allSettled([startServe(district.file, E2E_NOW), launchChromium()]);
    if (server.status === 'fulfilled') district.server = server.value;
    if (browser.status === 'fulfilled') district.browser = browser.value;
    // afterAll stops whichever did start.
    if (server.status === 'rejected') throw server.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  afterAll(async () => {
    await district.browser?.close();
    await district.server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return district;
}
