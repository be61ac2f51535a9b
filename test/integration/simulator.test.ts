/**
 * The simulator against real clients: a real Socket.IO server on an ephemeral port,
 * `socket.io-client` sockets and global fetch. Timings are shrunk to milliseconds; waits
 * are event-driven with short timeouts, never fixed sleeps except to prove that
 * something does NOT happen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  whatsappConnectedEvent,
  whatsappDisconnectedEvent,
  whatsappMessageEvent,
  whatsappPairingCodeEvent,
  whatsappQrEvent,
} from '../../src/shared/events';
import {
  connectResponse,
  conversationListDto,
  instanceListDto,
  messageDto,
  messageListDto,
  type ConversationDto,
  type InstanceDto,
} from '../../src/shared/rest';
import {
  PAIRING_CODE_ALPHABET,
  addInstance,
  createConversation,
  startSimulator,
  storeIncomingMessages,
  type JoinReply,
  type Simulator,
  type SimulatorAccount,
  type SimulatorOptions,
  type SimulatorTiming,
} from '../../src/simulator/simulator';

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const TOKEN_A = 'token-a';
const TOKEN_B = 'token-b';
const ACCOUNTS: SimulatorAccount[] = [
  { token: TOKEN_A, organizationId: ORG_A, organizationName: 'Loja A' },
  { token: TOKEN_B, organizationId: ORG_B, organizationName: 'Loja B' },
];
const FAST = {
  connectDelayMs: 5,
  qrFirstMs: 120,
  qrRefreshMs: 60,
  qrCount: 4,
  pairingCodeTtlMs: 500,
} satisfies Partial<SimulatorTiming>;

const QR_SHAPE =
  /^(?:https:\/\/wa\.me\/settings\/linked_devices#)?2@[A-Za-z0-9+/=]+,[A-Za-z0-9+/]{43}=,[A-Za-z0-9+/]{43}=,[A-Za-z0-9+/]{43}=(?:,\d+)?$/;
const MESSAGE_ID_SHAPE = /^(?:3EB0[0-9A-F]{18}|3A[0-9A-F]{18}|[0-9A-F]{32})$/;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// ---- fixtures ------------------------------------------------------------------

const simulators: Simulator[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({
    accounts: ACCOUNTS,
    timing: FAST,
    seedDemoData: false,
    ...options,
  });
  simulators.push(sim);
  return sim;
}

type ClientOptions = Partial<ManagerOptions & SocketOptions>;

function openSocket(sim: Simulator, token: string | undefined, options: ClientOptions = {}): Socket {
  const socket = io(sim.url, {
    ...(token !== undefined ? { auth: { token } } : {}),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  sockets.push(socket);
  return socket;
}

/** A connected socket that recorded every event from its first packet. */
async function connect(sim: Simulator, token: string, options: ClientOptions = {}): Promise<Recorder> {
  const socket = openSocket(sim, token, options);
  const recorder = new Recorder(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return recorder;
}

async function join(recorder: Recorder, organizationId: string): Promise<JoinReply> {
  return (await recorder.socket.timeout(2000).emitWithAck('join-organization', organizationId)) as JoinReply;
}

interface Received {
  event: string;
  payload: unknown;
}

/** Records every server → client event of a socket and lets a test await one. */
class Recorder {
  readonly events: Received[] = [];
  private waiters: { match: (e: Received) => boolean; resolve: (e: Received) => void }[] = [];

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, ...args: unknown[]) => {
      const received: Received = { event, payload: args[0] };
      this.events.push(received);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(received)) return true;
        w.resolve(received);
        return false;
      });
    });
  }

  of(event: string): unknown[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload);
  }

  /** The first recorded or future event that matches. */
  waitFor(event: string, match: (payload: unknown) => boolean = () => true, timeoutMs = 2000): Promise<unknown> {
    const matches = (e: Received): boolean => e.event === event && match(e.payload);
    const already = this.events.find(matches);
    if (already) return Promise.resolve(already.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}`));
      }, timeoutMs);
      const waiter = {
        match: matches,
        resolve: (e: Received) => {
          clearTimeout(timer);
          resolve(e.payload);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves with all payloads of `event` once at least `count` have arrived. */
  async waitForCount(event: string, count: number, timeoutMs = 2000): Promise<unknown[]> {
    try {
      await this.waitFor(event, () => this.of(event).length >= count, timeoutMs);
    } catch (error) {
      throw new Error(`${String(error)} (got ${String(this.of(event).length)} of ${String(count)})`, {
        cause: error,
      });
    }
    return this.of(event);
  }
}

interface ApiResult<T> {
  status: number;
  body: T;
}

async function api<T = unknown>(
  sim: Simulator,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string | null; body?: unknown; rawBody?: string } = {},
): Promise<ApiResult<T>> {
  const token = options.token === undefined ? TOKEN_A : options.token;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    },
    ...(hasBody ? { body: options.rawBody ?? JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

async function instancesOf(sim: Simulator, token = TOKEN_A): Promise<InstanceDto[]> {
  const { status, body } = await api(sim, 'GET', '/instances', { token });
  expect(status).toBe(200);
  return instanceListDto.parse(body);
}

function firstInstanceId(sim: Simulator, organizationId = ORG_A): string {
  const instance = sim.state.instances.find((i) => i.organizationId === organizationId);
  if (!instance) throw new Error(`no instance in ${organizationId}`);
  return instance.id;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Instances for a simulator started without demo data. */
async function startWithInstances(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await start(options);
  for (const account of ACCOUNTS) {
    addInstance(sim.state, account.organizationId, 'Atendimento');
    addInstance(sim.state, account.organizationId, 'Vendas', {
      status: 'connected',
      phoneNumber: '5511912345678',
    });
  }
  return sim;
}

// ---- auth ------------------------------------------------------------------------

describe('authentication', () => {
  it('refuses a socket with a wrong or missing token with connect_error "Invalid or expired token"', async () => {
    const sim = await start();
    for (const token of ['not-a-token', undefined]) {
      const socket = openSocket(sim, token);
      const error = await new Promise<Error & { data?: unknown }>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('connected with a bad token')));
      });
      expect(error.message).toBe('Invalid or expired token');
      expect(error.data).toEqual({ code: 'auth_failed' });
      expect(socket.connected).toBe(false);
    }
  });

  it('answers REST calls without a token or with a wrong one with 401 { error }', async () => {
    const sim = await start();
    for (const token of [null, 'wrong']) {
      const result = await api<{ error: string }>(sim, 'GET', '/instances', { token });
      expect(result.status).toBe(401);
      expect(typeof result.body.error).toBe('string');
    }
    const malformed = await fetch(`${sim.url}/conversations`, {
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(401);
    await malformed.body?.cancel();
  });
});

// ---- rooms -----------------------------------------------------------------------

describe('organization rooms', () => {
  it('delivers nothing before join-organization', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A);
    const [early] = sim.injectMessage({ organizationId: ORG_A, content: 'before join' });
    expect(await join(client, ORG_A)).toEqual({ ok: true, organizationId: ORG_A });
    const [late] = sim.injectMessage({ organizationId: ORG_A, content: 'after join' });
    await client.waitFor('whatsapp:message', (p) => whatsappMessageEvent.parse(p).message.id === late?.message.id);
    // Events on one socket arrive in order: had the early one been sent, it would be here.
    expect(client.events.map((e) => e.event)).toEqual(['whatsapp:message']);
    expect(early).toBeDefined();
  });

  it("never sends organization A's events to organization B", async () => {
    const sim = await start();
    const a = await connect(sim, TOKEN_A);
    const b = await connect(sim, TOKEN_B);
    await join(a, ORG_A);
    await join(b, ORG_B);
    const [forA] = sim.injectMessage({ organizationId: ORG_A, content: 'para A' });
    const [forB] = sim.injectMessage({ organizationId: ORG_B, content: 'para B' });
    await a.waitFor('whatsapp:message', (p) => whatsappMessageEvent.parse(p).message.id === forA?.message.id);
    await b.waitFor('whatsapp:message', (p) => whatsappMessageEvent.parse(p).message.id === forB?.message.id);
    expect(a.events).toHaveLength(1);
    expect(b.events).toHaveLength(1);
  });

  it("refuses to join another organization's room, and joining twice is harmless", async () => {
    const sim = await start();
    const a = await connect(sim, TOKEN_A);
    expect(await join(a, ORG_B)).toMatchObject({ ok: false });
    expect(await join(a, ORG_A)).toMatchObject({ ok: true });
    expect(await join(a, ORG_A)).toMatchObject({ ok: true });
    sim.injectMessage({ organizationId: ORG_B, content: 'segredo de B' });
    const [own] = sim.injectMessage({ organizationId: ORG_A, content: 'de A' });
    await a.waitFor('whatsapp:message', (p) => whatsappMessageEvent.parse(p).message.id === own?.message.id);
    expect(a.events).toHaveLength(1);

    const state = await api<{
      organizations: { id: string; sockets: { connected: number; joined: number } }[];
    }>(sim, 'GET', '/sim/state');
    expect(state.body.organizations.find((o) => o.id === ORG_A)?.sockets).toEqual({
      connected: 1,
      joined: 1,
    });
    expect(state.body.organizations.find((o) => o.id === ORG_B)?.sockets).toEqual({
      connected: 0,
      joined: 0,
    });
  });

  it('delivers events over the polling transport too', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A, { transports: ['polling'] });
    expect(client.socket.io.engine.transport.name).toBe('polling');
    await join(client, ORG_A);
    const [sent] = sim.injectMessage({ organizationId: ORG_A, content: 'via polling' });
    const payload = whatsappMessageEvent.parse(await client.waitFor('whatsapp:message'));
    expect(payload.message.id).toBe(sent?.message.id);
    expect(payload.message.content).toBe('via polling');
  });
});

// ---- linking: QR and pairing code ----------------------------------------------------

describe('QR linking', () => {
  it('emits qrCount different Baileys-like QRs on schedule, then session_expired', async () => {
    const sim = await startWithInstances();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const instanceId = firstInstanceId(sim);

    const started = Date.now();
    const response = await api(sim, 'POST', `/instances/${instanceId}/connect`, {
      body: { method: 'qr' },
    });
    expect(response.status).toBe(202);
    expect(connectResponse.parse(response.body)).toEqual({ instanceId, method: 'qr' });
    expect((await instancesOf(sim)).find((i) => i.id === instanceId)?.status).toBe('connecting');

    const disconnected = whatsappDisconnectedEvent.parse(
      await client.waitFor('whatsapp:disconnected', undefined, 3000),
    );
    expect(disconnected).toMatchObject({ instanceId, reason: 'session_expired' });

    const qrEvents = client.events.filter((e) => e.event === 'whatsapp:qr');
    expect(qrEvents).toHaveLength(FAST.qrCount);
    const qrs = qrEvents.map((e) => whatsappQrEvent.parse(e.payload));
    for (const qr of qrs) {
      expect(qr.instanceId).toBe(instanceId);
      expect(qr.qr).toMatch(QR_SHAPE);
      expect(qr.qr.length).toBeGreaterThanOrEqual(237);
      expect(qr.qr.length).toBeLessThanOrEqual(277);
    }
    expect(new Set(qrs.map((q) => q.qr)).size).toBe(FAST.qrCount);

    // First QR lives qrFirstMs, the others qrRefreshMs. Measured on the server's emission log:
    // receipt times on a loaded machine jitter, emission times only ever run late.
    const times = sim.emitted
      .filter((e) => e.event === 'whatsapp:qr' || e.event === 'whatsapp:disconnected')
      .map((e) => Date.parse(e.at));
    expect(times).toHaveLength(FAST.qrCount + 1);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(FAST.qrFirstMs - 2);
    for (let i = 2; i < times.length; i += 1) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(FAST.qrRefreshMs - 2);
    }
    const expectedTotal = FAST.connectDelayMs + FAST.qrFirstMs + (FAST.qrCount - 1) * FAST.qrRefreshMs;
    expect(Date.now() - started).toBeGreaterThanOrEqual(expectedTotal - 5);
    expect((await instancesOf(sim)).find((i) => i.id === instanceId)?.status).toBe('disconnected');
  });

  it('a scan mid-way emits connected and stops the QRs', async () => {
    const sim = await startWithInstances();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const instanceId = firstInstanceId(sim);

    await api(sim, 'POST', `/instances/${instanceId}/connect`, { body: { method: 'qr' } });
    await client.waitForCount('whatsapp:qr', 2);
    const scan = await api(sim, 'POST', `/sim/instances/${instanceId}/scan`, {
      token: null,
      body: { phoneNumber: '5521998765432' },
    });
    expect(scan.status).toBe(200);

    const connected = whatsappConnectedEvent.parse(await client.waitFor('whatsapp:connected'));
    expect(connected).toMatchObject({
      instanceId,
      organizationId: ORG_A,
      phoneNumber: '5521998765432',
    });
    const qrCountAtScan = client.of('whatsapp:qr').length;
    await sleep(FAST.qrRefreshMs * 2 + 30);
    expect(client.of('whatsapp:qr')).toHaveLength(qrCountAtScan);
    expect(client.of('whatsapp:disconnected')).toHaveLength(0);
    expect((await instancesOf(sim)).find((i) => i.id === instanceId)).toMatchObject({
      status: 'connected',
      phoneNumber: '5521998765432',
    });

    const again = await api<{ error: string }>(sim, 'POST', `/sim/instances/${instanceId}/scan`, {
      token: null,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual(expect.any(String));
  });

  it('a new connect cancels the running attempt', async () => {
    const sim = await startWithInstances();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const instanceId = firstInstanceId(sim);
    await api(sim, 'POST', `/instances/${instanceId}/connect`, { body: { method: 'qr' } });
    await client.waitForCount('whatsapp:qr', 1);
    const qrsSent = (): number => sim.emitted.filter((e) => e.event === 'whatsapp:qr').length;
    await api(sim, 'POST', `/instances/${instanceId}/connect`, {
      body: { method: 'code', phoneNumber: '5511987654321' },
    });
    const qrsBeforeReplacement = qrsSent();
    await client.waitFor('whatsapp:pairing-code');
    await sleep(FAST.qrFirstMs + 30);
    expect(qrsSent()).toBe(qrsBeforeReplacement);
    expect(sim.emitted.map((e) => e.event)).not.toContain('whatsapp:disconnected');
  });
});

describe('pairing code linking', () => {
  it('emits an 8-character code of the WhatsApp alphabet expiring after the TTL, and links that phone', async () => {
    const sim = await startWithInstances();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const instanceId = firstInstanceId(sim);

    const response = await api(sim, 'POST', `/instances/${instanceId}/connect`, {
      body: { method: 'code', phoneNumber: '5511987654321' },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ instanceId, method: 'code' });

    const event = whatsappPairingCodeEvent.parse(await client.waitFor('whatsapp:pairing-code'));
    expect(event.instanceId).toBe(instanceId);
    expect(event.pairingCode).toHaveLength(8);
    for (const char of event.pairingCode) expect(PAIRING_CODE_ALPHABET).toContain(char);
    expect(event.pairingCode).toMatch(/^[1-9A-HJ-NP-TV-Z]{8}$/);
    const ttl = Date.parse(event.expiresAt) - Date.parse(event.timestamp);
    expect(Math.abs(ttl - FAST.pairingCodeTtlMs)).toBeLessThanOrEqual(5);

    // The code was requested for 5511987654321: that is the phone that gets linked.
    await api(sim, 'POST', `/sim/instances/${instanceId}/scan`, {
      token: null,
      body: { phoneNumber: '5599999999999' },
    });
    const connected = whatsappConnectedEvent.parse(await client.waitFor('whatsapp:connected'));
    expect(connected.phoneNumber).toBe('5511987654321');
  });
});

describe('disconnections', () => {
  it('manual disconnect and scripted drops (with and without a reason)', async () => {
    const sim = await startWithInstances();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const instanceId = firstInstanceId(sim);

    expect((await api(sim, 'POST', `/instances/${instanceId}/disconnect`)).status).toBe(202);
    const manual = whatsappDisconnectedEvent.parse(await client.waitFor('whatsapp:disconnected'));
    expect(manual.reason).toBe('manual');

    await api(sim, 'POST', `/sim/instances/${instanceId}/drop`, {
      token: null,
      body: { reason: 'logged_out' },
    });
    await api(sim, 'POST', `/sim/instances/${instanceId}/drop`, {
      token: null,
      body: { reason: null },
    });
    const [, loggedOut, noReason] = await client.waitForCount('whatsapp:disconnected', 3);
    expect(loggedOut).toMatchObject({ instanceId, reason: 'logged_out' });
    expect(noReason).not.toHaveProperty('reason');
    expect(whatsappDisconnectedEvent.safeParse(noReason).success).toBe(true);
  });
});

// ---- REST --------------------------------------------------------------------------

describe('REST', () => {
  it('lists the organization instances only', async () => {
    const sim = await start({ seedDemoData: true });
    const a = await instancesOf(sim, TOKEN_A);
    const b = await instancesOf(sim, TOKEN_B);
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(2);
    for (const instance of a) expect(instance.id).toMatch(UUID_SHAPE);
    expect(a.map((i) => i.id)).not.toContain(b[0]?.id);
    expect(a.some((i) => i.status === 'connected' && i.phoneNumber !== undefined)).toBe(true);
  });

  it('validates connect requests', async () => {
    const sim = await startWithInstances();
    const id = firstInstanceId(sim);
    const foreignId = firstInstanceId(sim, ORG_B);
    const cases: [unknown, number][] = [
      [{ method: 'fax' }, 400],
      [{ method: 'code' }, 400],
      [{ method: 'code', phoneNumber: '+55 11 98765-4321' }, 400],
      [{ method: 'code', phoneNumber: '123' }, 400],
      [undefined, 400],
    ];
    for (const [body, status] of cases) {
      const result = await api<{ error: string }>(sim, 'POST', `/instances/${id}/connect`, {
        body,
      });
      expect(result.status, JSON.stringify(body)).toBe(status);
      expect(result.body.error).toEqual(expect.any(String));
    }
    const notJson = await api(sim, 'POST', `/instances/${id}/connect`, { rawBody: '{method:' });
    expect(notJson.status).toBe(400);
    expect((await api(sim, 'POST', `/instances/nope/connect`, { body: { method: 'qr' } })).status).toBe(404);
    expect((await api(sim, 'POST', `/instances/${foreignId}/connect`, { body: { method: 'qr' } })).status).toBe(404);
    expect((await api(sim, 'POST', `/instances/${foreignId}/disconnect`)).status).toBe(404);
    expect((await instancesOf(sim)).every((i) => i.status !== 'connecting')).toBe(true);
  });

  it('filters conversations by updatedSince (inclusive)', async () => {
    const sim = await start({ seedDemoData: true });
    const all = conversationListDto.parse((await api(sim, 'GET', '/conversations')).body);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const c of all) {
      expect(c.id).toMatch(UUID_SHAPE);
      expect(c.contactId).toMatch(UUID_SHAPE);
    }
    const pivot = all[2] as ConversationDto;
    const since = await api(sim, 'GET', `/conversations?updatedSince=${encodeURIComponent(pivot.lastMessageAt)}`);
    expect(since.status).toBe(200);
    const recent = conversationListDto.parse(since.body);
    const expected = all.filter((c) => Date.parse(c.lastMessageAt) >= Date.parse(pivot.lastMessageAt));
    expect(recent.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(recent.map((c) => c.id)).toContain(pivot.id);

    const future = await api(
      sim,
      'GET',
      `/conversations?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body).toEqual([]);
    expect((await api(sim, 'GET', '/conversations?updatedSince=yesterday')).status).toBe(400);
    // Other organizations' conversations are invisible.
    const bIds = conversationListDto.parse((await api(sim, 'GET', '/conversations', { token: TOKEN_B })).body);
    expect(all.map((c) => c.id)).not.toContain(bIds[0]?.id);
  });

  it('pages messages with before/limit, newest last', async () => {
    const sim = await start();
    const t0 = Date.parse('2025-03-01T12:00:00.000Z');
    const at = (i: number): string => new Date(t0 + i * 1000).toISOString();
    const [first] = sim.injectMessage({
      organizationId: ORG_A,
      contactName: 'Paginação',
      timestamp: at(0),
    });
    const conversationId = first?.conversationId ?? '';
    // Inserted out of order on purpose: the backend orders by timestamp, not arrival.
    for (const i of [5, 1, 9, 2, 8, 3, 7, 4, 6]) {
      sim.injectMessage({
        organizationId: ORG_A,
        conversationId,
        content: `m${i}`,
        timestamp: at(i),
      });
    }
    const path = `/conversations/${conversationId}/messages`;
    const timestampsOf = (body: unknown): string[] => messageListDto.parse(body).map((m) => m.timestamp);

    expect(timestampsOf((await api(sim, 'GET', `${path}?limit=3`)).body)).toEqual([at(7), at(8), at(9)]);
    expect(timestampsOf((await api(sim, 'GET', `${path}?before=${encodeURIComponent(at(7))}&limit=3`)).body)).toEqual([
      at(4),
      at(5),
      at(6),
    ]);
    expect((await api(sim, 'GET', `${path}?before=${encodeURIComponent(at(0))}`)).body).toEqual([]);
    const everything = timestampsOf((await api(sim, 'GET', `${path}?limit=1000`)).body);
    expect(everything).toEqual([...Array(10).keys()].map(at));
    expect(timestampsOf((await api(sim, 'GET', path)).body)).toHaveLength(10);

    expect((await api(sim, 'GET', `${path}?limit=0`)).status).toBe(400);
    expect((await api(sim, 'GET', `${path}?limit=ten`)).status).toBe(400);
    expect((await api(sim, 'GET', `${path}?before=soon`)).status).toBe(400);
    expect((await api(sim, 'GET', '/conversations/nope/messages')).status).toBe(404);
    expect((await api(sim, 'GET', path, { token: TOKEN_B })).status).toBe(404);
  });

  it('stores a sent message and answers 201 with it', async () => {
    const sim = await start();
    const conversation = createConversation(sim.state, ORG_A, { name: 'Cliente' });
    const path = `/conversations/${conversation.id}/messages`;
    const sent = await api(sim, 'POST', path, { body: { content: 'Olá! Como posso ajudar?' } });
    expect(sent.status).toBe(201);
    const message = messageDto.parse(sent.body);
    expect(message).toMatchObject({
      content: 'Olá! Como posso ajudar?',
      direction: 'outgoing',
      contentType: 'text',
    });
    expect(message.id).toMatch(MESSAGE_ID_SHAPE);
    const listed = messageListDto.parse((await api(sim, 'GET', path)).body);
    expect(listed.at(-1)).toEqual(message);

    expect((await api(sim, 'POST', path, { body: { content: '' } })).status).toBe(400);
    expect((await api(sim, 'POST', path, { body: { text: 'hi' } })).status).toBe(400);
    expect((await api(sim, 'POST', path, { token: TOKEN_B, body: { content: 'x' } })).status).toBe(404);
  });

  it('a repeated clientMessageId is stored once: 201 the first time, then 200 with the first message', async () => {
    const sim = await start();
    const conversation = createConversation(sim.state, ORG_A, { name: 'Cliente' });
    const other = createConversation(sim.state, ORG_A, { name: 'Outra' });
    const path = `/conversations/${conversation.id}/messages`;
    const first = await api(sim, 'POST', path, { body: { content: 'Chega amanhã', clientMessageId: 'c-1' } });
    expect(first.status).toBe(201);
    const again = await api(sim, 'POST', path, { body: { content: 'Chega amanhã', clientMessageId: 'c-1' } });
    expect(again.status).toBe(200);
    expect(messageDto.parse(again.body)).toEqual(messageDto.parse(first.body));
    // Another id, no id, or the same id in another conversation: new messages.
    expect((await api(sim, 'POST', path, { body: { content: 'Chega amanhã', clientMessageId: 'c-2' } })).status).toBe(
      201,
    );
    expect((await api(sim, 'POST', path, { body: { content: 'Chega amanhã' } })).status).toBe(201);
    const elsewhere = `/conversations/${other.id}/messages`;
    expect((await api(sim, 'POST', elsewhere, { body: { content: 'x', clientMessageId: 'c-1' } })).status).toBe(201);
    const listed = messageListDto.parse((await api(sim, 'GET', path)).body);
    expect(listed.map((m) => m.content)).toEqual(['Chega amanhã', 'Chega amanhã', 'Chega amanhã']);
    expect((await api(sim, 'POST', path, { body: { content: 'x', clientMessageId: '' } })).status).toBe(400);
  });

  it('/sim/fail with afterHandling stores the reply and loses its answer; the resend is not stored twice', async () => {
    const sim = await start();
    const conversation = createConversation(sim.state, ORG_A);
    const path = `/conversations/${conversation.id}/messages`;
    await api(sim, 'POST', '/sim/fail', {
      token: null,
      body: { method: 'POST', path, status: 504, afterHandling: true },
    });
    const lost = await api(sim, 'POST', path, { body: { content: 'oi', clientMessageId: 'c-9' } });
    expect(lost.status).toBe(504);
    expect(messageListDto.parse((await api(sim, 'GET', path)).body)).toHaveLength(1);
    const resent = await api(sim, 'POST', path, { body: { content: 'oi', clientMessageId: 'c-9' } });
    expect(resent.status).toBe(200);
    const listed = messageListDto.parse((await api(sim, 'GET', path)).body);
    expect(listed).toEqual([messageDto.parse(resent.body)]);
  });

  it('/sim/fail makes the next matching calls fail with the given status', async () => {
    const sim = await start();
    const rule = await api(sim, 'POST', '/sim/fail', {
      token: null,
      body: { method: 'GET', path: '/instances', status: 503, error: 'maintenance', times: 2 },
    });
    expect(rule.status).toBe(202);
    expect(await api(sim, 'GET', '/instances')).toEqual({
      status: 503,
      body: { error: 'maintenance' },
    });
    // Other paths and methods are untouched.
    expect((await api(sim, 'GET', '/conversations')).status).toBe(200);
    expect((await api(sim, 'GET', '/instances')).status).toBe(503);
    expect((await api(sim, 'GET', '/instances')).status).toBe(200);

    const conversation = createConversation(sim.state, ORG_A);
    const path = `/conversations/${conversation.id}/messages`;
    await api(sim, 'POST', '/sim/fail', {
      token: null,
      body: { method: 'POST', path, status: 500 },
    });
    const failed = await api<{ error: string }>(sim, 'POST', path, { body: { content: 'oi' } });
    expect(failed.status).toBe(500);
    expect(failed.body.error).toEqual(expect.any(String));
    expect((await api(sim, 'POST', path, { body: { content: 'oi' } })).status).toBe(201);
    expect(
      (
        await api(sim, 'POST', '/sim/fail', {
          token: null,
          body: { method: 'GET', path: '/x', status: 200 },
        })
      ).status,
    ).toBe(400);
  });
});

