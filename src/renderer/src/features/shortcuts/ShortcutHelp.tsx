import { ModalDialog } from '../../app/ModalDialog';
import { useT } from '../../i18n/I18nProvider';
import { keyLabel, SHORTCUTS } from './shortcut-table';

const WORDS = {
  title: 'shortcuts.title',
  or: 'shortcuts.or',
  close: 'shortcuts.close',
  listbox: 'shortcuts.listbox',
  keys: 'shortcuts.keysHeader',
  does: 'shortcuts.doesHeader',
} as const;

/** `?`, Ctrl/⌘+/ or F1: every shortcut, read from the same table the key handler uses. */
export function ShortcutHelp({ mac, onClose }: { mac: boolean; onClose: () => void }) {
  const { t } = useT();
  return (
    <ModalDialog label={t(WORDS.title)} className="shortcut-help" testId="shortcut-help" onClose={onClose}>
      <h2>{t(WORDS.title)}</h2>
      <table className="shortcut-help__table">
        <thead>
          <tr>
            <th scope="col">{t(WORDS.keys)}</th>
            <th scope="col">{t(WORDS.does)}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action} data-testid="shortcut-row" data-action={shortcut.action}>
              <td>
                {shortcut.keys.map((keys, index) => (
                  <span key={keys.join('+')}>
                    {index > 0 ? ` ${t(WORDS.or)} ` : null}
                    <kbd>{keyLabel(keys, mac)}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(shortcut.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t(WORDS.listbox)}</p>
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t(WORDS.close)}
        </button>
      </div>
    </ModalDialog>
  );
}
