/** Settings as a user reaches them from the first start (the demo), connection fields typed in. */
import { expect, type Page } from '@playwright/test';
import type { Apps } from './fixtures';

/** The demo host, its Settings open, these connection fields typed in (not saved yet). */
export async function typeConnectionFromDemo(
  page: Page,
  apps: Apps,
  fields: { serverUrl: string; organizationId?: string; token: string },
): Promise<void> {
  const demo = await apps.host();
  await page.goto(demo.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('server-url').fill(fields.serverUrl);
  if (fields.organizationId !== undefined) await page.getByTestId('organization-id').fill(fields.organizationId);
  await page.getByTestId('token').fill(fields.token);
}