// ---- message traffic -----------------------------------------------------------------

describe('incoming messages', () => {
  it('delivers the same message twice with duplicate: true, storing it once', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const injected = await api<{ messages: { conversationId: string; message: { id: string } }[] }>(
      sim,
      'POST',
      '/sim/messages',
      {
        token: null,
        body: { contactName: 'Duplicada', content: 'chegou duas vezes', duplicate: true },
      },
    );
    expect(injected.status).toBe(201);
    expect(injected.body.messages).toHaveLength(1);
    const { conversationId, message } = injected.body.messages[0] ?? {
      conversationId: '',
      message: { id: '' },
    };
    expect(message.id).toMatch(MESSAGE_ID_SHAPE);

    const [first, second] = await client.waitForCount('whatsapp:message', 2);
    expect(first).toEqual(second);
    expect(whatsappMessageEvent.parse(first).message.id).toBe(message.id);

    const stored = messageListDto.parse((await api(sim, 'GET', `/conversations/${conversationId}/messages`)).body);
    expect(stored.filter((m) => m.id === message.id)).toHaveLength(1);
    const conversations = conversationListDto.parse((await api(sim, 'GET', '/conversations')).body);
    expect(conversations.find((c) => c.id === conversationId)?.unreadCount).toBe(1);
  });

  it('injects media and unknown content types, and rejects unknown fields', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    await api(sim, 'POST', '/sim/messages', { token: null, body: { contentType: 'image' } });
    await api(sim, 'POST', '/sim/messages', {
      token: null,
      body: { contentType: 'sticker', content: '' },
    });
    const [image, sticker] = await client.waitForCount('whatsapp:message', 2);
    const parsedImage = whatsappMessageEvent.parse(image);
    expect(parsedImage.message.contentType).toBe('image');
    expect(parsedImage.message.mediaUrl).toMatch(/^https:\/\//);
    expect(whatsappMessageEvent.parse(sticker).message.contentType).toBe('other');
    expect((await api(sim, 'POST', '/sim/messages', { token: null, body: { contnet: 'typo' } })).status).toBe(400);
    expect((await api(sim, 'POST', '/sim/messages', { token: null, body: { conversationId: 'nope' } })).status).toBe(
      404,
    );
  });

  it('spreads a burst over the conversations and reports when it has finished', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const burst = await api<{ conversationIds: string[] }>(sim, 'POST', '/sim/burst', {
      token: null,
      body: { messages: 450, conversations: 7 },
    });
    expect(burst.status).toBe(202);
    expect(burst.body.conversationIds).toHaveLength(7);

    const received = await client.waitForCount('whatsapp:message', 450, 5000);
    const perConversation = new Map<string, number>();
    for (const payload of received) {
      const { conversationId } = whatsappMessageEvent.parse(payload);
      perConversation.set(conversationId, (perConversation.get(conversationId) ?? 0) + 1);
    }
    expect([...perConversation.keys()].sort()).toEqual([...burst.body.conversationIds].sort());
    for (const count of perConversation.values()) expect([64, 65]).toContain(count);

    const state = await api<{
      burstsInFlight: number;
      organizations: { id: string; messageCount: number }[];
    }>(sim, 'GET', '/sim/state');
    expect(state.body.burstsInFlight).toBe(0);
    expect(state.body.organizations.find((o) => o.id === ORG_A)?.messageCount).toBe(450);
  });

  it('paces a burst with intervalMs', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    await api(sim, 'POST', '/sim/burst', {
      token: null,
      body: { messages: 4, conversations: 2, intervalMs: 20 },
    });
    const inFlight = await api<{ burstsInFlight: number }>(sim, 'GET', '/sim/state');
    expect(inFlight.body.burstsInFlight).toBe(1);
    await client.waitForCount('whatsapp:message', 4);
    const times = sim.emitted.map((e) => Date.parse(e.at));
    // Paced, not sent at once (timers on a loaded machine are not exact: no tighter bound).
    expect((times[3] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(20);
    expect((await api<{ burstsInFlight: number }>(sim, 'GET', '/sim/state')).body.burstsInFlight).toBe(0);
  });

  it('/sim/emit sends any payload, and /sim/events records what was emitted', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A);
    await join(client, ORG_A);
    const malformed = { conversationId: 42, message: 'not an object' };
    expect(
      (
        await api(sim, 'POST', '/sim/emit', {
          token: null,
          body: { event: 'whatsapp:message', payload: malformed },
        })
      ).status,
    ).toBe(202);
    expect(await client.waitFor('whatsapp:message')).toEqual(malformed);
    expect((await api(sim, 'POST', '/sim/emit', { token: null, body: { event: 'connect', payload: 1 } })).status).toBe(
      400,
    );

    const events = await api<{ organizationId: string; event: string; payload: unknown }[]>(
      sim,
      'GET',
      `/sim/events?organizationId=${ORG_A}&event=whatsapp:message`,
    );
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({
      organizationId: ORG_A,
      event: 'whatsapp:message',
      payload: malformed,
    });
    expect(sim.emitted).toHaveLength(1);
  });
});

