import type { ConnectionState } from '../../../../shared/bridge';
import type { MessageKey } from '../../../../shared/i18n/translate';

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
export function fieldToFix(connection: ConnectionState): SettingsField | null {
  const field = connection.detail ? FIELD_FOR[connection.detail.key] : undefined;
  if (field) return field;
  return connection.status === 'auth_failed' ? 'token' : null;
}
