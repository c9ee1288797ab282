import { useId, type ButtonHTMLAttributes } from 'react';
import type { OperationAvailability } from '../api/use-operation-availability';
import { UnavailableReason, unavailableProps } from './sync/UnavailableReason';

/** What the button needs of a useOperationMutation(...) result. */
interface Action {
  availability: OperationAvailability;
  isPending: boolean;
}

type ActionButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  mutation: Action;
  type?: 'button' | 'submit';
  /**
   * The reason is shown once elsewhere under this id (<ActionReason>, e.g. at the top of a form or above a
   * table of row buttons); without it the reason is shown next to the button.
   */
  reasonId?: string;
};

/**
 * The button of a write (issues 13 and 14): disabled while it runs and when the person may not start it
 * now (their roles, or offline an action that needs the district server), with the Dutch reason as text
 * that the button names with aria-describedby. Standalone everything is allowed.
 */
export function ActionButton({ mutation, type = 'button', reasonId, disabled, children, ...rest }: ActionButtonProps) {
  const ownId = useId();
  const id = reasonId ?? ownId;
  const { availability } = mutation;
  const describedBy = [rest['aria-describedby'], unavailableProps(availability, id)['aria-describedby']].filter(Boolean).join(' ');
  return (
    <>
      <button {...rest} type={type} disabled={disabled || mutation.isPending || !availability.allowed} aria-describedby={describedBy || undefined}>
        {children}
      </button>
      {reasonId === undefined && <UnavailableReason availability={availability} id={id} />}
    </>
  );
}

/** The reason once for several buttons of the same action (their reasonId), or for a whole form. */
export function ActionReason({ mutation, id }: { mutation: Pick<Action, 'availability'>; id: string }) {
  return <UnavailableReason availability={mutation.availability} id={id} />;
}
