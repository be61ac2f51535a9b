/**
 * A preview is one clean line. `plainLine` skips its replacements for text that is plain
 * already (most of it, per row per push in a burst); on any text it must give what the
 * full cleaning gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainLine } from '../../src/shared/message-text';

/** The full cleaning, every time. */
const cleanedFully = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- the reference cleans control characters too
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Plain words, spaces of every kind, control characters, emoji. */
const pieces = fc.constantFrom(
  'a',
  'Olá',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u0085',
  '\u009f',
  '😀',
  '.',
);
const texts = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));

describe('plainLine', () => {
  it('gives what the full cleaning gives, on plain and messy text alike', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(plainLine(text)).toBe(cleanedFully(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves plain text as it is', () => {
    expect(plainLine('bench message 12')).toBe('bench message 12');
    expect(plainLine(' Oi, tudo bem? ')).toBe('Oi, tudo bem?');
  });
});
