// Where a clicked notification leads: a message to its chat, a number that dropped to its
// page. The browser host's node-notifier click takes the same path as Electron's 'click'.
import { describe, expect, it } from 'vitest';
import { pushForClickedNotification } from '../../src/core/notifications/notification-click';
import type { NodeNotifierCallback } from '../../src/core/os-notifier';
import type { DesktopNotification } from '../../src/core/ports';
import { createWebShell } from '../../src/host-web/host-shell';

const dropped: DesktopNotification = {
  title: 'Sales: Connection lost',
  body: 'The connection between AuZap and WhatsApp was lost.',
  instanceId: 'i-sales',
};

describe('a clicked notification', () => {
  it("opens a number's page when it is about a number", () => {
    expect(pushForClickedNotification(dropped)).toEqual({
      channel: 'ui:open-instance',
      payload: { instanceId: 'i-sales' },
    });
  });

  it('opens the conversation when it is about a message', () => {
    expect(pushForClickedNotification({ title: 'Ana', body: 'Oi', conversationId: 'c-1' })).toEqual({
      channel: 'ui:open-conversation',
      payload: { conversationId: 'c-1' },
    });
  });

  it('does nothing for a notification about neither', () => {
    expect(pushForClickedNotification({ title: 'AuZap', body: 'Still running in the tray' })).toBeNull();
  });
});

describe('the browser host shell', () => {
  it("hands a node-notifier click to the host with the number's notification, and records it for /host/state", async () => {
    const calls: NodeNotifierCallback[] = [];
    const clicked: DesktopNotification[] = [];
    const shell = createWebShell({
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      clicked: (notification) => clicked.push(notification),
      backend: 'windows-toaster',
      notifier: {
        notify(_options: Record<string, unknown>, callback?: NodeNotifierCallback) {
          if (callback) calls.push(callback);
          return this;
        },
      },
    });
    shell.notify(dropped);
    expect(shell.read().notifications).toMatchObject([dropped]);
    // The OS notification is raised once the current task is done (after the window's push).
    expect(calls).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(1);
    expect(clicked).toEqual([]);
    calls[0]?.(null, 'activate', { activationType: 'clicked' });
    expect(clicked).toEqual([dropped]);
    expect(pushForClickedNotification(clicked[0]!)?.channel).toBe('ui:open-instance');
  });
});
