/**
 * WhatsApp's formatting, read from plain text into a tree the thread renders as React
 * elements — never as HTML, so a message can only ever produce text, emphasis, code and
 * links. The rules follow WhatsApp's: `*bold*`, `_italic_`, `~strike~` open after a
 * space, punctuation or the start and close before one, on one line, and nest; `` `code` ``
 * and ```` ```block``` ```` are literal. A marker without its partner stays a character.
 * Web addresses (http/https, or starting with `www.` as people type them: opened over
 * https) become links; where they end is decided first, so a `_` inside an address is
 * never italic and a full stop after one is not part of it.
 */
export type FormatNode =
  | { kind: 'text'; text: string }
  | { kind: 'link'; href: string; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'block'; text: string }
  | { kind: 'bold' | 'italic' | 'strike'; children: FormatNode[] };

const MARKERS: Record<string, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };

/** A scheme at a word start, then anything up to a space or a character no address contains. */
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"`]+/giu;
/**
 * `www.` then a name with at least one more dot, not inside a longer word, address or
 * e-mail ("contato@www.loja.com" stays text).
 */
const WWW_CANDIDATE = /(?<![\p{L}\p{N}@./:_-])www\.[\p{L}\p{N}-]+\.[\p{L}\p{N}][^\s<>"`]*/giu;
const INLINE_CODE = /`[^`\n]+`/gu;
const BLOCK = /```([\s\S]+?)```/gu;
const TRAILING_PUNCTUATION = /[.,;:!?'*_~]$/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Text the emphasis scanner must not look into: addresses and inline code, as [start, end). */
interface Atom {
  start: number;
  end: number;
  node: FormatNode;
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops what is punctuation after an address rather than part of it (a closing bracket only if unbalanced). */
function trimAddress(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1) ?? '';
    const unbalanced =
      (last === ')' && count(url, ')') > count(url, '(')) || (last === ']' && count(url, ']') > count(url, '['));
    if (!TRAILING_PUNCTUATION.test(url) && !unbalanced) return url;
    url = url.slice(0, -1);
  }
}

function atomsOf(text: string): Atom[] {
  const atoms: Atom[] = [];
  for (const match of text.matchAll(INLINE_CODE)) {
    atoms.push({
      start: match.index,
      end: match.index + match[0].length,
      node: { kind: 'code', text: match[0].slice(1, -1) },
    });
  }
  const addLink = (start: number, url: string, href: string) => {
    const end = start + url.length;
    if (!atoms.some((a) => start < a.end && end > a.start))
      atoms.push({ start, end, node: { kind: 'link', href, text: url } });
  };
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimAddress(match[0]);
    if (!/^https?:\/\/$/iu.test(url)) addLink(match.index, url, url);
  }
  for (const match of text.matchAll(WWW_CANDIDATE)) {
    const url = trimAddress(match[0]);
    addLink(match.index, url, `https://${url}`);
  }
  return atoms.sort((a, b) => a.start - b.start);
}

/** Text with its addresses and inline code turned into their nodes. */
function leaf(text: string, atoms: Atom[], from: number, to: number): FormatNode[] {
  const nodes: FormatNode[] = [];
  let at = from;
  for (const atom of atoms) {
    if (atom.start < from || atom.end > to) continue;
    if (atom.start > at) nodes.push({ kind: 'text', text: text.slice(at, atom.start) });
    nodes.push(atom.node);
    at = atom.end;
  }
  if (to > at) nodes.push({ kind: 'text', text: text.slice(at, to) });
  return nodes;
}

const inAtom = (atoms: Atom[], index: number) => atoms.some((a) => index >= a.start && index < a.end);

function opens(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (
    (before === undefined || !WORD_CHARACTER.test(before)) &&
    after !== undefined &&
    !/\s/u.test(after) &&
    after !== text[i]
  );
}

function closes(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return before !== undefined && !/\s/u.test(before) && (after === undefined || !WORD_CHARACTER.test(after));
}

/** Where the emphasis opened at `open` closes: the first fitting marker on the same line. */
function closingOf(text: string, atoms: Atom[], open: number): number | null {
  const marker = text[open];
  for (let j = open + 2; j < text.length; j += 1) {
    if (text[j] === '\n') return null;
    if (text[j] === marker && !inAtom(atoms, j) && closes(text, j)) return j;
  }
  return null;
}

function inline(text: string): FormatNode[] {
  const atoms = atomsOf(text);
  const nodes: FormatNode[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const kind = MARKERS[text[i] ?? ''];
    if (!kind || inAtom(atoms, i) || !opens(text, i)) continue;
    const close = closingOf(text, atoms, i);
    if (close === null) continue;
    nodes.push(...leaf(text, atoms, from, i));
    nodes.push({ kind, children: inline(text.slice(i + 1, close)) });
    from = close + 1;
    i = close;
  }
  nodes.push(...leaf(text, atoms, from, text.length));
  return nodes;
}

export function formatMessage(text: string): FormatNode[] {
  const nodes: FormatNode[] = [];
  let from = 0;
  for (const match of text.matchAll(BLOCK)) {
    if (match.index > from) nodes.push(...inline(text.slice(from, match.index)));
    const inner = match[1] ?? '';
    // One line between the markers is monospace within the sentence, as WhatsApp shows it.
    if (!inner.includes('\n')) nodes.push({ kind: 'code', text: inner });
    // ``` on a line of its own: the line break after it (and before the closing one) is layout, not content.
    else nodes.push({ kind: 'block', text: inner.replace(/^\n/, '').replace(/\n$/, '') });
    from = match.index + match[0].length;
  }
  if (from < text.length) nodes.push(...inline(text.slice(from)));
  return nodes;
}

/** The text as it reads, without its formatting marks: what a screen reader is given ("*sim*" says "sim"). */
export function unformatted(text: string): string {
  const read = (nodes: FormatNode[]): string =>
    nodes.map((node) => ('children' in node ? read(node.children) : node.text)).join('');
  return read(formatMessage(text));
}
