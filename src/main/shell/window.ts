/**
 * The one main window, hardened: sandboxed, context-isolated renderer with no Node;
 * no navigation away from our page, no new windows, no webviews, no downloads. Links
 * open in the system browser, and only for http(s) and mailto.
 *
 * Our page is app://auzap/index.html (see app-protocol.ts); in development
 * (`electron-vite dev`, unpackaged) the dev server's URL instead.
 */
import { join } from 'node:path';
import { app, BrowserWindow, shell, type Rectangle } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

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

export function isExternalUrlAllowed(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function openExternalSafely(url: string): void {
  if (isExternalUrlAllowed(url)) void shell.openExternal(url).catch(() => undefined);
}

/** Applies to every web contents the app ever creates, not just the main window. */
export function hardenAllWebContents(): void {
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
      openExternalSafely(url);
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
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...(options.bounds ?? { width: 1100, height: 720 }),
    minWidth: options.minWidth,
    minHeight: options.minHeight,
    show: false,
    title: 'AuZap',
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: true,
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
