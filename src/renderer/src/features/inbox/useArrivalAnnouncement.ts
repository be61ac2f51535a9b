import { useState } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { messagePreview } from '../../../../shared/message-text';
import { useT } from '../../i18n/I18nProvider';

/**
 * The newest message that arrived from the contact since the thread opened, for a polite
 * live region. What was there on opening, older pages and our own replies are not news.
 */
export function useArrivalAnnouncement(messages: readonly MessageView[], ready: boolean): string | null {
  const i18n = useT();
  const newest = messages[messages.length - 1]?.timestamp ?? '';
  // Adjusted while rendering (React's pattern for state that follows props): no extra paint.
  const [seen, setSeen] = useState<{ upTo: string | null; text: string | null }>({ upTo: null, text: null });
  if (!ready) return seen.text;
  if (seen.upTo === null) {
    setSeen({ upTo: newest, text: null });
  } else if (newest > seen.upTo) {
    const upTo = seen.upTo;
    const arrived = messages.filter((m) => m.direction === 'incoming' && m.timestamp > upTo);
    const latest = arrived[arrived.length - 1];
    setSeen({ upTo: newest, text: latest ? messagePreview(latest, i18n, 140) : seen.text });
  }
  return seen.text;
}
