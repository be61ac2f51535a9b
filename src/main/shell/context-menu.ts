/**
 * The right-click menu Electron does not have by itself: spelling suggestions (and "Add
 * to dictionary") on a misspelled word in the reply box — `spellcheck` is on in
 * window.ts — then Cut / Copy / Paste / Select All in text fields, Copy on selected text,
 * and Copy link address on a link (links themselves open only through external-links.ts).
 *
 * Hand-written over Electron's `context-menu` event rather than electron-context-menu:
 * these ~60 lines are all of it, while that package (v5 declares Node ≥ 24) brings
 * electron-dl for "Save image", a download path this app refuses on purpose, and
 * "Search with Google", which would send message text to a web search.
 */
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/i18n/locale';
import { translator } from '../../shared/i18n/translate';
import { roleItem } from './app-menu';

export type MenuParams = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags' | 'linkURL'
>;

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  copyText(text: string): void;
}

const MAX_SUGGESTIONS = 5;

export function contextMenuTemplate(
  params: MenuParams,
  actions: ContextMenuActions,
  locale: Locale,
): MenuItemConstructorOptions[] {
  const { t } = translator(locale);
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: t('menu.noSuggestions'), enabled: false });
    for (const word of suggestions) items.push({ label: word, click: () => actions.replaceMisspelling(word) });
    const misspelled = params.misspelledWord;
    items.push(
      { label: t('menu.addToDictionary'), click: () => actions.addToDictionary(misspelled) },
      { type: 'separator' },
    );
  }
  if (params.isEditable) {
    items.push(
      roleItem('cut', locale, { enabled: params.editFlags.canCut }),
      roleItem('copy', locale, { enabled: params.editFlags.canCopy }),
      roleItem('paste', locale, { enabled: params.editFlags.canPaste }),
      { type: 'separator' },
      roleItem('selectAll', locale, { enabled: params.editFlags.canSelectAll }),
    );
  } else if (params.selectionText.trim()) {
    items.push(roleItem('copy', locale));
  }
  if (params.linkURL) {
    const link = params.linkURL;
    if (items.length > 0) items.push({ type: 'separator' });
    items.push({ label: t('menu.copyLink'), click: () => actions.copyText(link) });
  }
  return items;
}

interface MenuHost {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown;
  replaceMisspelling(word: string): void;
  session: { addWordToSpellCheckerDictionary(word: string): boolean };
}

/**
 * Shows the menu on right-click in `contents`; `popup` builds and opens it
 * (Menu.buildFromTemplate(…).popup()). The language is read at each click, so a switch in
 * Settings shows in the next menu.
 */
export function attachContextMenu(
  contents: MenuHost,
  popup: (template: MenuItemConstructorOptions[]) => void,
  copyText: (text: string) => void,
  locale: () => Locale,
): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(
      params,
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
        copyText,
      },
      locale(),
    );
    if (template.length > 0) popup(template);
  });
}
