import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OperationName } from '../../shared/api/contract';
import type { CapacityOverview, CapacitySession, GenerationResult } from '../../shared/capacity/capacity-schemas';
import { CancelSessionForm } from '../../renderer/src/pages/capacity/CancelSessionForm';
import { CapacityPage } from '../../renderer/src/pages/capacity/CapacityPage';
import { renderWithApp } from './render-with-app';
import { withRequestId } from './request-id';

const session: CapacitySession = {
  id: 41,
  version: 5,
  courtroomId: 3,
  roomName: 'Zaal 3',
  locationName: 'Paleis van Justitie',
  date: '2026-06-17',
  daypart: 'morning',
  startTime: '09:00',
  endTime: '12:30',
  sessionType: 'supersnelrecht',
  status: 'scheduled',
  cancelReason: null,
  capacitySlots: 3,
  capacityMinutes: 135,
  overbookingSlots: 0,
  acceptedModalities: ['supersnelrecht'],
  acceptedFillerKinds: [],
  acceptsMinors: false,
  templateId: 1,
  booked: 2,
};

const OVERVIEW: CapacityOverview = {
  locations: [
    { id: 1, name: 'Paleis van Justitie', city: 'Hanzestad', rooms: [{ id: 3, name: 'Zaal 3' }] },
    { id: 2, name: 'Kantongerecht', city: 'Veenoord', rooms: [{ id: 4, name: 'Zaal A' }] },
  ],
  templates: [
    {
      id: 1,
      version: 3,
      courtroomId: 3,
      name: 'SSR ochtend',
      weekdays: [1, 3, 5],
      daypart: 'morning',
      startTime: '09:00',
      endTime: '12:30',
      sessionType: 'snelrecht_nd',
      capacitySlots: 10,
      capacityMinutes: 200,
      overbookingSlots: 2,
      acceptedModalities: ['snelrecht_nd', 'filler'],
      acceptedFillerKinds: [],
      acceptsMinors: false,
      validFrom: '2026-01-05',
      validUntil: null,
      active: true,
    },
  ],
  closures: [{ id: 9, locationId: 2, date: '2026-07-01', reason: 'Verbouwing', createdBy: 'x' }],
  sessionsFrom: '2026-06-15',
  sessionsTo: '2026-06-28',
  sessions: [session],
};

const GENERATED: GenerationResult = {
  dryRun: true,
  from: '2026-06-15',
  to: '2026-09-13',
  counts: { created: 1, skipped: 2, byReason: { non_court_day: 1, location_closed: 0, already_exists: 1, cancelled: 0, room_occupied: 0 } },
  created: [{ templateId: 1, templateName: 'SSR ochtend', courtroomId: 3, roomName: 'Zaal 3', locationName: 'Paleis van Justitie', date: '2026-08-03', daypart: 'morning', startTime: '09:00', endTime: '12:30', sessionType: 'snelrecht_nd', capacitySlots: 10, sessionId: null }],
  skipped: [
    { templateId: 1, templateName: 'SSR ochtend', courtroomId: 3, roomName: 'Zaal 3', locationName: 'Paleis van Justitie', date: '2026-12-25', daypart: 'morning', startTime: '09:00', endTime: '12:30', reason: 'non_court_day', message: 'Geen zittingsdag: Eerste Kerstdag (feestdag)' },
    { templateId: 1, templateName: 'SSR ochtend', courtroomId: 3, roomName: 'Zaal 3', locationName: 'Paleis van Justitie', date: '2026-06-15', daypart: 'morning', startTime: '09:00', endTime: '12:30', reason: 'already_exists', message: 'Bestaat al: deze zitting is eerder aangemaakt' },
  ],
};

function fakeBackend(answers: Partial<Record<OperationName, (input: unknown) => unknown>>) {
  return vi.fn(async (operation: OperationName, input: unknown) => {
    if (operation === 'capacity.overview') return { ok: true as const, value: OVERVIEW };
    const answer = answers[operation];
    if (!answer) throw new Error(`unexpected ${operation}`);
    const value = answer(input);
    return value && typeof value === 'object' && 'ok' in value ? (value as { ok: false; error: { code: 'CONFLICT'; message: string } }) : { ok: true as const, value };
  });
}

