import type { InstanceView } from '../../../../shared/bridge';
import { formatPhoneNumber } from '../../../../shared/phone';
import { useT } from '../../i18n/I18nProvider';
import { numberName } from './NumberFilter';

/**
 * The WhatsApp number a chat came in on, in the thread's header: the number a reply leaves
 * from. Said whenever the server named it (not only with two numbers, as in the list): the
 * header has room for it, and the agent answering should not have to guess.
 */
export function ThreadNumber({ instance }: { instance: InstanceView }) {
  const i18n = useT();
  const number = numberName(instance, i18n);
  return (
    <p className="muted thread__number" data-testid="thread-number">
      {instance.phoneNumber
        ? // No-break spaces: a narrow header wraps before the phone, never inside it.
          i18n.t('thread.cameInOnPhone', {
            number,
            phone: formatPhoneNumber(instance.phoneNumber).replace(/ /g, '\u00a0'),
          })
        : i18n.t('thread.cameInOn', { number })}
    </p>
  );
}

/**
 * By the reply box while the chat's number is not linked: the server takes a reply, but
 * WhatsApp cannot carry it, and "Sent" alone would say it reached the customer.
 */
export function NumberNotConnected({ instance }: { instance: InstanceView }) {
  const i18n = useT();
  return (
    <p className="banner banner--warning" data-testid="thread-number-not-connected">
      {i18n.t('thread.numberNotConnected', { number: numberName(instance, i18n) })}
    </p>
  );
}
