import { QRCodeSVG } from 'qrcode.react';
import { useState, type FormEvent } from 'react';
import type { ConnectFlow, ConnectMethod, InstanceView } from '../../../../shared/bridge';
import { explainDisconnect } from '../../../../shared/disconnect-reasons';
import { formatPhoneNumber, normalisePhoneInput } from '../../../../shared/phone';
import { phoneNumberDigits } from '../../../../shared/rest';
import { BridgeCommandError, invoke } from '../../bridge/bridge-client';
import { runCommand } from '../../bridge/run-command';
import { useNow } from '../../hooks/useNow';
import { formatClockTime, formatCountdown, formatPairingCode, secondsUntil } from './countdown';

async function startConnect(instanceId: string, method: ConnectMethod, phoneNumber?: string): Promise<string | null> {
  try {
    if (method === 'qr') await invoke('instances:connect', { instanceId, method: 'qr' });
    else await invoke('instances:connect', { instanceId, method: 'code', phoneNumber: phoneNumber ?? '' });
    return null;
  } catch (error) {
    return error instanceof BridgeCommandError ? error.message : 'Could not start. Try again.';
  }
}

const dismiss = (instanceId: string) => void runCommand('connect-flow:dismiss', { instanceId });

/** Choose QR or phone number, then follow the flow main keeps for this instance. */
export function ConnectFlowView({ instance, flow }: { instance: InstanceView; flow: ConnectFlow | null }) {
  if (!flow) return <MethodChooser instance={instance} />;
  const { stage } = flow;
  switch (stage.kind) {
    case 'requesting':
    case 'waiting':
      return (
        <section className="flow" data-testid="connect-flow" data-stage={stage.kind}>
          <p className="flow__waiting">
            <span className="spinner" aria-hidden="true" />
            {flow.method === 'qr' ? 'Asking WhatsApp for a QR code…' : 'Asking WhatsApp for a pairing code…'}
          </p>
          <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
            Cancel
          </button>
        </section>
      );
    case 'qr':
      return <QrStage flow={flow} stage={stage} />;
    case 'code':
      return <CodeStage flow={flow} stage={stage} />;
    case 'connected':
      return (
        <section className="flow flow--success" data-testid="connect-flow" data-stage="connected" role="status">
          <h2>Connected</h2>
          <p data-testid="connect-success">
            WhatsApp {formatPhoneNumber(stage.phoneNumber)} is now linked to {instance.name}.
          </p>
          <button type="button" className="button button--primary" onClick={() => dismiss(flow.instanceId)}>
            Done
          </button>
        </section>
      );
    case 'failed':
      return (
        <section className="flow flow--error" data-testid="connect-flow" data-stage="failed" role="alert">
          <h2>Could not start linking</h2>
          <p data-testid="connect-error">{stage.message}</p>
          <div className="flow__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void startConnect(flow.instanceId, flow.method, flow.phoneNumber ?? undefined)}
            >
              Try again
            </button>
            <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
              Cancel
            </button>
          </div>
        </section>
      );
    case 'ended': {
      const explanation = explainDisconnect(stage.reason);
      return (
        <section className="flow flow--error" data-testid="connect-flow" data-stage="ended" role="alert">
          <h2>{explanation.title}</h2>
          <p data-testid="disconnect-explanation">{explanation.text}</p>
          <div className="flow__actions">
            <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
              {explanation.followUp === 'reconnect_flow' ? 'Choose how to link again' : 'Close'}
            </button>
          </div>
        </section>
      );
    }
  }
}

