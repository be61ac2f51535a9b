/**
 * Words main wants the user to read, as a catalog key and its parameters: the bridge
 * carries these, never sentences, and the text is chosen where it is shown. A parameter
 * may itself be words ("Could not load the numbers. {reason}"); a server's own message
 * is a plain string parameter, shown as a quote.
 */
import { z } from 'zod';
import { isMessageKey, type MessageKey, type Translator } from './translate';

export type UserTextParam = string | number | UserText;

export interface UserText {
  key: MessageKey;
  params?: Record<string, UserTextParam>;
}

export const userText: z.ZodType<UserText> = z.lazy(() =>
  z.object({
    key: z.string().refine(isMessageKey, 'not a message of the catalog'),
    params: z.record(z.string(), z.union([z.string(), z.number(), userText])).optional(),
  }),
) as z.ZodType<UserText>;

export const text = (key: MessageKey, params?: Record<string, UserTextParam>): UserText =>
  params ? { key, params } : { key };

/** The words in the translator's language, nested words included. */
export function say(words: Translator, value: UserText): string {
  if (!value.params) return words.t(value.key);
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value.params)) {
    params[name] = typeof param === 'object' ? say(words, param) : param;
  }
  return words.t(value.key, params);
}
