/**
 * What a case may wait for before it can be heard. (The suspect's consent to a shorter summons term
 * is a fact of the case, `short_term_consent`, not a precondition: one place for it.) Advice reports: 3RO (reclassering), NIFP
 * (forensic psychiatry), NFI (forensic lab), RvdK (child protection), SHN (victim support / damages).
 */
export const PRECONDITION_KINDS = [
  'dossier',
  'advice_3ro',
  'advice_nifp',
  'advice_nfi',
  'advice_rvdk',
  'advice_shn',
  'interpreter',
  'lawyer_informed',
  'victim_informed',
] as const;
export type PreconditionKind = (typeof PRECONDITION_KINDS)[number];

/** 'pending' blocks planning until its expected date; 'met' and 'not_needed' do not. */
export const PRECONDITION_STATUSES = ['pending', 'met', 'not_needed'] as const;
export type PreconditionStatus = (typeof PRECONDITION_STATUSES)[number];

export const PRECONDITION_LABELS: Record<PreconditionKind, string> = {
  dossier: 'Volledig dossier',
  advice_3ro: 'Advies reclassering (3RO)',
  advice_nifp: 'Rapportage NIFP',
  advice_nfi: 'Onderzoek NFI',
  advice_rvdk: 'Advies Raad voor de Kinderbescherming',
  advice_shn: 'Schadeonderbouwing (SHN)',
  interpreter: 'Tolk geregeld',
  lawyer_informed: 'Advocaat geïnformeerd',
  victim_informed: 'Slachtoffer geïnformeerd',
};

export const PRECONDITION_STATUS_LABELS: Record<PreconditionStatus, string> = {
  pending: 'Nog niet rond',
  met: 'Rond',
  not_needed: 'Niet nodig',
};
