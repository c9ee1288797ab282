import { dutchDate } from './capacity-labels';
import { generateSessions, isoWeekday, type GenerationInput } from './generate-sessions';
import type { SessionTiming } from './session-overlap';

export interface ExtraSessionPlace extends SessionTiming {
  courtroomId: number;
  locationId: number;
  date: string;
}

/**
 * Why an extra session cannot go on this day and room (a non-court day, a closure, a cancelled or
 * overlapping session), in Dutch; null when it can. The same rules as generation: an extra session is
 * a one-day pattern of its own.
 */
export function extraSessionConflict(place: ExtraSessionPlace, context: Omit<GenerationInput, 'templates' | 'from' | 'to'>): string | null {
  const plan = generateSessions({
    ...context,
    from: place.date,
    to: place.date,
    templates: [
      {
        id: -1,
        name: 'extra zitting',
        courtroomId: place.courtroomId,
        locationId: place.locationId,
        weekdays: [isoWeekday(place.date)],
        daypart: place.daypart,
        startTime: place.startTime,
        endTime: place.endTime,
        sessionType: 'mixed',
        capacitySlots: 0,
        capacityMinutes: 0,
        acceptedModalities: [],
        acceptedFillerKinds: [],
        overbookingSlots: 0,
        validFrom: place.date,
        validUntil: place.date,
        active: true,
      },
    ],
  });
  const skip = plan.skipped[0];
  if (!skip) return null;
  const day = dutchDate(place.date);
  if (skip.reason === 'cancelled') return `Geen extra zitting op ${day}: in deze zaal staat op dit dagdeel een vervallen zitting; kies een ander dagdeel of een andere zaal`;
  return `Geen extra zitting op ${day}: ${skip.message}`;
}
