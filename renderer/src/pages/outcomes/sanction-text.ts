import type { TFunction } from 'i18next';
import type { DecisionView } from '../../../../shared/outcomes/decision-schemas';

const euro = (cents: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** One sanction in a line of Dutch: 'Geldboete € 450,00, 9 dagen vervangende hechtenis'. */
export function sanctionText(s: DecisionView['sanctions'][number], t: TFunction): string {
  const parts = [t(`sanctionKind.${s.kind}`)];
  if (s.amountCents !== null) parts.push(euro(s.amountCents));
  if (s.hours !== null) parts.push(t('outcomes.hoursText', { count: s.hours }));
  if (s.days !== null) parts.push(t('outcomes.daysText', { count: s.days }));
  if (s.conditional) parts.push(t('outcomes.conditionalText', { count: s.probationMonths ?? 0 }));
  if (s.substituteDetentionDays !== null) parts.push(t('outcomes.substituteText', { count: s.substituteDetentionDays }));
  if (s.description) parts.push(s.description);
  return parts.join(', ');
}
