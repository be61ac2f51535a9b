// The window never fails silently: commands fired and forgotten report their failure,
// and a render failure shows what happened with a way out.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorFallback } from '../../../src/renderer/src/app/ErrorBoundary';
import { createFailureNotices } from '../../../src/renderer/src/app/failures';
import { BridgeCommandError } from '../../../src/renderer/src/bridge/bridge-client';
import { runReported } from '../../../src/renderer/src/bridge/run-command';
import { inEnglish } from '../../support/words';

describe('commands the window fires and forgets', () => {
  it('a failure is shown in words, and cleared once the same action works', async () => {
    const notices = createFailureNotices();
    const lost = new BridgeCommandError({
      code: 'unavailable',
      message: { key: 'bridge.lostHost' },
    });
    expect(await runReported(notices, 'inbox:set-muted', () => Promise.reject(lost))).toBeUndefined();
    expect(notices.current().map((n) => inEnglish(n.message))).toEqual([
      'Could not change the mute setting: Lost contact with the AuZap host. Reconnecting…',
    ]);
    expect(await runReported(notices, 'inbox:set-muted', () => Promise.resolve(null))).toBeNull();
    expect(notices.current()).toEqual([]);
  });

  it('an unexpected failure is shown too, never swallowed', async () => {
    const notices = createFailureNotices();
    await runReported(notices, 'connection:retry-now', () => Promise.reject(new TypeError('bridge is gone')));
    expect(inEnglish(notices.current()[0]?.message)).toBe(
      'Could not retry the connection: Something went wrong (bridge is gone).',
    );
  });

  it('keeps the banner short: one notice per action, the newest three', () => {
    const notices = createFailureNotices();
    for (const key of ['a', 'b', 'a', 'c', 'd']) notices.report(key, { key: 'common.verbatim', params: { text: key } });
    const shown = () => notices.current().map((n) => inEnglish(n.message));
    expect(shown()).toEqual(['a', 'c', 'd']);
    notices.dismiss(notices.current()[0]?.id ?? -1);
    expect(shown()).toEqual(['c', 'd']);
  });
});

describe('a window that failed to render', () => {
  it('says what happened and offers a reload', () => {
    const html = renderToStaticMarkup(
      createElement(ErrorFallback, { error: new Error('x is undefined'), onReload: () => undefined }),
    );
    expect(html).toContain('Something went wrong in this window');
    expect(html).toContain('x is undefined');
    expect(html).toMatch(/<button[^>]*>Reload<\/button>/);
  });
});
