import type { FieldIssue, SessionFields } from '../../../../shared/capacity/capacity-rules';
import { DEFAULT_ACCEPTED_MODALITIES, type Daypart, type SessionType } from '../../../../shared/domain/session';
import type { FillerKind, HeardModality } from '../../../../shared/domain/modality';

/** A session's fields as the form holds them (text until submitted). */
export interface SessionDraft {
  daypart: string;
  startTime: string;
  endTime: string;
  sessionType: string;
  capacitySlots: string;
  capacityMinutes: string;
  overbookingSlots: string;
  acceptedModalities: string[];
  acceptedFillerKinds: string[];
  /** Also hears minors (juvenile law, art. 77a Sr ff.). */
  acceptsMinors: boolean;
}

export const DAYPART_TIMES: Record<Daypart, readonly [string, string]> = {
  morning: ['09:00', '12:30'],
  afternoon: ['13:30', '17:00'],
  full_day: ['09:00', '16:30'],
};

export function emptySessionDraft(): SessionDraft {
  return {
    daypart: 'morning',
    startTime: DAYPART_TIMES.morning[0],
    endTime: DAYPART_TIMES.morning[1],
    sessionType: '',
    capacitySlots: '',
    capacityMinutes: '',
    overbookingSlots: '0',
    acceptedModalities: [],
    acceptedFillerKinds: [],
    acceptsMinors: false,
  };
}

/** Whole numbers only: '2.5', '' and 'abc' read as not a number, so the rule's message shows. */
export function numberFrom(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function sessionFieldsFromDraft(draft: SessionDraft): SessionFields {
  return {
    daypart: draft.daypart,
    startTime: draft.startTime.trim(),
    endTime: draft.endTime.trim(),
    sessionType: draft.sessionType as SessionType,
    capacitySlots: numberFrom(draft.capacitySlots),
    capacityMinutes: numberFrom(draft.capacityMinutes),
    overbookingSlots: numberFrom(draft.overbookingSlots),
    acceptedModalities: draft.acceptedModalities,
    acceptedFillerKinds: draft.acceptedFillerKinds,
  };
}

/** The typed request fields (call after the rules found nothing). */
export function sessionRequestFromDraft(draft: SessionDraft) {
  const fields = sessionFieldsFromDraft(draft);
  return {
    ...fields,
    daypart: fields.daypart as Daypart,
    acceptedModalities: fields.acceptedModalities as HeardModality[],
    acceptedFillerKinds: fields.acceptedFillerKinds as FillerKind[],
    acceptsMinors: draft.acceptsMinors,
  };
}

/** The first message per field. */
export function issuesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) byField[issue.field] ??= issue.message;
  return byField;
}

/** A new type brings its usual modalities; filler kinds go when filler is no longer taken. */
export function withSessionType(draft: SessionDraft, sessionType: string): SessionDraft {
  const modalities = sessionType in DEFAULT_ACCEPTED_MODALITIES ? [...DEFAULT_ACCEPTED_MODALITIES[sessionType as SessionType]] : [];
  return { ...draft, sessionType, acceptedModalities: modalities, acceptedFillerKinds: modalities.includes('filler') ? draft.acceptedFillerKinds : [] };
}

/** A new daypart brings its usual times, unless the times were set by hand. */
export function withDaypart(draft: SessionDraft, daypart: string): SessionDraft {
  const previous = DAYPART_TIMES[draft.daypart as Daypart];
  const untouched = !previous || (previous[0] === draft.startTime && previous[1] === draft.endTime);
  const next = DAYPART_TIMES[daypart as Daypart];
  return untouched && next ? { ...draft, daypart, startTime: next[0], endTime: next[1] } : { ...draft, daypart };
}
