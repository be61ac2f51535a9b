/**
 * Message text for places that are not the thread: the conversation list preview and
 * desktop notifications. Always plain and bounded; media become words.
 */
import type { MessageContentType } from './events';
import type { MessageKey, Translator } from './i18n/translate';

export type MediaKind = Exclude<MessageContentType, 'text'>;

/** The same label (with its emoji) in the list, the thread and notifications. */
const MEDIA_WORDS: Record<MediaKind, MessageKey> = {
  image: 'media.image',
  audio: 'media.audio',
  video: 'media.video',
  document: 'media.document',
  other: 'media.other',
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

/**
 * What `plainLine` changes besides trimming: a control character, whitespace other than a
 * plain space, or two whitespace characters in a row.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f]|[^\S ]|\s\s/;

/** Collapses whitespace and turns control characters into spaces, so a preview is one clean line. */
export function plainLine(text: string): string {
  // Most texts are plain already: worked out per row per push in a burst, so no new string for them.
  if (!NOT_PLAIN.test(text)) return text.trim();
  return (
    text
      // eslint-disable-next-line no-control-regex -- turning control characters into spaces is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Cuts at a character boundary (never inside a surrogate pair) and adds an ellipsis. */
export function truncate(text: string, maxChars: number): string {
  // Never more characters than UTF-16 units: a short text needs no splitting (most previews).
  if (text.length <= maxChars) return text;
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return `${chars
    .slice(0, Math.max(1, maxChars - 1))
    .join('')
    .trimEnd()}…`;
}

export function mediaWord(contentType: MessageContentType): MessageKey | null {
  return contentType === 'text' ? null : MEDIA_WORDS[contentType];
}

/** "Olá!" · "📷 Photo" · "📷 Photo: look at this" · "📄 Document: invoice.pdf", in the translator's language. */
export function describeMessage(kind: MessageContentType, text: string, words: Translator): string {
  const media = mediaWord(kind);
  if (!media) return text;
  return text ? words.t('media.withCaption', { media: words.t(media), text }) : words.t(media);
}

/** One clean, bounded line for a message: the list preview and notification bodies. */
export function messagePreview(
  message: { contentType: MessageContentType; content: string },
  words: Translator,
  maxChars = 120,
): string {
  return truncate(describeMessage(message.contentType, plainLine(message.content), words), maxChars);
}
