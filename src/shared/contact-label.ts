/** How a conversation's contact is named everywhere: the list, the thread, notifications. */
import { visibleName } from './display-name';
import type { Translator } from './i18n/translate';
import { formatPhoneNumber } from './phone';

export interface ContactLabelSource {
  contactName: string | null;
  contactPhone: string | null;
}

/**
 * The contact's name, else their number, else "Unknown contact". No invisible look-alike
 * tricks ("Ma\u200Bria" is not "Maria", a bidi override cannot turn "exe.live" around).
 */
export function contactLabel(contact: ContactLabelSource | null, words: Translator): string {
  const name = contact?.contactName ? visibleName(contact.contactName) : '';
  if (name) return name;
  if (contact?.contactPhone) return formatPhoneNumber(contact.contactPhone);
  return words.t('contact.unknown');
}
