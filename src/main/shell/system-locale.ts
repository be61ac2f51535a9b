/**
 * The language main speaks before the runtime has read the Settings choice (the first
 * menus, a failed start): AUZAP_LOCALE, else the OS's preferred languages.
 */
import { resolveLocale, type Locale } from '../../shared/i18n/locale';

interface LanguageSource {
  getPreferredSystemLanguages(): string[];
  getLocale(): string;
}

/** The OS's languages, best first (Electron's own UI language when the OS gives none). */
export function systemLanguages(app: LanguageSource): string[] {
  const preferred = app.getPreferredSystemLanguages();
  return preferred.length > 0 ? preferred : [app.getLocale()];
}

export function startLocale(envLocale: string | undefined, app: LanguageSource): Locale {
  try {
    return resolveLocale(envLocale ? [envLocale] : systemLanguages(app));
  } catch {
    // Asked before `ready` on a platform that cannot answer yet: English.
    return 'en';
  }
}

/** The language main speaks now: the system's until the runtime says otherwise (a Settings choice). */
export interface MainLocale {
  current(): Locale;
  set(locale: Locale): void;
}

/** `initial` is asked the first time only (Electron answers the OS's languages once it is ready). */
export function createMainLocale(initial: () => Locale): MainLocale {
  let locale: Locale | null = null;
  return {
    current: () => (locale ??= initial()),
    set(next) {
      locale = next;
    },
  };
}
