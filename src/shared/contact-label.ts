/** How a conversation's contact is named everywhere: the list, the thread, notifications. */
import { formatPhoneNumber } from './phone';

export interface ContactLabelSource {
  contactName: string | null;
  contactPhone: string | null;
}

/** The contact's name, else their number, else "Unknown contact". */
export function contactLabel(contact: ContactLabelSource | null): string {
  const name = contact?.contactName?.trim();
  if (name) return name;
  if (contact?.contactPhone) return formatPhoneNumber(contact.contactPhone);
  return 'Unknown contact';
}
