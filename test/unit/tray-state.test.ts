import { describe, expect, it } from 'vitest';
import { badgeLabel, describeTray } from '../../src/core/tray-state';
import { text } from '../../src/shared/i18n/user-text';

describe('tray state', () => {
  it('labels the badge 1…99 then 99+, nothing for zero', () => {
    expect([0, 1, 9, 10, 99, 100, 1000].map(badgeLabel)).toEqual(['', '1', '9', '10', '99', '99+', '99+']);
  });

  it('says the connection state and the unread count in the tooltip', () => {
    expect(describeTray({ status: 'online', detail: null }, 3, false, 'en')).toEqual({
      badgeCount: 3,
      tooltip: 'AuZap — Online, 3 unread messages',
      attention: 'none',
    });
    expect(describeTray({ status: 'auth_failed', detail: null }, 0, true, 'en')).toMatchObject({
      tooltip: 'AuZap (Demo) — Sign-in needed, no unread messages',
      attention: 'sign_in',
    });
    expect(describeTray({ status: 'offline', detail: null }, 1, false, 'en').attention).toBe('offline');
    // Settings that cannot be used (no organization: planConnection's unusable plan): nothing is reconnecting.
    expect(describeTray({ status: 'offline', detail: text('config.noOrganization') }, 0, false, 'en')).toMatchObject({
      tooltip: 'AuZap — Not connected, no unread messages',
      attention: 'offline',
    });
  });

  it('says it in Portuguese when the app speaks pt-BR', () => {
    expect(describeTray({ status: 'online', detail: null }, 1, false, 'pt-BR').tooltip).toBe(
      'AuZap — Conectado, 1 mensagem não lida',
    );
    expect(describeTray({ status: 'offline', detail: null }, 12, true, 'pt-BR').tooltip).toBe(
      'AuZap (Demonstração) — Sem conexão — reconectando, 12 mensagens não lidas',
    );
  });
});
