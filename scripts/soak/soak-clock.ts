/** The soak's pinned start: Monday 15 June 2026, 09:30 in Amsterdam (the demo district's 'today'). */
export const SOAK_START_MS = Date.parse('2026-06-15T09:30:00+02:00');
