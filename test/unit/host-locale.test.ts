// The language the host speaks before and after a window says its own (the browser host
// cannot ask the OS): the process's locale first, then the window's, AUZAP_LOCALE and the
// OS (Electron) above both, Settings above all.
import { describe, expect, it } from 'vitest';
import { createHostLocale, languagesFromEnv } from '../../src/core/host-locale';

describe('the host language', () => {
  it('reads POSIX locale variables as language tags, and "C" as nothing', () => {
    expect(languagesFromEnv({ LANG: 'pt_BR.UTF-8' })).toEqual(['pt-BR']);
    expect(languagesFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'pt_PT@euro' })).toEqual(['pt-PT']);
    expect(languagesFromEnv({ LANGUAGE: 'pt_BR:en', LANG: 'en_US.UTF-8' })).toEqual(['pt-BR', 'en', 'en-US']);
    expect(languagesFromEnv({ LANG: 'C.UTF-8' })).toEqual([]);
    expect(languagesFromEnv({ LANG: 'POSIX' })).toEqual([]);
    expect(languagesFromEnv({})).toEqual([]);
  });

  it('speaks the process’s Portuguese until a window reports its languages, then the window’s', () => {
    const locale = createHostLocale({ processLanguages: () => ['pt-BR'], choice: () => 'system' });
    expect(locale.current()).toBe('pt-BR');
    locale.pageLanguages(['en-US', 'en']);
    expect(locale.current()).toBe('en');
  });

  it('lets AUZAP_LOCALE, the OS and a Settings choice win over the process', () => {
    expect(
      createHostLocale({ envLocale: 'en', processLanguages: () => ['pt-BR'], choice: () => 'system' }).current(),
    ).toBe('en');
    expect(
      createHostLocale({
        systemLanguages: () => ['en-GB'],
        processLanguages: () => ['pt-BR'],
        choice: () => 'system',
      }).current(),
    ).toBe('en');
    expect(createHostLocale({ processLanguages: () => ['pt-BR'], choice: () => 'en' }).current()).toBe('en');
  });
});
