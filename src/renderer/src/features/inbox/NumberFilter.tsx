import { useCallback, useMemo, useState } from 'react';
import type { InstanceView } from '../../../../shared/bridge';
import type { Translator } from '../../../../shared/i18n/translate';
import type { ConversationView } from '../../../../shared/inbox';
import { useT } from '../../i18n/I18nProvider';

/** Every word of the number filter, as catalog keys. */
const WORDS = {
  label: 'numbers.filterLabel',
  all: 'numbers.all',
  withUnread: 'numbers.withUnread',
  noneOnNumber: 'numbers.noneOnNumber',
} as const;

/** What the list says when the chosen number has no conversations. */
export const NO_CONVERSATIONS_ON_NUMBER = WORDS.noneOnNumber;

const STORAGE_KEY = 'auzap.inbox.number-filter';
const NO_UNREAD: ReadonlyMap<string, number> = new Map();

/** The window's own storage: the choice is a view preference, not data main must keep. */
function readRemembered(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(instanceId: string | null): void {
  try {
    if (instanceId) window.localStorage.setItem(STORAGE_KEY, instanceId);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode, quota): the filter still works until the window closes.
  }
}

export const numberName = (instance: InstanceView, words: Translator): string =>
  instance.name || words.t('instance.unnamed');

/**
 * Which number's conversations the inbox shows (null: all), remembered across restarts.
 * A remembered number that is no longer in the list shows everything rather than nothing.
 */
export function useNumberFilter(instances: InstanceView[]): [string | null, (instanceId: string | null) => void] {
  const [chosen, setChosen] = useState<string | null>(readRemembered);
  const choose = useCallback((instanceId: string | null) => {
    remember(instanceId);
    setChosen(instanceId);
  }, []);
  const effective = chosen && instances.some((i) => i.id === chosen) ? chosen : null;
  return [effective, choose];
}

export function filterByNumber(conversations: ConversationView[], instanceId: string | null): ConversationView[] {
  return instanceId ? conversations.filter((c) => c.instanceId === instanceId) : conversations;
}

/** A compact select above the conversation list; only worth showing with two numbers or more. */
/**
 * The inbox as the number filter leaves it: the chats shown, the filter, and each number's
 * name to label chats with (null while there is only one number: nothing to tell apart).
 */
export function useNumberedInbox(
  conversations: ConversationView[],
  instances: InstanceView[],
  translator: Translator,
  openConversationId: string | null,
) {
  const [numberFilter, setNumberFilter] = useNumberFilter(instances);
  const numbered = instances.length > 1;
  const numberNames = useMemo(
    () => (numbered ? new Map(instances.map((i) => [i.id, numberName(i, translator)])) : null),
    [instances, numbered, translator],
  );
  const listed = useMemo(() => filterByNumber(conversations, numberFilter), [conversations, numberFilter]);
  // A chat opened that the filter hides (Ctrl+K, a notification): every number is shown
  // again, or the open chat would be nowhere in the list. Only on opening: a number chosen
  // while a chat of another one is open is the user's choice, kept.
  const [seenOpen, setSeenOpen] = useState(openConversationId);
  if (openConversationId !== seenOpen) {
    setSeenOpen(openConversationId);
    const hidden = numberFilter && openConversationId && !listed.some((c) => c.id === openConversationId);
    if (hidden && conversations.some((c) => c.id === openConversationId)) setNumberFilter(null);
  }
  const unreadByNumber = useMemo(
    () => (numbered ? unreadPerNumber(conversations) : NO_UNREAD),
    [conversations, numbered],
  );
  return { listed, numbered, numberNames, numberFilter, setNumberFilter, unreadByNumber };
}

/** Unread messages per number: the filter says where they wait while another number is shown. */
function unreadPerNumber(conversations: readonly ConversationView[]): ReadonlyMap<string, number> {
  const unread = new Map<string, number>();
  for (const c of conversations) {
    if (c.instanceId && c.unreadCount > 0) unread.set(c.instanceId, (unread.get(c.instanceId) ?? 0) + c.unreadCount);
  }
  return unread;
}

export function NumberFilter({
  instances,
  value,
  onChange,
  unread,
}: {
  instances: InstanceView[];
  value: string | null;
  onChange: (instanceId: string | null) => void;
  unread: ReadonlyMap<string, number>;
}) {
  const i18n = useT();
  const { t } = i18n;
  return (
    <div className="conversations__filter">
      <select
        className="input"
        aria-label={t(WORDS.label)}
        data-testid="number-filter"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{t(WORDS.all)}</option>
        {instances.map((instance) => {
          const name = numberName(instance, i18n);
          const count = unread.get(instance.id) ?? 0;
          return (
            <option key={instance.id} value={instance.id}>
              {count > 0 ? t(WORDS.withUnread, { name, count }) : name}
            </option>
          );
        })}
      </select>
    </div>
  );
}
