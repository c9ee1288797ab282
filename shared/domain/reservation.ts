/** The prosecution reserves slots for its own flows; filler is what the court fills released slots with. */
export const RESERVABLE_MODALITIES = ['supersnelrecht', 'snelrecht', 'snelrecht_nd'] as const;
export type ReservableModality = (typeof RESERVABLE_MODALITIES)[number];

export const RESERVATION_RELEASE_KINDS = ['manual', 'auto'] as const;
export type ReservationReleaseKind = (typeof RESERVATION_RELEASE_KINDS)[number];

/** Default: unfilled reserved slots go back to the court 2 working days before the session (issue 4). */
export const DEFAULT_RESERVATION_RELEASE_WORKING_DAYS = 2;
