import { CONNECTION_STATUS_WORDS, type ConnectionState } from './bridge';
import type { MessageKey } from './i18n/translate';

/** What of the connection these need: its status and why. */
type ConnectionWhy = Pick<ConnectionState, 'status' | 'detail'>;

/** The connection fields of Settings. */
export type SettingsField = 'serverUrl' | 'organizationId' | 'token';

/** A fresh request (`at`) each time Settings must open with one of its fields focused. */
export interface FixRequest {
  at: number;
  field: SettingsField;
}

/** Problems only a change in Settings can fix, and where. */
const FIELD_FOR: Partial<Record<MessageKey, SettingsField>> = {
  'config.badAddress': 'serverUrl',
  'config.badScheme': 'serverUrl',
  'config.notJustTheServer': 'serverUrl',
  'config.noOrganization': 'organizationId',
};

/**
 * Which field of Settings would fix this connection: the address or the organization
 * when the settings cannot be used, the token when it was refused or is missing; null
 * when waiting is the fix (the network, the server).
 */
export function fieldToFix(connection: ConnectionWhy): SettingsField | null {
  const field = connection.detail ? FIELD_FOR[connection.detail.key] : undefined;
  if (field) return field;
  return connection.status === 'auth_failed' ? 'token' : null;
}

/**
 * Settings that cannot be used: no connection is open, so none is "reconnecting", and
 * trying again changes nothing until they are fixed.
 */
export const unusableSettings = (connection: ConnectionWhy): boolean =>
  connection.status === 'offline' && fieldToFix(connection) !== null;

/** The connection in a few words: the window's status pill and the tray tooltip say the same. */
export const connectionLabel = (connection: ConnectionWhy): MessageKey =>
  unusableSettings(connection) ? 'connection.notConnected' : CONNECTION_STATUS_WORDS[connection.status];