function MethodChooser({ instance }: { instance: InstanceView }) {
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (method: ConnectMethod, phoneNumber?: string) => {
    setBusy(true);
    setProblem(await startConnect(instance.id, method, phoneNumber));
    setBusy(false);
  };

  const submitPhone = (event: FormEvent) => {
    event.preventDefault();
    const digits = normalisePhoneInput(phone);
    if (!phoneNumberDigits.safeParse(digits).success) {
      setProblem('Enter the full number with the country code, digits only — for example 5511987654321.');
      return;
    }
    void run('code', digits);
  };

  return (
    <section className="flow" data-testid="connect-flow" data-stage="choose">
      <h2>Link a WhatsApp number to {instance.name}</h2>
      <div className="flow__methods">
        <div className="card">
          <h3>Scan a QR code</h3>
          <p>Use the phone that has WhatsApp to scan a code shown here.</p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run('qr')}>
            Show QR code
          </button>
        </div>
        <form className="card" onSubmit={submitPhone} noValidate>
          <h3>Use a pairing code</h3>
          <label htmlFor="pairing-phone">Phone number with country code</label>
          <input
            id="pairing-phone"
            className="input"
            inputMode="tel"
            autoComplete="tel"
            placeholder="5511987654321"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby="connect-problem"
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            Get pairing code
          </button>
        </form>
      </div>
      {problem ? (
        <p className="field-error" id="connect-problem" data-testid="connect-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function QrStage({ flow, stage }: { flow: ConnectFlow; stage: Extract<ConnectFlow['stage'], { kind: 'qr' }> }) {
  const now = useNow();
  const left = secondsUntil(stage.nextRefreshAt, now);
  return (
    <section className="flow flow--qr" data-testid="connect-flow" data-stage="qr">
      <div className="qr-frame" data-testid="qr-code" data-sequence={stage.sequence}>
        <QRCodeSVG value={stage.qr} size={264} level="L" marginSize={4} title="WhatsApp link QR code" />
      </div>
      <div className="flow__side">
        <h2>Scan this QR code with WhatsApp</h2>
        <ol className="steps">
          <li>Open WhatsApp on your phone.</li>
          <li>
            Tap <strong>Settings</strong> (iPhone) or the <strong>⋮ menu</strong> (Android), then{' '}
            <strong>Linked devices</strong>.
          </li>
          <li>
            Tap <strong>Link a device</strong>.
          </li>
          <li>Point the phone at this screen to scan the code.</li>
        </ol>
        <p className="muted" data-testid="qr-refreshed">
          Updated at {formatClockTime(stage.receivedAt)}
        </p>
        <p className="muted" data-testid="qr-countdown">
          {left > 0 ? `A new code will appear in ${formatCountdown(left)}` : 'A new code should appear any moment…'}
        </p>
        <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function CodeStage({ flow, stage }: { flow: ConnectFlow; stage: Extract<ConnectFlow['stage'], { kind: 'code' }> }) {
  const now = useNow();
  const [copied, setCopied] = useState(false);
  const left = secondsUntil(stage.expiresAt, now);
  const expired = left === 0;
  const code = formatPairingCode(stage.pairingCode);

  const copy = () => {
    void navigator.clipboard
      ?.writeText(code)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };

  return (
    <section className="flow flow--code" data-testid="connect-flow" data-stage={expired ? 'code-expired' : 'code'}>
      <h2>Enter this code on your phone</h2>
      <div className={`pairing-code${expired ? ' pairing-code--expired' : ''}`}>
        <output data-testid="pairing-code" aria-label="Pairing code">
          {code}
        </output>
        <button type="button" className="button" onClick={copy} disabled={expired}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      {expired ? (
        <div className="flow__expired" role="alert">
          <p data-testid="code-expired">This code has expired.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void startConnect(flow.instanceId, 'code', flow.phoneNumber ?? undefined)}
          >
            Get a new code
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="code-countdown">
          Expires in {formatCountdown(left)}
        </p>
      )}
      <ol className="steps">
        <li>Open WhatsApp on your phone{flow.phoneNumber ? ` (${formatPhoneNumber(flow.phoneNumber)})` : ''}.</li>
        <li>
          Tap <strong>Settings</strong> → <strong>Linked Devices</strong>.
        </li>
        <li>
          Tap <strong>Link a Device</strong>.
        </li>
        <li>
          Tap <strong>Link with phone number instead</strong>.
        </li>
        <li>Enter the code above.</li>
      </ol>
      <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
        Cancel
      </button>
    </section>
  );
}
