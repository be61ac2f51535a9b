// The right-click menu: spelling suggestions where spellcheck found a word, the edit
// commands in text fields, Copy on a selection, Copy link address on a link; nothing at all
// on an empty spot.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { attachContextMenu, contextMenuTemplate, type MenuParams } from '../../../src/main/shell/context-menu';

const flags = {
  canCut: true,
  canCopy: true,
  canPaste: true,
  canSelectAll: true,
  canUndo: true,
  canRedo: true,
  canDelete: true,
  canEditRichly: false,
};
const params = (over: Partial<MenuParams> = {}): MenuParams => ({
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: flags,
  linkURL: '',
  ...over,
});
const actions = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn(), copyText: vi.fn() });
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);

describe('contextMenuTemplate', () => {
  it('offers spelling suggestions first in the reply box, then the edit commands', () => {
    const act = actions();
    const items = contextMenuTemplate(
      params({ isEditable: true, misspelledWord: 'obrigadu', dictionarySuggestions: ['obrigado', 'obrigada'] }),
      act,
      'en',
    );
    expect(labels(items)).toEqual([
      'obrigado',
      'obrigada',
      'Add to dictionary',
      'separator',
      'Cut',
      'Copy',
      'Paste',
      'separator',
      'Select All',
    ]);
    expect(items.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    items[0]?.click?.({} as never, undefined, {} as never);
    expect(act.replaceMisspelling).toHaveBeenCalledWith('obrigado');
    items[2]?.click?.({} as never, undefined, {} as never);
    expect(act.addToDictionary).toHaveBeenCalledWith('obrigadu');
  });

  it('says so when spellcheck has no suggestion, and greys out what the field cannot do', () => {
    const items = contextMenuTemplate(
      params({ isEditable: true, misspelledWord: 'xqzt', editFlags: { ...flags, canCut: false, canCopy: false } }),
      actions(),
      'en',
    );
    expect(items[0]).toEqual({ label: 'No spelling suggestions', enabled: false });
    expect(items.find((i) => i.role === 'cut')?.enabled).toBe(false);
    expect(items.find((i) => i.role === 'paste')?.enabled).toBe(true);
  });

  it('offers Copy on selected message text, Copy link address on a link, nothing elsewhere', () => {
    expect(labels(contextMenuTemplate(params({ selectionText: 'Chegou meu pedido?' }), actions(), 'en'))).toEqual([
      'Copy',
    ]);
    const act = actions();
    const link = contextMenuTemplate(params({ linkURL: 'https://example.com/photo.jpg' }), act, 'en');
    expect(labels(link)).toEqual(['Copy link address']);
    link[0]?.click?.({} as never, undefined, {} as never);
    expect(act.copyText).toHaveBeenCalledWith('https://example.com/photo.jpg');
    expect(contextMenuTemplate(params({ selectionText: '  ' }), actions(), 'en')).toEqual([]);
  });

  it('speaks Portuguese: Electron would name the roles in English', () => {
    const items = contextMenuTemplate(
      params({ isEditable: true, misspelledWord: 'xqzt', linkURL: 'https://example.com' }),
      actions(),
      'pt-BR',
    );
    expect(labels(items)).toEqual([
      'Nenhuma sugestão de ortografia',
      'Adicionar ao dicionário',
      'separator',
      'Recortar',
      'Copiar',
      'Colar',
      'separator',
      'Selecionar tudo',
      'separator',
      'Copiar endereço do link',
    ]);
  });
});

describe('attachContextMenu', () => {
  it('pops the menu up on right-click, and not for an empty one', () => {
    let listener: ((event: unknown, p: ContextMenuParams) => void) | undefined;
    const contents = {
      on: vi.fn((_event: 'context-menu', l: typeof listener) => void (listener = l)),
      replaceMisspelling: vi.fn(),
      session: { addWordToSpellCheckerDictionary: vi.fn(() => true) },
    };
    const popup = vi.fn();
    let locale: 'en' | 'pt-BR' = 'en';
    attachContextMenu(contents, popup, vi.fn(), () => locale);
    listener?.(
      {},
      params({ isEditable: true, misspelledWord: 'ola', dictionarySuggestions: ['olá'] }) as ContextMenuParams,
    );
    expect(popup).toHaveBeenCalledTimes(1);
    const template = popup.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    template[0]?.click?.({} as never, undefined, {} as never);
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('olá');
    template[1]?.click?.({} as never, undefined, {} as never);
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('ola');
    listener?.({}, params() as ContextMenuParams);
    expect(popup).toHaveBeenCalledTimes(1);
    // A language switch in Settings shows in the next menu.
    locale = 'pt-BR';
    listener?.({}, params({ selectionText: 'oi' }) as ContextMenuParams);
    expect(labels(popup.mock.calls[1]?.[0] as MenuItemConstructorOptions[])).toEqual(['Copiar']);
  });
});
