import { useId } from 'react';

/** A group of checkboxes in a fieldset with a legend; the error is announced with the group. */
export function CheckboxGroup<T extends string | number>(props: {
  legend: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (value: T, on: boolean) => {
    const next = on ? [...props.selected, value] : props.selected.filter((v) => v !== value);
    // Keep the options' order, whatever order they were ticked in.
    props.onChange(props.options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset aria-describedby={described} className={props.error ? 'fieldset-invalid' : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      <div className="inline-choices">
        {props.options.map((option) => (
          <label key={String(option.value)} className="checkbox">
            <input type="checkbox" checked={props.selected.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
      {props.error && (
        <p id={`${id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
