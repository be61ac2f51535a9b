import { describe, expect, it } from 'vitest';
import { normaliseServerUrl, planConnection, readEnvSettings } from '../../src/core/host-config';
import { text } from '../../src/shared/i18n/user-text';
import { inEnglish } from '../support/words';

describe('host configuration', () => {
  it('reads the AUZAP_* variables, ignoring blank ones', () => {
    expect(
      readEnvSettings({ AUZAP_SERVER_URL: ' https://api.auzap.com ', AUZAP_TOKEN: '', AUZAP_ORGANIZATION_ID: 'org1' }),
    ).toEqual({
      serverUrl: 'https://api.auzap.com',
      token: undefined,
      organizationId: 'org1',
      dataDir: undefined,
      connectWaitMs: undefined,
    });
    expect(readEnvSettings({ AUZAP_CONNECT_WAIT_MS: '1500' }).connectWaitMs).toBe(1500);
    expect(readEnvSettings({ AUZAP_CONNECT_WAIT_MS: 'soon' }).connectWaitMs).toBeUndefined();
  });

  it('uses the demo backend when no server is configured', () => {
    expect(planConnection({})).toEqual({ kind: 'demo' });
  });

  it('connects when server, token and organization are set', () => {
    expect(planConnection({ serverUrl: 'https://api.auzap.com/', token: 't', organizationId: 'o' })).toEqual({
      kind: 'server',
      target: { serverUrl: 'https://api.auzap.com', token: 't', organizationId: 'o' },
    });
  });

  it('explains a wrong server URL instead of throwing', () => {
    const plan = planConnection({ serverUrl: 'not a url', token: 't', organizationId: 'o' });
    expect(plan).toMatchObject({ kind: 'unusable', needsSignIn: false });
    expect(plan.kind === 'unusable' && inEnglish(plan.problem)).toMatch(/not a web address/);
    expect(normaliseServerUrl('ftp://x').ok).toBe(false);
  });

  it('takes the server’s address alone, and names it when more was pasted (a path, a query, a fragment)', () => {
    expect(normaliseServerUrl('https://api.auzap.com/')).toEqual({ ok: true, url: 'https://api.auzap.com' });
    expect(normaliseServerUrl('HTTPS://API.AuZap.com:443')).toEqual({ ok: true, url: 'https://api.auzap.com' });
    expect(normaliseServerUrl('http://127.0.0.1:3000')).toEqual({ ok: true, url: 'http://127.0.0.1:3000' });
    // Typed without a scheme, as people type addresses: https, or http for this machine.
    expect(normaliseServerUrl('api.auzap.com')).toEqual({ ok: true, url: 'https://api.auzap.com' });
    expect(normaliseServerUrl('api.auzap.com:8443/')).toEqual({ ok: true, url: 'https://api.auzap.com:8443' });
    expect(normaliseServerUrl('localhost:3000')).toEqual({ ok: true, url: 'http://localhost:3000' });
    expect(normaliseServerUrl('127.0.0.1:3000')).toEqual({ ok: true, url: 'http://127.0.0.1:3000' });
    expect(normaliseServerUrl('192.168.0.5:3000')).toEqual({ ok: true, url: 'http://192.168.0.5:3000' });
    expect(normaliseServerUrl('https:api.auzap.com')).toEqual({ ok: true, url: 'https://api.auzap.com' });
    // Named with the scheme it was taken as.
    const withPath = normaliseServerUrl('localhost:3000/api');
    expect(!withPath.ok && inEnglish(withPath.reason)).toContain('use http://localhost:3000');
    expect(normaliseServerUrl('api.auzap.com/api').ok).toBe(false);
    for (const pasted of [
      'https://api.auzap.com/api',
      'https://api.auzap.com/socket.io/',
      'https://api.auzap.com?x=1',
      'https://api.auzap.com/#/inbox',
    ]) {
      const outcome = normaliseServerUrl(pasted);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && inEnglish(outcome.reason)).toBe(
        `The server address “${pasted}” must be the server’s address alone: use https://api.auzap.com.`,
      );
    }
    // A password in the address is refused too, and never shown back.
    const withPassword = normaliseServerUrl('https://ana:secret@api.auzap.com');
    expect(withPassword.ok).toBe(false);
    expect(!withPassword.ok && inEnglish(withPassword.reason)).not.toContain('secret');
  });

  it('asks for sign-in when the token is missing', () => {
    expect(planConnection({ serverUrl: 'http://127.0.0.1:3000', organizationId: 'o' })).toMatchObject({
      kind: 'unusable',
      needsSignIn: true,
    });
  });

  it('hands sign-in back what was given: the address as typed when it is not one, else as normalised', () => {
    expect(planConnection({ serverUrl: 'not a url', organizationId: 'o' })).toEqual({
      kind: 'unusable',
      problem: text('config.badAddress', { address: 'not a url' }),
      needsSignIn: false,
      serverUrl: 'not a url',
      organizationId: 'o',
    });
    expect(planConnection({ serverUrl: 'http://127.0.0.1:3000/' })).toEqual({
      kind: 'unusable',
      problem: text('config.noToken'),
      needsSignIn: true,
      serverUrl: 'http://127.0.0.1:3000',
      organizationId: '',
    });
    expect(planConnection({ serverUrl: 'http://127.0.0.1:3000/', token: 't' })).toEqual({
      kind: 'unusable',
      problem: text('config.noOrganization'),
      needsSignIn: false,
      serverUrl: 'http://127.0.0.1:3000',
      organizationId: '',
    });
  });
});
