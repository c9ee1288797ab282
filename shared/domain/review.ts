export const AGREEMENT_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const SIGNAL_STATUSES = ['open', 'in_progress', 'resolved', 'not_taken_up'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
