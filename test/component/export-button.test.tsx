import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OperationName } from '../../shared/api/contract';
import { ExportButton, type ExportRequest } from '../../renderer/src/components/ExportButton';
import { renderWithApp } from './render-with-app';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A list page's filter (here: which session's roll) and its export control. */
function Harness() {
  const [sessionId, setSessionId] = useState(3);
  const [, setRenders] = useState(0);
  const request: ExportRequest = { list: 'courtRoll', filters: { sessionId } };
  return (
    <>
      <button type="button" onClick={() => setSessionId((id) => id + 1)}>
        andere zitting
      </button>
      <button type="button" onClick={() => setRenders((n) => n + 1)}>
        zelfde zitting
      </button>
      <ExportButton request={request} />
    </>
  );
}

describe('ExportButton', () => {
  it('says what was downloaded only while the filters are the ones it was made with', async () => {
    // jsdom has no object URLs: the download itself is the browser's.
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const transport = vi.fn(async (operation: OperationName) => {
      if (operation !== 'exports.list') throw new Error(`unexpected ${operation}`);
      return { ok: true as const, value: { fileName: 'rol.csv', mimeType: 'text/csv', contentBase64: btoa('a;b\n'), rowCount: 12 } };
    });
    renderWithApp(<Harness />, transport);
    await userEvent.click(screen.getByRole('button', { name: 'Exporteren als CSV-bestand' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('rol.csv is gedownload (12 regels).'));

    // Rendered again with equal filters (a new object): the message stays.
    await userEvent.click(screen.getByRole('button', { name: 'zelfde zitting' }));
    expect(screen.getByRole('status').textContent).toBe('rol.csv is gedownload (12 regels).');
    await userEvent.click(screen.getByRole('button', { name: 'andere zitting' }));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
