import type { TFunction } from 'i18next';
import { amsterdamDate } from '../../../../shared/calendar/amsterdam-time';
import { parseReadinessGap, type ReadinessGap } from '../../../../shared/domain/planning-readiness';
import { PRECONDITION_LABELS } from '../../../../shared/domain/precondition';
import { formatShortDay } from '../../i18n/format';

/** A readiness gap in Dutch, naming the precondition it is about: 'Rapportage NIFP (geen datum bekend)'. */
export function gapText(t: TFunction, gap: ReadinessGap): string {
  const parsed = parseReadinessGap(gap);
  if (parsed.type === 'fact') return t(`readinessGap.${parsed.gap}`);
  return t(`readinessGap.precondition_${parsed.problem}`, { label: PRECONDITION_LABELS[parsed.kind] });
}

/** The day a ready-from moment falls on, as 'di 14 apr'. */
export const readyDay = (readyFrom: string) => formatShortDay(amsterdamDate(Date.parse(readyFrom)));
