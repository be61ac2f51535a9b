// Quitting and crashing without losing anything: the OS shutting down waits for the final
// save; a quit holds until the clean-up ran; a dead renderer is reloaded (not forever);
// a failed start shows its reason instead of exiting in silence.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createQuitFlag } from '../../../src/main/shell/close-to-tray';
import {
  logProcessTrouble,
  MAX_RELOADS,
  reloadAfterRendererCrash,
  UNRESPONSIVE_LIMIT_MS,
} from '../../../src/main/shell/crash-recovery';
import { installQuitHandling, quitCleanlyOnShutdown } from '../../../src/main/shell/quit-handling';
import { describeStartFailure, reportStartFailure } from '../../../src/main/shell/start-failure';

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

function fakeApp() {
  const app = Object.assign(new EventEmitter(), {
    quit: vi.fn(() => {
      app.emit('before-quit');
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      app.emit('will-quit', event);
      if (!event.prevented) app.quitted += 1;
    }),
    quitted: 0,
  });
  return app;
}

describe('quit handling', () => {
  it('delays an OS shutdown (preventDefault), saves, then quits', async () => {
    const app = fakeApp();
    const power = new EventEmitter();
    const quit = createQuitFlag();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const saved = new Promise<void>((resolve) => (release = resolve));
    const { quitForReal } = installQuitHandling({
      app,
      quit,
      cleanUp: () => async () => {
        order.push('saving');
        await saved;
        order.push('saved');
      },
      logger: logger(),
    });
    quitCleanlyOnShutdown(power, quitForReal, logger());
    const shutdown = { preventDefault: vi.fn() };
    power.emit('shutdown', shutdown);
    expect(shutdown.preventDefault).toHaveBeenCalled();
    expect(quit.quitting).toBe(true);
    expect(order).toEqual(['saving']);
    expect(app.quitted).toBe(0);
    release();
    await vi.waitFor(() => expect(app.quitted).toBe(1));
    expect(order).toEqual(['saving', 'saved']);
  });

  it('quits anyway when the clean-up hangs, after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const app = fakeApp();
      const log = logger();
      installQuitHandling({
        app,
        quit: createQuitFlag(),
        cleanUp: () => () => new Promise(() => undefined),
        logger: log,
        timeoutMs: 3_000,
      });
      app.quit();
      expect(app.quitted).toBe(0);
      await vi.advanceTimersByTimeAsync(3_000);
      expect(app.quitted).toBe(1);
      expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('did not shut down in time'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('any quit sets the quitting flag (closing then closes instead of hiding)', () => {
    const app = fakeApp();
    const quit = createQuitFlag();
    const { quitForReal } = installQuitHandling({ app, quit, cleanUp: () => null, logger: logger() });
    app.emit('before-quit');
    expect(quit.quitting).toBe(true);
    quit.cancel();
    quitForReal();
    expect(quit.quitting).toBe(true);
    expect(app.quitted).toBe(1);
  });
});

describe('reloadAfterRendererCrash', () => {
  function fakeWindow() {
    let crashed = false;
    const contents = Object.assign(new EventEmitter(), {
      reload: vi.fn(() => (crashed = false)),
      isCrashed: () => crashed,
      devTools: false,
      isDevToolsOpened: () => contents.devTools,
      // As Electron: the renderer ends, and 'render-process-gone' says it was killed.
      forcefullyCrashRenderer: vi.fn(() => {
        crashed = true;
        contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
      }),
      crash(reason = 'crashed') {
        crashed = true;
        contents.emit('render-process-gone', {}, { reason, exitCode: 11 });
      },
    });
    const win = Object.assign(new EventEmitter(), { isDestroyed: () => false, webContents: contents });
    return { win, contents };
  }

  it('reloads the page and logs why it died', () => {
    const { win, contents } = fakeWindow();
    const log = logger();
    reloadAfterRendererCrash(win, log);
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 133 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith("the window's page stopped: oom (exit code 133)");
  });

  it('stops reloading a page that keeps dying, and starts again after a quiet minute', () => {
    const { win, contents } = fakeWindow();
    let now = 0;
    reloadAfterRendererCrash(win, logger(), () => now);
    for (let i = 0; i < MAX_RELOADS + 2; i += 1)
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(contents.reload).toHaveBeenCalledTimes(MAX_RELOADS);
    now = 61_000;
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(contents.reload).toHaveBeenCalledTimes(MAX_RELOADS + 1);
  });

  it('reloads a page left dead once the user opens or focuses the window again', () => {
    const { win, contents } = fakeWindow();
    reloadAfterRendererCrash(win, logger(), () => 0);
    for (let i = 0; i <= MAX_RELOADS; i += 1) contents.crash();
    expect(contents.reload).toHaveBeenCalledTimes(MAX_RELOADS);
    expect(contents.isCrashed()).toBe(true);
    win.emit('focus');
    expect(contents.reload).toHaveBeenCalledTimes(MAX_RELOADS + 1);
    // A live page is left alone when shown or focused.
    win.emit('show');
    win.emit('focus');
    expect(contents.reload).toHaveBeenCalledTimes(MAX_RELOADS + 1);
  });

  it('ends and reloads a page that hangs, unless it responds again in time', () => {
    vi.useFakeTimers();
    try {
      const { win, contents } = fakeWindow();
      const log = logger();
      reloadAfterRendererCrash(win, log);
      contents.emit('unresponsive');
      vi.advanceTimersByTime(UNRESPONSIVE_LIMIT_MS - 1_000);
      contents.emit('responsive');
      vi.advanceTimersByTime(60_000);
      expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();

      // Paused in the debugger (DevTools open, unpackaged builds only): left alone.
      contents.devTools = true;
      contents.emit('unresponsive');
      vi.advanceTimersByTime(UNRESPONSIVE_LIMIT_MS);
      expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
      contents.devTools = false;

      contents.emit('unresponsive');
      contents.emit('unresponsive');
      vi.advanceTimersByTime(UNRESPONSIVE_LIMIT_MS);
      expect(contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
      expect(contents.reload).toHaveBeenCalledOnce();
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('did not respond'));

      // A hung page that dies by itself is reloaded; the new page is not ended by the old timer.
      contents.emit('unresponsive');
      contents.crash('oom');
      vi.advanceTimersByTime(UNRESPONSIVE_LIMIT_MS);
      expect(contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
      expect(contents.reload).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('logProcessTrouble', () => {
  it('logs a GPU process that died, not one that ended cleanly', () => {
    const app = Object.assign(new EventEmitter(), { commandLine: { hasSwitch: () => false } });
    const log = logger();
    logProcessTrouble(app, log);
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'clean-exit', exitCode: 0 });
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: -1073741819 });
    expect(log.warn).toHaveBeenCalledOnce();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('GPU (crashed'));
  });

  it('says in the log when Chromium’s sandbox is off (the AppImage launcher on Ubuntu 24.04)', () => {
    const app = Object.assign(new EventEmitter(), {
      commandLine: { hasSwitch: (name: string) => name === 'no-sandbox' },
    });
    const log = logger();
    logProcessTrouble(app, log);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('without Chromium’s sandbox'));
  });
});

describe('a failed start', () => {
  it('shows a dialog with the reason and where the log is', () => {
    const showErrorBox = vi.fn();
    const log = logger();
    reportStartFailure(new Error('EACCES: permission denied, mkdir /home/ana/.config/AuZap\n    at …'), {
      showErrorBox,
      logger: log,
      logFile: '/home/ana/.config/AuZap/logs/main.log',
      locale: 'en',
    });
    expect(showErrorBox).toHaveBeenCalledWith(
      'AuZap could not start',
      expect.stringContaining('The reason: EACCES: permission denied, mkdir /home/ana/.config/AuZap'),
    );
    expect(showErrorBox.mock.calls[0]?.[1]).toContain('Details are in /home/ana/.config/AuZap/logs/main.log.');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('at …'));
    expect(describeStartFailure('boom', 'en').content).toContain('The reason: boom');
  });

  it('says it in the system language, quoting the error as it is', () => {
    const { title, content } = describeStartFailure(new Error('EACCES: permission denied'), 'pt-BR', '/tmp/main.log');
    expect(title).toBe('O AuZap não conseguiu abrir');
    expect(content).toBe(
      'O motivo: EACCES: permission denied\n\nOs detalhes estão em /tmp/main.log.\n\nTente abrir o AuZap de novo.',
    );
  });
});
