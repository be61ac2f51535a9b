import { describe, expect, it } from 'vitest';
import { createRestClient, RestError } from '../../src/core/rest-client';

const stored = {
  id: '3EB0AAAAAAAAAAAAAAAAAA',
  content: 'Chega amanhã',
  contentType: 'text',
  direction: 'outgoing',
  timestamp: '2026-01-01T10:00:00.000Z',
};

/** A fetch that records each request and answers with the given status and body. */
function recordingFetch(status: number, body: unknown) {
  const requests: Array<{ url: string; method: string; body: unknown }> = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), method: init?.method ?? 'GET', body: JSON.parse(String(init?.body)) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

describe('sendMessage', () => {
  it('sends the clientMessageId with the text, and takes a 200 (a repeat) like a 201', async () => {
    const { fetch, requests } = recordingFetch(200, stored);
    const rest = createRestClient({ baseUrl: 'http://sim', token: 't', fetch });
    const answer = await rest.sendMessage('c/1', { content: 'Chega amanhã', clientMessageId: 'id-1' });
    expect(answer).toEqual(stored);
    expect(requests).toEqual([
      {
        url: 'http://sim/conversations/c%2F1/messages',
        method: 'POST',
        body: { content: 'Chega amanhã', clientMessageId: 'id-1' },
      },
    ]);
  });

  it('a 5xx is an http RestError carrying the status, so the outbox can tell it from a 4xx', async () => {
    const { fetch } = recordingFetch(503, { error: 'busy' });
    const rest = createRestClient({ baseUrl: 'http://sim', token: 't', fetch });
    const failure = await rest.sendMessage('c1', { content: 'x' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RestError);
    expect(failure).toMatchObject({ kind: 'http', status: 503, message: 'The server said: busy (HTTP 503).' });
  });
});

describe('listings', () => {
  const answering = (body: unknown) =>
    (async () =>
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })) as typeof globalThis.fetch;
  const chat = (id: string, lastMessageAt: unknown) => ({ id, contactId: `k-${id}`, lastMessageAt });

  it('leave out a chat the app cannot read, keep the others, and log which one and why', async () => {
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };
    const body = [chat('c1', '2026-01-01T10:00:00.000Z'), chat('c2', 'yesterday'), chat('c3', '2026-01-02T10:00:00Z')];
    const rest = createRestClient({ baseUrl: 'http://sim', token: 't', fetch: answering(body), logger });
    const chats = await rest.listConversations('2026-01-01T00:00:00.000Z');
    expect(chats.map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^GET \/conversations: left out 1 of 3 items the app cannot read \(item 1: .*lastMessageAt/,
    );
  });

  it('leave out a number the app cannot read; one in a status it does not know reads as not connected', async () => {
    const body = [
      { id: 'i1', name: 'Vendas', status: 'connected' },
      { name: 'Sem id', status: 'connected' },
      { id: 'i3', name: 'Loja', status: 'syncing' },
    ];
    const rest = createRestClient({ baseUrl: 'http://sim', token: 't', fetch: answering(body) });
    expect((await rest.listInstances()).map((i) => [i.id, i.status])).toEqual([
      ['i1', 'connected'],
      ['i3', 'disconnected'],
    ]);
  });

  it('are still refused whole when they are not a list, in words without the validator’s English', async () => {
    const rest = createRestClient({ baseUrl: 'http://sim', token: 't', fetch: answering({ items: [] }) });
    const failure = await rest.listConversations().catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'invalid_response', text: { key: 'rest.unexpected' } });
    expect((failure as RestError).text.params).toBeUndefined();
    // The English message (for the log) still says what was wrong.
    expect((failure as RestError).message).toMatch(/expected array/);
  });
});
