/**
 * Catalog lookup and ICU formatting (plurals, selects, numbers) with FormatJS's
 * intl-messageformat. Keys come from the English catalog, so a wrong key fails the typecheck.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './catalogs/en';
import { ptBR } from './catalogs/pt-BR';
import type { Locale } from './locale';

export type { MessageKey } from './catalogs/en';

export type MessageParams = Record<string, string | number>;

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, 'pt-BR': ptBR };

export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** Text with marked-up parts (`<b>Settings</b>`), each tag rendered by `tags`: for the window's bold words. */
  rich<T>(key: MessageKey, tags: Record<string, (chunks: (string | T)[]) => T>, params?: MessageParams): (string | T)[];
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

const translators = new Map<Locale, Translator>();

/** One translator per locale, each compiling a message the first time it is used. */
export function translator(locale: Locale): Translator {
  const known = translators.get(locale);
  if (known) return known;
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const formatOf = (key: MessageKey) => {
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(CATALOGS[locale][key], locale);
      compiled.set(key, format);
    }
    return format;
  };
  const made: Translator = {
    locale,
    t(key, params) {
      const text = formatOf(key).format(params);
      return typeof text === 'string' ? text : String(text);
    },
    rich<T>(key: MessageKey, tags: Record<string, (chunks: (string | T)[]) => T>, params?: MessageParams) {
      const out = formatOf(key).format<T>({ ...params, ...tags });
      return Array.isArray(out) ? out : [out];
    },
  };
  translators.set(locale, made);
  return made;
}
