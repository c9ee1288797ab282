import type { FormEvent, ReactNode } from 'react';
import type { OperationAvailability } from '../api/use-operation-availability';
import { ActionButton } from './ActionButton';

/**
 * The first step of every file import (cases, rota, CJIB answers): choose a file and check it. The
 * check is a dry run; the page shows its report and offers the real import after it.
 */
export function FileCheckForm({
  id,
  label,
  accept,
  hasFile,
  onFile,
  onCheck,
  checkLabel,
  mutation,
  pendingText,
  progress,
  className,
}: {
  id: string;
  label: string;
  accept: string;
  hasFile: boolean;
  onFile: (file: File | null) => void;
  onCheck: () => void;
  checkLabel: string;
  /** The import's useOperationMutation: the check is its dry run, so it is disabled with the import's reason. */
  mutation: { availability: OperationAvailability; isPending: boolean };
  /** What is running while pending (checking or importing), announced politely. */
  pendingText: string;
  /** While pending: how far the work is (shown under pendingText, not announced at every step). */
  progress?: ReactNode;
  className?: string | undefined;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (hasFile) onCheck();
  };
  return (
    <form onSubmit={submit} className={className}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="file" accept={accept} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="actions">
        <ActionButton mutation={mutation} type="submit" disabled={!hasFile}>
          {checkLabel}
        </ActionButton>
      </div>
      {mutation.isPending && (
        <>
          <p role="status" aria-live="polite">
            {pendingText}
          </p>
          {progress}
        </>
      )}
    </form>
  );
}
