/**
 * Incoming WhatsApp traffic: single injected messages, bursts (many messages over many
 * chats, to load-test the client) and ambient chatter for the demo app. Each message is
 * stored first and emitted after, as the real backend does ("after message is saved").
 */
import { randomInt } from 'node:crypto';
import { pick } from './demo-content';
import type { OrganizationEmitter } from './emitter';
import type { InjectedMessage, SimulatorState } from './state';
import { createConversation } from './state-conversations';
import { storeIncomingMessages, type IncomingMessageInput } from './state-messages';

export interface InjectMessageInput extends IncomingMessageInput {
  /** Emit each stored message twice: WhatsApp does deliver the same message more than once. */
  duplicate?: boolean;
}

export interface BurstInput {
  organizationId?: string;
  messages: number;
  conversations: number;
  /** 0 / absent: as fast as possible. */
  intervalMs?: number;
}

interface RunningBurst {
  cancel(): void;
}

/** Messages emitted per event-loop turn in a fast burst: fast, yet sockets keep flushing. */
const BURST_BATCH = 200;

export interface MessageTrafficDependencies {
  state: SimulatorState;
  emitter: OrganizationEmitter;
  /** Organizations of the served accounts, the first one being the default. */
  organizationIds: string[];
  log: (line: string) => void;
}

export class MessageTraffic {
  private readonly bursts = new Set<RunningBurst>();
  private ambientTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: MessageTrafficDependencies) {}

  get burstsInFlight(): number {
    return this.bursts.size;
  }

  inject(input: InjectMessageInput = {}): InjectedMessage[] {
    const { duplicate, ...incoming } = input;
    const organizationId = incoming.organizationId ?? this.defaultOrganizationId();
    const stored = storeIncomingMessages(this.deps.state, { ...incoming, organizationId });
    for (const item of stored) {
      this.deps.emitter.emit(organizationId, 'whatsapp:message', item);
      if (duplicate) this.deps.emitter.emit(organizationId, 'whatsapp:message', item);
    }
    return stored;
  }

  /** Starts a burst and returns at once; `burstsInFlight` drops back when it has finished. */
  startBurst(input: BurstInput): { conversationIds: string[] } {
    const organizationId = input.organizationId ?? this.defaultOrganizationId();
    const conversationIds = this.conversationsForBurst(organizationId, input.conversations);
    const total = input.messages;
    let sent = 0;
    let stopTimer = (): void => {};
    const burst: RunningBurst = {
      cancel: () => {
        stopTimer();
        this.bursts.delete(burst);
      },
    };
    const sendOne = (): boolean => {
      const conversationId = conversationIds[sent % conversationIds.length];
      if (conversationId === undefined) return false;
      try {
        this.inject({ organizationId, conversationId });
      } catch (error) {
        this.deps.log(`burst stopped: ${String(error)}`);
        return false;
      }
      sent += 1;
      return sent < total;
    };
    const intervalMs = input.intervalMs ?? 0;
    if (intervalMs > 0) {
      const interval = setInterval(() => {
        if (!sendOne()) burst.cancel();
      }, intervalMs);
      stopTimer = () => clearInterval(interval);
    } else {
      const pump = (): void => {
        for (let i = 0; i < BURST_BATCH; i += 1) {
          if (!sendOne()) {
            burst.cancel();
            return;
          }
        }
        schedulePump();
      };
      const schedulePump = (): void => {
        const immediate = setImmediate(pump);
        stopTimer = () => clearImmediate(immediate);
      };
      schedulePump();
    }
    this.bursts.add(burst);
    this.deps.log(`burst: ${total} messages over ${conversationIds.length} conversations of ${organizationId}`);
    return { conversationIds };
  }

  /** A random incoming message to a random chat every `everyMs`, so the demo inbox feels alive. */
  startAmbient(everyMs: number): void {
    this.stopAmbient();
    this.ambientTimer = setInterval(() => {
      const organizationId = pick(this.deps.organizationIds);
      const chats = this.deps.state.conversations.filter((c) => c.organizationId === organizationId);
      const conversationId = chats.length > 0 ? pick(chats).id : undefined;
      const contentType = randomInt(6) === 0 ? pick(['image', 'audio'] as const) : 'text';
      this.inject({
        organizationId,
        contentType,
        ...(conversationId !== undefined ? { conversationId } : {}),
      });
    }, everyMs);
  }

  stopAmbient(): void {
    if (this.ambientTimer !== undefined) clearInterval(this.ambientTimer);
    this.ambientTimer = undefined;
  }

  stop(): void {
    this.stopAmbient();
    for (const burst of [...this.bursts]) burst.cancel();
  }

  private defaultOrganizationId(): string {
    const first = this.deps.organizationIds[0];
    if (first === undefined) throw new Error('The simulator serves no organization');
    return first;
  }

  /** The organization's most recently active chats, topped up with new contacts if too few. */
  private conversationsForBurst(organizationId: string, wanted: number): string[] {
    const existing = this.deps.state.conversations
      .filter((c) => c.organizationId === organizationId)
      .sort((a, b) => Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt))
      .slice(0, wanted)
      .map((c) => c.id);
    while (existing.length < wanted) {
      existing.push(createConversation(this.deps.state, organizationId).id);
    }
    return existing;
  }
}