const TODAY = new Date('2026-06-15T10:00:00');

describe('CapacityPage', () => {
  it('shows each room\'s templates in Dutch: weekdays, daypart, type, what the session takes', async () => {
    renderWithApp(<CapacityPage today={TODAY} />, fakeBackend({}), '/capaciteit');
    const table = await screen.findByRole('table', { name: 'Zittingspatronen van Zaal 3, Paleis van Justitie' });
    const row = within(table).getByRole('row', { name: /SSR ochtend/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'maandag, woensdag en vrijdag',
      'ochtend 09:00–12:30',
      'Snelrecht niet-gedetineerd',
      '10 plaatsen, 200 minuten',
      'Snelrecht niet-gedetineerd, Opvulzaak (alle soorten opvulzaken)',
      '2',
      'vanaf 5 januari 2026',
      'In gebruik',
      'WijzigenBuiten gebruik stellen',
    ]);
    expect(screen.getByRole('table', { name: 'Zittingspatronen van Zaal A, Kantongerecht' }).textContent).toContain('Geen zittingspatronen in deze zaal.');
    expect(screen.getByRole('table', { name: 'Sluitingsdagen vanaf vandaag' }).textContent).toContain('Verbouwing');
  });

  it('checks a new template before sending it, with the Dutch message at each field, then sends it', async () => {
    const transport = fakeBackend({ 'capacity.saveTemplate': (input) => ({ ...(input as object), id: 2, active: true }) });
    renderWithApp(<CapacityPage today={TODAY} />, transport, '/capaciteit');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Nieuw zittingspatroon' }));
    const form = screen.getByRole('region', { name: 'Nieuw zittingspatroon' });
    await user.selectOptions(within(form).getByLabelText('Zaal *'), 'Kantongerecht – Zaal A');
    await user.type(within(form).getByLabelText('Naam *'), 'Gemengd middag');
    await user.selectOptions(within(form).getByLabelText('Dagdeel *'), 'afternoon');
    await user.clear(within(form).getByLabelText('Eindtijd * (uu:mm)'));
    await user.type(within(form).getByLabelText('Eindtijd * (uu:mm)'), '12:00');
    await user.selectOptions(within(form).getByLabelText('Zittingstype *'), 'supersnelrecht');
    await user.type(within(form).getByLabelText('Aantal plaatsen *'), '2,5');
    await user.type(within(form).getByLabelText('Zittingsminuten *'), '90');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));

    expect(within(form).getByRole('alert').textContent).toBe('Controleer de gemarkeerde velden.');
    const weekdays = within(form).getByRole('group', { name: 'Weekdagen *' });
    expect(weekdays.textContent).toContain('Weekdagen: kies minstens één weekdag');
    const end = within(form).getByLabelText('Eindtijd * (uu:mm)');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(end.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('Eindtijd: 12:00 ligt niet na de begintijd 13:30');
    expect(within(form).getByText('Aantal plaatsen: vul een heel getal in van 0 tot en met 200')).toBeTruthy();
    expect(transport).not.toHaveBeenCalledWith('capacity.saveTemplate', expect.anything(), withRequestId);

    await user.click(within(weekdays).getByLabelText('dinsdag'));
    await user.click(within(weekdays).getByLabelText('maandag'));
    await user.clear(within(form).getByLabelText('Eindtijd * (uu:mm)'));
    await user.type(within(form).getByLabelText('Eindtijd * (uu:mm)'), '17:00');
    await user.clear(within(form).getByLabelText('Aantal plaatsen *'));
    await user.type(within(form).getByLabelText('Aantal plaatsen *'), '2');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText("Zittingspatroon 'Gemengd middag' opgeslagen.")).toBeTruthy();
    expect(transport).toHaveBeenCalledWith('capacity.saveTemplate', {
      id: null,
      courtroomId: 4,
      name: 'Gemengd middag',
      weekdays: [1, 2],
      daypart: 'afternoon',
      startTime: '13:30',
      endTime: '17:00',
      sessionType: 'supersnelrecht',
      capacitySlots: 2,
      capacityMinutes: 90,
      overbookingSlots: 0,
      acceptedModalities: ['supersnelrecht'],
      acceptedFillerKinds: [],
      acceptsMinors: false,
      validFrom: '2026-06-15',
      validUntil: null,
    }, withRequestId);
  }, 20_000);

  it('takes times and dates the way people type them (9.30, 1-7-2026) and never saves a mistyped end date as "unlimited"', async () => {
    const transport = fakeBackend({ 'capacity.saveTemplate': (input) => ({ ...(input as object), id: 1, active: true }) });
    renderWithApp(<CapacityPage today={TODAY} />, transport, '/capaciteit');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Zittingspatroon SSR ochtend wijzigen' }));
    const form = screen.getByRole('region', { name: "Zittingspatroon 'SSR ochtend' wijzigen" });
    const field = (label: string) => within(form).getByLabelText(label);
    await user.clear(field('Begintijd * (uu:mm)'));
    await user.type(field('Begintijd * (uu:mm)'), '9.30');
    await user.clear(field('Eindtijd * (uu:mm)'));
    await user.type(field('Eindtijd * (uu:mm)'), '1300');
    await user.clear(field('Geldig vanaf *'));
    await user.type(field('Geldig vanaf *'), '1-7-2026');
    await user.type(field('Geldig tot en met (leeg: onbeperkt)'), '31-02-2026');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(within(form).getByText('"31-02-2026" is geen geldige datum (dd-mm-jjjj)')).toBeTruthy();
    expect(transport).not.toHaveBeenCalledWith('capacity.saveTemplate', expect.anything(), withRequestId);

    await user.clear(field('Geldig tot en met (leeg: onbeperkt)'));
    await user.type(field('Geldig tot en met (leeg: onbeperkt)'), '31-12-2026');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText("Zittingspatroon 'SSR ochtend' opgeslagen.")).toBeTruthy();
    expect(transport).toHaveBeenCalledWith(
      'capacity.saveTemplate',
      expect.objectContaining({ id: 1, expectedVersion: 3, startTime: '09:30', endTime: '13:00', validFrom: '2026-07-01', validUntil: '2026-12-31' }),
      withRequestId,
    );
  }, 20_000);

  it('refuses a modality the session type does not take, naming the modality', async () => {
    renderWithApp(<CapacityPage today={TODAY} />, fakeBackend({}), '/capaciteit');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Zittingspatroon SSR ochtend wijzigen' }));
    const form = screen.getByRole('region', { name: "Zittingspatroon 'SSR ochtend' wijzigen" });
    await user.click(within(within(form).getByRole('group', { name: 'Modaliteiten die de zitting neemt *' })).getByLabelText('Snelrecht gedetineerd'));
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(
      within(form).getByText("Modaliteiten: een zitting 'Snelrecht niet-gedetineerd' neemt geen snelrecht gedetineerd; kies 'Gemengde zitting' of pas de modaliteiten aan"),
    ).toBeTruthy();
  });

  it('shows a dry run with the reasons before anything is generated, then generates the previewed period', async () => {
    const transport = fakeBackend({ 'capacity.generate': (input) => ({ ...GENERATED, dryRun: (input as { dryRun: boolean }).dryRun }) });
    renderWithApp(<CapacityPage today={TODAY} />, transport, '/capaciteit');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Eerst bekijken' }));
    expect((await screen.findByTestId('generation-summary')).textContent).toBe('1 zittingen aan te maken, 2 overgeslagen.');
    const skipped = screen.getByRole('table', { name: "Overgeslagen (zonder 'bestaat al')" });
    expect(skipped.textContent).toContain('Geen zittingsdag: Eerste Kerstdag (feestdag)');
    expect(skipped.textContent).not.toContain('Bestaat al');
    expect(transport).toHaveBeenCalledWith('capacity.generate', { from: '2026-06-15', to: '2026-09-13', dryRun: true }, withRequestId);
    await user.click(screen.getByRole('button', { name: '1 zitting aanmaken' }));
    expect(transport).toHaveBeenCalledWith('capacity.generate', { from: '2026-06-15', to: '2026-09-13', dryRun: false }, withRequestId);
  });
});

