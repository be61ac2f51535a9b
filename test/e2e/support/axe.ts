/**
 * axe-core on what is on screen, in both themes and at the two window sizes we support:
 * every serious or critical violation, described so a failure says what to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const SIZES = [
  { width: 800, height: 600 },
  { width: 1920, height: 1080 },
] as const;
export const THEMES = ['light', 'dark'] as const;

/** "rule (impact): target — summary" for each serious or critical finding, in every theme and size. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        for (const node of violation.nodes) {
          const line =
            `${screen} ${colorScheme} ${size.width}×${size.height}: ${violation.id} (${violation.impact}) ` +
            `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`;
          // Printed as found too, so a run cut short still says what it saw.
          console.log(line);
          found.push(line);
        }
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
