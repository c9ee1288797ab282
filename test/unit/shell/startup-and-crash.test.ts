import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseOpenError } from '../../../db/database-errors';
import { installCrashHandlers } from '../../../electron/main/crash-handlers';
import { chooseDatabaseLocation } from '../../../electron/main/database-location';
import { showStartupError, type StartupErrorUi } from '../../../electron/main/startup-error-screen';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function fakeUi(responses: number[]) {
  const shown: Parameters<StartupErrorUi['showMessageBox']>[0][] = [];
  const ui = {
    showMessageBox: vi.fn(async (options: Parameters<StartupErrorUi['showMessageBox']>[0]) => {
      shown.push(options);
      return { response: responses.shift() ?? 2 };
    }),
    copyToClipboard: vi.fn(),
    openFolder: vi.fn(async () => ''),
    folderExists: vi.fn((folder: string) => folder === '/data/backups'),
  };
  return { ui, shown };
}

describe('the start-up error screen', () => {
  const error = new DatabaseOpenError('DB_MIGRATION_FAILED', 'near "TABEL": syntax error', '/data/district.sqlite', '/data/backups/b.sqlite');

  it('explains in Dutch, offers copy / open backup folder / quit, and loops until quit', async () => {
    const { ui, shown } = fakeUi([0, 1, 2]);
    await showStartupError(ui, error, '/data/backups');
    expect(shown).toHaveLength(3);
    expect(shown[0]!.buttons).toEqual(['Foutmelding kopiëren', 'Back-upmap openen', 'Afsluiten']);
    expect(shown[0]!.message).toBe('Het bijwerken van het databasebestand is mislukt.');
    expect(shown[0]!.detail).toContain('Er is niets verwijderd');
    expect(shown[0]!.detail).toContain('/data/backups/b.sqlite');
    expect(ui.copyToClipboard).toHaveBeenCalledWith(expect.stringContaining('syntax error'));
    expect(ui.openFolder).toHaveBeenCalledWith('/data/backups');
  });

  it('opens the database folder when there is no backup folder yet', async () => {
    const { ui } = fakeUi([1, 2]);
    await showStartupError(ui, new DatabaseOpenError('DB_OPEN_FAILED', 'x', '/srv/district.sqlite'), '/srv/backups');
    expect(ui.openFolder).toHaveBeenCalledWith('/srv');
  });

  it.each([
    ['DB_OPEN_FAILED', 'Het databasebestand kan niet worden geopend.'],
    ['DB_FROM_NEWER_VERSION', 'Dit databasebestand is gemaakt met een nieuwere versie van Ketenplanner.'],
  ] as const)('names %s in words', async (code, message) => {
    const { ui, shown } = fakeUi([2]);
    await showStartupError(ui, new DatabaseOpenError(code, 'x', '/d.sqlite'), '/b');
    expect(shown[0]!.message).toBe(message);
  });
});

describe('crash handlers', () => {
  it('log the failure to crash.log and tell the user, for both kinds', () => {
    const dir = tempDir();
    const listeners = new Map<string, (reason: unknown) => void>();
    const notify = vi.fn();
    installCrashHandlers({ on: (event, listener) => listeners.set(event, listener) }, dir, notify);
    listeners.get('uncaughtException')!(new Error('boom'));
    listeners.get('unhandledRejection')!('plain reason');
    const log = fs.readFileSync(path.join(dir, 'crash.log'), 'utf8');
    expect(log).toContain('uncaughtException');
    expect(log).toContain('boom');
    expect(log).toContain('plain reason');
    expect(notify).toHaveBeenCalledTimes(2);
  });
});

describe('chooseDatabaseLocation', () => {
  const userData = path.resolve('/home/u/.config/Ketenplanner');
  it.each([
    [[], {}, path.join(userData, 'district.sqlite'), false],
    [['--demo'], {}, path.join(userData, 'demo-district.sqlite'), true],
    [['--db=/data/x.sqlite'], {}, path.resolve('/data/x.sqlite'), false],
    [['--db=/data/x.sqlite', '--demo'], {}, path.resolve('/data/x.sqlite'), true],
    [[], { KETENPLANNER_DB: '/srv/d.sqlite' }, path.resolve('/srv/d.sqlite'), false],
  ])('argv %j env %j -> %s (demo %s)', (argv, env, expectedPath, demo) => {
    expect(chooseDatabaseLocation(argv, env, userData)).toEqual({ path: expectedPath, loadDemoIfEmpty: demo });
  });
});
