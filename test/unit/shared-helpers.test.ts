import { describe, expect, it } from 'vitest';
import { contactLabel } from '../../src/shared/contact-label';
import { createListeners } from '../../src/shared/listeners';
import { plainText } from '../../src/shared/message-text';
import { mimeTypeFor } from '../../src/shared/mime-types';
import { translator } from '../../src/shared/i18n/translate';

describe('listeners', () => {
  it('a listener that throws does not keep the others from hearing, and its error is reported', () => {
    const errors: unknown[] = [];
    const heard: string[] = [];
    const listeners = createListeners<string>((error) => errors.push(error));
    listeners.add(() => {
      throw new Error('broken window');
    });
    const remove = listeners.add((value) => heard.push(value));
    listeners.emit('snapshot');
    expect(heard).toEqual(['snapshot']);
    expect(errors).toEqual([new Error('broken window')]);
    remove();
    listeners.emit('later');
    expect(heard).toEqual(['snapshot']);
  });

  it('without an error handler the error still surfaces, after every listener ran', async () => {
    const heard: string[] = [];
    const listeners = createListeners<string>();
    listeners.add(() => {
      throw new Error('loud');
    });
    listeners.add((value) => heard.push(value));
    const surfaced = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    listeners.emit('x');
    expect(heard).toEqual(['x']);
    expect(await surfaced).toEqual(new Error('loud'));
  });
});

describe('contact label', () => {
  it('is the name, else the number, else says it is unknown', () => {
    const en = translator('en');
    expect(contactLabel({ contactName: '  Ana  ', contactPhone: '5511987654321' }, en)).toBe('Ana');
    expect(contactLabel({ contactName: ' ', contactPhone: '5511987654321' }, en)).toBe('+55 11 98765-4321');
    expect(contactLabel({ contactName: null, contactPhone: null }, en)).toBe('Unknown contact');
    expect(contactLabel(null, translator('pt-BR'))).toBe('Contato desconhecido');
  });
});

describe('plain text', () => {
  it('keeps line breaks and tabs, drops control characters', () => {
    expect(plainText('a\r\nb\rc\n\td\u0000\u001b[1m\u0085')).toBe('a\nb\nc\n\td[1m');
  });
});

describe('content types', () => {
  it('names what the hosts serve and treats the rest as bytes', () => {
    expect(mimeTypeFor('/out/renderer/assets/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('C:\\AuZap\\resources\\index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/out/renderer/.hidden')).toBe('application/octet-stream');
    expect(mimeTypeFor('/out/renderer/v1.2/LICENSE')).toBe('application/octet-stream');
  });
});
