/**
 * What crosses between the main thread and the connection's thread (connection-worker.ts):
 * plain data only, since it is structured-cloned.
 */
import type { ConnectionState } from '../../shared/bridge';
import type { UserText } from '../../shared/i18n/user-text';
import type { ServerConnectionOptions } from '../server-connection';

export type ConnectionSettings = Pick<
  ServerConnectionOptions,
  'serverUrl' | 'token' | 'organizationId' | 'transports' | 'backoff'
>;

export type ToConnection =
  | { type: 'start'; settings: ConnectionSettings }
  | { type: 'stop' }
  | { type: 'retry-now' }
  | { type: 'require-sign-in'; detail: UserText };

export type FromConnection =
  | { type: 'state'; state: ConnectionState }
  | { type: 'connected'; info: { firstConnect: boolean; recovered: boolean } }
  /**
   * Server events in the order they came, as the JSON of [name, payload] pairs flattened:
   * one string per batch is copied as it is, where structured-cloning thousands of small
   * objects cost more than encoding them (core-vs-transport bench: 57k events/s, not 47k).
   */
  | { type: 'events'; json: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; text: string }
  | { type: 'stopped' };
