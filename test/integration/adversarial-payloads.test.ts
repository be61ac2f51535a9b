/**
 * A backend that sends garbage — or well-formed events built to hurt (1 MB ids, foreign
 * organizations, huge texts) — must not crash the app, must not flood its log, and
 * must not stop the good events from getting through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseServerEvent, SERVER_EVENT_NAMES, type ServerEventName } from '../../src/shared/events';
import { startSimulator, type Simulator } from '../../src/simulator/simulator';
import { call, startCore, waitFor, waitForJoined, type CoreUnderTest } from './support';

const A = { token: 'token-a', organizationId: 'org-a' };

let sim: Simulator | null = null;
let c: CoreUnderTest | null = null;

afterEach(async () => {
  c?.core.stop();
  await sim?.close();
  sim = null;
  c = null;
});

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const now = '2026-11-26T10:00:00.000Z';
type Payload = Record<string, unknown>;

/** A valid payload of each event, and the paths of its fields (dots go into `message`). */
const templates: Record<ServerEventName, { payload: () => Payload; required: string[]; optional: string[] }> = {
  'whatsapp:qr': {
    payload: () => ({ instanceId: 'inst-x', qr: '2@abc,def,ghi,jkl', timestamp: now }),
    required: ['instanceId', 'qr', 'timestamp'],
    optional: [],
  },
  'whatsapp:pairing-code': {
    payload: () => ({ instanceId: 'inst-x', pairingCode: 'ABCD1234', expiresAt: now, timestamp: now }),
    required: ['instanceId', 'pairingCode', 'expiresAt', 'timestamp'],
    optional: [],
  },
  'whatsapp:connected': {
    payload: () => ({
      instanceId: 'inst-x',
      organizationId: A.organizationId,
      phoneNumber: '5511987654321',
      timestamp: now,
    }),
    required: ['instanceId', 'organizationId', 'phoneNumber', 'timestamp'],
    optional: [],
  },
  'whatsapp:disconnected': {
    payload: () => ({ instanceId: 'inst-x', reason: 'logged_out', timestamp: now }),
    required: ['instanceId', 'timestamp'],
    optional: ['reason'],
  },
  'whatsapp:message': {
    payload: () => ({
      conversationId: 'conv-x',
      contactId: 'contact-x',
      message: { id: 'msg-x', content: 'Oi', contentType: 'text', direction: 'incoming', timestamp: now },
    }),
    required: [
      'conversationId',
      'contactId',
      'message',
      'message.id',
      'message.content',
      'message.contentType',
      'message.direction',
      'message.timestamp',
    ],
    optional: ['message.mediaUrl'],
  },
};

const TIMESTAMP_FIELDS = new Set(['timestamp', 'expiresAt', 'message.timestamp']);
const NON_EMPTY = new Set([
  'instanceId',
  'qr',
  'pairingCode',
  'organizationId',
  'phoneNumber',
  'conversationId',
  'contactId',
  'message.id',
  'message.contentType',
]);
const WRONG_TYPES: unknown[] = [
  42,
  -1,
  0,
  true,
  false,
  null,
  [],
  ['a'],
  {},
  { toString: 'x' },
  Number.POSITIVE_INFINITY,
  Number.NaN,
];
const BAD_TIMES = [
  'yesterday',
  '2026-13-45T99:99:99Z',
  '1700000000',
  'T',
  '2026-11-26 10:00',
  '<script>alert(1)</script>',
];

function setPath(payload: Payload, path: string, value: unknown, remove = false) {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) {
    if (remove) delete payload[head];
    else payload[head] = value;
    return;
  }
  const inner = { ...(payload[head] as Payload) };
  if (remove) delete inner[tail];
  else inner[tail] = value;
  payload[head] = inner;
}

