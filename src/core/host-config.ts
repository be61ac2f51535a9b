/**
 * Where the app connects, from the environment (both hosts honour the same
 * variables). No server URL means demo mode: the host starts the built-in simulator.
 * A bad value never throws: it becomes a problem the UI states in words.
 */
import { text, type UserText } from '../shared/i18n/user-text';

export interface ServerTarget {
  serverUrl: string;
  token: string;
  organizationId: string;
}

export type ConnectionPlan =
  | { kind: 'demo' }
  | { kind: 'server'; target: ServerTarget }
  | { kind: 'unusable'; problem: UserText; needsSignIn: boolean; serverUrl: string; organizationId: string };

export interface EnvSettings {
  serverUrl?: string;
  token?: string;
  organizationId?: string;
  dataDir?: string;
  /** How long a connect flow waits for its QR / pairing code (AUZAP_CONNECT_WAIT_MS). */
  connectWaitMs?: number;
  /** AUZAP_LOCALE: the language to speak whatever the system says (pt* → pt-BR, else en). */
  locale?: string;
}

export function readEnvSettings(env: Record<string, string | undefined>): EnvSettings {
  const clean = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  return {
    serverUrl: clean(env.AUZAP_SERVER_URL),
    token: clean(env.AUZAP_TOKEN),
    organizationId: clean(env.AUZAP_ORGANIZATION_ID),
    dataDir: clean(env.AUZAP_DATA_DIR),
    connectWaitMs: positiveInt(env.AUZAP_CONNECT_WAIT_MS),
    locale: clean(env.AUZAP_LOCALE),
  };
}

function positiveInt(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value && Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** "https:…", "http:…" (even without the slashes, as URL takes them), "ftp://…": a scheme was typed. */
const HAS_SCHEME = /^(https?:|[a-z][a-z\d+.-]*:\/\/)/i;
/** This machine and the private networks a shop's own server sits on. */
const LOCAL_HOST =
  /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)(:\d+)?$/i;

/**
 * An address typed without its scheme ("api.auzap.com") is taken as a browser takes it:
 * https, except a server on this machine or the local network ("localhost:3000",
 * "192.168.0.5:3000"), which is http.
 */
function withScheme(raw: string): string {
  if (HAS_SCHEME.test(raw)) return raw;
  const host = raw.split(/[/?#]/, 1)[0] ?? '';
  return `${LOCAL_HOST.test(host) ? 'http' : 'https'}://${raw}`;
}

/** Parses a server address; returns a normalised origin+path or a reason it is unusable. */
export function normaliseServerUrl(raw: string): { ok: true; url: string } | { ok: false; reason: UserText } {
  let url: URL;
  try {
    url = new URL(withScheme(raw));
  } catch {
    return { ok: false, reason: text('config.badAddress', { address: raw }) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: text('config.badScheme', { address: raw }) };
  }
  // The REST calls and Socket.IO share the server's origin (rest-api.md). Anything after
  // it would go wrong out of sight: a path is taken by Socket.IO for a namespace the
  // server refuses (shown as a refused sign-in), a query ends up inside every REST path.
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    // A password typed into the address is not shown back (nor logged).
    const shown = new URL(url.href);
    shown.username = '';
    shown.password = '';
    const address = url.username || url.password ? shown.href : raw;
    return { ok: false, reason: text('config.notJustTheServer', { address, origin: url.origin }) };
  }
  return { ok: true, url: url.origin };
}

export function planConnection(settings: EnvSettings): ConnectionPlan {
  if (!settings.serverUrl) return { kind: 'demo' };
  const organizationId = settings.organizationId ?? '';
  const unusable = (problem: UserText, needsSignIn: boolean, serverUrl: string): ConnectionPlan => ({
    kind: 'unusable',
    problem,
    needsSignIn,
    serverUrl,
    organizationId,
  });
  const url = normaliseServerUrl(settings.serverUrl);
  // Not an address: sign-in shows it back as it was typed, to be corrected.
  if (!url.ok) return unusable(url.reason, false, settings.serverUrl);
  if (!settings.token) return unusable(text('config.noToken'), true, url.url);
  // Not a sign-in problem: the token may be fine; the organization field is the fix.
  if (!settings.organizationId) return unusable(text('config.noOrganization'), false, url.url);
  return { kind: 'server', target: { serverUrl: url.url, token: settings.token, organizationId } };
}
