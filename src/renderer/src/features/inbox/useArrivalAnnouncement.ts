import { useState } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { messagePreview } from '../../../../shared/message-text';
import { useT } from '../../i18n/I18nProvider';
import { unformatted } from '../../../../shared/message-format';

/**
 * The newest message that arrived from the contact since the thread opened, for a polite
 * live region. What was there on opening, older pages and our own replies are not news.
 */
export function useArrivalAnnouncement(messages: readonly MessageView[], ready: boolean): string | null {
  const i18n = useT();
  const newest = messages[messages.length - 1]?.timestamp ?? '';
  // Adjusted while rendering (React's pattern for state that follows props): no extra paint.
  const [seen, setSeen] = useState<{ upTo: string | null; text: string | null; count: number }>({
    upTo: null,
    text: null,
    count: 0,
  });
  if (seen.upTo === null) {
    if (ready) setSeen({ upTo: newest, text: null, count: 0 });
  } else if (ready && newest > seen.upTo) {
    const upTo = seen.upTo;
    const arrived = messages.filter((m) => m.direction === 'incoming' && m.timestamp > upTo);
    const latest = arrived[arrived.length - 1];
    if (latest) {
      const text = messagePreview({ ...latest, content: unformatted(latest.content) }, i18n, 140);
      setSeen({ upTo: newest, text, count: seen.count + 1 });
    } else setSeen({ ...seen, upTo: newest });
  }
  // The same words twice ("Oi", "Oi") change nothing in the page, and nothing would be read:
  // every other announcement ends in a no-break space, which is not spoken.
  return seen.text === null ? null : seen.count % 2 === 0 ? `${seen.text}\u00a0` : seen.text;
}
