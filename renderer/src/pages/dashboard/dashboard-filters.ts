import { MODALITIES } from '../../../../shared/domain/modality';
import type { DashboardFilters } from '../../../../shared/metrics/dashboard-schemas';
import { reviewPeriodOf, reviewPeriodRange, previousReviewPeriod } from '../../../../shared/metrics/review-period';

/** The dashboard filters live in the URL search params, so a view can be bookmarked and shared. */
export function filtersFromParams(params: URLSearchParams, today: string): DashboardFilters {
  const current = reviewPeriodRange(reviewPeriodOf(today));
  const date = (key: string, fallback: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(key) ?? '') ? params.get(key)! : fallback);
  const modality = params.get('modaliteit');
  const locationId = Number(params.get('locatie'));
  const policeUnit = params.get('eenheid');
  return {
    from: date('van', current.from),
    to: date('tot', current.to),
    ...(modality && (MODALITIES as readonly string[]).includes(modality) ? { modality: modality as DashboardFilters['modality'] & string } : {}),
    ...(Number.isInteger(locationId) && locationId > 0 ? { locationId } : {}),
    ...(policeUnit ? { policeUnit } : {}),
  };
}

export function paramsFromFilters(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams({ van: filters.from, tot: filters.to });
  if (filters.modality) params.set('modaliteit', filters.modality);
  if (filters.locationId) params.set('locatie', String(filters.locationId));
  if (filters.policeUnit) params.set('eenheid', filters.policeUnit);
  return params;
}

/** Quick choices: the current four-month period and the two before it. */
export function quickPeriods(today: string): string[] {
  const current = reviewPeriodOf(today);
  const previous = previousReviewPeriod(current);
  return [current, previous, previousReviewPeriod(previous)];
}
