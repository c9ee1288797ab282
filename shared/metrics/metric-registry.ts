import { computeBacklog, computeClearance, computePendingAge, computeTimeToDisposition } from './caseload';
import { computeFairness } from './fairness';
import { computeForecast } from './forecast';
import { computeAdjournments, computeDateCertainty, computeLegalCompliance, computeTargetCompliance } from './hearing-metrics';
import { computeIntake } from './intake';
import { computeReturns } from './returns';
import { computeSessionFill } from './session-fill';
import { computeThroughput } from './throughput';

export const METRIC_UNITS = ['aantal', 'procent', 'dagen', 'verhouding'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export interface MetricDefinition<F extends (...args: never[]) => unknown> {
  id: string;
  name: string;
  definition: string;
  unit: MetricUnit;
  compute: F;
}

const define = <F extends (...args: never[]) => unknown>(m: MetricDefinition<F>) => m;

/** The one place the metrics are defined; docs/metrics.md explains each in full. */
export const METRICS = {
  intake: define({
    id: 'intake',
    name: 'Instroom',
    definition: 'Zaken geregistreerd in de periode, per modaliteit, per politie-eenheid en per week.',
    unit: 'aantal',
    compute: computeIntake,
  }),
  sessionFill: define({
    id: 'sessionFill',
    name: 'Zittingen en bezettingsgraad',
    definition: 'Gehouden (niet geannuleerde, niet toekomstige) zittingen; beschikbare, gereserveerde en gebruikte plekken; bezetting = gebruikt / beschikbaar.',
    unit: 'procent',
    compute: computeSessionFill,
  }),
  legalCompliance: define({
    id: 'legalCompliance',
    name: 'Binnen de wettelijke termijn',
    definition: 'Aandeel zaken met een harde termijn waarvan de eerste zitting begon op of vóór de uiterste zittingsdatum.',
    unit: 'procent',
    compute: computeLegalCompliance,
  }),
  targetCompliance: define({
    id: 'targetCompliance',
    name: 'Binnen de beleidsnorm',
    definition: 'Aandeel zaken met een beleidsnorm waarvan de eerste zitting begon op of vóór de normdatum.',
    unit: 'procent',
    compute: computeTargetCompliance,
  }),
  throughput: define({
    id: 'throughput',
    name: 'Doorlooptijden',
    definition: 'Dagen tussen elk paar ketenstappen (aanhouding, ZSM-beslissing, zitting, uitspraak, overdracht CJIB, ontvangstbevestiging, afgeronde tenuitvoerlegging): mediaan, 80e en 90e percentiel (nearest rank).',
    unit: 'dagen',
    compute: computeThroughput,
  }),
  backlog: define({
    id: 'backlog',
    name: 'Werkvoorraad naar leeftijd',
    definition: 'Zaken die vandaag op een zitting wachten, naar dagen sinds instroom: 0-7, 8-14, 15-28, 29-56, meer dan 56.',
    unit: 'aantal',
    compute: computeBacklog,
  }),
  returns: define({
    id: 'returns',
    name: 'Retouren van het CJIB',
    definition: 'Overdrachten die het CJIB in de periode retour zond, per retourcode (laatste retour per overdracht).',
    unit: 'aantal',
    compute: computeReturns,
  }),
  adjournments: define({
    id: 'adjournments',
    name: 'Aangehouden zittingen',
    definition: 'Behandelingen die in de periode werden aangehouden, en hun aandeel in alle behandelingen die plaatsvonden.',
    unit: 'aantal',
    compute: computeAdjournments,
  }),
  clearance: define({
    id: 'clearance',
    name: 'Afhandelingsratio',
    definition: 'Afgedane zaken (behandeld ter zitting of afgedaan aan de ZSM-tafel) gedeeld door ingestroomde zaken, per periode en per maand.',
    unit: 'verhouding',
    compute: computeClearance,
  }),
  timeToDisposition: define({
    id: 'timeToDisposition',
    name: 'Tijd tot afdoening',
    definition: 'Kalenderdagen van instroom tot afdoening voor zaken afgedaan in de periode: mediaan, 80e en 90e percentiel.',
    unit: 'dagen',
    compute: computeTimeToDisposition,
  }),
  pendingAge: define({
    id: 'pendingAge',
    name: 'Leeftijd lopende voorraad',
    definition: 'Kalenderdagen sinds instroom van alle zaken die vandaag nog niet zijn afgedaan: mediaan, 80e en 90e percentiel.',
    unit: 'dagen',
    compute: computePendingAge,
  }),
  dateCertainty: define({
    id: 'dateCertainty',
    name: 'Zekerheid zittingsdatum',
    definition: 'Aandeel behandelde zaken dat op de eerst geplande datum werd behandeld (geen eerdere zitting, nooit verplaatst).',
    unit: 'procent',
    compute: computeDateCertainty,
  }),
  forecast: define({
    id: 'forecast',
    name: 'Aanbod en capaciteit komende 8 weken',
    definition: 'Verwachte instroom per week (gemiddelde van de laatste 8 hele weken per modaliteit) tegenover de vrije plekken op de zittingen van die weken.',
    unit: 'aantal',
    compute: computeForecast,
  }),
  fairness: define({
    id: 'fairness',
    name: 'Eerlijkheid',
    definition: 'Termijnnaleving en mediane wachttijd per politie-eenheid en per zittingslocatie, vergeleken met het arrondissement.',
    unit: 'procent',
    compute: computeFairness,
  }),
} as const;

export type MetricId = keyof typeof METRICS;
