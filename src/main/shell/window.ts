/**
 * The one main window, hardened: sandboxed, context-isolated renderer with no Node;
 * no navigation away from our page, no new windows, no webviews, no downloads, no
 * DevTools in a packaged build. A link the page opens goes through external-links.ts:
 * https and mailto only, and only after the user saw the address and agreed.
 *
 * Our page is app://auzap/index.html (see app-protocol.ts); in development
 * (`electron-vite dev`, unpackaged) the dev server's URL instead.
 */
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, shell, type Rectangle } from 'electron';
import type { Locale } from '../../shared/i18n/locale';
import { APP_ENTRY_URL } from './app-protocol';
import { openLinkFromMessage } from './external-links';

/** The URL the main window loads. */
export function rendererUrl(env: Record<string, string | undefined> = process.env): string {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) return devUrl;
  return APP_ENTRY_URL;
}

function sameOrigin(a: URL, b: URL): boolean {
  // Compared by parts: Node's URL gives every non-special scheme (app:) the origin "null".
  return a.protocol === b.protocol && a.host.toLowerCase() === b.host.toLowerCase();
}

/** True for our page exactly: same scheme, host and path as the entry URL (any query or hash). */
export function isOurPage(url: string, entry: string = rendererUrl()): boolean {
  try {
    const ours = new URL(entry);
    const candidate = new URL(url);
    return sameOrigin(candidate, ours) && candidate.pathname === ours.pathname;
  } catch {
    return false;
  }
}

/** True for our origin (app://auzap, or the dev server's): what permission requests are checked against. */
export function isOurOrigin(origin: string, entry: string = rendererUrl()): boolean {
  try {
    return sameOrigin(new URL(origin), new URL(entry));
  } catch {
    return false;
  }
}

/** Links from the page: they all came in a message (external-links.ts asks first, in the app's language). */
function openLinkAsked(url: string, parent: () => BrowserWindow | null, locale: () => Locale): void {
  void openLinkFromMessage(url, {
    showMessageBox: (win, options) => (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)),
    openExternal: (address) => shell.openExternal(address), // eng-disable OPEN_EXTERNAL_JS_CHECK: https/mailto only, after the user saw the address and agreed (external-links.ts)
    copyText: (text) => clipboard.writeText(text),
    parent,
    locale,
  });
}

/** Applies to every web contents the app ever creates, not just the main window. */
export function hardenAllWebContents(locale: () => Locale): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isOurPage(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openLinkAsked(url, () => BrowserWindow.fromWebContents(contents), locale);
      return { action: 'deny' };
    });
  });
}

export interface MainWindowOptions {
  /** Remembered size and position (window-state.ts); none: the default size, centred by the OS. */
  bounds?: Partial<Rectangle> & Pick<Rectangle, 'width' | 'height'>;
  maximized?: boolean;
  /** Show the window once it has painted (false when started at login: stay in the tray). */
  show: boolean;
  minWidth: number;
  minHeight: number;
  /** The window icon on Linux (resources/icon.png); Windows and macOS take the executable's. */
  icon?: string;
  /** The first title, before badge.ts paints the unread count on it. */
  title: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...(options.bounds ?? { width: 1100, height: 720 }),
    minWidth: options.minWidth,
    minHeight: options.minHeight,
    show: false,
    title: options.title,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: true,
    ...(process.platform === 'linux' && options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK: our own sandboxed preload, exposing only the typed bridge (src/preload/index.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // No DevTools (nor their shortcuts) in what users install; app-menu.ts offers them unpackaged.
      devTools: !app.isPackaged,
      // A middle click on a link would ask for a new window; there are none to open.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // The title carries the unread count (badge.ts); the page's <title> must not overwrite it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (!options.show) return;
    if (options.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(rendererUrl()).catch(() => undefined);
  return win;
}