/** A payload of `event` that its schema must refuse, broken in one of many ways. */
function malformed(event: ServerEventName, rand: () => number): { payload: unknown; bare: boolean } {
  const template = templates[event];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const payload = template.payload();
  // Junk alongside the breakage: unknown fields are tolerated, so they must not mask it.
  if (rand() < 0.3) payload[`extra${Math.floor(rand() * 1e6)}`] = pick(['x'.repeat(1_000), { deep: [[[[1]]]] }, 7]);
  const kind = Math.floor(rand() * 6);
  const field = pick(template.required);
  switch (kind) {
    case 0:
      return rand() < 0.15
        ? { payload: undefined, bare: true }
        : { payload: pick<unknown>([null, 0, 'whatsapp', true, [], [payload], 'x'.repeat(2_000)]), bare: false };
    case 1:
      setPath(payload, field, undefined, true);
      break;
    case 2:
      setPath(payload, field, field === 'message' ? pick<unknown>(['text', 3, null, []]) : pick(WRONG_TYPES));
      break;
    case 3: {
      const emptiable = template.required.filter((f) => NON_EMPTY.has(f));
      setPath(payload, emptiable.length > 0 ? pick(emptiable) : field, emptiable.length > 0 ? '' : null);
      break;
    }
    case 4: {
      const times = template.required.filter((f) => TIMESTAMP_FIELDS.has(f));
      setPath(payload, pick(times), pick(BAD_TIMES));
      break;
    }
    default:
      if (event === 'whatsapp:message') setPath(payload, 'message.direction', pick(['outgoing', 'INCOMING', '', 1]));
      else if (template.optional.length > 0) setPath(payload, pick(template.optional), pick([42, true, {}, []]));
      else setPath(payload, field, pick(WRONG_TYPES));
  }
  return { payload, bare: false };
}

const lineBytes = (lines: string[]) => lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);

describe('adversarial payloads', () => {
  it('10,000 malformed and 80 hostile well-formed events: no crash, each bad one counted, the log bounded, good events through', async () => {
    sim = await startSimulator({ accounts: [A], seedDemoData: false });
    c = startCore({ serverUrl: sim.url, ...A });
    const core = c;
    await core.waitForStatus('online');
    await waitForJoined(sim.url, A.organizationId);
    await call(core.core, 'ui:view-changed', { focused: false, visible: true, conversationId: null });
    const logBefore = lineBytes(core.logger.lines);
    const rand = random(9);
    const megabyte = 'M'.repeat(1_000_000);

    let malformedSent = 0;
    let goodMessages = 0;
    const hostileValid: Array<[ServerEventName, unknown]> = [];
    for (let i = 0; i < 20; i += 1) {
      hostileValid.push(
        [
          'whatsapp:connected',
          { instanceId: `i${i}`, organizationId: `${i}${megabyte}`, phoneNumber: megabyte, timestamp: now },
        ],
        ['whatsapp:disconnected', { instanceId: `${i}${megabyte}`, reason: megabyte, timestamp: now }],
        ['whatsapp:qr', { instanceId: `${i}${megabyte}`, qr: megabyte, timestamp: now }],
        [
          'whatsapp:message',
          {
            conversationId: `hostile-${i}`,
            contactId: `k${i}`,
            message: {
              id: `h${i}`,
              content: 'x'.repeat(100_000),
              contentType: `sticker${megabyte.slice(0, 50_000)}`,
              direction: 'incoming',
              timestamp: now,
            },
          },
        ],
      );
    }
    const generated = Array.from({ length: 10_000 }, (_, i) => {
      const event = SERVER_EVENT_NAMES[i % SERVER_EVENT_NAMES.length] as ServerEventName;
      return { event, ...malformed(event, rand) };
    });
    // The generator's own check: every one of these must be refused by the contract.
    expect(generated.filter(({ event, payload }) => parseServerEvent(event, payload).ok)).toEqual([]);
    for (const [i, { event, payload, bare }] of generated.entries()) {
      if (bare) sim.emitRaw(event, undefined);
      else sim.emitRaw(event, payload);
      malformedSent += 1;
      if (i % 50 === 0) {
        sim.injectMessage({ contactPhone: `55119${String(goodMessages % 40).padStart(8, '0')}`, content: `good ${i}` });
        goodMessages += 1;
      }
      const hostile = i % 125 === 0 ? hostileValid.shift() : undefined;
      if (hostile) sim.emitRaw(hostile[0], hostile[1]);
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    // Bare events (no argument) are refused before the schema: they count as malformed too.
    await waitFor(
      () => core.core.snapshot().diagnostics.droppedEvents === malformedSent,
      30_000,
      'every bad event counted',
    );
    await waitFor(() => core.core.snapshot().inbox.totalUnread === goodMessages + 20, 15_000, 'the good messages');

    expect(core.core.snapshot().connection.status).toBe('online');
    expect(core.events.filter((e) => e.name === 'whatsapp:message')).toHaveLength(goodMessages + 20);
    const logGrowth = lineBytes(core.logger.lines) - logBefore;
    expect(logGrowth).toBeLessThan(100 * 1024);
    // The foreign organization was noticed (bounded), not shown.
    expect(core.logger.lines.some((l) => l.includes('another organization'))).toBe(true);
    expect(core.logger.lines.every((l) => l.length < 1_000)).toBe(true);
  }, 60_000);
});
