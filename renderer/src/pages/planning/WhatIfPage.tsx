import { addDays, format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DAYPARTS, SESSION_TYPES, type Daypart, type SessionType } from '../../../../shared/domain/session';
import { whatIfRequestIssues, type WhatIfRequest, type WhatIfResult } from '../../../../shared/planner/what-if';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatInstant, formatNumber, formatPercent } from '../../i18n/format';
import { CheckboxGroup } from '../capacity/CheckboxGroup';
import { DateField, TimeField } from '../../components/DateTimeInputs';
import { weekdayList } from '../capacity/capacity-format';

interface PatternDraft {
  key: number;
  courtroomId: string;
  weekdays: number[];
  daypart: Daypart;
  startTime: string;
  endTime: string;
  sessionType: SessionType;
  capacitySlots: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const ymd = (date: Date) => format(date, 'yyyy-MM-dd');

/** Field errors by path ('from', 'replay.to', 'addPatterns.0.weekdays'). */
type Errors = Record<string, string>;

/**
 * What if: the current plan next to a scenario with other capacity or a past intake replayed, both
 * planned in memory by the real planner. Nothing is written.
 */
export function WhatIfPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('whatIf.title'));
  const district = useOperationQuery('district.get', {});
  const overview = useOperationQuery('capacity.overview', {});

  const todayText = ymd(today);
  const [from, setFrom] = useState(todayText);
  const [to, setTo] = useState(ymd(addDays(today, 41)));
  const [replayOn, setReplayOn] = useState(false);
  const [replayFrom, setReplayFrom] = useState(ymd(addDays(today, -28)));
  const [replayTo, setReplayTo] = useState(ymd(addDays(today, -1)));
  const [patterns, setPatterns] = useState<PatternDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [removeIds, setRemoveIds] = useState<number[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const run = useOperationMutation('planner.whatIf');

  const rooms = (district.data?.locations ?? []).flatMap((location) => location.rooms.map((room) => ({ value: String(room.id), label: `${location.name} – ${room.name}` })));
  const roomName = new Map(rooms.map((r) => [Number(r.value), r.label]));
  const templates = (overview.data?.templates ?? []).filter((tpl) => tpl.active);

  const addPattern = () => {
    setPatterns((list) => [
      ...list,
      { key: nextKey, courtroomId: '', weekdays: [], daypart: 'morning', startTime: '09:00', endTime: '12:30', sessionType: 'supersnelrecht', capacitySlots: '4' },
    ]);
    setNextKey((k) => k + 1);
  };
  const updatePattern = (key: number, change: Partial<PatternDraft>) => setPatterns((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: WhatIfRequest = {
      from,
      to,
      ...(replayOn ? { replay: { from: replayFrom, to: replayTo } } : {}),
      ...(patterns.length > 0
        ? {
            addPatterns: patterns.map((p) => ({
              courtroomId: p.courtroomId === '' ? 0 : Number(p.courtroomId),
              weekdays: p.weekdays,
              daypart: p.daypart,
              startTime: p.startTime,
              endTime: p.endTime,
              sessionType: p.sessionType,
              capacitySlots: /^\d+$/.test(p.capacitySlots.trim()) ? Number(p.capacitySlots.trim()) : Number.NaN,
            })),
          }
        : {}),
      ...(removeIds.length > 0 ? { removeTemplateIds: removeIds } : {}),
    };
    const found: Errors = {};
    if (!from) found['from'] = t('whatIf.dateMissing', { field: t('whatIf.from') });
    if (!to) found['to'] = t('whatIf.dateMissing', { field: t('whatIf.to') });
    if (replayOn && !replayFrom) found['replay.from'] = t('whatIf.dateMissing', { field: t('whatIf.replayFrom') });
    if (replayOn && !replayTo) found['replay.to'] = t('whatIf.dateMissing', { field: t('whatIf.replayTo') });
    request.addPatterns?.forEach((p, index) => {
      if (Number.isNaN(p.capacitySlots)) found[`addPatterns.${index}.capacitySlots`] = t('whatIf.slotsInvalid', { n: index + 1 });
    });
    if (Object.keys(found).length === 0) {
      for (const issue of whatIfRequestIssues(request, todayText)) found[issue.path.join('.')] ??= issue.message;
    }
    setErrors(found);
    if (Object.keys(found).length === 0) run.mutate(request);
  };

  return (
    <>
      <h1>{t('whatIf.title')}</h1>
      <p>{t('whatIf.intro')}</p>
      <form onSubmit={submit} noValidate>
        {Object.keys(errors).length > 0 && (
          <div role="alert" className="panel panel-error">
            <p>{t('whatIf.fixFields')}</p>
            <ul>
              {Object.entries(errors).map(([path, message]) => (
                <li key={path}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        <fieldset>
          <legend>{t('whatIf.window')}</legend>
          <p className="field-hint">{t('whatIf.windowHint')}</p>
          <div className="filters">
            <DateField label={t('whatIf.from')} value={from} onChange={setFrom} error={errors['from']} />
            <DateField label={t('whatIf.to')} value={to} onChange={setTo} error={errors['to']} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('whatIf.replayLegend')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={replayOn} onChange={(e) => setReplayOn(e.target.checked)} />
            {t('whatIf.replayOn')}
          </label>
          <p className="field-hint">{t('whatIf.replayHint')}</p>
          {replayOn && (
            <div className="filters">
              <DateField label={t('whatIf.replayFrom')} value={replayFrom} onChange={setReplayFrom} error={errors['replay.from']} />
              <DateField label={t('whatIf.replayTo')} value={replayTo} onChange={setReplayTo} error={errors['replay.to']} />
            </div>
          )}
        </fieldset>

        <section aria-labelledby="what-if-add">
          <h2 id="what-if-add">{t('whatIf.addTitle')}</h2>
          {district.isError && <ErrorPanel error={district.error} onRetry={() => void district.refetch()} />}
          {patterns.map((pattern, index) => (
            <PatternEditor
              key={pattern.key}
              n={index + 1}
              pattern={pattern}
              rooms={rooms}
              errors={errors}
              onChange={(change) => updatePattern(pattern.key, change)}
              onRemove={() => setPatterns((list) => list.filter((p) => p.key !== pattern.key))}
            />
          ))}
          <div className="actions">
            <button type="button" onClick={addPattern} disabled={patterns.length >= 10}>
              {t('whatIf.addPattern')}
            </button>
          </div>
        </section>

        <section aria-labelledby="what-if-remove">
          <h2 id="what-if-remove">{t('whatIf.removeTitle')}</h2>
          {overview.isPending && <p role="status">{t('app.loading')}</p>}
          {overview.isError && <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />}
          {overview.isSuccess &&
            (templates.length === 0 ? (
              <p className="muted">{t('whatIf.noTemplates')}</p>
            ) : (
              <CheckboxGroup
                legend={t('whatIf.removeLegend')}
                hint={t('whatIf.removeHint')}
                options={templates.map((tpl) => ({
                  value: tpl.id,
                  label: t('whatIf.templateLabel', { name: tpl.name, room: roomName.get(tpl.courtroomId) ?? tpl.courtroomId, days: weekdayList(t, tpl.weekdays) }),
                }))}
                selected={removeIds}
                onChange={setRemoveIds}
                error={errors['removeTemplateIds']}
              />
            ))}
        </section>

        <div className="actions">
          <button type="submit" disabled={run.isPending}>
            {t('whatIf.run')}
          </button>
        </div>
      </form>
      {run.isPending && <p role="status">{t('whatIf.busy')}</p>}
      {run.isError && <ErrorPanel error={run.error} />}
      {run.data && !run.isPending && <WhatIfResultView result={run.data} />}
    </>
  );
}

function PatternEditor(props: {
  n: number;
  pattern: PatternDraft;
  rooms: { value: string; label: string }[];
  errors: Errors;
  onChange: (change: Partial<PatternDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { pattern, n, onChange } = props;
  const error = (field: string) => props.errors[`addPatterns.${n - 1}.${field}`];
  return (
    <fieldset>
      <legend>{t('whatIf.patternLegend', { n })}</legend>
      <div className="form-grid">
        <SelectField
          label={t('whatIf.room')}
          value={pattern.courtroomId}
          onChange={(courtroomId) => onChange({ courtroomId })}
          options={props.rooms}
          placeholder={t('whatIf.roomPlaceholder')}
          error={error('courtroomId')}
        />
        <SelectField
          label={t('whatIf.sessionType')}
          value={pattern.sessionType}
          onChange={(value) => onChange({ sessionType: value as SessionType })}
          options={SESSION_TYPES.map((type) => ({ value: type, label: t(`sessionType.${type}`) }))}
          placeholder={t('whatIf.choose')}
          error={error('sessionType')}
        />
        <SelectField
          label={t('whatIf.daypart')}
          value={pattern.daypart}
          onChange={(value) => onChange({ daypart: value as Daypart })}
          options={DAYPARTS.map((d) => ({ value: d, label: t(`daypart.${d}`) }))}
          placeholder={t('whatIf.choose')}
          error={error('daypart')}
        />
        <TimeField label={t('whatIf.startTime')} value={pattern.startTime} onChange={(startTime) => onChange({ startTime })} error={error('startTime')} />
        <TimeField label={t('whatIf.endTime')} value={pattern.endTime} onChange={(endTime) => onChange({ endTime })} error={error('endTime')} />
        <TextField label={t('whatIf.slots')} value={pattern.capacitySlots} inputMode="numeric" onChange={(capacitySlots) => onChange({ capacitySlots })} error={error('capacitySlots')} />
      </div>
      <CheckboxGroup
        legend={t('whatIf.weekdays')}
        options={WEEKDAYS.map((d) => ({ value: d, label: t(`capacity.weekday.${d}`) }))}
        selected={pattern.weekdays}
        onChange={(weekdays) => onChange({ weekdays })}
        error={error('weekdays')}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onRemove}>
          {t('whatIf.removePattern', { n })}
        </button>
      </div>
    </fieldset>
  );
}

type Scenario = WhatIfResult['baseline'];

const days = (value: number | null) => (value === null ? null : formatNumber(Math.round(value * 10) / 10));
const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text);

function WhatIfResultView({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const { baseline: a, variant: b, difference: d } = result;
  const none = t('whatIf.none');
  const count = (value: number) => formatNumber(value);
  const diffCount = (value: number) => signed(value, formatNumber(value));
  const percent = (value: number | null) => (value === null ? none : formatPercent(value));
  const diffPoints = (value: number | null) => (value === null ? none : t('whatIf.points', { value: signed(value, formatNumber(Math.round(value * 1000) / 10)) }));
  const diffDays = (value: number | null) => (value === null ? none : signed(value, days(value)!));
  const rows: { label: string; a: string; b: string; d: string }[] = [
    { label: t('whatIf.rowCases'), a: count(a.cases), b: count(b.cases), d: diffCount(d.cases) },
    { label: t('whatIf.rowPlanned'), a: count(a.planned), b: count(b.planned), d: diffCount(d.planned) },
    { label: t('whatIf.rowInfeasible'), a: count(a.infeasible.length), b: count(b.infeasible.length), d: diffCount(d.infeasible) },
    { label: t('whatIf.rowUnplanned'), a: count(a.unplanned), b: count(b.unplanned), d: diffCount(d.unplanned) },
    { label: t('whatIf.rowDeadline'), a: ofCases(t, a.deadlineCompliance, a.withinHardLimit, a.hardLimitCases), b: ofCases(t, b.deadlineCompliance, b.withinHardLimit, b.hardLimitCases), d: diffPoints(d.deadlineCompliance) },
    { label: t('whatIf.rowTarget'), a: ofCases(t, a.targetCompliance, a.targetMet, a.targetCases), b: ofCases(t, b.targetCompliance, b.targetMet, b.targetCases), d: diffPoints(d.targetCompliance) },
    { label: t('whatIf.rowMeanDays'), a: days(a.meanDaysToHearing) ?? none, b: days(b.meanDaysToHearing) ?? none, d: diffDays(d.meanDaysToHearing) },
    { label: t('whatIf.rowP90Days'), a: days(a.p90DaysToHearing) ?? none, b: days(b.p90DaysToHearing) ?? none, d: diffDays(d.p90DaysToHearing) },
    { label: t('whatIf.rowSessions'), a: count(a.sessions), b: count(b.sessions), d: diffCount(d.sessions) },
    { label: t('whatIf.rowCapacity'), a: count(a.capacity), b: count(b.capacity), d: diffCount(d.capacity) },
    { label: t('whatIf.rowBooked'), a: count(a.booked), b: count(b.booked), d: diffCount(d.booked) },
    { label: t('whatIf.rowFill'), a: percent(a.fillRate), b: percent(b.fillRate), d: diffPoints(d.fillRate) },
  ];
  const types = d.fillBySessionType.map((f) => f.sessionType);
  const fillOf = (s: Scenario, type: string) => s.fillBySessionType.find((f) => f.sessionType === type);

  return (
    <section className="panel" aria-labelledby="what-if-result">
      <h2 id="what-if-result">{t('whatIf.resultTitle')}</h2>
      <p role="status" data-testid="what-if-summary">
        {t('whatIf.resultSummary', {
          from: formatDate(result.from),
          to: formatDate(result.to),
          added: count(result.changes.addedSessions),
          addedSlots: count(result.changes.addedSlots),
          removed: count(result.changes.removedSessions),
          removedSlots: count(result.changes.removedSlots),
          replayed: count(result.replay?.cases ?? 0),
          notReady: count(result.notReady),
          ms: count(result.runTimeMs),
        })}
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="what-if-compare">
          <caption>{t('whatIf.compareCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('whatIf.colMeasure')}</th>
              <th scope="col">{t('whatIf.colBaseline')}</th>
              <th scope="col">{t('whatIf.colVariant')}</th>
              <th scope="col">{t('whatIf.colDifference')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.a}</td>
                <td>{row.b}</td>
                <td>{row.d}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('whatIf.fillCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('whatIf.colType')}</th>
              <th scope="col">{t('whatIf.colBaseline')}</th>
              <th scope="col">{t('whatIf.colVariant')}</th>
              <th scope="col">{t('whatIf.colDifference')}</th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => {
              const x = fillOf(a, type);
              const y = fillOf(b, type);
              const cell = (f: typeof x) => (f ? t('whatIf.fillCell', { booked: count(f.booked), capacity: count(f.capacity), rate: percent(f.fillRate) }) : none);
              const diff = d.fillBySessionType.find((f) => f.sessionType === type)!;
              return (
                <tr key={type}>
                  <th scope="row">{t(`sessionType.${type}`)}</th>
                  <td>{cell(x)}</td>
                  <td>{cell(y)}</td>
                  <td>{t('whatIf.fillDiff', { slots: diffCount(diff.capacity), rate: diffPoints(diff.fillRate) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <ChangesView changes={result.changes} />
      <InfeasibleTable caption={t('whatIf.infeasibleBaseline')} cases={a.infeasible} />
      <InfeasibleTable caption={t('whatIf.infeasibleVariant')} cases={b.infeasible} />
    </section>
  );
}

function ofCases(t: (key: string, options?: Record<string, unknown>) => string, rate: number | null, part: number, whole: number): string {
  if (rate === null) return t('whatIf.noneWithLimit');
  return t('whatIf.ofCases', { rate: formatPercent(rate), part: formatNumber(part), whole: formatNumber(whole) });
}

function ChangesView({ changes }: { changes: WhatIfResult['changes'] }) {
  const { t } = useTranslation();
  if (changes.skipped.length === 0 && changes.toReplan.length === 0) return null;
  return (
    <div className="subpanel">
      <h3>{t('whatIf.changesTitle')}</h3>
      {changes.skipped.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('whatIf.skippedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatIf.colPattern')}</th>
                <th scope="col">{t('whatIf.colDate')}</th>
                <th scope="col">{t('whatIf.colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.skipped.map((s) => (
                <tr key={`${s.pattern}-${s.date}`}>
                  <th scope="row">{t('whatIf.patternLegend', { n: s.pattern })}</th>
                  <td>{formatDate(s.date)}</td>
                  <td>{s.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {changes.toReplan.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('whatIf.replanCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatIf.colCase')}</th>
                <th scope="col">{t('whatIf.colSession')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.toReplan.map((r) => (
                <tr key={r.caseId}>
                  <th scope="row">
                    <Link to={`/zaken/${r.caseId}`}>{r.parketnummer}</Link>
                  </th>
                  <td>{formatDate(r.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function InfeasibleTable({ caption, cases }: { caption: string; cases: Scenario['infeasible'] }) {
  const { t } = useTranslation();
  if (cases.length === 0) {
    return (
      <p>
        <strong>{caption}:</strong> {t('whatIf.noInfeasible')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('whatIf.colCase')}</th>
            <th scope="col">{t('whatIf.colModality')}</th>
            <th scope="col">{t('whatIf.colLimit')}</th>
            <th scope="col">{t('whatIf.colReason')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.caseId}>
              <th scope="row">
                {c.replayed ? (
                  t('whatIf.replayedCase', { parketnummer: c.parketnummer })
                ) : (
                  <Link to={`/zaken/${c.caseId}`}>{c.parketnummer}</Link>
                )}
              </th>
              <td>{t(`modality.${c.modality}`)}</td>
              <td>{c.latest ? formatInstant(c.latest) : t('whatIf.none')}</td>
              <td>{c.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
