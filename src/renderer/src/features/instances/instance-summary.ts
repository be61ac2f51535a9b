import type { InstanceView } from '../../../../shared/bridge';
import { explainDisconnect } from '../../../../shared/disconnect-reasons';
import type { Translator } from '../../../../shared/i18n/translate';
import { formatPhoneNumber } from '../../../../shared/phone';

/**
 * How a number looks in the list. `never-linked` is neutral (nothing went wrong yet);
 * `dropped` warns, with the reason in short; `stopped` was disconnected on purpose.
 */
export type InstanceLook = 'connected' | 'connecting' | 'never-linked' | 'dropped' | 'stopped';

export interface InstanceSummary {
  look: InstanceLook;
  /** The state in a few words: a phone number, or why it is down. */
  headline: string;
  /** The phone it was linked as, kept visible after it dropped. */
  lastPhone: string | null;
}

export function summarizeInstance(instance: InstanceView, { t }: Translator): InstanceSummary {
  const phone = instance.phoneNumber ? formatPhoneNumber(instance.phoneNumber) : null;
  if (instance.status === 'connected') {
    return { look: 'connected', headline: phone ?? t('numbers.connected'), lastPhone: null };
  }
  if (instance.status === 'connecting')
    return { look: 'connecting', headline: t('numbers.connecting'), lastPhone: phone };
  const drop = instance.lastDisconnect;
  // A number with a phone or a known drop was linked once; otherwise it never was.
  if (!drop && !phone) return { look: 'never-linked', headline: t('numbers.notLinkedYet'), lastPhone: null };
  const explanation = drop ? explainDisconnect(drop.reason) : null;
  return {
    look: explanation?.followUp === 'idle' ? 'stopped' : 'dropped',
    headline: explanation?.title ?? t('numbers.droppedNoReason'),
    lastPhone: phone,
  };
}