describe('CancelSessionForm', () => {
  it('needs a reason and, with planned cases, the explicit confirmation the back end asks for', async () => {
    const transport = fakeBackend({
      'sessions.cancel': (input) =>
        (input as { confirm: boolean }).confirm
          ? { session: { ...session, status: 'cancelled', cancelReason: 'Rechter ziek' }, plannedCases: [{ caseId: 1, parketnummer: '19/000001-26' }, { caseId: 2, parketnummer: '19/000002-26' }] }
          : { ok: false, error: { code: 'CONFLICT', message: 'Op de zitting staan 2 zaken gepland: 19/000001-26 en 19/000002-26.', details: [{ path: 'confirm', message: 'vink de bevestiging aan om de zitting toch te laten vervallen.' }] } },
    });
    renderWithApp(<CancelSessionForm session={{ id: 41, version: 5, booked: 2, label: '17 juni 2026 09:00–12:30, Zaal 3' }} />, transport);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Zitting laten vervallen: 17 juni 2026 09:00–12:30, Zaal 3' });
    expect(within(form).getByText('Op deze zitting staan 2 zaken gepland.')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Zitting laten vervallen' }));
    expect(within(form).getByText('Reden van vervallen: vul de reden in (minstens 3 tekens)')).toBeTruthy();
    expect(transport).not.toHaveBeenCalled();

    await user.type(within(form).getByLabelText('Reden van vervallen *'), 'Rechter ziek');
    await user.click(within(form).getByRole('button', { name: 'Zitting laten vervallen' }));
    expect(await within(form).findByText('Op de zitting staan 2 zaken gepland: 19/000001-26 en 19/000002-26.')).toBeTruthy();

    await user.click(within(form).getByLabelText(/Ik laat de zitting vervallen/));
    await user.click(within(form).getByRole('button', { name: 'Zitting laten vervallen' }));
    expect(await screen.findByText('De zitting is vervallen. Deze 2 zaken staan weer in de wachtrij en moeten opnieuw worden gepland:')).toBeTruthy();
    // Each case that went back to the queue is a link to it, and the list stays until the form is closed.
    expect(screen.getByRole('link', { name: '19/000001-26' }).getAttribute('href')).toBe('/zaken/1');
    expect(screen.getByRole('link', { name: '19/000002-26' }).getAttribute('href')).toBe('/zaken/2');
    expect(transport).toHaveBeenLastCalledWith('sessions.cancel', { sessionId: 41, reason: 'Rechter ziek', confirm: true, expectedVersion: 5 }, withRequestId);
  });

  it('treats a version conflict as one (reload), not as a request to confirm planned cases', async () => {
    const transport = fakeBackend({
      'sessions.cancel': () => ({ ok: false, error: { code: 'CONFLICT', message: 'Deze zitting is intussen gewijzigd door planner (capaciteit aangepast). Laad opnieuw.' } }),
    });
    renderWithApp(<CancelSessionForm session={{ id: 41, version: 5, booked: 0, label: '17 juni 2026 09:00–12:30, Zaal 3' }} />, transport);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Zitting laten vervallen: 17 juni 2026 09:00–12:30, Zaal 3' });
    await user.type(within(form).getByLabelText('Reden van vervallen *'), 'Rechter ziek');
    await user.click(within(form).getByRole('button', { name: 'Zitting laten vervallen' }));
    expect(await within(form).findByText(/gewijzigd door planner/)).toBeTruthy();
    expect(within(form).queryByLabelText(/Ik laat de zitting vervallen/)).toBeNull();
    expect(within(form).getByRole('button', { name: 'Opnieuw laden' })).toBeTruthy();
  });
});
