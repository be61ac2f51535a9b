import { useCallback, useMemo, useState } from 'react';
import type { InstanceView } from '../../../../shared/bridge';
import type { Translator } from '../../../../shared/i18n/translate';
import type { ConversationView } from '../../../../shared/inbox';
import { useT } from '../../i18n/I18nProvider';

/** Every word of the number filter, as catalog keys. */
const WORDS = {
  label: 'numbers.filterLabel',
  all: 'numbers.all',
  noneOnNumber: 'numbers.noneOnNumber',
} as const;

/** What the list says when the chosen number has no conversations. */
export const NO_CONVERSATIONS_ON_NUMBER = WORDS.noneOnNumber;

const STORAGE_KEY = 'auzap.inbox.number-filter';

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
export function useNumberedInbox(conversations: ConversationView[], instances: InstanceView[], translator: Translator) {
  const [numberFilter, setNumberFilter] = useNumberFilter(instances);
  const numbered = instances.length > 1;
  const numberNames = useMemo(
    () => (numbered ? new Map(instances.map((i) => [i.id, numberName(i, translator)])) : null),
    [instances, numbered, translator],
  );
  const listed = useMemo(() => filterByNumber(conversations, numberFilter), [conversations, numberFilter]);
  return { listed, numbered, numberNames, numberFilter, setNumberFilter };
}

export function NumberFilter({
  instances,
  value,
  onChange,
}: {
  instances: InstanceView[];
  value: string | null;
  onChange: (instanceId: string | null) => void;
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
        {instances.map((instance) => (
          <option key={instance.id} value={instance.id}>
            {numberName(instance, i18n)}
          </option>
        ))}
      </select>
    </div>
  );
}
