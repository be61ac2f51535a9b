/**
 * The one main window over its lifetime: created shown, or hidden when AuZap started at
 * login (it waits in the tray); shown again from the tray, a notification, the dock or a
 * second launch; re-created if it was ever destroyed.
 *
 * A window started hidden never got its "maximize when ready" (window.ts does that only
 * for a window shown at once), so the first time it is shown it is maximized then, if it
 * was maximized when the app last ran.
 */
import type { BrowserWindow } from 'electron';

type ShowableWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'maximize' | 'show' | 'focus' | 'once'
>;

export interface MainWindowControllerOptions<W extends ShowableWindow> {
  /** Builds and wires a window; `maximized` is what the saved state says. */
  create(show: boolean): { win: W; maximized: boolean };
  platform: NodeJS.Platform;
  /** macOS: bring the app forward too (app.focus({ steal: true })). */
  focusApp(): void;
}

export interface MainWindowController<W> {
  current(): W | null;
  open(show: boolean): W;
  show(): void;
}

export function createMainWindowController<W extends ShowableWindow>(
  options: MainWindowControllerOptions<W>,
): MainWindowController<W> {
  let current: { win: W; maximizeOnFirstShow: boolean } | null = null;

  const open = (show: boolean): W => {
    const { win, maximized } = options.create(show);
    const entry = { win, maximizeOnFirstShow: !show && maximized };
    current = entry;
    win.once('closed', () => {
      if (current === entry) current = null;
    });
    return win;
  };

  return {
    current: () => (current && !current.win.isDestroyed() ? current.win : null),
    open,
    show() {
      const existing = current && !current.win.isDestroyed() ? current : null;
      const win = existing ? existing.win : open(true);
      if (existing) {
        if (win.isMinimized()) win.restore();
        if (existing.maximizeOnFirstShow) {
          existing.maximizeOnFirstShow = false;
          win.maximize();
        }
        win.show();
      }
      win.focus();
      if (options.platform === 'darwin') options.focusApp();
    },
  };
}
