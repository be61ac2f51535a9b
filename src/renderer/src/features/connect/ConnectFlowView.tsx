import { QRCodeSVG } from 'qrcode.react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ConnectFlow, ConnectMethod, InstanceView } from '../../../../shared/bridge';
import { explainDisconnect } from '../../../../shared/disconnect-reasons';
import type { MessageKey, Translator } from '../../../../shared/i18n/translate';
import { say, type UserText } from '../../../../shared/i18n/user-text';
import { formatPhoneNumber, normalisePhoneInput } from '../../../../shared/phone';
import { phoneNumberDigits } from '../../../../shared/rest';
import { failureText, invoke } from '../../bridge/bridge-client';
import { runCommand } from '../../bridge/run-command';
import { useNow } from '../../hooks/useNow';
import { useT } from '../../i18n/I18nProvider';
import { formatClockTime, formatCountdown, formatPairingCode, secondsUntil } from './countdown';

/** A catalog step whose <b>…</b> parts are the words WhatsApp itself shows, in bold. */
const step = ({ rich }: Translator, key: MessageKey, params?: Record<string, string>): ReactNode[] =>
  rich<ReactNode>(key, { b: (chunks) => <strong key={String(chunks)}>{chunks}</strong> }, params);

async function startConnect(
  instanceId: string,
  method: ConnectMethod,
  phoneNumber: string | undefined,
): Promise<UserText | null> {
  try {
    if (method === 'qr') await invoke('instances:connect', { instanceId, method: 'qr' });
    else await invoke('instances:connect', { instanceId, method: 'code', phoneNumber: phoneNumber ?? '' });
    return null;
  } catch (error) {
    return failureText(error, 'connect.startFailed');
  }
}

const dismiss = (instanceId: string) => void runCommand('connect-flow:dismiss', { instanceId });

/** Choose QR or phone number, then follow the flow main keeps for this instance. */
export function ConnectFlowView({ instance, flow }: { instance: InstanceView; flow: ConnectFlow | null }) {
  const i18n = useT();
  const { t } = i18n;
  // Kept here, not in the chooser: a cancelled or failed request brings the chooser back with the number typed.
  const [phone, setPhone] = useState('');
  if (!flow) return <MethodChooser instance={instance} phone={phone} onPhone={setPhone} />;
  const { stage } = flow;
  switch (stage.kind) {
    case 'requesting':
    case 'waiting':
      return (
        <section className="flow" data-testid="connect-flow" data-stage={stage.kind}>
          {/* Focus waits here for the code (keyboard users pressed a button that is gone now). */}
          <p className="flow__waiting" data-focus-target="">
            <span className="spinner" aria-hidden="true" />
            {t(flow.method === 'qr' ? 'connect.askingQr' : 'connect.askingCode')}
          </p>
          <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
            {t('common.cancel')}
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
          <h2>{t('connect.connected')}</h2>
          <p data-testid="connect-success">
            {t('connect.linked', { phone: formatPhoneNumber(stage.phoneNumber), name: instance.name })}
          </p>
          <button type="button" className="button button--primary" onClick={() => dismiss(flow.instanceId)}>
            {t('common.done')}
          </button>
        </section>
      );
    case 'failed':
      return (
        <section className="flow flow--error" data-testid="connect-flow" data-stage="failed" role="alert">
          <h2>{t('connect.failed')}</h2>
          <p data-testid="connect-error">{say(i18n, stage.message)}</p>
          <div className="flow__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void startConnect(flow.instanceId, flow.method, flow.phoneNumber ?? undefined)}
            >
              {t('common.tryAgain')}
            </button>
            <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      );
    case 'ended': {
      const explanation = explainDisconnect(stage.reason);
      return (
        <section className="flow flow--error" data-testid="connect-flow" data-stage="ended" role="alert">
          <h2>{say(i18n, explanation.title)}</h2>
          <p data-testid="disconnect-explanation">{say(i18n, explanation.text)}</p>
          <div className="flow__actions">
            <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
              {t(explanation.followUp === 'reconnect_flow' ? 'connect.chooseAgain' : 'common.close')}
            </button>
          </div>
        </section>
      );
    }
  }
}

