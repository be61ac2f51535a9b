// Links from messages: https and mailto only, and only after the user saw the whole
// address and chose "Open link"; http, file and custom schemes never leave the app.
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { externalLinkDecision, openLinkFromMessage, type LinkOpenerDeps } from '../../../src/main/shell/external-links';

function deps(response: number, locale: 'en' | 'pt-BR' = 'en') {
  const shown: MessageBoxOptions[] = [];
  const d: LinkOpenerDeps & { shown: MessageBoxOptions[] } = {
    shown,
    showMessageBox: vi.fn(async (_parent, options: MessageBoxOptions) => {
      shown.push(options);
      return { response, checkboxChecked: false };
    }),
    openExternal: vi.fn(async () => undefined),
    copyText: vi.fn(),
    parent: () => null,
    locale: () => locale,
  };
  return d;
}

describe('externalLinkDecision', () => {
  it('allows https: and mailto: only', () => {
    expect(externalLinkDecision('https://shop.example/pedido/42')).toEqual({
      open: true,
      address: 'https://shop.example/pedido/42',
    });
    expect(externalLinkDecision('mailto:ana@example.com')).toMatchObject({ open: true });
    for (const url of [
      'http://shop.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-settings:',
      'zoommtg://x',
      'not a url',
    ]) {
      expect(externalLinkDecision(url).open, url).toBe(false);
    }
  });

  it('shows a look-alike host as what it really is (punycode)', () => {
    expect(externalLinkDecision('https://аpple.com/login')).toEqual({
      open: true,
      address: 'https://xn--pple-43d.com/login',
    });
  });
});

describe('openLinkFromMessage', () => {
  it('shows the full address and opens it only on "Open link"', async () => {
    const yes = deps(2);
    const url = 'https://shop.example/a/very/long/path?with=query&and=more#fragment';
    expect(await openLinkFromMessage(url, yes)).toBe('opened');
    expect(yes.shown[0]?.detail).toContain(url);
    expect(yes.shown[0]?.buttons).toEqual(['Cancel', 'Copy address', 'Open link']);
    expect(yes.shown[0]?.defaultId).toBe(0);
    expect(yes.openExternal).toHaveBeenCalledWith(url);

    const no = deps(0);
    expect(await openLinkFromMessage(url, no)).toBe('declined');
    expect(no.openExternal).not.toHaveBeenCalled();

    const copy = deps(1);
    expect(await openLinkFromMessage(url, copy)).toBe('declined');
    expect(copy.copyText).toHaveBeenCalledWith(url);
    expect(copy.openExternal).not.toHaveBeenCalled();
  });

  it('never opens http:, and says why instead of doing nothing', async () => {
    const d = deps(0);
    expect(await openLinkFromMessage('http://shop.example/promo', d)).toBe('refused');
    expect(d.openExternal).not.toHaveBeenCalled();
    expect(d.shown[0]?.detail).toContain('secure (https)');
    expect(d.shown[0]?.detail).toContain('http://shop.example/promo');
  });

  it('asks and refuses in Portuguese when the app speaks it', async () => {
    const ask = deps(0, 'pt-BR');
    await openLinkFromMessage('https://shop.example/', ask);
    expect(ask.shown[0]).toMatchObject({
      title: 'Abrir o link?',
      buttons: ['Cancelar', 'Copiar endereço', 'Abrir link'],
    });
    const refuse = deps(0, 'pt-BR');
    await openLinkFromMessage('zoommtg://x', refuse);
    expect(refuse.shown[0]).toMatchObject({ title: 'Link não aberto', buttons: ['OK'] });
    expect(refuse.shown[0]?.detail).toContain('O AuZap não abre links “zoommtg:”.');
  });

  it('never throws, even when the dialog or the browser fails', async () => {
    const d = deps(2);
    d.openExternal = vi.fn(async () => Promise.reject(new Error('no browser')));
    expect(await openLinkFromMessage('https://x.example/', d)).toBe('declined');
  });
});
