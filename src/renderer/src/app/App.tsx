import { useEffect, useMemo } from 'react';
import type { AppSnapshot } from '../../../shared/bridge';
import type { ConversationView } from '../../../shared/inbox';
import { getBridge, useAppSnapshot } from '../bridge/bridge-client';
import { ConversationList } from '../features/inbox/ConversationList';
import { ThreadView } from '../features/inbox/ThreadView';
import { inboxNotLoaded } from '../features/inbox/inbox-not-loaded';
import { NO_CONVERSATIONS_ON_NUMBER, NumberFilter, useNumberedInbox } from '../features/inbox/NumberFilter';
import { useConversations } from '../features/inbox/useConversations';
import { InstanceList } from '../features/instances/InstanceList';
import { QuickSwitcher } from '../features/shortcuts/QuickSwitcher';
import { ShortcutHelp } from '../features/shortcuts/ShortcutHelp';
import { isMac } from '../features/shortcuts/useShortcuts';
import { ConnectionBanner } from '../features/status/ConnectionStatus';
import { UpdateBanner } from '../features/updates/UpdateBanner';
import { useUpdateState } from '../features/updates/useUpdateState';
import { useReportView } from '../hooks/useReportView';
import { useT } from '../i18n/I18nProvider';
import { FailureBanner } from './FailureBanner';
import { InstancePage, ScreenSuspense, SettingsPage } from './lazy-screens';
import { StatusBar, TopBar } from './TopBar';
import { useSelection, type Selection } from './useSelection';
import { useFocusRescue } from './useFocusRescue';
import { useWindowKeyboard } from './useWindowKeyboard';
import { say } from '../../../shared/i18n/user-text';

const NO_INSTANCES: AppSnapshot['instances']['items'] = [];

export function App() {
  const snapshot = useAppSnapshot();
  const conversations = useConversations();
  const updates = useUpdateState();
  const i18n = useT();
  const { t } = i18n;
  const [selection, select] = useSelection(snapshot);
  useFocusRescue();
  const openConversationId = selection.kind === 'conversation' ? selection.id : null;
  useReportView(openConversationId);
  const instances = snapshot?.instances.items ?? NO_INSTANCES;
  const { listed, numbered, numberNames, numberFilter, setNumberFilter, unreadByNumber } = useNumberedInbox(
    conversations,
    instances,
    i18n,
    openConversationId,
  );
  const { query, setQuery, search, replyFocus, openConversation, overlay, setOverlay } = useWindowKeyboard(
    selection,
    select,
    listed,
  );

  // Made once per change of what it shows: a new element on every render would defeat the list's memo.
  const numberFilterElement = useMemo(
    () =>
      numbered ? (
        <NumberFilter instances={instances} value={numberFilter} onChange={setNumberFilter} unread={unreadByNumber} />
      ) : null,
    [numbered, instances, numberFilter, setNumberFilter, unreadByNumber],
  );

  const totalUnread = snapshot?.inbox.totalUnread ?? 0;
  useEffect(() => {
    document.title = totalUnread > 0 ? t('app.titleUnread', { count: totalUnread }) : t('app.name');
  }, [totalUnread, t]);

  if (!getBridge()) {
    return (
      <main className="centered" data-testid="no-bridge">
        <p>{t('app.noBridge')}</p>
      </main>
    );
  }
  if (!snapshot) {
    return (
      <main className="centered">
        <p>{t('app.starting')}</p>
      </main>
    );
  }

  const selectedInstanceId = selection.kind === 'instance' ? selection.id : null;
  return (
    <div className="shell">
      <TopBar
        snapshot={snapshot}
        settingsOpen={selection.kind === 'settings'}
        onOpenSettings={() => select({ kind: 'settings' })}
      />
      <FailureBanner />
      <ConnectionBanner
        connection={snapshot.connection}
        onFix={(field) => select({ kind: 'settings', fixRequest: { at: Date.now(), field } })}
      />
      <UpdateBanner state={updates} />
      {snapshot.inbox.syncError ? (
        <div className="banner banner--warning" role="alert" data-testid="sync-error">
          {say(i18n, snapshot.inbox.syncError)}
        </div>
      ) : null}
      <div className="workspace">
        <aside className="sidebar">
          <InstanceList
            instances={snapshot.instances}
            selectedId={snapshot.instances.items.some((i) => i.id === selectedInstanceId) ? selectedInstanceId : null}
            onSelect={(id) => select({ kind: 'instance', id })}
            connection={snapshot.connection}
          />
          <ConversationList
            conversations={listed}
            emptyNote={numberFilter ? NO_CONVERSATIONS_ON_NUMBER : (inboxNotLoaded(snapshot) ?? undefined)}
            // Filtered to one number, every row would carry the same tag.
            numberNames={numberFilter ? null : numberNames}
            filter={numberFilterElement}
            draftScope={`${snapshot.info.serverUrl}|${snapshot.info.organizationId}`}
            selectedId={openConversationId}
            onSelect={openConversation}
            query={query}
            setQuery={setQuery}
            search={search}
          />
        </aside>
        <main className="content" data-focus-home="">
          <MainContent
            snapshot={snapshot}
            selection={selection}
            conversations={conversations}
            replyFocus={replyFocus}
          />
        </main>
      </div>
      <StatusBar snapshot={snapshot} />
      {overlay === 'switcher' ? (
        <QuickSwitcher
          conversations={conversations}
          onOpen={(id) => {
            setOverlay(null);
            openConversation(id);
          }}
          onClose={() => setOverlay(null)}
        />
      ) : null}
      {overlay === 'help' ? <ShortcutHelp mac={isMac()} onClose={() => setOverlay(null)} /> : null}
    </div>
  );
}

/** Settings, a WhatsApp number, a conversation, or the inbox's welcome. */
function MainContent({
  snapshot,
  selection,
  conversations,
  replyFocus,
}: {
  snapshot: AppSnapshot;
  selection: Selection;
  conversations: ConversationView[];
  replyFocus: number;
}) {
  const { t } = useT();
  if (selection.kind === 'settings') {
    return (
      <ScreenSuspense>
        <SettingsPage
          notifications={snapshot.notifications}
          connection={snapshot.connection}
          fixRequest={selection.fixRequest ?? null}
        />
      </ScreenSuspense>
    );
  }
  const instance =
    selection.kind === 'instance' ? snapshot.instances.items.find((i) => i.id === selection.id) : undefined;
  if (instance) {
    const flow = snapshot.connectFlows.find((f) => f.instanceId === instance.id) ?? null;
    return (
      <ScreenSuspense>
        <InstancePage
          key={instance.id}
          instance={instance}
          flow={flow}
          live={snapshot.connection.status === 'online'}
        />
      </ScreenSuspense>
    );
  }
  const conversation = selection.kind === 'conversation' ? conversations.find((c) => c.id === selection.id) : undefined;
  if (conversation) {
    return (
      <ThreadView
        key={conversation.id}
        conversation={conversation}
        number={snapshot.instances.items.find((i) => i.id === conversation.instanceId) ?? null}
        draftScope={`${snapshot.info.serverUrl}|${snapshot.info.organizationId}`}
        focusRequest={replyFocus}
        online={snapshot.connection.status === 'online'}
      />
    );
  }
  return (
    <section className="placeholder">
      <h1>{t('inbox.title')}</h1>
      <p data-testid="inbox-placeholder">
        {t(
          inboxNotLoaded(snapshot) ??
            (snapshot.inbox.conversationCount > 0 ? 'inbox.chooseConversation' : 'inbox.emptyWelcome'),
        )}
      </p>
    </section>
  );
}
