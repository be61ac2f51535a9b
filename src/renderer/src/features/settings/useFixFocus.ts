import { useEffect, useRef } from 'react';
import type { FixRequest, SettingsField } from '../../../../shared/settings-fix';

/**
 * The connection fields' refs; on each new request from the connection banner the field
 * it names is focused and scrolled to. Set by the environment, the address and the
 * organization are locked: the token field (always open) is where the keyboard lands then,
 * under the notice saying so.
 */
export function useFixFocus(fixRequest: FixRequest | null) {
  const serverUrlField = useRef<HTMLInputElement>(null);
  const organizationField = useRef<HTMLInputElement>(null);
  const tokenField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (fixRequest === null) return;
    const fields: Record<SettingsField, HTMLInputElement | null> = {
      serverUrl: serverUrlField.current,
      organizationId: organizationField.current,
      token: tokenField.current,
    };
    const wanted = fields[fixRequest.field];
    const field = wanted && !wanted.disabled ? wanted : tokenField.current;
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }, [fixRequest]);
  return { serverUrlField, organizationField, tokenField };
}
