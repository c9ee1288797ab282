import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiEnvelope } from '../../shared/api/envelope';
import { useOperationMutation } from '../../renderer/src/api/use-operation-mutation';
import { useOperationQuery } from '../../renderer/src/api/use-operation-query';
import { ErrorPanel } from '../../renderer/src/components/ErrorPanel';
import { renderWithApp } from './render-with-app';

type Envelope = ApiEnvelope<unknown>;

/** A transport whose answers the test gives by hand, one per call, in order. */
function manualTransport() {
  const pending: ((envelope: Envelope) => void)[] = [];
  const transport = vi.fn((_operation: string, _input: unknown, _meta?: { requestId?: string }) => new Promise<Envelope>((resolve) => pending.push(resolve)));
  const answer = async (envelope: Envelope) => {
    await waitFor(() => expect(pending.length).toBeGreaterThan(0));
    pending.shift()!(envelope);
  };
  return { transport, answer };
}

const writes = (transport: ReturnType<typeof manualTransport>['transport']) => transport.mock.calls.filter(([operation]) => operation === 'capacity.removeClosure');

function RemoveClosure({ closureId }: { closureId: number }) {
  const remove = useOperationMutation('capacity.removeClosure');
  return (
    <>
      <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ closureId })}>
        Sluiting verwijderen
      </button>
      {remove.isSuccess && <p role="status">Verwijderd</p>}
      {remove.isError && <ErrorPanel error={remove.error} />}
    </>
  );
}

describe('useOperationMutation', () => {
  it('sends a double click as one request with one request id, the button disabled while it runs', async () => {
    const user = userEvent.setup();
    const { transport, answer } = manualTransport();
    renderWithApp(<RemoveClosure closureId={4} />, transport);
    const button = screen.getByRole('button', { name: 'Sluiting verwijderen' }) as HTMLButtonElement;

    await user.dblClick(button);
    expect(writes(transport)).toHaveLength(1);
    const [, input, meta] = writes(transport)[0]!;
    expect(input).toEqual({ closureId: 4 });
    expect(meta?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(button.disabled).toBe(true);

    await answer({ ok: true, value: { removed: true } });
    await screen.findByText('Verwijderd');
    expect(button.disabled).toBe(false);
    expect(writes(transport)).toHaveLength(1);
  });

  it('retries a failed action with the same request id, and a new action gets a new one', async () => {
    const user = userEvent.setup();
    const { transport, answer } = manualTransport();
    renderWithApp(<RemoveClosure closureId={4} />, transport);
    const button = screen.getByRole('button', { name: 'Sluiting verwijderen' });

    await user.click(button);
    await answer({ ok: false, error: { code: 'INTERNAL', message: 'connection lost' } });
    await screen.findByRole('alert');
    await user.click(button);
    await answer({ ok: true, value: { removed: true } });
    await screen.findByText('Verwijderd');
    await user.click(button);
    await answer({ ok: true, value: { removed: true } });

    const ids = writes(transport).map(([, , meta]) => meta?.requestId);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('refreshes the queries shown after a write succeeds (the one refresh rule), before the success shows', async () => {
    const user = userEvent.setup();
    let closures = 2;
    const transport = vi.fn(async (operation: string): Promise<Envelope> => {
      if (operation === 'capacity.removeClosure') {
        closures -= 1;
        return { ok: true, value: {} };
      }
      return { ok: true, value: { closures: Array.from({ length: closures }, (_, id) => ({ id })) } };
    });
    function Page() {
      const overview = useOperationQuery('capacity.overview', {});
      const count = (overview.data as unknown as { closures: unknown[] } | undefined)?.closures.length;
      return (
        <>
          <p>{`Sluitingen: ${count ?? '…'}`}</p>
          <RemoveClosure closureId={1} />
        </>
      );
    }
    renderWithApp(<Page />, transport);
    await screen.findByText('Sluitingen: 2');
    await user.click(screen.getByRole('button', { name: 'Sluiting verwijderen' }));
    await screen.findByText('Verwijderd');
    expect(screen.getByText('Sluitingen: 1')).toBeTruthy();
    expect(transport.mock.calls.filter(([operation]) => operation === 'capacity.overview')).toHaveLength(2);
  });

  it('sends no request id with a read', async () => {
    const user = userEvent.setup();
    const transport = vi.fn(async (..._args: unknown[]): Promise<Envelope> => ({ ok: true, value: { id: 9 } }));
    function Find() {
      const find = useOperationMutation('cases.find');
      return (
        <button type="button" onClick={() => find.mutate({ parketnummer: '13/123456-26' })}>
          Zoeken
        </button>
      );
    }
    renderWithApp(<Find />, transport);
    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(transport).toHaveBeenCalledWith('cases.find', { parketnummer: '13/123456-26' }));
  });
});

describe('ErrorPanel', () => {
  it('names wrong fields by their label and offers Opnieuw laden for a conflict', async () => {
    const { ApiError } = await import('../../renderer/src/api/api-error');
    const transport = vi.fn(async (): Promise<Envelope> => ({ ok: true, value: null }));
    renderWithApp(
      <>
        <ErrorPanel
          error={new ApiError({ code: 'INVALID_INPUT', message: 'Invalid input', details: [{ path: 'reason', message: 'Vul de reden in' }] })}
          fieldLabels={{ reason: 'Reden van sluiting' }}
        />
        <ErrorPanel error={new ApiError({ code: 'CONFLICT', message: 'Deze zitting is intussen gewijzigd.' })} />
      </>,
      transport,
    );
    const [invalid, conflict] = screen.getAllByRole('alert');
    expect(invalid!.textContent).toContain('Reden van sluiting: Vul de reden in');
    expect(invalid!.textContent).not.toContain('Opnieuw laden');
    expect(conflict!.textContent).toContain('Deze zitting is intussen gewijzigd.');
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toBeTruthy();
  });
  it('shows a role refusal (FORBIDDEN) with the service\'s Dutch message naming the roles', async () => {
    const { ApiError } = await import('../../renderer/src/api/api-error');
    const message = 'Dit mag alleen iemand met de rol coördinator doen; u bent aangemeld als griffier. Vraag het aan een collega met die rol of aan de beheerder.';
    renderWithApp(<ErrorPanel error={new ApiError({ code: 'FORBIDDEN', message })} />, vi.fn(async (): Promise<Envelope> => ({ ok: true, value: null })));
    const panel = screen.getByRole('alert');
    expect(panel.textContent).toContain('Dit hoort niet bij uw rol: er is niets gewijzigd.');
    expect(panel.textContent).toContain(message);
  });
});
