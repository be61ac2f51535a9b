import { ModalDialog } from '../../app/ModalDialog';
import { keyLabel, SHORTCUTS } from './shortcut-table';

const WORDS = {
  title: 'Keyboard shortcuts',
  or: 'or',
  close: 'Close',
  listbox: 'In the conversation list: ↑/↓, Home/End, PageUp/PageDown move; Enter opens.',
};

/** `?` or Ctrl/⌘+/: every shortcut, read from the same table the key handler uses. */
export function ShortcutHelp({ mac, onClose }: { mac: boolean; onClose: () => void }) {
  return (
    <ModalDialog label={WORDS.title} className="shortcut-help" testId="shortcut-help" onClose={onClose}>
      <h2>{WORDS.title}</h2>
      <table className="shortcut-help__table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action} data-testid="shortcut-row" data-action={shortcut.action}>
              <td>
                {shortcut.keys.map((keys, index) => (
                  <span key={keys.join('+')}>
                    {index > 0 ? ` ${WORDS.or} ` : null}
                    <kbd>{keyLabel(keys, mac)}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{WORDS.listbox}</p>
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {WORDS.close}
        </button>
      </div>
    </ModalDialog>
  );
}
