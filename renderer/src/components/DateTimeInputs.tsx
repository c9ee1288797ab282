import { useEffect, useRef, useState, type InputHTMLAttributes, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldShell } from './FormField';
import { formatDutchDate, formatDutchTime, parseDutchDate, parseDutchTime } from '../../../shared/intake/dutch-datetime';

/*
 * Date and time fields that read and write dd-mm-jjjj and 24-hour uu:mm whatever the operating system's
 * locale (a native <input type="date"> follows the browser's locale: headless Chromium showed 11/22/2026
 * and 09:00 AM). The value handed to the form keeps the native semantics: 'YYYY-MM-DD' / 'HH:mm' when the
 * text is a valid date or time, '' while it is empty or not (yet) valid; the field itself says what is wrong.
 * A form is never submitted while one of these fields holds text that is not a valid date or time (with or
 * without noValidate): otherwise '31-02-2026' typed into an optional date would be saved as "no date".
 */

type A11yProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
type Parse = (text: string) => { ok: true; value: string } | { ok: false; message: string };

interface TextBackedInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Called with the Dutch message while the typed text is not a valid value (undefined when it is). */
  onProblem?: ((message: string | undefined) => void) | undefined;
  /** Called when the field stopped its form's submission because its text is not a valid value. */
  onSubmitRefused?: (() => void) | undefined;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> | undefined;
}

function useTextBackedValue(value: string, onChange: (value: string) => void, parse: Parse, format: (value: string) => string, onProblem?: (message: string | undefined) => void) {
  const [text, setText] = useState(() => (value ? format(value) : ''));
  const [shownValue, setShownValue] = useState(value);
  // The form changed the value itself (a reset, 'Opnieuw laden', a link): show that value.
  if (value !== shownValue) {
    setShownValue(value);
    const current = text.trim() ? parse(text) : { ok: true as const, value: '' };
    if (!current.ok || current.value !== value) setText(value ? format(value) : '');
  }
  const change = (next: string) => {
    setText(next);
    const parsed = next.trim() ? parse(next) : { ok: true as const, value: '' };
    const nextValue = parsed.ok ? parsed.value : '';
    onProblem?.(parsed.ok ? undefined : parsed.message);
    setShownValue(nextValue);
    if (nextValue !== value) onChange(nextValue);
  };
  // Leaving the field writes a valid date or time the way the app shows it (16-6-2026 -> 16-06-2026).
  const normalize = () => {
    const parsed = text.trim() ? parse(text) : null;
    if (parsed?.ok) setText(format(parsed.value));
  };
  const problem = text.trim() ? (({ ok, message }) => (ok ? undefined : message))(parse(text) as { ok: boolean; message?: string }) : undefined;
  return { text, change, normalize, problem };
}

/**
 * Keeps the form from being submitted while the text is not a valid value: the browser's own check
 * (setCustomValidity) for a form that uses it, and a submit listener on the form element itself for a
 * form with noValidate (it runs before React's delegated onSubmit at the root and stops it there).
 */
function useRefuseSubmitWhileInvalid(ref: RefObject<HTMLInputElement | null>, problem: string | undefined, onRefused: (() => void) | undefined) {
  const latest = useRef({ problem, onRefused });
  useEffect(() => {
    latest.current = { problem, onRefused };
    ref.current?.setCustomValidity(problem ?? '');
  }, [ref, problem, onRefused]);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const refuse = (event: SubmitEvent) => {
      if (!latest.current.problem || event.defaultPrevented) return;
      event.preventDefault();
      event.stopPropagation();
      ref.current?.focus();
      latest.current.onRefused?.();
    };
    form.addEventListener('submit', refuse);
    return () => form.removeEventListener('submit', refuse);
  }, [ref]);
}

/** How a field reads and writes its value: the parser, the formatter and which placeholder it shows. */
interface Notation {
  parse: Parse;
  format: (value: string) => string;
  kind: 'date' | 'time';
}

const DATE_NOTATION: Notation = { parse: parseDutchDate, format: formatDutchDate, kind: 'date' };
const TIME_NOTATION: Notation = { parse: parseDutchTime, format: formatDutchTime, kind: 'time' };

