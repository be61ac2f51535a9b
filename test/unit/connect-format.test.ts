import { describe, expect, it } from 'vitest';
import {
  formatClockTime,
  formatCountdown,
  formatPairingCode,
  secondsUntil,
} from '../../src/renderer/src/features/connect/countdown';
import { explainDisconnect } from '../../src/shared/disconnect-reasons';
import { formatPhoneNumber, normalisePhoneInput } from '../../src/shared/phone';
import { translator } from '../../src/shared/i18n/translate';
import { say } from '../../src/shared/i18n/user-text';
import { inEnglish } from '../support/words';

describe('connect flow formatting', () => {
  it('shows a pairing code as XXXX-XXXX', () => {
    expect(formatPairingCode('ABCD1234')).toBe('ABCD-1234');
    expect(formatPairingCode('abcd1234')).toBe('ABCD-1234');
    expect(formatPairingCode('ABCD-1234')).toBe('ABCD-1234');
    // Not 8 characters: shown as received rather than mangled.
    expect(formatPairingCode('ABC123')).toBe('ABC123');
  });

  it('counts down whole seconds to a deadline with an injected clock', () => {
    const expiresAt = '2026-11-26T10:01:00.000Z';
    const at = (iso: string) => Date.parse(iso);
    expect(secondsUntil(expiresAt, at('2026-11-26T10:00:00.000Z'))).toBe(60);
    expect(secondsUntil(expiresAt, at('2026-11-26T10:00:59.200Z'))).toBe(1);
    expect(secondsUntil(expiresAt, at('2026-11-26T10:01:00.000Z'))).toBe(0);
    expect(secondsUntil(expiresAt, at('2026-11-26T10:05:00.000Z'))).toBe(0);
    expect(secondsUntil('garbage', 0)).toBe(0);
  });

  it('formats a countdown as m:ss', () => {
    expect([0, 9, 59, 60, 75, 600].map(formatCountdown)).toEqual(['0:00', '0:09', '0:59', '1:00', '1:15', '10:00']);
    expect(formatCountdown(-3)).toBe('0:00');
  });

  it('formats the refresh time as a clock time', () => {
    expect(formatClockTime('2026-11-26T10:00:05.000Z', 'en-GB')).toMatch(/\d\d:\d\d:\d\d/);
    expect(formatClockTime('nope')).toBe('');
  });

  it('turns a typed phone number into digits and back into something readable', () => {
    expect(normalisePhoneInput('+55 (11) 98765-4321')).toBe('5511987654321');
    expect(normalisePhoneInput('5511987654321')).toBe('5511987654321');
    expect(normalisePhoneInput('(11) 98765-4321')).toBe('5511987654321');
    expect(normalisePhoneInput('0044 7911 123456')).toBe('447911123456');
    expect(normalisePhoneInput('11 3456-7890')).toBe('551134567890');
    expect(normalisePhoneInput('0 11 98765-4321')).toBe('5511987654321');
    expect(normalisePhoneInput('55 11 9000-0003')).toBe('551190000003');
    expect(normalisePhoneInput('447911123456')).toBe('447911123456');
    expect(formatPhoneNumber('5511987654321')).toBe('+55 11 98765-4321');
    expect(formatPhoneNumber('+5521912345678')).toBe('+55 21 91234-5678');
    expect(formatPhoneNumber('14155550123')).toBe('+1 415 555-0123');
    expect(formatPhoneNumber('447911123456')).toBe('+44 7911 123456');
    expect(formatPhoneNumber('unknown')).toBe('unknown');
  });

  it('refuses a number without its area code instead of guessing one (it would pair some other phone)', () => {
    expect(normalisePhoneInput('98765-4321')).toBe('');
    expect(normalisePhoneInput('3456-7890')).toBe('');
    expect(normalisePhoneInput('12ab')).toBe('');
  });

  it('writes Brazilian mobiles and landlines with the hyphen, also numbers the metadata cannot validate', () => {
    expect(formatPhoneNumber('551134567890')).toBe('+55 11 3456-7890');
    // An old 8-digit mobile (before the ninth digit), which libphonenumber does not know.
    expect(formatPhoneNumber('551190000003')).toBe('+55 11 9000-0003');
    // Elsewhere an unknown number keeps its digits, the country code apart; an unknown country as received.
    expect(formatPhoneNumber('4412')).toBe('4412');
    expect(formatPhoneNumber('999123456789')).toBe('+999123456789');
  });
});

describe('disconnect reasons in words', () => {
  it('gives every spec reason its own text and follow-up', () => {
    const reasons = ['logged_out', 'connection_lost', 'session_expired', 'manual', 'error'];
    const texts = new Set(reasons.map((r) => inEnglish(explainDisconnect(r).text)));
    expect(texts.size).toBe(reasons.length);
    expect(explainDisconnect('logged_out').followUp).toBe('reconnect_flow');
    expect(explainDisconnect('session_expired').followUp).toBe('reconnect_flow');
    expect(explainDisconnect('connection_lost').followUp).toBe('backend_retrying');
    expect(explainDisconnect('manual').followUp).toBe('idle');
  });

  it('explains a missing or unknown reason without pretending to know it', () => {
    expect(inEnglish(explainDisconnect(undefined).text)).toMatch(/without giving a reason/);
    expect(inEnglish(explainDisconnect('').text)).toMatch(/without giving a reason/);
    expect(inEnglish(explainDisconnect('toString').text)).toContain('“toString”');
    expect(say(translator('pt-BR'), explainDisconnect('logged_out').title)).toBe('Desconectado no celular');
  });
});
