import type { InstanceView } from '../../../../shared/bridge';
import { explainDisconnect } from '../../../../shared/disconnect-reasons';
import { text, type UserText } from '../../../../shared/i18n/user-text';
import { formatPhoneNumber } from '../../../../shared/phone';

/** Every word the numbers list says about one number's state, in one place for the catalogs. */
const WORDS = {
  connected: text('instance.status.connected'),
  connecting: text('instance.status.connecting'),
  neverLinked: text('instance.status.neverLinked'),
  droppedNoReason: text('instance.status.disconnected'),
} as const;

/**
 * How a number looks in the list. `never-linked` is neutral (nothing went wrong yet);
 * `dropped` warns, with the reason in short; `stopped` was disconnected on purpose.
 */
export type InstanceLook = 'connected' | 'connecting' | 'never-linked' | 'dropped' | 'stopped';

export interface InstanceSummary {
  look: InstanceLook;
  /** The state in a few words: a phone number, or why it is down. */
  headline: UserText;
  /** The phone it was linked as, kept visible after it dropped. */
  lastPhone: string | null;
}

export function summarizeInstance(instance: InstanceView): InstanceSummary {
  const phone = instance.phoneNumber ? formatPhoneNumber(instance.phoneNumber) : null;
  if (instance.status === 'connected')
    return {
      look: 'connected',
      headline: phone ? text('common.verbatim', { text: phone }) : WORDS.connected,
      lastPhone: null,
    };
  if (instance.status === 'connecting') return { look: 'connecting', headline: WORDS.connecting, lastPhone: phone };
  const drop = instance.lastDisconnect;
  // A number with a phone or a known drop was linked once; otherwise it never was.
  if (!drop && !phone) return { look: 'never-linked', headline: WORDS.neverLinked, lastPhone: null };
  const explanation = drop ? explainDisconnect(drop.reason) : null;
  return {
    look: explanation?.followUp === 'idle' ? 'stopped' : 'dropped',
    headline: explanation?.title ?? WORDS.droppedNoReason,
    lastPhone: phone,
  };
}
