import { useEffect, useRef } from 'react';
import { keepTabInside } from '../../app/ModalDialog';
import { useT } from '../../i18n/I18nProvider';

/**
 * Asks before a number is disconnected: it is the one click that takes a shop's WhatsApp
 * out of AuZap, and only the phone can bring it back. A native modal dialog (Tab wraps inside it,
 * Esc cancels); "Cancel" has the focus, so Enter does not disconnect by accident.
 */
export function ConfirmDisconnect({
  name,
  onConfirm,
  onCancel,
}: {
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { t } = useT();
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-disconnect-title"
      aria-describedby="confirm-disconnect-text"
      data-testid="confirm-disconnect"
      onClose={onCancel}
      onKeyDown={(event) => keepTabInside(dialog.current, event)}
    >
      <h2 id="confirm-disconnect-title">{t('instance.confirmDisconnect.title', { name })}</h2>
      <p id="confirm-disconnect-text">{t('instance.confirmDisconnect.text')}</p>
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {t('instance.disconnect')}
        </button>
      </div>
    </dialog>
  );
}
