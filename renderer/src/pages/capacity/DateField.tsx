import { FieldShell } from '../../components/FormField';

/** A calendar date field (the value is 'YYYY-MM-DD', '' when empty). */
export function DateField(props: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; hint?: string | undefined }) {
  return (
    <FieldShell label={props.label} error={props.error} hint={props.hint}>
      {(a11y) => <input {...a11y} type="date" value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </FieldShell>
  );
}
