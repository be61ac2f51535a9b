/**
 * Message text for places that are not the thread: the conversation list preview and
 * desktop notifications. Always plain and bounded; media become words.
 */
import type { MessageContentType } from './events';

const MEDIA_WORDS: Record<Exclude<MessageContentType, 'text'>, string> = {
  image: 'Photo',
  audio: 'Voice message',
  video: 'Video',
  document: 'Document',
  other: 'Unsupported message',
};

/**
 * Text without control characters (a NUL would cut a command line, an escape sequence
 * would restyle a terminal), line breaks and tabs kept, line endings made `\n`.
 */
export function plainText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  );
}

/** Collapses whitespace and turns control characters into spaces, so a preview is one clean line. */
export function plainLine(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const isControl = code < 0x20 || (code >= 0x7f && code < 0xa0);
    out += isControl ? ' ' : char;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Cuts at a character boundary (never inside a surrogate pair) and adds an ellipsis. */
export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return `${chars
    .slice(0, Math.max(1, maxChars - 1))
    .join('')
    .trimEnd()}…`;
}

export function mediaWord(contentType: MessageContentType): string | null {
  return contentType === 'text' ? null : MEDIA_WORDS[contentType];
}

/** "Olá!" · "Photo" · "Photo: look at this" · "Document: invoice.pdf". */
export function messagePreview(message: { contentType: MessageContentType; content: string }, maxChars = 120): string {
  const text = plainLine(message.content);
  const media = mediaWord(message.contentType);
  const full = media ? (text ? `${media}: ${text}` : media) : text;
  return truncate(full, maxChars);
}
