import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { translator, type Translator } from '../../../shared/i18n/translate';
import { useLocale } from './locale-store';

const I18nContext = createContext<Translator>(translator('en'));

/** Gives every component the active language's translator; `<html lang>` follows it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={translator(locale)}>{children}</I18nContext.Provider>;
}

/** The active language's translator: `t('key', params)` and its locale for Intl. */
export const useT = (): Translator => useContext(I18nContext);
