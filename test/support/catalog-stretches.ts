/**
 * The catalogs' messages as the phrases a reader would recognise: each message cut into
 * its literal stretches (placeholders, plural headers and markup cut it apart), keeping
 * stretches of two words or more. Single words are left out: "WhatsApp", names, numbers
 * and "OK" are the same in both languages.
 */
import type { Locale } from '../../src/shared/i18n/locale';
import { CATALOGS } from '../../src/shared/i18n/translate';

export const normalText = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The literal stretches of an ICU message, lower-cased. */
export function stretches(message: string): string[] {
  return message
    .replace(/<\/?\w+>/g, '{}')
    .split(/[{}#]/)
    .map(normalText)
    .filter((part) => !/^\w+\s*,\s*(plural|select|selectordinal|number|date|time)\b/.test(part))
    .filter((part) => (part.match(/\p{L}{2,}/gu) ?? []).length >= 2 && part.length >= 8);
}

/** Stretches of `other`'s messages that the `shown` catalog never says. */
export function foreignStretches(shown: Locale, other: Locale): string[] {
  const own = normalText(Object.values(CATALOGS[shown]).join('\n'));
  const found = new Set<string>();
  for (const message of Object.values(CATALOGS[other])) {
    for (const stretch of stretches(message)) if (!own.includes(stretch)) found.add(stretch);
  }
  return [...found];
}
