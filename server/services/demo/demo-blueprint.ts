import type { FillerKind, Modality } from '../../../shared/domain/modality';
import type { Daypart, SessionType } from '../../../shared/domain/session';
import type { ZsmOutcome } from '../../../shared/domain/zsm-outcome';

/**
 * The fictional demo district: two court locations, a weekly session pattern sized for about 2,800
 * cases a year (slot counts scale with the requested volume), and the mix of the case flows.
 * All names are invented.
 */
export const DEMO_DISTRICT = { code: 'IJV', name: 'Arrondissement IJsselvallei (demo)', parketCode: '19' } as const;

export const DEMO_LOCATIONS = [
  { name: 'Paleis van Justitie Hanzestad', city: 'Hanzestad', rooms: ['Zaal 1', 'Zaal 2', 'Zaal 3 (RC)'] },
  { name: 'Rechtbank Veenoord', city: 'Veenoord', rooms: ['Zaal A', 'Zaal B'] },
] as const;

export interface SessionPattern {
  location: number;
  room: number;
  /** ISO weekday: 1 = Monday … 5 = Friday. */
  weekdays: readonly number[];
  daypart: Daypart;
  startTime: string;
  endTime: string;
  sessionType: SessionType;
  slotsPer2800Cases: number;
  minutesPerSlot: number;
  /**
   * The session also hears suspects who were 12 to 17 at the offence (juvenile law, art. 77a Sr ff.;
   * behind closed doors, art. 495b Sv). Other sessions take adults only: a minor goes nowhere else.
   */
  acceptsMinors: boolean;
}

export const DEMO_SESSION_PATTERN: readonly SessionPattern[] = [
  { location: 0, room: 2, weekdays: [1, 3, 5], daypart: 'morning', startTime: '09:00', endTime: '12:30', sessionType: 'supersnelrecht', slotsPer2800Cases: 3, minutesPerSlot: 45, acceptsMinors: false },
  { location: 0, room: 0, weekdays: [2, 4], daypart: 'afternoon', startTime: '13:30', endTime: '17:00', sessionType: 'snelrecht', slotsPer2800Cases: 4, minutesPerSlot: 45, acceptsMinors: false },
  { location: 0, room: 1, weekdays: [2, 4], daypart: 'morning', startTime: '09:00', endTime: '12:30', sessionType: 'snelrecht_nd', slotsPer2800Cases: 10, minutesPerSlot: 20, acceptsMinors: false },
  { location: 1, room: 0, weekdays: [3], daypart: 'full_day', startTime: '09:00', endTime: '16:30', sessionType: 'snelrecht_nd', slotsPer2800Cases: 12, minutesPerSlot: 30, acceptsMinors: false },
  // The one session a week that also hears minors: the Monday afternoon mixed session in Veenoord, which
  // takes every heard modality, so a minor's case of any kind can be planned (once a week, as a kinderrechter sits).
  { location: 1, room: 1, weekdays: [1], daypart: 'afternoon', startTime: '13:30', endTime: '17:00', sessionType: 'mixed', slotsPer2800Cases: 6, minutesPerSlot: 30, acceptsMinors: true },
];

export const DEMO_MODALITY_MIX: readonly (readonly [Modality, number])[] = [
  ['zsm', 20],
  ['supersnelrecht', 12],
  ['snelrecht', 10],
  ['snelrecht_nd', 38],
  ['filler', 20],
];

/** Days after arrival within which a hearing is sought, per modality (the legal rules come with issue 3). */
export const DEMO_HEARING_WINDOW_DAYS: Record<Exclude<Modality, 'zsm'>, readonly [number, number]> = {
  supersnelrecht: [1, 3],
  snelrecht: [4, 17],
  snelrecht_nd: [14, 28],
  filler: [7, 60],
};

export const DEMO_FILLER_KINDS: readonly FillerKind[] = ['older_case', 'verzet', 'vtl', 'summoned_suspect', 'stock_case', 'adjourned_case'];

