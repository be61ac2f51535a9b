/** Phone numbers as the backend sends them (digits, country code first) → readable. */
export function formatPhoneNumber(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 8 || digits.length !== raw.replace(/^\+/, '').length) return raw;
  return `+${digits}`;
}

/** What a person types ("+55 (11) 98765-4321") → what the API wants ("5511987654321"). */
export function normalisePhoneInput(input: string): string {
  return input.replace(/[\s()+.-]/g, '');
}
