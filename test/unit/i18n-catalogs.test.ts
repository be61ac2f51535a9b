import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { chooseLocale, resolveLocale } from '../../src/shared/i18n/locale';
import { CATALOGS, translator, type MessageKey } from '../../src/shared/i18n/translate';
import { foreignStretches, stretches } from '../support/catalog-stretches';

/** Every TypeScript source of the app but the catalogs, as one text. */
function appSources(dir = 'src'): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return path.endsWith(join('i18n', 'catalogs')) ? '' : appSources(path);
      return /\.tsx?$/.test(entry.name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe('the catalogs', () => {
  it('hold no message the app never shows (a key is named in the code, or built from a `prefix.${…}`)', () => {
    const code = appSources();
    const builtFrom = [...code.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1] ?? '');
    const unused = Object.keys(CATALOGS.en).filter(
      (key) => !code.includes(`'${key}'`) && !builtFrom.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('have the same keys in English and Portuguese', () => {
    expect(Object.keys(CATALOGS['pt-BR']).sort()).toEqual(Object.keys(CATALOGS.en).sort());
  });

  it('parse as ICU messages, every one of them', () => {
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      for (const [key, message] of Object.entries(catalog)) {
        expect(() => new IntlMessageFormat(message, locale), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it('use the same parameters in both languages', () => {
    const names = (message: string) =>
      [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    for (const [key, message] of Object.entries(CATALOGS.en)) {
      expect(names(CATALOGS['pt-BR'][key as keyof typeof CATALOGS.en]), key).toEqual(names(message));
    }
  });

  it('translate every message with words in it: only names and layout read the same in both', () => {
    const keys = Object.keys(CATALOGS.en) as MessageKey[];
    const same = keys.filter((key) => CATALOGS['pt-BR'][key] === CATALOGS.en[key]);
    // A language's own name is written in that language, whatever the window speaks.
    expect(same.filter((key) => stretches(CATALOGS.en[key]).length > 0)).toEqual(['language.pt-BR']);
  });

  it('give the e2e check phrases to look for in each language, not single words', () => {
    const english = foreignStretches('pt-BR', 'en');
    expect(english).toContain('a new code will appear in');
    expect(english).toContain('pause notifications');
    expect(english).not.toContain('whatsapp');
    expect(english.every((phrase) => phrase.includes(' '))).toBe(true);
    expect(foreignStretches('en', 'pt-BR')).toContain('pausar notificações');
  });

  it('say plurals the Brazilian way', () => {
    const { t } = translator('pt-BR');
    expect(t('notification.newMessages', { count: 1 })).toBe('1 nova mensagem');
    expect(t('notification.summary', { messages: 12, conversations: 5 })).toBe('12 novas mensagens em 5 conversas');
    expect(t('notification.summary', { messages: 2, conversations: 1 })).toBe('2 novas mensagens em 1 conversa');
  });

  it('say plurals the English way', () => {
    const { t } = translator('en');
    expect(t('notification.newMessages', { count: 1 })).toBe('1 new message');
    expect(t('notification.summary', { messages: 12, conversations: 5 })).toBe('12 new messages in 5 conversations');
  });
});

describe('the language the app speaks', () => {
  it('is pt-BR for any Portuguese first choice, English otherwise', () => {
    expect(resolveLocale(['pt-BR', 'en-US'])).toBe('pt-BR');
    expect(resolveLocale(['pt'])).toBe('pt-BR');
    expect(resolveLocale(['pt-PT'])).toBe('pt-BR');
    expect(resolveLocale(['en-US', 'pt-BR'])).toBe('en');
    expect(resolveLocale(['de-DE'])).toBe('en');
    expect(resolveLocale([])).toBe('en');
  });

  it('is the Settings choice when there is one', () => {
    expect(chooseLocale('en', ['pt-BR'])).toBe('en');
    expect(chooseLocale('pt-BR', ['en-US'])).toBe('pt-BR');
    expect(chooseLocale('system', ['pt-BR'])).toBe('pt-BR');
  });
});
