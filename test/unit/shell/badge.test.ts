// Dock/launcher badge, Windows taskbar overlay (with its spoken description) and the
// window title follow the unread count; 0 clears them all.
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../src/shared/i18n/locale';
import { createBadgeSink, unreadDescription, windowTitle } from '../../../src/main/shell/badge';

/** A window that keeps its listeners, so a test can show it again. */
function fakeWindow() {
  const listeners = new Map<string, Array<() => void>>();
  return {
    isDestroyed: vi.fn(() => false),
    setTitle: vi.fn(),
    setOverlayIcon: vi.fn(),
    on(event: string, listener: () => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    emit: (event: string) => listeners.get(event)?.forEach((listener) => listener()),
  };
}

function setUp(platform: NodeJS.Platform = 'win32', locale: { now: Locale } = { now: 'en' }) {
  const win = fakeWindow();
  let current: typeof win | null = win;
  const overlay = { overlay: true };
  const options = {
    platform,
    setBadgeCount: vi.fn(() => true),
    getWindow: () => current,
    overlayImage: vi.fn(() => overlay as never),
    locale: () => locale.now,
  };
  const sink = createBadgeSink(options);
  return { sink, win, options, overlay, setWindow: (w: typeof win | null) => (current = w) };
}

const state = (badgeCount: number) => ({ badgeCount, tooltip: 't', attention: 'none' as const });

describe('the badge sink', () => {
  it('shows the count on the dock, the taskbar overlay and the title', () => {
    const { sink, win, options, overlay } = setUp();
    sink.update(state(3));
    expect(options.setBadgeCount).toHaveBeenCalledWith(3);
    expect(win.setTitle).toHaveBeenCalledWith('(3) AuZap');
    expect(options.overlayImage).toHaveBeenCalledWith({ badgeCount: 3 });
    expect(win.setOverlayIcon).toHaveBeenCalledWith(overlay, '3 unread messages');
  });

  it('clears everything at 0', () => {
    const { sink, win, options } = setUp();
    sink.update(state(2));
    sink.update(state(0));
    expect(options.setBadgeCount).toHaveBeenLastCalledWith(0);
    expect(win.setTitle).toHaveBeenLastCalledWith('AuZap');
    expect(win.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
  });

  it('says "1 unread message" for one', () => {
    const { sink, win } = setUp();
    sink.update(state(1));
    expect(win.setOverlayIcon).toHaveBeenLastCalledWith(expect.anything(), '1 unread message');
    expect(unreadDescription(0, 'en')).toBe('');
    expect(unreadDescription(250, 'en')).toBe('250 unread messages');
  });

  it('caps the title at 99+ but says the real number', () => {
    const { sink, win } = setUp();
    sink.update(state(250));
    expect(win.setTitle).toHaveBeenLastCalledWith('(99+) AuZap');
    expect(win.setOverlayIcon).toHaveBeenLastCalledWith(expect.anything(), '250 unread messages');
    expect(windowTitle(0, 'en')).toBe('AuZap');
  });

  it('has no overlay outside Windows', () => {
    const { sink, win, options } = setUp('darwin');
    sink.update(state(4));
    expect(options.setBadgeCount).toHaveBeenCalledWith(4);
    expect(win.setTitle).toHaveBeenCalledWith('(4) AuZap');
    expect(win.setOverlayIcon).not.toHaveBeenCalled();
  });

  it('does nothing when the count did not change', () => {
    const { sink, win, options } = setUp();
    sink.update(state(3));
    sink.update({ ...state(3), tooltip: 'another tooltip' });
    expect(options.setBadgeCount).toHaveBeenCalledTimes(1);
    expect(win.setTitle).toHaveBeenCalledTimes(1);
  });

  it('paints the current count on a new window, and survives having none', () => {
    const { sink, setWindow, options } = setUp();
    setWindow(null);
    sink.update(state(7));
    expect(options.setBadgeCount).toHaveBeenCalledWith(7);
    const fresh = fakeWindow();
    sink.attachWindow(fresh);
    expect(fresh.setTitle).toHaveBeenCalledWith('(7) AuZap');
    expect(fresh.setOverlayIcon).toHaveBeenCalledWith(expect.anything(), '7 unread messages');
    expect(sink.count()).toBe(7);
  });

  it('puts the taskbar overlay back each time the window is shown or restored (Windows drops it)', () => {
    const { sink, win, overlay } = setUp();
    sink.attachWindow(win);
    sink.update(state(5));
    win.setOverlayIcon.mockClear();
    win.emit('show');
    expect(win.setOverlayIcon).toHaveBeenCalledWith(overlay, '5 unread messages');
    win.setOverlayIcon.mockClear();
    win.emit('restore');
    expect(win.setOverlayIcon).toHaveBeenCalledWith(overlay, '5 unread messages');
  });

  it('offers the dock badge again while macOS refuses it (no notification permission yet)', () => {
    const { sink, win, options } = setUp('darwin');
    sink.attachWindow(win);
    options.setBadgeCount.mockReturnValue(false);
    sink.update(state(2));
    sink.update(state(2));
    expect(options.setBadgeCount).toHaveBeenCalledTimes(2);
    options.setBadgeCount.mockReturnValue(true);
    win.emit('focus');
    expect(options.setBadgeCount).toHaveBeenCalledTimes(3);
    expect(options.setBadgeCount).toHaveBeenLastCalledWith(2);
    // Accepted: not offered again until the count changes.
    win.emit('focus');
    sink.update(state(2));
    expect(options.setBadgeCount).toHaveBeenCalledTimes(3);
  });

  it('skips a destroyed window and a badge call that throws', () => {
    const { sink, win, options } = setUp();
    win.isDestroyed.mockReturnValue(true);
    options.setBadgeCount.mockImplementation(() => {
      throw new Error('unsupported');
    });
    expect(() => sink.update(state(2))).not.toThrow();
    expect(win.setTitle).not.toHaveBeenCalled();
  });

  it('speaks Portuguese, and repaints the title in the new language after a switch', () => {
    const locale: { now: Locale } = { now: 'pt-BR' };
    const { sink, win } = setUp('win32', locale);
    sink.update(state(3));
    expect(win.setOverlayIcon).toHaveBeenLastCalledWith(expect.anything(), '3 mensagens não lidas');
    expect(unreadDescription(1, 'pt-BR')).toBe('1 mensagem não lida');
    locale.now = 'en';
    sink.relabel();
    expect(win.setTitle).toHaveBeenLastCalledWith('(3) AuZap');
    expect(win.setOverlayIcon).toHaveBeenLastCalledWith(expect.anything(), '3 unread messages');
  });
});
