/**
 * "No word of the other language left on screen", checked against the catalogs: the
 * other catalog's phrases that the shown language never uses (test/support/catalog-stretches.ts)
 * are looked for in what the window shows — its text, its title and the labels screen
 * readers read. (A message left untranslated in a catalog is caught by i18n-catalogs.test.ts.)
 */
import type { Page } from '@playwright/test';
import type { Locale } from '../../../src/shared/i18n/locale';
import { foreignStretches, normalText } from '../../support/catalog-stretches';

/** What a person sees or hears of the page: the text, the title, and the accessible labels. */
async function shownText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
  return normalText(text);
}

/** The other language's phrases on screen now (the check to expect empty). */
export async function otherLanguageOnScreen(page: Page, shown: Locale): Promise<string[]> {
  const other: Locale = shown === 'en' ? 'pt-BR' : 'en';
  const text = await shownText(page);
  return foreignStretches(shown, other).filter((stretch) => text.includes(stretch));
}
