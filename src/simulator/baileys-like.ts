/**
 * Generators for the identifiers a real Baileys-backed AuZap backend hands out.
 *
 * The client must treat all of these as opaque, so the simulator deliberately varies
 * their shape within what WhatsApp really produces (prefixes, optional parts, lengths):
 * a client that only works with one exact shape would break against production.
 */
import { randomBytes, randomInt } from 'node:crypto';

/** WhatsApp's pairing-code alphabet: no 0/O or I/U, so a code can be read aloud. */
export const PAIRING_CODE_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTVWXYZ';
export const PAIRING_CODE_LENGTH = 8;

/** Some WhatsApp builds encode the QR as a deep link into the "Linked devices" screen. */
export const QR_LINK_PREFIX = 'https://wa.me/settings/linked_devices#';
export const QR_MIN_LENGTH = 237;
export const QR_MAX_LENGTH = 277;

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A 32-byte key in standard base64: always 44 characters ending in one `=`. */
function base64Key(): string {
  return randomBytes(32).toString('base64');
}

/**
 * `2@<ref>,<noise key>,<identity key>,<adv secret>[,<n>]`, optionally behind the deep-link
 * prefix. The total length is drawn from the range real QR strings fall in and the ref
 * is sized to hit it, so lengths vary from one refresh to the next like the real thing.
 */
export function generateQrString(): string {
  const withPrefix = randomInt(4) === 0;
  const fifthPart = randomInt(3) === 0 ? `,${randomInt(1, 10)}` : '';
  const keys = `,${base64Key()},${base64Key()},${base64Key()}`;
  const prefix = withPrefix ? QR_LINK_PREFIX : '';
  const total = randomInt(QR_MIN_LENGTH, QR_MAX_LENGTH + 1);
  const refLength = total - prefix.length - '2@'.length - keys.length - fifthPart.length;
  // Real refs are base64 and sometimes carry padding; keep at least a plausible length.
  const refBody = randomFrom(BASE64_ALPHABET, Math.max(refLength - 2, 16));
  const padding = randomInt(2) === 0 ? '==' : randomFrom(BASE64_ALPHABET, 2);
  return `${prefix}2@${refBody}${padding}${keys}${fifthPart}`;
}

export function generatePairingCode(): string {
  return randomFrom(PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH);
}

export type MessageIdOrigin = 'web' | 'ios' | 'android';

function upperHex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

/** Message ids as WhatsApp clients mint them; `origin` defaults to a random platform. */
export function generateMessageId(origin?: MessageIdOrigin): string {
  const chosen = origin ?? (['web', 'ios', 'android'] as const)[randomInt(3)] ?? 'web';
  switch (chosen) {
    case 'web':
      return `3EB0${upperHex(9)}`;
    case 'ios':
      return `3A${upperHex(9)}`;
    case 'android':
      return upperHex(16);
  }
}

/** Area codes of large Brazilian cities, so generated numbers look like real customers. */
const BRAZILIAN_AREA_CODES = ['11', '21', '31', '41', '47', '48', '51', '61', '62', '71', '81', '85', '91'];

/** `55` + area code + mobile `9` + 8 digits, e.g. 5511987654321 (13 digits, as WhatsApp stores it). */
export function generateBrazilianPhoneNumber(): string {
  const area = BRAZILIAN_AREA_CODES[randomInt(BRAZILIAN_AREA_CODES.length)] ?? '11';
  const subscriber = String(randomInt(60_000_000, 100_000_000));
  return `55${area}9${subscriber}`;
}
