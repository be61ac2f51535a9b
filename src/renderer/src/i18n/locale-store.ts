/**
 * The language the window speaks, as the host decides it (AUZAP_LOCALE, the system's
 * languages, the Settings choice). The page tells the host its navigator.languages,
 * which are the system's in the browser host.
 */
import { useSyncExternalStore } from 'react';
import { resolveLocale, type Locale, type LocaleState } from '../../../shared/i18n/locale';
import { getBridge } from '../bridge/bridge-client';
import { createBridgeStore, type StoreConnection } from '../bridge/bridge-store';

const followLocale: StoreConnection<LocaleState | null> = (bridge, update) => {
  let pushed = false;
  const unsubscribe = bridge.on('locale:changed', (state) => {
    pushed = true;
    update(() => state);
  });
  void bridge.invoke('locale:get', { pageLanguages: [...navigator.languages] }).then((outcome) => {
    if (outcome.ok && !pushed) update(() => outcome.value);
  });
  return unsubscribe;
};

const localeStore = createBridgeStore(null, followLocale, getBridge);

/** Until the host answers (or without a host), the page's own languages decide. */
export function useLocale(): Locale {
  const state = useSyncExternalStore(localeStore.subscribe, localeStore.current);
  return state?.locale ?? resolveLocale(navigator.languages);
}
