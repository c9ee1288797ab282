import { endOfAmsterdamDay, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import type { DashboardFilters } from '../../../shared/metrics/dashboard-schemas';

/** Named parameters shared by the metric queries: a date range, its instants, and the filters. */
export interface QueryParams {
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
  modality: string | null;
  policeUnit: string | null;
  locationId: number | null;
}

export function queryParams(filters: Pick<DashboardFilters, 'modality' | 'policeUnit' | 'locationId'>, from: string, to: string): QueryParams {
  return {
    from,
    to,
    fromInstant: new Date(startOfAmsterdamDay(from)).toISOString(),
    toInstant: new Date(endOfAmsterdamDay(to)).toISOString(),
    modality: filters.modality ?? null,
    policeUnit: filters.policeUnit ?? null,
    locationId: filters.locationId ?? null,
  };
}

/**
 * The case filters as SQL over alias `c`. A case belongs to a location when it has a hearing (not
 * cancelled) on a session there; cases never planned belong to no location.
 */
export const CASE_FILTER = `
  (cast(@modality as text) is null or c.modality = @modality)
  and (cast(@policeUnit as text) is null or c.police_unit = @policeUnit)
  and (cast(@locationId as integer) is null or exists (
    select 1 from hearing hx join court_session sx on sx.id = hx.session_id join courtroom rx on rx.id = sx.courtroom_id
    where hx.case_id = c.id and hx.status != 'cancelled' and rx.location_id = @locationId))`;
