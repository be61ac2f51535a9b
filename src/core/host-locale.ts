/**
 * The language the whole app speaks (window, notifications, tray): AUZAP_LOCALE, else
 * the system's preferred languages (Electron asks the OS; the browser host learns the
 * page's navigator.languages from the window), unless Settings chose one.
 */
import { createListeners } from '../shared/listeners';
import { chooseLocale, type LanguageChoice, type Locale, type LocaleState } from '../shared/i18n/locale';

export interface HostLocaleOptions {
  /** AUZAP_LOCALE: wins over what the system says. */
  envLocale?: string;
  /** The OS's preferred languages, where the host can ask (Electron). */
  systemLanguages?: () => readonly string[];
  /** The Settings choice, as saved. */
  choice: () => LanguageChoice;
}

export interface HostLocale {
  state(): LocaleState;
  current(): Locale;
  /** The window's navigator.languages: the system's languages where the host cannot ask the OS. */
  pageLanguages(languages: readonly string[]): void;
  /** Something that decides the language may have changed (a page report, a Settings choice). */
  recheck(): void;
  onChange(listener: (state: LocaleState) => void): () => void;
}

export function createHostLocale(options: HostLocaleOptions): HostLocale {
  let fromPage: readonly string[] = [];
  const system = (): readonly string[] => {
    if (options.envLocale) return [options.envLocale];
    const asked = options.systemLanguages?.() ?? [];
    return asked.length > 0 ? asked : fromPage;
  };
  const compute = (): LocaleState => {
    const choice = options.choice();
    return { choice, locale: chooseLocale(choice, system()) };
  };
  const listeners = createListeners<LocaleState>();
  let last = compute();
  const recheck = () => {
    const next = compute();
    if (next.locale === last.locale && next.choice === last.choice) return;
    last = next;
    listeners.emit(next);
  };
  return {
    state: () => last,
    current: () => last.locale,
    pageLanguages(languages) {
      fromPage = languages;
      recheck();
    },
    recheck,
    onChange: (listener) => listeners.add(listener),
  };
}
