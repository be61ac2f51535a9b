import { useEffect, useRef, useState } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { messagePreview } from '../../../../shared/message-text';
import { useT } from '../../i18n/I18nProvider';
import { unformatted } from '../../../../shared/message-format';

/** At most one announcement this often: what arrives in between is said once, counted. */
const ANNOUNCE_EVERY_MS = 1_500;

export interface Arrival {
  /** How many messages the announcement covers. */
  count: number;
  /** The latest of them, as plain text. */
  text: string;
  /** Counts announcements, so the same words said twice still change the page. */
  serial: number;
}

/**
 * What arrived from the contact since the thread opened, for a polite live region. What was
 * there on opening, older pages and our own replies are not news. A message alone is said at
 * once; a burst is said as one sentence with its count ("5 new messages from Ana, the
 * latest: …"), not one after the other for a minute.
 */
export function useArrivalAnnouncement(messages: readonly MessageView[], ready: boolean): Arrival | null {
  const i18n = useT();
  const newest = messages[messages.length - 1]?.timestamp ?? '';
  // Adjusted while rendering (React's pattern for state that follows props): no extra paint.
  const [seen, setSeen] = useState<{ upTo: string | null; pending: number; latest: string }>({
    upTo: null,
    pending: 0,
    latest: '',
  });
  if (seen.upTo === null) {
    if (ready) setSeen({ upTo: newest, pending: 0, latest: '' });
  } else if (ready && newest > seen.upTo) {
    const upTo = seen.upTo;
    const arrived = messages.filter((m) => m.direction === 'incoming' && m.timestamp > upTo);
    const latest = arrived[arrived.length - 1];
    if (latest) {
      const text = messagePreview({ ...latest, content: unformatted(latest.content) }, i18n, 140);
      setSeen({ upTo: newest, pending: seen.pending + arrived.length, latest: text });
    } else setSeen({ ...seen, upTo: newest });
  }

  const [said, setSaid] = useState<Arrival | null>(null);
  const lastSaidAt = useRef(-Infinity);
  const { pending, latest } = seen;
  useEffect(() => {
    if (pending === 0) return;
    // A fixed deadline from the last announcement: arrivals meanwhile join the next one.
    const wait = Math.max(0, lastSaidAt.current + ANNOUNCE_EVERY_MS - performance.now());
    const timer = setTimeout(() => {
      lastSaidAt.current = performance.now();
      setSaid((previous) => ({ count: pending, text: latest, serial: (previous?.serial ?? 0) + 1 }));
      setSeen((current) => ({ ...current, pending: 0 }));
    }, wait);
    return () => clearTimeout(timer);
  }, [pending, latest]);
  return said;
}
