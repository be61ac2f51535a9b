import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const FOCUSABLE = 'input, button, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab wrap inside a native modal dialog, which lets focus leave for the browser's own UI. */
export function keepTabInside(dialog: HTMLDialogElement | null, event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...(dialog?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog that is open while it is mounted. The native modal makes the rest of the
 * window inert; Tab also wraps inside it here, because the native one lets focus leave for
 * the browser's own UI. Esc closes it. When it goes away the focus goes back where it was,
 * unless the dialog moved it on purpose (`focusMoved` set: it opened a conversation).
 */
export function ModalDialog({
  label,
  className,
  testId,
  focusMoved,
  onClose,
  children,
}: {
  label: string;
  className?: string;
  testId: string;
  focusMoved?: RefObject<boolean>;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = dialog.current;
    // Read when closing, not now: opening a conversation sets it on the way out.
    const moved = focusMoved;
    if (el && !el.open) el.showModal();
    return () => {
      if (!moved?.current && opener?.isConnected) opener.focus();
    };
  }, [focusMoved]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    keepTabInside(dialog.current, event);
  };

  return (
    <dialog
      ref={dialog}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-label={label}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Esc is handled above; a cancel from elsewhere (the browser) closes through React too.
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
