import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CreateDistrictForm } from '../../renderer/src/pages/welcome/CreateDistrictForm';
import { renderWithApp } from './render-with-app';
import { withRequestId } from './request-id';

describe('CreateDistrictForm', () => {
  it('shows Dutch messages next to the wrong fields and sends nothing', async () => {
    const transport = vi.fn();
    renderWithApp(<CreateDistrictForm />, transport);
    await userEvent.click(screen.getByRole('button', { name: 'Arrondissement aanmaken' }));
    expect(screen.getByRole('alert').textContent).toBe('Controleer de gemarkeerde velden.');
    const name = screen.getByLabelText('Naam van het arrondissement');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('Vul de naam van het arrondissement in');
    expect(screen.getByLabelText('Zalen (gescheiden door komma\'s)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Vul minstens één zaal in')).toBeTruthy();
    expect(transport).not.toHaveBeenCalled();
  });

  it('can be filled in with the keyboard alone and sends the cleaned-up district', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, value: { id: 1, code: 'MNE', name: 'x', locations: [] } }));
    renderWithApp(<CreateDistrictForm />, transport);
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('Midden-Nederland');
    await user.tab();
    await user.keyboard('mne');
    await user.tab();
    await user.keyboard('Rechtbank Utrecht');
    await user.tab();
    await user.keyboard('Utrecht');
    await user.tab();
    await user.keyboard('Zaal 1, Zaal 2 ,, ');
    await user.keyboard('{Enter}');
    expect(transport).toHaveBeenCalledWith('district.create', {
      name: 'Midden-Nederland',
      code: 'MNE',
      locations: [{ name: 'Rechtbank Utrecht', city: 'Utrecht', rooms: ['Zaal 1', 'Zaal 2'] }],
    }, withRequestId);
  });

  it('adds and removes court locations', async () => {
    renderWithApp(<CreateDistrictForm />, vi.fn());
    await userEvent.click(screen.getByRole('button', { name: 'Locatie toevoegen' }));
    expect(screen.getAllByRole('group')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Locatie 2 verwijderen' }));
    expect(screen.getAllByRole('group')).toHaveLength(1);
  });
});

describe('CreateDistrictForm messages', () => {
  it('names each field in its own message', async () => {
    renderWithApp(<CreateDistrictForm />, vi.fn());
    await userEvent.click(screen.getByRole('button', { name: 'Arrondissement aanmaken' }));
    const messageOf = (label: string) => {
      const input = screen.getByLabelText(label);
      return document.getElementById(input.getAttribute('aria-describedby')!)?.textContent;
    };
    expect(messageOf('Naam van de locatie')).toBe('Vul de naam van de locatie in');
    expect(messageOf('Plaats')).toBe('Vul de plaats in');
    expect(messageOf('Code (2 tot 6 hoofdletters)')).toBe('Vul een code in van 2 tot 6 hoofdletters, bijvoorbeeld MNE');
  });
});

describe('CreateDistrictForm room errors', () => {
  it('marks the rooms field of the right location for a doubled room, also after another location is removed', async () => {
    renderWithApp(<CreateDistrictForm />, vi.fn());
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Locatie toevoegen' }));
    const rooms = screen.getAllByLabelText("Zalen (gescheiden door komma's)");
    await user.type(rooms[1]!, 'Zaal 1, Zaal 1');
    await user.click(screen.getByRole('button', { name: 'Locatie 1 verwijderen' }));
    await user.click(screen.getByRole('button', { name: 'Arrondissement aanmaken' }));
    const remaining = screen.getByLabelText("Zalen (gescheiden door komma's)");
    expect(remaining.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(remaining.getAttribute('aria-describedby')!)?.textContent).toBe("Zaal 'Zaal 1' staat twee keer bij deze locatie");
  });
});
