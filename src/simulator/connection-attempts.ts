/**
 * The WhatsApp linking handshake of each instance: QR refresh schedule, pairing codes,
 * and the outcomes (phone scanned, attempt expired, dropped). This is the only place
 * with timers for an instance, so cancelling an attempt is always complete.
 */
import type { ConnectRequest } from '../shared/rest';
import { generateBrazilianPhoneNumber, generatePairingCode, generateQrString } from './baileys-like';
import type { OrganizationEmitter } from './emitter';
import { SimulatorStateError, type SimInstance } from './state';
import type { SimulatorTiming } from './timing';

interface Attempt {
  method: ConnectRequest['method'];
  /** The number a pairing code was requested for: that phone is the one that will be linked. */
  phoneNumber?: string;
  timer?: NodeJS.Timeout;
  qrsEmitted: number;
}

export class ConnectionAttempts {
  private readonly attempts = new Map<string, Attempt>();

  constructor(
    private readonly timing: SimulatorTiming,
    private readonly emitter: OrganizationEmitter,
    private readonly log: (line: string) => void,
  ) {}

  get activeCount(): number {
    return this.attempts.size;
  }

  /** Starts linking `instance`, replacing any attempt already running for it. */
  start(instance: SimInstance, request: ConnectRequest): void {
    this.cancel(instance.id);
    instance.status = 'connecting';
    const attempt: Attempt = {
      method: request.method,
      qrsEmitted: 0,
      ...(request.method === 'code' ? { phoneNumber: request.phoneNumber } : {}),
    };
    this.attempts.set(instance.id, attempt);
    this.log(`instance ${instance.id}: connect via ${request.method}`);
    if (request.method === 'qr') {
      this.schedule(instance, attempt, this.timing.connectDelayMs, () => this.emitQr(instance, attempt));
    } else {
      this.schedule(instance, attempt, this.timing.connectDelayMs, () => this.emitPairingCode(instance));
    }
  }

  /** "The phone scanned the QR / the code was entered." */
  complete(instance: SimInstance, phoneNumberFromCaller?: string): string {
    if (instance.status !== 'connecting') {
      throw new SimulatorStateError('conflict', `Instance ${instance.id} is ${instance.status}, not connecting`);
    }
    const attempt = this.attempts.get(instance.id);
    this.cancel(instance.id);
    const phoneNumber = attempt?.phoneNumber ?? phoneNumberFromCaller ?? generateBrazilianPhoneNumber();
    instance.status = 'connected';
    instance.phoneNumber = phoneNumber;
    this.emitter.emit(instance.organizationId, 'whatsapp:connected', {
      instanceId: instance.id,
      organizationId: instance.organizationId,
      phoneNumber,
      timestamp: new Date().toISOString(),
    });
    return phoneNumber;
  }

  /** Ends whatever the instance was doing; `reason` undefined omits the field from the event. */
  disconnect(instance: SimInstance, reason: string | undefined): void {
    this.cancel(instance.id);
    instance.status = 'disconnected';
    this.emitter.emit(instance.organizationId, 'whatsapp:disconnected', {
      instanceId: instance.id,
      ...(reason !== undefined ? { reason } : {}),
      timestamp: new Date().toISOString(),
    });
  }

  cancel(instanceId: string): void {
    const attempt = this.attempts.get(instanceId);
    if (!attempt) return;
    if (attempt.timer) clearTimeout(attempt.timer);
    this.attempts.delete(instanceId);
  }

  cancelAll(): void {
    for (const instanceId of [...this.attempts.keys()]) this.cancel(instanceId);
  }

  private schedule(instance: SimInstance, attempt: Attempt, delayMs: number, run: () => void): void {
    attempt.timer = setTimeout(() => {
      attempt.timer = undefined;
      // A timer of a replaced attempt must never act on the instance's new attempt.
      if (this.attempts.get(instance.id) !== attempt) return;
      run();
    }, delayMs);
  }

  private emitQr(instance: SimInstance, attempt: Attempt): void {
    const isFirst = attempt.qrsEmitted === 0;
    attempt.qrsEmitted += 1;
    this.emitter.emit(instance.organizationId, 'whatsapp:qr', {
      instanceId: instance.id,
      qr: generateQrString(),
      timestamp: new Date().toISOString(),
    });
    const lifetime = isFirst ? this.timing.qrFirstMs : this.timing.qrRefreshMs;
    if (attempt.qrsEmitted < this.timing.qrCount) {
      this.schedule(instance, attempt, lifetime, () => this.emitQr(instance, attempt));
    } else {
      this.schedule(instance, attempt, lifetime, () => {
        this.log(`instance ${instance.id}: QR attempt expired`);
        this.disconnect(instance, 'session_expired');
      });
    }
  }

  private emitPairingCode(instance: SimInstance): void {
    const now = Date.now();
    // Expiry emits nothing: the client shows the countdown and asks for a new code itself.
    this.emitter.emit(instance.organizationId, 'whatsapp:pairing-code', {
      instanceId: instance.id,
      pairingCode: generatePairingCode(),
      expiresAt: new Date(now + this.timing.pairingCodeTtlMs).toISOString(),
      timestamp: new Date(now).toISOString(),
    });
  }
}
