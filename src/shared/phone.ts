/**
 * Phone numbers as people write them, with libphonenumber-js (its small metadata set):
 * the backend sends digits, country code first; the window shows "+55 11 98765-4321".
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Digits from the backend ("5511987654321") → "+55 11 98765-4321"; anything unparseable as received. */
export function formatPhoneNumber(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 8 || digits.length !== raw.replace(/^\+/, '').length) return raw;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed) return `+${digits}`;
  // The national layout keeps the hyphen people write ("98765-4321"); the area code loses its brackets.
  // Where that layout adds a trunk prefix (UK "07911") or has none, the international one is used.
  const national = parsed.formatNational().replace(/^\((\d+)\)\s*/, '$1 ');
  const sameDigits = national.replace(/\D/g, '') === parsed.nationalNumber;
  if (sameDigits && /\s/.test(national)) return `+${parsed.countryCallingCode} ${national}`;
  // A number the metadata cannot place (an old 8-digit mobile, a test number) comes back in one block.
  const international = parsed.formatInternational();
  return /\s\d+\s/.test(international) ? international : grouped(parsed.countryCallingCode, parsed.nationalNumber);
}

/**
 * The way Brazilians write any number when the metadata does not know it: area code, then
 * the last four digits after a hyphen ("+55 11 9000-0003"). Elsewhere, the country code apart.
 */
function grouped(country: string, national: string): string {
  if (country === '55' && national.length >= 8 && national.length <= 11) {
    const area = national.slice(0, 2);
    const rest = national.slice(2);
    return `+55 ${area} ${rest.slice(0, -4)}-${rest.slice(-4)}`;
  }
  return `+${country} ${national}`;
}

/**
 * What a person types ("+55 (11) 98765-4321", "5511987654321", "(11) 98765-4321" for a
 * Brazilian shop) → what the API wants ("5511987654321"); '' when it cannot be a whole
 * number. Without a country code, a Brazilian number is assumed: area code and number (10
 * or 11 digits, a leading trunk 0 allowed). A number without its area code ("98765-4321")
 * is not guessed at: it would pair some other phone, or none. (libphonenumber's small
 * metadata checks lengths only, and takes 98 for an area code there.)
 */
export function normalisePhoneInput(input: string): string {
  const trimmed = input.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) return digits.replace(/^00/, '');
  const national = /^0\d{10,11}$/.test(digits) ? digits.slice(1) : digits;
  // Brazilian area codes have no 0 in them (11 to 99).
  if (/^[1-9]{2}\d{8,9}$/.test(national)) return `55${national}`;
  // The country code typed without its "+": Brazil's, or another country's whole number.
  if (/^55\d{10,11}$/.test(digits)) return digits;
  const foreign = digits.length >= 11 && !digits.startsWith('55');
  return foreign && parsePhoneNumberFromString(`+${digits}`)?.isPossible() ? digits : '';
}
