import { describe, expect, it, vi } from 'vitest';
import type { IpcMainLike } from '../../../electron/main/ipc-bridge';
import { registerNotificationIpc, type NotificationShell } from '../../../electron/main/notifications';
import { createNotificationBridge } from '../../../electron/preload/notification-bridge';
import { IPC_NOTIFY_CHANNEL } from '../../../shared/notifications/notification-bridge';

const APP = 'app://ketenplanner/index.html';
const item = (id: number, route = `/zaken/${id}`) => ({
  key: `detained_near_limit:case:${id}:2026-06-16T21:30:00.000Z`,
  title: 'Gedetineerde zaak niet gepland',
  text: `19/20000${id}-26: gedetineerd, uiterste datum di 16 jun 23:30, niet gepland.`,
  route,
});

function fakes(supported = true) {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const created: { options: { title: string; body: string }; listeners: Map<string, () => void>; shown: boolean }[] = [];
  const shell = {
    isSupported: () => supported,
    create: (options) => {
      const fake = { options, listeners: new Map<string, () => void>(), shown: false };
      created.push(fake);
      return { on: (event, listener) => fake.listeners.set(event, listener), show: () => (fake.shown = true) };
    },
    focusWindow: vi.fn(),
    openRoute: vi.fn(),
  } satisfies NotificationShell;
  registerNotificationIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, shell);
  const notify = (items: unknown, sender: string | null = APP) => handlers.get(IPC_NOTIFY_CHANNEL)!({ senderFrame: sender === null ? null : { url: sender } }, items);
  return { shell, created, notify };
}

describe('system notifications in the main process', () => {
  it('shows each key once, with the title and text', () => {
    const { created, notify } = fakes();
    expect(notify([item(1), item(2)])).toBe(2);
    expect(notify([item(1), item(2), item(3)])).toBe(1);
    expect(created.map((c) => [c.options.title, c.options.body, c.shown])).toEqual([
      ['Gedetineerde zaak niet gepland', '19/200001-26: gedetineerd, uiterste datum di 16 jun 23:30, niet gepland.', true],
      ['Gedetineerde zaak niet gepland', '19/200002-26: gedetineerd, uiterste datum di 16 jun 23:30, niet gepland.', true],
      ['Gedetineerde zaak niet gepland', '19/200003-26: gedetineerd, uiterste datum di 16 jun 23:30, niet gepland.', true],
    ]);
  });

  it('shows a key again when it comes back after leaving the list (a detained case marked done is back the next day with the same key)', () => {
    const { created, notify } = fakes();
    expect(notify([item(1), item(2)])).toBe(2);
    // Marked 'Afgehandeld': the server leaves it out of the list for the rest of the day.
    expect(notify([item(2)])).toBe(0);
    expect(notify([item(2)])).toBe(0);
    // The next day the mark no longer holds (server/services/notifications: DONE_FOR_THE_DAY_ONLY): the same key is back.
    expect(notify([item(1), item(2)])).toBe(1);
    expect(notify([item(1), item(2)])).toBe(0);
    expect(created.map((c) => c.options.body.slice(0, 12))).toEqual(['19/200001-26', '19/200002-26', '19/200001-26']);
  });

  it('a call that is ignored does not count as a list without the keys', () => {
    const { created, notify } = fakes();
    notify([item(1)]);
    notify([item(2)], 'https://evil.example/');
    notify({ key: 'x' });
    expect(notify([item(1)])).toBe(0);
    expect(created).toHaveLength(1);
  });

  it('a click focuses the window and opens the route of that notification', () => {
    const { shell, created, notify } = fakes();
    notify([item(1), item(2, '/zittingen?week=2026-06-22')]);
    created[1]!.listeners.get('click')!();
    expect(shell.focusWindow).toHaveBeenCalledTimes(1);
    expect(shell.openRoute).toHaveBeenCalledWith('/zittingen?week=2026-06-22');
  });

  it.each([
    ['another origin', [item(1)], 'https://evil.example/'],
    ['no frame', [item(1)], null],
    ['not a list', { key: 'x' }, APP],
    ['a key not of a notification', [{ ...item(1), key: 'anything' }], APP],
    ['a route elsewhere', [item(1, 'https://evil.example/')], APP],
    ['a javascript route', [item(1, 'javascript:alert(1)')], APP],
    ['an empty title', [{ ...item(1), title: '' }], APP],
  ])('ignores %s', (_what, items, sender) => {
    const { created, notify } = fakes();
    expect(notify(items, sender)).toBe(0);
    expect(created).toEqual([]);
  });

  it('shows nothing where the system has no notifications', () => {
    const { created, notify } = fakes(false);
    expect(notify([item(1)])).toBe(0);
    expect(created).toEqual([]);
  });
});

describe('the preload notification bridge', () => {
  it('passes only the fields a system notification needs and only string routes', async () => {
    const invoke = vi.fn(async () => 1);
    let listener: ((route: unknown) => void) | null = null;
    const bridge = createNotificationBridge(invoke, (l) => {
      listener = l;
      return () => (listener = null);
    });
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['notify', 'onOpenRoute']);
    await expect(bridge.notify([{ ...item(1), extra: 'secret' } as ReturnType<typeof item>])).resolves.toBe(1);
    expect(invoke).toHaveBeenCalledWith([item(1)]);
    const opened: string[] = [];
    const stop = bridge.onOpenRoute((route) => opened.push(route));
    listener!({ not: 'a route' });
    listener!('/zaken/1');
    expect(opened).toEqual(['/zaken/1']);
    stop();
    expect(listener).toBeNull();
  });
});
