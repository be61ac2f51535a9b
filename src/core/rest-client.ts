/**
 * The REST calls of the AuZap backend (contract: src/shared/rest.ts). Every answer is
 * parsed with the shared schemas; every failure becomes a RestError whose message can
 * be shown to the user as-is.
 * A 401 is its own kind, because it means "sign in again", not "try again".
 */
import { z } from 'zod';
import {
  connectResponse,
  conversationDto,
  errorBody,
  instanceDto,
  messageDto,
  messageListDto,
  type ConnectRequest,
  type ConnectResponse,
  type ConversationDto,
  type InstanceDto,
  type MessageDto,
  type SendMessageRequest,
} from '../shared/rest';
import { describeZodError } from '../shared/events';
import { text as words, type UserText } from '../shared/i18n/user-text';
import type { Logger } from './ports';

export type RestErrorKind = 'unauthorized' | 'http' | 'network' | 'invalid_response';

/** What went wrong, in English for the log and as catalog words (`text`) for the user. */
export class RestError extends Error {
  constructor(
    readonly kind: RestErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly text: UserText = { key: 'rest.failed' },
  ) {
    super(message);
    this.name = 'RestError';
  }
}

export interface RestClient {
  listInstances(): Promise<InstanceDto[]>;
  connectInstance(instanceId: string, body: ConnectRequest): Promise<ConnectResponse>;
  disconnectInstance(instanceId: string): Promise<void>;
  listConversations(updatedSince?: string): Promise<ConversationDto[]>;
  listMessages(conversationId: string, page?: { before?: string; limit?: number }): Promise<MessageDto[]>;
  /** With a clientMessageId, sending the same reply again never stores it twice. */
  sendMessage(conversationId: string, reply: SendMessageRequest): Promise<MessageDto>;
}

export interface RestClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Where items of a list the app cannot read are reported (they are left out). */
  logger?: Logger;
}

const anyList = z.array(z.unknown());

export function createRestClient(options: RestClientOptions): RestClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T> | null,
    body?: unknown,
  ): Promise<T> {
    const url = `${options.baseUrl}${path}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new RestError(
        'network',
        timedOut ? 'The server did not answer in time.' : 'Cannot reach the server. Check the connection.',
        null,
        words(timedOut ? 'rest.timeout' : 'rest.unreachable'),
      );
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const serverMessage = readServerError(text);
      if (response.status === 401) {
        throw new RestError(
          'unauthorized',
          `Sign-in needed: ${serverMessage ?? 'the server no longer accepts your sign-in'}.`,
          401,
          serverMessage ? words('rest.unauthorizedSaying', { server: serverMessage }) : words('rest.unauthorized'),
        );
      }
      throw new RestError(
        'http',
        serverMessage
          ? `The server said: ${serverMessage} (HTTP ${response.status}).`
          : `The server could not do that (HTTP ${response.status}). Try again.`,
        response.status,
        serverMessage
          ? words('rest.serverSaid', { server: serverMessage, status: response.status })
          : words('rest.httpFailed', { status: response.status }),
      );
    }
    if (!schema) return undefined as T;
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new RestError(
        'invalid_response',
        'The server sent an answer the app cannot read.',
        response.status,
        words('rest.unreadable'),
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new RestError(
        'invalid_response',
        `The server sent an unexpected answer (${describeZodError(parsed.error)}).`,
        response.status,
        // The validator's words (English, about fields) go to the log, not the window.
        words('rest.unexpected'),
      );
    }
    return parsed.data;
  }

  const id = (value: string) => encodeURIComponent(value);

  const listOf = async <T>(path: string, item: z.ZodType<T>): Promise<T[]> =>
    keepReadable(await call('GET', path, anyList), item, path, options.logger);

  return {
    listInstances: () => listOf('/instances', instanceDto),
    connectInstance: (instanceId, body) => call('POST', `/instances/${id(instanceId)}/connect`, connectResponse, body),
    disconnectInstance: (instanceId) => call('POST', `/instances/${id(instanceId)}/disconnect`, null),
    listConversations: (updatedSince) =>
      listOf(
        updatedSince ? `/conversations?updatedSince=${encodeURIComponent(updatedSince)}` : '/conversations',
        conversationDto,
      ),
    listMessages: (conversationId, page = {}) => {
      const query = new URLSearchParams();
      if (page.before) query.set('before', page.before);
      if (page.limit) query.set('limit', String(page.limit));
      const suffix = query.size > 0 ? `?${query.toString()}` : '';
      return call('GET', `/conversations/${id(conversationId)}/messages${suffix}`, messageListDto);
    },
    sendMessage: (conversationId, reply) =>
      call('POST', `/conversations/${id(conversationId)}/messages`, messageDto, reply),
  };
}

/**
 * A listing whose items stand alone (numbers, chats): one the app cannot read is left
 * out and logged, not allowed to hide all the others (rest-api.md: keep the client
 * tolerant). Message pages stay whole: their length says whether older ones remain.
 */
function keepReadable<T>(raw: unknown[], item: z.ZodType<T>, path: string, logger: Logger | undefined): T[] {
  const items: T[] = [];
  let firstProblem: string | null = null;
  for (const [index, value] of raw.entries()) {
    const parsed = item.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else firstProblem ??= `${index}: ${describeZodError(parsed.error)}`;
  }
  const dropped = raw.length - items.length;
  if (dropped > 0) {
    const endpoint = path.split('?')[0] ?? path;
    logger?.warn(
      `GET ${endpoint}: left out ${dropped} of ${raw.length} items the app cannot read (item ${firstProblem ?? ''})`,
    );
  }
  return items;
}

function readServerError(text: string): string | null {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    const message = parsed.success ? parsed.data.error.trim() : '';
    return message ? message.slice(0, 300) : null;
  } catch {
    return null;
  }
}
