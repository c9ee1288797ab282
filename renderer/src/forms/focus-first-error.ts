import { useEffect, type RefObject } from 'react';
import type { FieldErrors } from './validate-input';

/** What shows a form's error: a field marked invalid, or a form-level message marked data-form-error (with tabIndex -1). */
const ERROR_SELECTOR = '[aria-invalid="true"], [data-form-error]';

/** Moves focus to the first field (in the form's order) that shows an error; true when there was one. */
export function focusFirstError(form: HTMLFormElement | null): boolean {
  const target = form?.querySelector<HTMLElement>(ERROR_SELECTOR);
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * After a submit that found errors, focus goes to the first field with an error (WCAG 3.3.1: the user
 * lands on what to correct instead of staying on the button). Runs after the errors are rendered, on
 * every new errors object: pass the object the submit set, even when it holds the same messages again.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: FieldErrors): void {
  useEffect(() => {
    if (Object.keys(errors).length > 0) focusFirstError(form.current);
  }, [form, errors]);
}
