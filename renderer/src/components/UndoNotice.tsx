import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { UndoResult, UndoToken } from '../../../shared/api/undo-schemas';
import { useOperationMutation } from '../api/use-operation-mutation';
import { ActionButton } from './ActionButton';
import { ErrorPanel } from './ErrorPanel';

/**
 * What an action did, with 'Ongedaan maken' (history.undo) right after it. A status message that stays
 * until the user acts again or leaves the page (no timed toast: WCAG 2.2.1), focusable so a keyboard or
 * screen reader user can return to it; the button is in the tab order. After the undo it says what was
 * put back; a refused undo shows the service's Dutch reason (what changed, by whom).
 */
export function UndoNotice({
  token,
  children,
  focusOnShow = false,
  onUndone,
  testId = 'undo-notice',
  panelRef,
}: {
  token: UndoToken | null | undefined;
  children: ReactNode;
  /** Move focus to the notice when it appears (when the control that started the action is gone). */
  focusOnShow?: boolean;
  onUndone?: (result: UndoResult) => void;
  testId?: string;
  /** The page's own handle on the notice (e.g. to focus it after a move took the case out of view). */
  panelRef?: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const ownPanel = useRef<HTMLDivElement>(null);
  const panel = panelRef ?? ownPanel;
  // After the undo the button is gone: focus stays on the notice, which now says what was put back.
  const undo = useOperationMutation('history.undo', {
    onSuccess: (result) => {
      panel.current?.focus();
      onUndone?.(result);
    },
  });

  useEffect(() => {
    if (focusOnShow) panel.current?.focus();
  }, [focusOnShow, panel]);

  return (
    <div className="panel undo-notice" role="status" tabIndex={-1} ref={panel} data-testid={testId}>
      {undo.isSuccess ? <p>{undo.data.message}</p> : <p>{children}</p>}
      {token && !undo.isSuccess && (
        <div className="actions">
          <ActionButton mutation={undo} className="secondary" onClick={() => undo.mutate({ actionId: token.actionId })}>
            {t('undo.button')}
          </ActionButton>
        </div>
      )}
      {undo.isError && <ErrorPanel error={undo.error} />}
    </div>
  );
}
