/**
 * Which language the app speaks. Two catalogs exist (en, pt-BR); any Portuguese the
 * system asks for gets pt-BR, since Brazilian shops are who reads it, anything else English.
 */
import { z } from 'zod';

export const LOCALES = ['en', 'pt-BR'] as const;
export const locale = z.enum(LOCALES);
export type Locale = z.infer<typeof locale>;

/** What Settings offers: follow the system, or one language whatever the system says. */
export const LANGUAGE_CHOICES = ['system', 'pt-BR', 'en'] as const;
export const languageChoice = z.enum(LANGUAGE_CHOICES);
export type LanguageChoice = z.infer<typeof languageChoice>;

/** The first language in the system's order of preference decides. */
export function resolveLocale(preferred: readonly string[]): Locale {
  const first = preferred.find((tag) => tag.trim() !== '');
  return first?.trim().toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/** The language shown: the Settings choice, or else the system's (AUZAP_LOCALE first). */
export function chooseLocale(choice: LanguageChoice, systemLanguages: readonly string[]): Locale {
  return choice === 'system' ? resolveLocale(systemLanguages) : choice;
}

/** The locale state the window follows. */
export const localeState = z.object({ locale, choice: languageChoice });
export type LocaleState = z.infer<typeof localeState>;
