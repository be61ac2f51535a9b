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
  /**
   * Where the host cannot ask the OS (the browser host): the process's own locale (LANG),
   * spoken until a window reports its languages, so a notification raised before any
   * window opened is not in English for a Portuguese system.
   */
  processLanguages?: () => readonly string[];
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

/** POSIX locale variables ("pt_BR.UTF-8") as language tags ("pt-BR"); "C" and "POSIX" say nothing. */
export function languagesFromEnv(env: NodeJS.ProcessEnv): string[] {
  const list = env.LANGUAGE ? env.LANGUAGE.split(':') : [];
  const single = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return [...list, ...(single ? [single] : [])]
    .map((value) => value.split(/[.@]/)[0]?.replace('_', '-') ?? '')
    .filter((tag) => tag !== '' && tag !== 'C' && tag !== 'POSIX');
}

export function createHostLocale(options: HostLocaleOptions): HostLocale {
  let fromPage: readonly string[] = [];
  const system = (): readonly string[] => {
    if (options.envLocale) return [options.envLocale];
    const asked = options.systemLanguages?.() ?? [];
    if (asked.length > 0) return asked;
    return fromPage.length > 0 ? fromPage : (options.processLanguages?.() ?? []);
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
