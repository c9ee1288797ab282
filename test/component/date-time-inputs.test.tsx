import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DateField, TimeField } from '../../renderer/src/components/DateTimeInputs';
import { createI18n } from '../../renderer/src/i18n/i18n';

/** A form that holds the value the field hands over, and a button that resets it from outside. */
function Harness(props: { kind: 'date' | 'time'; initial: string; reset: string }) {
  const [value, setValue] = useState(props.initial);
  const Field = props.kind === 'date' ? DateField : TimeField;
  return (
    <I18nextProvider i18n={createI18n()}>
      <Field label="Veld" value={value} onChange={setValue} />
      <output aria-label="waarde">{value}</output>
      <button type="button" onClick={() => setValue(props.reset)}>
        reset
      </button>
    </I18nextProvider>
  );
}

const value = () => screen.getByLabelText('waarde').textContent;

describe('date and time fields in Dutch notation (issue 15, item 8)', () => {
  it('shows dd-mm-jjjj, hands over YYYY-MM-DD, and shows the problem only after leaving the field', async () => {
    const user = userEvent.setup();
    render(<Harness kind="date" initial="2026-06-15" reset="2026-07-01" />);
    const field = screen.getByLabelText('Veld');
    expect(field).toHaveProperty('value', '15-06-2026');
    expect(field.getAttribute('type')).toBe('text');

    await user.clear(field);
    await user.type(field, '31-02-2026');
    expect(value()).toBe('');
    expect(screen.queryByText(/geen geldige datum/)).toBeNull();
    await user.tab();
    expect(screen.getByText('"31-02-2026" is geen geldige datum (dd-mm-jjjj)')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.clear(field);
    await user.type(field, '1-7-2026');
    expect(value()).toBe('2026-07-01');
    expect(screen.queryByText(/geen geldige datum/)).toBeNull();
    // The user's own notation stays while typing; leaving the field writes it as the app shows dates.
    expect(field).toHaveProperty('value', '1-7-2026');
    await user.tab();
    expect(field).toHaveProperty('value', '01-07-2026');
    await user.click(screen.getByRole('button', { name: 'reset' }));
    expect(field).toHaveProperty('value', '01-07-2026');
  });

  it('follows a value set from outside', async () => {
    const user = userEvent.setup();
    render(<Harness kind="date" initial="" reset="2026-12-16" />);
    await user.click(screen.getByRole('button', { name: 'reset' }));
    expect(screen.getByLabelText('Veld')).toHaveProperty('value', '16-12-2026');
  });

  it('takes 24-hour times and refuses 25:00', async () => {
    const user = userEvent.setup();
    render(<Harness kind="time" initial="09:00" reset="" />);
    const field = screen.getByLabelText('Veld');
    expect(field).toHaveProperty('value', '09:00');
    await user.clear(field);
    await user.type(field, '25:00');
    await user.tab();
    expect(screen.getByText('"25:00" is geen geldige tijd (uu:mm, 24-uurs)')).toBeTruthy();
    await user.clear(field);
    await user.type(field, '13.30');
    expect(value()).toBe('13:30');
    await user.tab();
    expect(field).toHaveProperty('value', '13:30');
  });

  it.each([
    ['a form without native checks (noValidate)', true],
    ['a form with native checks', false],
  ])('does not submit %s while a date or time field holds text that is not one (an optional date is never dropped silently)', async (_name, noValidate) => {
    const user = userEvent.setup();
    const submitted: string[] = [];
    function OptionalDateForm() {
      const [until, setUntil] = useState('');
      const [start, setStart] = useState('09:00');
      return (
        <I18nextProvider i18n={createI18n()}>
          <form
            noValidate={noValidate}
            onSubmit={(event) => {
              event.preventDefault();
              submitted.push(`${until}|${start}`);
            }}
          >
            <DateField label="Geldig tot en met" value={until} onChange={setUntil} />
            <TimeField label="Begintijd" value={start} onChange={setStart} />
            <button type="submit">Opslaan</button>
          </form>
        </I18nextProvider>
      );
    }
    render(<OptionalDateForm />);
    const until = screen.getByLabelText(/^Geldig tot en met/);
    await user.type(until, '31-02-2026');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(submitted).toEqual([]);
    expect(screen.getByText('"31-02-2026" is geen geldige datum (dd-mm-jjjj)')).toBeTruthy();
    expect(document.activeElement).toBe(until);

    // Enter in the field does not submit it either.
    await user.type(until, '{Enter}');
    expect(submitted).toEqual([]);

    await user.clear(until);
    await user.type(until, '1-7-2026');
    const start = screen.getByLabelText(/^Begintijd/);
    await user.clear(start);
    await user.type(start, '9.3');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(submitted).toEqual([]);
    expect(document.activeElement).toBe(start);
    await user.type(start, '0');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(submitted).toEqual(['2026-07-01|09:30']);

    // Emptying the optional date is allowed: it submits as empty.
    await user.clear(until);
    await user.type(until, '  ');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(submitted).toEqual(['2026-07-01|09:30', '|09:30']);
  });
  it("keeps 'Opslaan' in place while it is pressed right after typing a bad date: the message appears after the release, and the first click counts", async () => {
    const user = userEvent.setup();
    const submitted: string[] = [];
    function DateForm() {
      const [date, setDate] = useState('');
      return (
        <I18nextProvider i18n={createI18n()}>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submitted.push(date);
            }}
          >
            <DateField label="Datum" value={date} onChange={setDate} />
            <button type="submit">Opslaan</button>
          </form>
          <p>Elders</p>
        </I18nextProvider>
      );
    }
    render(<DateForm />);
    const field = screen.getByLabelText(/^Datum/);
    const save = screen.getByRole('button', { name: 'Opslaan' });
    await user.type(field, '31-02-2026');
    // Pressed, not yet released: the field is left, but no line appears above the button (it would move away from under the pointer).
    await user.pointer({ keys: '[MouseLeft>]', target: save });
    expect(document.activeElement).toBe(save);
    expect(screen.queryByText(/geen geldige datum/)).toBeNull();
    // Released on the button: the click submits, the field refuses it, takes the focus and says why.
    await user.pointer({ keys: '[/MouseLeft]', target: save });
    expect(submitted).toEqual([]);
    expect(document.activeElement).toBe(field);
    expect(screen.getByText('"31-02-2026" is geen geldige datum (dd-mm-jjjj)')).toBeTruthy();

    // Left by a press elsewhere: the message appears once that press is released.
    await user.clear(field);
    await user.type(field, '32-01-2026');
    await user.pointer({ keys: '[MouseLeft>]', target: screen.getByText('Elders') });
    expect(screen.queryByText(/"32-01-2026"/)).toBeNull();
    await user.pointer({ keys: '[/MouseLeft]', target: screen.getByText('Elders') });
    expect(await screen.findByText('"32-01-2026" is geen geldige datum (dd-mm-jjjj)')).toBeTruthy();

    // Left by keyboard: at once.
    await user.click(field);
    await user.clear(field);
    await user.type(field, '00-01-2026');
    await user.tab();
    expect(screen.getByText('"00-01-2026" is geen geldige datum (dd-mm-jjjj)')).toBeTruthy();
  });
});
