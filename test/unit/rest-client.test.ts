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
