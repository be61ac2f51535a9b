/**
 * The one main window, hardened: sandboxed, context-isolated renderer with no Node;
 * no navigation away from our page, no new windows, no webviews. Links open in the
 * system browser, and only for http(s) and mailto.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, shell } from 'electron';

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

export function rendererUrl(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) return devUrl;
  return pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
}

export function isOurPage(url: string): boolean {
  const ours = new URL(rendererUrl());
  try {
    const candidate = new URL(url);
    return candidate.protocol === ours.protocol && candidate.host === ours.host && candidate.pathname === ours.pathname;
  } catch {
    return false;
  }
}

export function openExternalSafely(url: string): void {
  try {
    if (EXTERNAL_PROTOCOLS.has(new URL(url).protocol)) void shell.openExternal(url);
  } catch {
    // not a URL: ignore
  }
}

/** Applies to every web contents the app ever creates, not just the main window. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
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

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'AuZap',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl());
  return win;
}
