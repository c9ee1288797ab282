import { useId, type ReactNode } from 'react';

interface FieldShellProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** A field that must be filled in: its label ends in ' *' (the catalog's convention) and the control gets aria-required. */
  required?: boolean | undefined;
  children: (props: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined; 'aria-required'?: true | undefined }) => ReactNode;
}

/** Label, control, hint and error message, wired for screen readers (the error is announced with the field). */
export function FieldShell({ label, error, hint, required, children }: FieldShellProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, ...(required ? { 'aria-required': true as const } : {}) })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  inputMode?: 'text' | 'numeric';
  required?: boolean | undefined;
}) {
  return (
    <FieldShell label={props.label} error={props.error} hint={props.hint} required={props.required}>
      {(a11y) => <input {...a11y} value={props.value} inputMode={props.inputMode} autoComplete="off" onChange={(e) => props.onChange(e.target.value)} />}
    </FieldShell>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder: string;
  error?: string | undefined;
  required?: boolean | undefined;
}) {
  return (
    <FieldShell label={props.label} error={props.error} required={props.required}>
      {(a11y) => (
        <select {...a11y} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{props.placeholder}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
