import { useCallback, useEffect, useState } from 'react';
import { getBridge, useAppSnapshot, usePush } from '../bridge/bridge-client';
import { ConversationList } from '../features/inbox/ConversationList';
import { ThreadView } from '../features/inbox/ThreadView';
import { useConversations } from '../features/inbox/useConversations';
import { InstanceList } from '../features/instances/InstanceList';
import { InstancePage } from '../features/instances/InstancePage';
import { NotificationControls } from '../features/settings/NotificationControls';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UpdateBanner } from '../features/updates/UpdatePanel';
import { useUpdateState } from '../features/updates/useUpdateState';
import { ConnectionBanner, ConnectionStatus } from '../features/status/ConnectionStatus';
import { useReportView } from '../hooks/useReportView';
import { FailureBanner } from './FailureBanner';

type Selection =
  { kind: 'home' } | { kind: 'settings' } | { kind: 'instance'; id: string } | { kind: 'conversation'; id: string };

export function App() {
  const snapshot = useAppSnapshot();
  const conversations = useConversations();
  const updates = useUpdateState();
  const [selection, setSelection] = useState<Selection>({ kind: 'home' });
  // Drafts live here, per conversation, so switching chats never loses typed text.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const openConversationId = selection.kind === 'conversation' ? selection.id : null;
  useReportView(openConversationId);

  // A clicked notification opens its conversation.
  usePush(
    'ui:open-conversation',
    useCallback(({ conversationId }) => setSelection({ kind: 'conversation', id: conversationId }), []),
  );

  const totalUnread = snapshot?.inbox.totalUnread ?? 0;
  useEffect(() => {
    document.title = totalUnread > 0 ? `(${totalUnread}) AuZap` : 'AuZap';
  }, [totalUnread]);

  // A window reloaded in the middle of linking a number goes straight back to it.
  const firstFlowId = snapshot?.connectFlows[0]?.instanceId ?? null;
  const [resumed, setResumed] = useState(false);
  if (!resumed && snapshot) {
    setResumed(true);
    if (firstFlowId) setSelection({ kind: 'instance', id: firstFlowId });
  }

  if (!getBridge()) {
    return (
      <main className="centered" data-testid="no-bridge">
        <p>
          This window must be opened by AuZap Desktop (or by <code>npm run web</code>).
        </p>
      </main>
    );
  }
  if (!snapshot) {
    return (
      <main className="centered">
        <p>Starting AuZap…</p>
      </main>
    );
  }

  const { info, connection, diagnostics, instances, connectFlows, inbox } = snapshot;
  const selectedInstance =
    selection.kind === 'instance' ? (instances.items.find((i) => i.id === selection.id) ?? null) : null;
  const selectedConversation = openConversationId
    ? (conversations.find((c) => c.id === openConversationId) ?? null)
    : null;

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="brand__name">AuZap</span>
          {info.demo ? (
            <span
              className="pill pill--demo"
              data-testid="demo-badge"
              title="No server is configured: this is the built-in demo backend."
            >
              Demo
            </span>
          ) : null}
        </div>
        <div className="topbar__org" data-testid="organization" title={info.serverUrl}>
          Organization <strong>{info.organizationId || '—'}</strong>
        </div>
        <span className="topbar__unread" data-testid="total-unread" data-count={inbox.totalUnread}>
          {inbox.totalUnread > 0 ? `${inbox.totalUnread} unread` : 'All read'}
        </span>
        <NotificationControls settings={snapshot.notifications} />
        <ConnectionStatus connection={connection} />
        <button
          type="button"
          className={`button button--icon${selection.kind === 'settings' ? ' button--active' : ''}`}
          aria-label="Settings"
          title="Settings"
          onClick={() => setSelection({ kind: 'settings' })}
          data-testid="open-settings"
        >
          ⚙
        </button>
      </header>
      <FailureBanner />
      <ConnectionBanner connection={connection} />
      <UpdateBanner state={updates} />
      {inbox.syncError ? (
        <div className="banner banner--warning" role="alert" data-testid="sync-error">
          {inbox.syncError}
        </div>
      ) : null}
      <div className="workspace">
        <aside className="sidebar">
          <InstanceList
            instances={instances}
            selectedId={selectedInstance?.id ?? null}
            onSelect={(id) => setSelection({ kind: 'instance', id })}
          />
          <ConversationList
            conversations={conversations}
            selectedId={openConversationId}
            onSelect={(id) => setSelection({ kind: 'conversation', id })}
          />
        </aside>
        <main className="content">
          {selection.kind === 'settings' ? (
            <SettingsPage notifications={snapshot.notifications} />
          ) : selectedInstance ? (
            <InstancePage
              key={selectedInstance.id}
              instance={selectedInstance}
              flow={connectFlows.find((f) => f.instanceId === selectedInstance.id) ?? null}
            />
          ) : selectedConversation ? (
            <ThreadView
              key={selectedConversation.id}
              conversation={selectedConversation}
              draft={drafts[selectedConversation.id] ?? ''}
              onDraftChange={(text) => setDrafts((all) => ({ ...all, [selectedConversation.id]: text }))}
            />
          ) : (
            <section className="placeholder">
              <h1>Inbox</h1>
              <p>
                {inbox.conversationCount > 0
                  ? 'Choose a conversation on the left.'
                  : 'New WhatsApp messages will appear here as they arrive.'}
              </p>
            </section>
          )}
        </main>
      </div>
      <footer className="statusbar">
        <span>v{info.version}</span>
        {inbox.syncing ? <span>Updating inbox…</span> : null}
        {diagnostics.droppedEvents > 0 ? (
          <span
            data-testid="dropped-events"
            title={
              diagnostics.lastDropped
                ? `${diagnostics.lastDropped.event}: ${diagnostics.lastDropped.reason}`
                : undefined
            }
          >
            {diagnostics.droppedEvents} malformed server event{diagnostics.droppedEvents === 1 ? '' : 's'} ignored
          </span>
        ) : null}
      </footer>
    </div>
  );
}