function MethodChooser({
  instance,
  phone,
  onPhone: setPhone,
}: {
  instance: InstanceView;
  phone: string;
  onPhone: (phone: string) => void;
}) {
  const [problem, setProblem] = useState<UserText | null>(null);
  const [busy, setBusy] = useState(false);
  const i18n = useT();
  const { t } = i18n;

  const run = async (method: ConnectMethod, phoneNumber?: string) => {
    setBusy(true);
    setProblem(await startConnect(instance.id, method, phoneNumber));
    setBusy(false);
  };

  const submitPhone = (event: FormEvent) => {
    event.preventDefault();
    const digits = normalisePhoneInput(phone);
    if (!phoneNumberDigits.safeParse(digits).success) {
      setProblem({ key: 'connect.phoneInvalid' });
      return;
    }
    void run('code', digits);
  };

  return (
    <section className="flow" data-testid="connect-flow" data-stage="choose">
      <h2>{t('connect.title', { name: instance.name })}</h2>
      <div className="flow__methods">
        <div className="card">
          <h3>{t('connect.qr.method')}</h3>
          <p>{t('connect.qr.methodHint')}</p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run('qr')}>
            {t('connect.qr.show')}
          </button>
        </div>
        <form className="card" onSubmit={submitPhone} noValidate>
          <h3>{t('connect.code.method')}</h3>
          <label htmlFor="pairing-phone">{t('connect.code.phoneLabel')}</label>
          <input
            id="pairing-phone"
            className="input"
            inputMode="tel"
            autoComplete="tel"
            placeholder={t('connect.code.phonePlaceholder')}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'connect-problem' : undefined}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('connect.code.get')}
          </button>
        </form>
      </div>
      {problem ? (
        <p className="field-error" id="connect-problem" data-testid="connect-problem" role="alert">
          {say(i18n, problem)}
        </p>
      ) : null}
    </section>
  );
}

function QrStage({ flow, stage }: { flow: ConnectFlow; stage: Extract<ConnectFlow['stage'], { kind: 'qr' }> }) {
  const now = useNow();
  const i18n = useT();
  const { t, locale } = i18n;
  const left = secondsUntil(stage.nextRefreshAt, now);
  return (
    <section className="flow flow--qr" data-testid="connect-flow" data-stage="qr">
      <div className="qr-frame" data-testid="qr-code" data-sequence={stage.sequence}>
        <QRCodeSVG value={stage.qr} size={264} level="L" marginSize={4} title={t('connect.qr.title')} />
      </div>
      <div className="flow__side">
        <h2>{t('connect.qr.heading')}</h2>
        <ol className="steps">
          <li>{t('connect.step.openWhatsApp')}</li>
          <li>{step(i18n, 'connect.qr.step.menu')}</li>
          <li>{step(i18n, 'connect.step.linkDevice')}</li>
          <li>{t('connect.qr.step.scan')}</li>
        </ol>
        <p className="muted" data-testid="qr-refreshed">
          {t('connect.qr.updatedAt', { time: formatClockTime(stage.receivedAt, locale) })}
        </p>
        <p className="muted" data-testid="qr-countdown">
          {left > 0 ? t('connect.qr.nextIn', { countdown: formatCountdown(left) }) : t('connect.qr.nextSoon')}
        </p>
        <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

function CodeStage({ flow, stage }: { flow: ConnectFlow; stage: Extract<ConnectFlow['stage'], { kind: 'code' }> }) {
  const now = useNow();
  const [copied, setCopied] = useState(false);
  const i18n = useT();
  const { t } = i18n;
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
      <h2>{t('connect.code.heading')}</h2>
      <div className={`pairing-code${expired ? ' pairing-code--expired' : ''}`}>
        <output data-testid="pairing-code" aria-label={t('connect.code.label')}>
          {code}
        </output>
        <button type="button" className="button" onClick={copy} disabled={expired}>
          {t(copied ? 'connect.code.copied' : 'connect.code.copy')}
        </button>
      </div>
      {expired ? (
        <div className="flow__expired" role="alert">
          <p data-testid="code-expired">{t('connect.code.expired')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void startConnect(flow.instanceId, 'code', flow.phoneNumber ?? undefined)}
          >
            {t('connect.code.new')}
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="code-countdown">
          {t('connect.code.expiresIn', { countdown: formatCountdown(left) })}
        </p>
      )}
      <ol className="steps">
        <li>
          {flow.phoneNumber
            ? t('connect.step.openWhatsAppOn', { phone: formatPhoneNumber(flow.phoneNumber) })
            : t('connect.step.openWhatsApp')}
        </li>
        <li>{step(i18n, 'connect.code.step.menu')}</li>
        <li>{step(i18n, 'connect.step.linkDevice')}</li>
        <li>{step(i18n, 'connect.code.step.withPhone')}</li>
        <li>{t('connect.code.step.enter')}</li>
      </ol>
      <button type="button" className="button" onClick={() => dismiss(flow.instanceId)}>
        {t('common.cancel')}
      </button>
    </section>
  );
}
