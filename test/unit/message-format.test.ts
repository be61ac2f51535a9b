import { describe, expect, it } from 'vitest';
import { formatMessage, type FormatNode } from '../../src/shared/message-format';

/** A compact picture of the tree: <b>…</b>, <i>…</i>, <s>…</s>, <code>…</code>, <pre>…</pre>, [text](href). */
function show(nodes: FormatNode[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.text;
        case 'link':
          return `[${node.text}](${node.href})`;
        case 'code':
          return `<code>${node.text}</code>`;
        case 'block':
          return `<pre>${node.text}</pre>`;
        case 'bold':
          return `<b>${show(node.children)}</b>`;
        case 'italic':
          return `<i>${show(node.children)}</i>`;
        case 'strike':
          return `<s>${show(node.children)}</s>`;
      }
    })
    .join('');
}

const f = (text: string) => show(formatMessage(text));

describe('WhatsApp formatting', () => {
  it('bold, italic, strike and inline code', () => {
    expect(f('*Promoção* só _hoje_, ~R$ 50~ por `R$ 40`')).toBe(
      '<b>Promoção</b> só <i>hoje</i>, <s>R$ 50</s> por <code>R$ 40</code>',
    );
  });

  it('nests emphasis; code stays literal', () => {
    expect(f('*muito _importante_ mesmo*')).toBe('<b>muito <i>importante</i> mesmo</b>');
    expect(f('_*os dois*_')).toBe('<i><b>os dois</b></i>');
    expect(f('`*não* _formata_`')).toBe('<code>*não* _formata_</code>');
  });

  it('a block keeps its lines and markers as they are', () => {
    expect(f('Veja:\n```linha 1\n*linha* 2```\nfim')).toBe('Veja:\n<pre>linha 1\n*linha* 2</pre>\nfim');
  });

  it('``` around one line is monospace within the sentence, not a block of its own', () => {
    expect(f('*Negrito* e ```codigo``` e `inline`')).toBe('<b>Negrito</b> e <code>codigo</code> e <code>inline</code>');
  });

  it('a block whose markers sit on their own lines starts and ends with its text, not an empty line', () => {
    expect(f('```\nconst total = 42;\n```')).toBe('<pre>const total = 42;</pre>');
    expect(f('```\n\nduas\n\n```')).toBe('<pre>\nduas\n</pre>');
  });

  it('leaves unmatched or misplaced markers as characters', () => {
    for (const text of [
      '2 * 3 = 6',
      '*sem fim',
      'snake_case_name',
      'a*b*c',
      '* espaço*',
      '*espaço *',
      '**',
      'um ` solto',
      '```nunca fecha',
      '*duas\nlinhas*',
    ]) {
      expect(f(text)).toBe(text);
    }
    expect(f('_a *b_ c*')).toBe('<i>a *b</i> c*');
    expect(f('(*entre parênteses*)')).toBe('(<b>entre parênteses</b>)');
  });

  it('turns http and https addresses into links, without the punctuation around them', () => {
    expect(f('Site: https://loja.example.com/p?id=1&x=2.')).toBe(
      'Site: [https://loja.example.com/p?id=1&x=2](https://loja.example.com/p?id=1&x=2).',
    );
    expect(f('(veja http://a.example/x), ok!')).toBe('(veja [http://a.example/x](http://a.example/x)), ok!');
    expect(f('https://en.wikipedia.org/wiki/Rio_(cidade)!')).toBe(
      '[https://en.wikipedia.org/wiki/Rio_(cidade)](https://en.wikipedia.org/wiki/Rio_(cidade))!',
    );
    expect(f('"https://x.example/a_b_c"?')).toBe('"[https://x.example/a_b_c](https://x.example/a_b_c)"?');
    expect(f('*https://x.example/promo*')).toBe('<b>[https://x.example/promo](https://x.example/promo)</b>');
  });

  it('links addresses typed from www. as https, and only those', () => {
    expect(f('Veja www.loja.com.br/promo_1.')).toBe('Veja [www.loja.com.br/promo_1](https://www.loja.com.br/promo_1).');
    expect(f('(WWW.Loja.example)')).toBe('([WWW.Loja.example](https://WWW.Loja.example))');
    expect(f('_www.a.example/x_')).toBe('<i>[www.a.example/x](https://www.a.example/x)</i>');
    // Already an address, an e-mail, part of a word, or no name after it: not a second link.
    expect(f('https://www.a.example')).toBe('[https://www.a.example](https://www.a.example)');
    for (const text of ['contato@www.loja.com', 'awww.a.example', 'www.', 'www.loja', 'sub.www.a.example']) {
      expect(formatMessage(text).some((node) => node.kind === 'link')).toBe(false);
    }
  });

  it('links nothing but http and https', () => {
    for (const text of ['javascript:alert(1)', 'ftp://x.example', 'file:///etc/passwd', 'https://', 'xhttps://a.b']) {
      expect(formatMessage(text).some((node) => node.kind === 'link')).toBe(false);
    }
  });

  it('keeps every character of plain text', () => {
    const text = '<img src=x onerror="alert(1)"> Olá 👋🏽 مرحبا';
    expect(formatMessage(text)).toEqual([{ kind: 'text', text }]);
  });
});
