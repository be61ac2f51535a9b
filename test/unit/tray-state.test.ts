import { describe, expect, it } from 'vitest';
import { badgeLabel, describeTray } from '../../src/core/tray-state';

describe('tray state', () => {
  it('labels the badge 1…99 then 99+, nothing for zero', () => {
    expect([0, 1, 9, 10, 99, 100, 1000].map(badgeLabel)).toEqual(['', '1', '9', '10', '99', '99+', '99+']);
  });

  it('says the connection state and the unread count in the tooltip', () => {
    expect(describeTray('online', 3, false, 'en')).toEqual({
      badgeCount: 3,
      tooltip: 'AuZap — Online, 3 unread messages',
      attention: 'none',
    });
    expect(describeTray('auth_failed', 0, true, 'en')).toMatchObject({
      tooltip: 'AuZap (Demo) — Sign-in needed, no unread messages',
      attention: 'sign_in',
    });
    expect(describeTray('offline', 1, false, 'en').attention).toBe('offline');
  });

  it('says it in Portuguese when the app speaks pt-BR', () => {
    expect(describeTray('online', 1, false, 'pt-BR').tooltip).toBe('AuZap — Conectado, 1 mensagem não lida');
    expect(describeTray('offline', 12, true, 'pt-BR').tooltip).toBe(
      'AuZap (Demonstração) — Sem conexão — reconectando, 12 mensagens não lidas',
    );
  });
});
