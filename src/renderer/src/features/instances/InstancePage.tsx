import { useState } from 'react';
import type { ConnectFlow, InstanceView } from '../../../../shared/bridge';
import { explainDisconnect } from '../../../../shared/disconnect-reasons';
import { say, type UserText } from '../../../../shared/i18n/user-text';
import { formatPhoneNumber } from '../../../../shared/phone';
import { useT } from '../../i18n/I18nProvider';
import { failureText, invoke } from '../../bridge/bridge-client';
import { ConnectFlowView } from '../connect/ConnectFlowView';
import { ConfirmDisconnect } from './ConfirmDisconnect';
import { summarizeInstance } from './instance-summary';

const STATUS_WORDS = {
  connected: 'instance.status.connected',
  connecting: 'instance.status.connecting',
  disconnected: 'instance.status.notConnected',
} as const;

/** A number never linked reads as in the list ("Not linked yet"): one number, one state, wherever it is read. */
const statusWords = (instance: InstanceView) =>
  summarizeInstance(instance).look === 'never-linked' ? 'instance.status.neverLinked' : STATUS_WORDS[instance.status];

/**
 * One WhatsApp number: its state, why it is disconnected, and how to (re)link it.
 * `live` is false while the app itself is offline: the state shown is then only the last known.
 */
export function InstancePage({
  instance,
  flow,
  live,
}: {
  instance: InstanceView;
  flow: ConnectFlow | null;
  live: boolean;
}) {
  const [problem, setProblem] = useState<UserText | null>(null);
  const i18n = useT();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Which drop the user chose to re-link after, although the backend was bringing it back.
  const [relinkAfter, setRelinkAfter] = useState<string | null>(null);
  const dropped = instance.status !== 'connected' ? instance.lastDisconnect : null;
  const explanation = dropped ? explainDisconnect(dropped.reason) : null;
  const waitingForBackend =
    explanation?.followUp === 'backend_retrying' && flow === null && relinkAfter !== dropped?.at;

  const disconnect = async () => {
    setConfirming(false);
    setBusy(true);
    setProblem(null);
    try {
      await invoke('instances:disconnect', { instanceId: instance.id });
    } catch (error) {
      setProblem(failureText(error, 'instance.disconnectFailed'));
    }
    setBusy(false);
  };

  const name = instance.name || t('instance.unnamed');
  const status =
    instance.status === 'connected' && instance.phoneNumber
      ? t('instance.connectedAs', { phone: formatPhoneNumber(instance.phoneNumber) })
      : t(statusWords(instance));
  const showFlow = (flow !== null || instance.status !== 'connected') && !waitingForBackend;
  return (
    <div className="instance-page" data-testid="instance-page" data-instance={instance.id} data-focus-home="">
      <header className="instance-page__header">
        <div>
          <h1>{name}</h1>
          <p className={live ? 'muted' : 'muted stale'} data-testid="instance-status" data-live={live}>
            {live ? status : t('instance.lastKnownAs', { status })}
          </p>
        </div>
        {instance.status === 'connected' ? (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('instance.disconnect')}
          </button>
        ) : null}
      </header>
      {confirming ? (
        <ConfirmDisconnect name={name} onConfirm={() => void disconnect()} onCancel={() => setConfirming(false)} />
      ) : null}
      {problem ? (
        <p className="banner banner--error" role="alert" data-testid="instance-problem">
          {say(i18n, problem)}
        </p>
      ) : null}
      {explanation && !flow ? (
        <div
          className={`notice ${explanation.followUp === 'backend_retrying' ? 'notice--info' : 'notice--warning'}`}
          data-testid="instance-disconnect-reason"
          data-follow-up={explanation.followUp}
        >
          <strong>{say(i18n, explanation.title)}.</strong> {say(i18n, explanation.text)}
        </div>
      ) : null}
      {waitingForBackend ? (
        <div className="flow" data-testid="instance-reconnecting">
          <p className="flow__waiting" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('instance.backendReconnecting')}
          </p>
          <button type="button" className="button" onClick={() => setRelinkAfter(dropped?.at ?? null)}>
            {t('instance.relinkInstead')}
          </button>
        </div>
      ) : null}
      {showFlow ? (
        // The connect steps replace each other: focus goes on to the next one's heading.
        <div data-focus-home="">
          <ConnectFlowView instance={instance} flow={flow} />
        </div>
      ) : null}
    </div>
  );
}
