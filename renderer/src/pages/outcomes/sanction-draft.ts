import type { SanctionKind } from '../../../../shared/domain/outcome';
import type { SanctionInput } from '../../../../shared/outcomes/sanction-rules';
import { suggestedCommunityServiceSubstituteDetention, suggestedFineSubstituteDetention } from '../../../../shared/outcomes/sanction-rules';

/** A sanction row as typed: text fields, so half-typed input is never lost or reformatted. */
export interface SanctionDraft {
  key: number;
  id?: number;
  kind: SanctionKind;
  amount: string;
  hours: string;
  days: string;
  conditional: boolean;
  probationMonths: string;
  substituteDetentionDays: string;
  /** True once the clerk typed the substitute detention: the suggestion no longer overwrites it. */
  substituteEdited: boolean;
  description: string;
}

let nextKey = 1;
export const newSanctionDraft = (kind: SanctionKind = 'fine'): SanctionDraft => ({
  key: nextKey++,
  kind,
  amount: '',
  hours: '',
  days: '',
  conditional: false,
  probationMonths: '',
  substituteDetentionDays: '',
  substituteEdited: false,
  description: '',
});

/** '450', '450,50', '1.250,00' or '€ 45' as cents; null when empty; NaN when not an amount. */
export function parseEuroCents(text: string): number | null {
  const cleaned = text.replace(/[€\s]/g, '');
  if (cleaned === '') return null;
  const normal = cleaned.includes(',') ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return Number.NaN;
  return Math.round(Number(normal) * 100);
}

export const formatEuroInput = (cents: number | null) => (cents === null ? '' : (cents / 100).toLocaleString('nl-NL', { useGrouping: false, minimumFractionDigits: cents % 100 ? 2 : 0 }));

const whole = (text: string): number | null => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** The suggested substitute detention for the row as typed now, or null. */
export function suggestionFor(draft: SanctionDraft): number | null {
  if (draft.kind === 'fine') {
    const cents = parseEuroCents(draft.amount);
    return cents === null || Number.isNaN(cents) ? null : suggestedFineSubstituteDetention(cents);
  }
  if (draft.kind === 'community_service') {
    const hours = whole(draft.hours);
    return hours === null || Number.isNaN(hours) ? null : suggestedCommunityServiceSubstituteDetention(hours);
  }
  return null;
}

/** Applies a change to a row, refilling the substitute detention with the suggestion until it is typed by hand. */
export function changeDraft(draft: SanctionDraft, change: Partial<SanctionDraft>): SanctionDraft {
  const next = { ...draft, ...change };
  if (!next.substituteEdited && (next.kind === 'fine' || next.kind === 'community_service')) {
    const suggestion = suggestionFor(next);
    next.substituteDetentionDays = suggestion === null ? '' : String(suggestion);
  }
  return next;
}

/** Field-level problems of typing (not a number); the contract's rules do the rest. Keys: '<index>.<field>'. */
export function draftTypingErrors(drafts: readonly SanctionDraft[], messages: { amount: string; number: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  drafts.forEach((d, index) => {
    if (Number.isNaN(parseEuroCents(d.amount))) errors[`${index}.amountCents`] = messages.amount;
    for (const field of ['hours', 'days', 'probationMonths', 'substituteDetentionDays'] as const) {
      if (Number.isNaN(whole(d[field]))) errors[`${index}.${field}`] = messages.number;
    }
  });
  return errors;
}

/** The row as the contract takes it; only the fields that belong to its kind are sent. */
export function toSanctionInput(d: SanctionDraft): SanctionInput {
  const uses = {
    amountCents: d.kind === 'fine' || d.kind === 'compensation_order',
    hours: d.kind === 'community_service',
    days: d.kind === 'custodial',
    conditional: d.kind === 'fine' || d.kind === 'community_service' || d.kind === 'custodial',
    substitute: d.kind === 'fine' || d.kind === 'community_service' || d.kind === 'compensation_order',
    description: d.kind === 'compensation_order' || d.kind === 'other_measure',
  };
  const conditional = uses.conditional && d.conditional;
  return {
    ...(d.id === undefined ? {} : { id: d.id }),
    kind: d.kind,
    amountCents: uses.amountCents ? parseEuroCents(d.amount) : null,
    hours: uses.hours ? whole(d.hours) : null,
    days: uses.days ? whole(d.days) : null,
    conditional,
    probationMonths: conditional ? whole(d.probationMonths) : null,
    substituteDetentionDays: uses.substitute ? whole(d.substituteDetentionDays) : null,
    description: uses.description ? d.description.trim() || null : null,
  };
}

/** A stored sanction as an editable row. */
export function draftOf(s: Omit<SanctionInput, 'id'> & { id: number }): SanctionDraft {
  return {
    key: nextKey++,
    id: s.id,
    kind: s.kind,
    amount: formatEuroInput(s.amountCents),
    hours: s.hours === null ? '' : String(s.hours),
    days: s.days === null ? '' : String(s.days),
    conditional: s.conditional,
    probationMonths: s.probationMonths === null ? '' : String(s.probationMonths),
    substituteDetentionDays: s.substituteDetentionDays === null ? '' : String(s.substituteDetentionDays),
    substituteEdited: true,
    description: s.description ?? '',
  };
}