// ---- resilience ---------------------------------------------------------------------

describe('resilience', () => {
  it('recovers a dropped connection with its room and the events it missed', async () => {
    const sim = await start();
    const client = await connect(sim, TOKEN_A, {
      reconnection: true,
      reconnectionDelay: 20,
      reconnectionDelayMax: 20,
      randomizationFactor: 0,
    });
    await join(client, ORG_A);
    // A first event gives the client an offset to recover from.
    sim.injectMessage({ organizationId: ORG_A, content: 'antes' });
    await client.waitForCount('whatsapp:message', 1);

    const missedDuringBlip = new Promise<string>((resolve) => {
      client.socket.once('disconnect', (reason) => {
        const [missed] = sim.injectMessage({ organizationId: ORG_A, content: 'durante a queda' });
        resolve(`${reason}:${missed?.message.id ?? ''}`);
      });
    });
    // The socket's own 'connect' (not the manager's 'reconnect') comes after the server
    // answered the handshake, which is when `recovered` is known.
    const reconnected = new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
    expect((await api(sim, 'POST', '/sim/sockets/drop', { token: null })).status).toBe(202);
    const [reason, missedId] = (await missedDuringBlip).split(':');
    expect(reason).toBe('transport close');
    await reconnected;
    expect(client.socket.recovered).toBe(true);
    await client.waitFor('whatsapp:message', (p) => whatsappMessageEvent.parse(p).message.id === missedId);

    // The room came back without a new join-organization.
    const [after] = sim.injectMessage({ organizationId: ORG_A, content: 'depois' });
    await client.waitFor('whatsapp:message', (p) => whatsappMessageEvent.parse(p).message.id === after?.message.id);
  });

  it('keeps its state across a restart on the same port, with messages added while stopped', async () => {
    const first = await start({ seedDemoData: true });
    const { port, state } = first;
    const client = await connect(first, TOKEN_A, {
      reconnection: true,
      reconnectionDelay: 20,
      reconnectionDelayMax: 40,
      randomizationFactor: 0,
    });
    const conversationsBefore = conversationListDto.parse((await api(first, 'GET', '/conversations')).body);
    const target = conversationsBefore[1] as ConversationDto;
    const instanceIds = (await instancesOf(first)).map((i) => i.id);

    const disconnected = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    await first.close();
    simulators.splice(simulators.indexOf(first), 1);
    expect(await disconnected).toBe('transport close');

    const whileStopped = new Date().toISOString();
    const [stored] = storeIncomingMessages(state, {
      organizationId: ORG_A,
      conversationId: target.id,
      content: 'mandei enquanto vocês estavam fora do ar',
    });

    const reconnected = new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
    const second = await start({ port, state });
    expect(second.port).toBe(port);
    await reconnected;

    expect((await instancesOf(second)).map((i) => i.id)).toEqual(instanceIds);
    const changed = conversationListDto.parse(
      (await api(second, 'GET', `/conversations?updatedSince=${encodeURIComponent(whileStopped)}`)).body,
    );
    expect(changed.map((c) => c.id)).toEqual([target.id]);
    expect(changed[0]?.unreadCount).toBe((target.unreadCount ?? 0) + 1);
    const messages = messageListDto.parse((await api(second, 'GET', `/conversations/${target.id}/messages`)).body);
    expect(messages.at(-1)?.id).toBe(stored?.message.id);

    // The restarted server serves the reconnected socket as usual.
    await join(client, ORG_A);
    const [live] = second.injectMessage({
      organizationId: ORG_A,
      conversationId: target.id,
      content: 'voltou',
    });
    await client.waitFor('whatsapp:message', (p) => whatsappMessageEvent.parse(p).message.id === live?.message.id);
  });

  it('closes promptly and frees the port even with clients attached', async () => {
    const sim = await start();
    await connect(sim, TOKEN_A);
    await connect(sim, TOKEN_B, { transports: ['polling'] });
    await api(sim, 'GET', '/instances');
    const began = Date.now();
    await sim.close();
    simulators.splice(simulators.indexOf(sim), 1);
    expect(Date.now() - began).toBeLessThan(1000);
    const again = await start({ port: sim.port });
    expect(again.port).toBe(sim.port);
  });
});
