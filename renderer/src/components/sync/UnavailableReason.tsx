import type { OperationAvailability } from '../../api/use-operation-availability';

/**
 * The reason an action is disabled, as text next to it (not by its colour alone). The button names it
 * with aria-describedby={id}. A disabled button is skipped by Tab, so the reason itself takes the focus:
 * a keyboard or screen-reader user meets the explanation where the action would have been.
 */
export function UnavailableReason({ availability, id }: { availability: OperationAvailability; id: string }) {
  if (availability.allowed || !availability.reason) return null;
  return (
    <p id={id} className="unavailable-reason" tabIndex={0}>
      {availability.reason}
    </p>
  );
}

/** The props of the action's button: disabled with the reason as its description when not available. */
export function unavailableProps(availability: OperationAvailability, id: string): { 'aria-describedby'?: string } {
  return availability.allowed ? {} : { 'aria-describedby': id };
}
