/**
 * Contact names are chosen by strangers, so they are a spoofing vector: a bidi override
 * makes "evil.exe" display as "exe.live", and a zero-width space makes "Ma\u200Bria Silva"
 * look exactly like the real "Maria Silva". Everywhere a name is shown (list, thread
 * header, notifications, avatars) it goes through `visibleName` first.
 *
 * Invisible format characters (Unicode category Cf: bidi embeddings, overrides and
 * isolates, zero-width spaces and joiners, word joiners, BOM, soft hyphens, …) and the
 * letters that render as blanks (Hangul fillers, the blank Braille pattern) are removed.
 * The two legitimate uses inside emoji are kept: a zero-width joiner between two emoji
 * (👩‍💻, 👨‍👩‍👧) and the tag characters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
 */

const ZWJ = 0x200d;
const BLACK_FLAG = 0x1f3f4;
const isTag = (code: number) => code >= 0xe0020 && code <= 0xe007f;
/** Letters and symbols that draw nothing: used to fake an empty or padded name. */
const BLANK_LOOKING = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800, 0x034f]);

const FORMAT = /^\p{Cf}$/u;
const CONTROL = /^\p{Cc}$/u;
const EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}]$/u;

const isEmoji = (char: string | undefined) => char !== undefined && EMOJI.test(char);

/** The name as it may be shown: no invisible format characters, one line, trimmed ('' when nothing visible is left). */
export function visibleName(raw: string): string {
  const chars = Array.from(raw);
  let out = '';
  let previousKept: string | undefined;
  let inFlagTags = false;
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] as string;
    const code = char.codePointAt(0) ?? 0;
    let keep: boolean;
    if (code === ZWJ) {
      keep = isEmoji(previousKept) && isEmoji(chars[i + 1]);
    } else if (isTag(code)) {
      keep = inFlagTags;
    } else if (CONTROL.test(char)) {
      out += ' ';
      previousKept = ' ';
      inFlagTags = false;
      continue;
    } else {
      keep = !FORMAT.test(char) && !BLANK_LOOKING.has(code);
    }
    if (!keep) continue;
    out += char;
    previousKept = char;
    inFlagTags = code === BLACK_FLAG || (inFlagTags && isTag(code) && code !== 0xe007f);
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/**
 * Up to two initials for an avatar: the first visible letter or digit of each of the
 * first two words that have a letter ('#' for a bare phone number or nothing visible).
 */
export function nameInitials(name: string): string {
  const letters: string[] = [];
  for (const word of visibleName(name).split(' ')) {
    const first = /\p{L}/u.test(word) ? /[\p{L}\p{N}]/u.exec(word)?.[0] : undefined;
    if (first) letters.push(first);
    if (letters.length === 2) break;
  }
  return letters.length > 0 ? letters.join('').toUpperCase() : '#';
}
