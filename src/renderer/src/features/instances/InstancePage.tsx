import { useState } from 'react';
import type { ConnectFlow, InstanceView } from '../../../../shared/bridge';
import { explainDisconnect } from '../../../../shared/disconnect-reasons';
import { formatPhoneNumber } from '../../../../shared/phone';
import { BridgeCommandError, invoke } from '../../bridge/bridge-client';
import { ConnectFlowView } from '../connect/ConnectFlowView';

const STATUS_WORDS = { connected: 'Connected', connecting: 'Connecting…', disconnected: 'Not connected' } as const;

/** One WhatsApp number: its state, why it is disconnected, and how to (re)link it. */
export function InstancePage({ instance, flow }: { instance: InstanceView; flow: ConnectFlow | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const explanation =
    instance.status !== 'connected' && instance.lastDisconnect
      ? explainDisconnect(instance.lastDisconnect.reason)
      : null;

  const disconnect = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await invoke('instances:disconnect', { instanceId: instance.id });
    } catch (error) {
      setProblem(error instanceof BridgeCommandError ? error.message : 'Could not disconnect. Try again.');
    }
    setBusy(false);
  };

  const showFlow = flow !== null || instance.status !== 'connected';
  return (
    <div className="instance-page" data-testid="instance-page" data-instance={instance.id}>
      <header className="instance-page__header">
        <div>
          <h1>{instance.name || 'Unnamed number'}</h1>
          <p className="muted" data-testid="instance-status">
            {STATUS_WORDS[instance.status]}
            {instance.status === 'connected' && instance.phoneNumber
              ? ` as ${formatPhoneNumber(instance.phoneNumber)}`
              : ''}
          </p>
        </div>
        {instance.status === 'connected' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void disconnect()}>
            Disconnect
          </button>
        ) : null}
      </header>
      {problem ? (
        <p className="banner banner--error" role="alert" data-testid="instance-problem">
          {problem}
        </p>
      ) : null}
      {explanation && !flow ? (
        <div
          className={`notice ${explanation.followUp === 'backend_retrying' ? 'notice--info' : 'notice--warning'}`}
          data-testid="instance-disconnect-reason"
          data-follow-up={explanation.followUp}
        >
          <strong>{explanation.title}.</strong> {explanation.text}
        </div>
      ) : null}
      {showFlow ? <ConnectFlowView instance={instance} flow={flow} /> : null}
    </div>
  );
}