export const DEMO_POLICE_UNITS = [
  'Basisteam Hanzestad-Centrum',
  'Basisteam Hanzestad-Oost',
  'Basisteam Veenoord',
  'Basisteam IJsseldelta',
  'Basisteam Heuvelland',
] as const;

export const DEMO_OFFENCES = [
  'Winkeldiefstal',
  'Eenvoudige mishandeling',
  'Vernieling',
  'Geweld tegen hulpverlener',
  'Bedreiging',
  'Rijden onder invloed',
  'Openlijke geweldpleging',
  'Heling',
  'Inbraak in woning',
  'Belediging van een ambtenaar',
] as const;

export const DEMO_JUDGES = ['mr. A. de Boer', 'mr. F. Yilmaz-Kok', 'mr. H. van Dijk', 'mr. L. Mulder', 'mr. S. Visser', 'mr. R. Bakker'] as const;
export const DEMO_PROSECUTORS = ['mr. J. Smit', 'mr. E. Meijer', 'mr. N. de Groot', 'mr. P. Bos', 'mr. W. Vos', 'mr. C. Peters', 'mr. D. Hendriks', 'mr. M. Dekker'] as const;

export const DEMO_FIRST_INITIALS = 'ABCDEFGHIJKLMNOPRSTVWY'.split('');
export const DEMO_SURNAMES = [
  'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
] as const;
export const DEMO_LAWYERS = ['mr. T. Wolters', 'mr. G. Schouten', 'mr. I. Kuipers', 'mr. O. Post', 'mr. K. Huisman'] as const;

export const DEMO_ZSM_REASONS: Record<ZsmOutcome, string> = {
  strafbeschikking: 'Bekennende verdachte, first offender; strafbeschikking passend.',
  sepot: 'Onvoldoende bewijs voor vervolging.',
  summons_supersnelrecht: 'Eenvoudige zaak, verdachte stemt in met kortere termijn; berechting binnen de inverzekeringstelling.',
  summons_snelrecht: 'Nader onderzoek nodig; voorgeleiding en berechting binnen de bewaring.',
  summons_snelrecht_nd: 'Verdachte heengezonden; snelrecht niet-gedetineerd binnen vier weken.',
  other_route: 'Afdoening buiten het strafrecht is passender.',
};

/** Agreements of the last review and signals from the work floor (invented, for the review pack). */
export const DEMO_AGREEMENTS = [
  { what: 'Politie levert het proces-verbaal bij supersnelrecht uiterlijk om 12:00 op de dag na aanhouding aan.', owner: 'Politie, districtsleiding', dueInDays: 30, status: 'in_progress', evidence: null },
  { what: 'Rechtbank opent op woensdagmiddag een extra snelrechtzitting zolang de instroom boven 40 per week ligt.', owner: 'Rechtbank, sector strafrecht', dueInDays: 45, status: 'done', evidence: 'Zittingspatroon aangepast per de eerste week van de periode.' },
  { what: 'OM geeft ongebruikte reserveringen uiterlijk drie werkdagen vooraf vrij.', owner: 'OM, parketleiding', dueInDays: 20, status: 'open', evidence: null },
] as const;

export const DEMO_SIGNALS = [
  { raisedBy: 'Griffie Hanzestad', description: 'Tolken zijn op maandagochtend moeilijk te krijgen.', raisedAfterDays: 12, status: 'in_progress', actionTaken: 'Tolkenpool gevraagd om een vaste ochtendbezetting.' },
  { raisedBy: 'ZSM-tafel', description: 'Reclasseringsadvies komt bij snelrecht vaak pas op de dag van de zitting.', raisedAfterDays: 25, status: 'open', actionTaken: null },
  { raisedBy: 'Parket, snelrechtteam', description: 'Dossiers van Basisteam Heuvelland missen vaak de schadeopgave.', raisedAfterDays: 40, status: 'resolved', actionTaken: 'Afspraak met de teamleider; checklist bij het proces-verbaal.' },
] as const;
