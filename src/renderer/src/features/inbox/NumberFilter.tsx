import { useCallback, useState } from 'react';
import type { InstanceView } from '../../../../shared/bridge';
import type { Translator } from '../../../../shared/i18n/translate';
import type { ConversationView } from '../../../../shared/inbox';
import { useT } from '../../i18n/I18nProvider';

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

export const numberName = (instance: InstanceView, { t }: Translator): string => instance.name || t('numbers.unnamed');

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
export function NumberFilter({
  instances,
  value,
  onChange,
}: {
  instances: InstanceView[];
  value: string | null;
  onChange: (instanceId: string | null) => void;
}) {
  const translator = useT();
  const { t } = translator;
  return (
    <div className="conversations__filter">
      <select
        className="input"
        aria-label={t('numberFilter.label')}
        data-testid="number-filter"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{t('numberFilter.all')}</option>
        {instances.map((instance) => (
          <option key={instance.id} value={instance.id}>
            {numberName(instance, translator)}
          </option>
        ))}
      </select>
    </div>
  );
}
