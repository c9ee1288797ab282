import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/FormField';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../../shared/api/contract';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { checkOperationInput } from '../../forms/validate-input';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ActionButton } from '../../components/ActionButton';

interface LocationDraft {
  key: number;
  name: string;
  city: string;
  rooms: string;
}

type FieldErrors = Record<string, string>;

/**
 * The form field an issue belongs to: a room's problem belongs to its location's rooms field, and a
 * location is named by its stable key, so messages stay with the right location when one is removed.
 */
function fieldKeyOf(path: readonly PropertyKey[], locations: LocationDraft[]): string {
  if (path[0] !== 'locations' || typeof path[1] !== 'number') return path.map(String).join('.');
  const key = locations[path[1]]?.key ?? path[1];
  return `location-${key}.${String(path[2] ?? 'name')}`;
}

function toInput(name: string, code: string, locations: LocationDraft[]): OperationInput<'district.create'> {
  return {
    name,
    code: code.trim().toUpperCase(),
    locations: locations.map((l) => ({
      name: l.name,
      city: l.city,
      rooms: l.rooms
        .split(',')
        .map((room) => room.trim())
        .filter(Boolean),
    })),
  };
}

/** A first start: name the district and its court locations with their rooms. Checked with the contract's own schema. */
export function CreateDistrictForm() {
  const { t } = useTranslation();
  const formId = useId();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [locations, setLocations] = useState<LocationDraft[]>([{ key: 1, name: '', city: '', rooms: '' }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useOperationMutation('district.create');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(name, code, locations);
    const checked = checkOperationInput('district.create', input, t, {
      labels: {
        name: t('welcome.districtName'),
        code: t('welcome.districtCode'),
        ...Object.fromEntries(
          locations.flatMap((l) => [
            [`location-${l.key}.name`, t('welcome.locationName')],
            [`location-${l.key}.city`, t('welcome.locationCity')],
            [`location-${l.key}.rooms`, t('welcome.locationRooms')],
          ]),
        ),
      },
      fieldOf: (path) => fieldKeyOf(path, locations),
    });
    setErrors(checked.errors);
    if (checked.input) mutation.mutate(checked.input);
  };

  const field = (path: string, label: string, value: string, onChange: (v: string) => void) => (
    <TextField
      label={label}
      value={value}
      onChange={(v) => {
        onChange(v);
        setErrors(({ [path]: _fixed, ...rest }) => rest);
      }}
      error={errors[path]}
    />
  );

  const update = (key: number, patch: Partial<LocationDraft>) =>
    setLocations((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('welcome.createTitle')}</h2>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="field-error">
          {t('welcome.fixFields')}
        </p>
      )}
      {field('name', t('welcome.districtName'), name, setName)}
      {field('code', t('welcome.districtCode'), code, setCode)}
      {errors['locations'] && <p className="field-error">{errors['locations']}</p>}
      {locations.map((location, index) => (
        <fieldset key={location.key}>
          <legend>{t('welcome.locationLegend', { number: index + 1 })}</legend>
          {field(`location-${location.key}.name`, t('welcome.locationName'), location.name, (v) => update(location.key, { name: v }))}
          {field(`location-${location.key}.city`, t('welcome.locationCity'), location.city, (v) => update(location.key, { city: v }))}
          {field(`location-${location.key}.rooms`, t('welcome.locationRooms'), location.rooms, (v) => update(location.key, { rooms: v }))}
          {locations.length > 1 && (
            <button type="button" className="secondary" onClick={() => setLocations((all) => all.filter((l) => l.key !== location.key))}>
              {t('welcome.removeLocation', { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setLocations((all) => [...all, { key: Math.max(...all.map((l) => l.key)) + 1, name: '', city: '', rooms: '' }])}
        >
          {t('welcome.addLocation')}
        </button>
        <ActionButton mutation={mutation} type="submit">
          {mutation.isPending ? t('welcome.createBusy') : t('welcome.createButton')}
        </ActionButton>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