function TextBackedInput(props: TextBackedInputProps & Partial<A11yProps> & { notation: Notation }) {
  const { value, onChange, onProblem, onSubmitRefused, inputProps, notation, ...a11y } = props;
  const { t } = useTranslation();
  const { text, change, normalize, problem } = useTextBackedValue(value, onChange, notation.parse, notation.format, onProblem);
  const ref = useRef<HTMLInputElement>(null);
  useRefuseSubmitWhileInvalid(ref, problem, onSubmitRefused);
  return (
    <input
      {...a11y}
      {...inputProps}
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t(`dateInput.${notation.kind}Placeholder`)}
      value={text}
      onChange={(e) => change(e.target.value)}
      onBlur={(e) => {
        normalize();
        inputProps?.onBlur?.(e);
      }}
      onInvalid={(e) => {
        // The browser's own check refused the form: the same as the listener does for noValidate forms.
        e.currentTarget.focus();
        onSubmitRefused?.();
        inputProps?.onInvalid?.(e);
      }}
    />
  );
}

/** A date input without its label (for places with their own layout); the value is 'YYYY-MM-DD' or ''. */
export function DateInput(props: TextBackedInputProps & Partial<A11yProps>) {
  return <TextBackedInput {...props} notation={DATE_NOTATION} />;
}

/** A time input, 24-hour; the value is 'HH:mm' or ''. */
export function TimeInput(props: TextBackedInputProps & Partial<A11yProps>) {
  return <TextBackedInput {...props} notation={TIME_NOTATION} />;
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * Label, dd-mm-jjjj input, hint and error. What is wrong with the typed text is shown once the user
 * leaves the field (not while typing the first digits); a form's own error shows when the text is fine.
 */
export function DateField(props: FieldProps) {
  return <TextBackedField {...props} kind="date" />;
}

/** Label, uu:mm input (24-hour), hint and error. */
export function TimeField(props: FieldProps) {
  return <TextBackedField {...props} kind="time" />;
}

function TextBackedField(props: FieldProps & { kind: 'date' | 'time' }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | undefined>();
  const [left, setLeft] = useState(false);
  const shownProblem = left ? problem : undefined;
  const revealOnLeave = useRevealAfterPointerRelease(() => setLeft(true));
  const Input = props.kind === 'date' ? DateInput : TimeInput;
  return (
    <FieldShell label={props.label} error={shownProblem ?? props.error} hint={props.hint ?? t(props.kind === 'date' ? 'dateInput.dateHint' : 'dateInput.timeHint')}>
      {(a11y) => (
        <Input
          {...a11y}
          value={props.value}
          onChange={props.onChange}
          onProblem={(message) => {
            setProblem(message);
            if (!message) setLeft(false);
          }}
          inputProps={{ onBlur: revealOnLeave }}
          onSubmitRefused={() => setLeft(true)}
        />
      )}
    </FieldShell>
  );
}

/**
 * Leaving the field shows its problem, which adds a line under it and moves what follows down. When the
 * field was left by pressing a mouse button or a finger on something else (typically 'Opslaan' right
 * after typing), the line appears only once that press is released: otherwise the button moves away
 * from under the pointer between press and release and the click is lost (WCAG 3.2.2: a control does
 * not change under the user's action). That click, on a submit button, is refused by the field itself
 * (useRefuseSubmitWhileInvalid), which focuses it and shows the problem at once. Leaving by keyboard
 * shows it at once.
 */
function useRevealAfterPointerRelease(reveal: () => void): () => void {
  const pressed = useRef(false);
  const latest = useRef(reveal);
  const cancelPending = useRef<(() => void) | null>(null);
  useEffect(() => {
    latest.current = reveal;
  });
  useEffect(() => {
    const down = () => {
      pressed.current = true;
    };
    const up = () => {
      pressed.current = false;
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
      cancelPending.current?.();
    };
  }, []);
  return () => {
    if (!pressed.current) {
      latest.current();
      return;
    }
    cancelPending.current?.();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopListening = () => {
      document.removeEventListener('pointerup', released, true);
      document.removeEventListener('pointercancel', released, true);
    };
    function released() {
      stopListening();
      // After the click the release completes (dispatched in the same task as the release).
      timer = setTimeout(() => {
        cancelPending.current = null;
        latest.current();
      }, 0);
    }
    document.addEventListener('pointerup', released, true);
    document.addEventListener('pointercancel', released, true);
    cancelPending.current = () => {
      stopListening();
      clearTimeout(timer);
    };
  };
}
