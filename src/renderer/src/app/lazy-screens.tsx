/**
 * The screens that are not the inbox, loaded when first opened: the first load carries
 * the inbox only, and Settings (with updates), a WhatsApp number's page (with the QR and
 * pairing flows and the QR library) come as their own chunks.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

export const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);

export const InstancePage = lazy(() =>
  import('../features/instances/InstancePage').then((module) => ({ default: module.InstancePage })),
);

/** A quiet stand-in while a screen's chunk loads (a blink on a fast disk, so no spinner). */
export function ScreenSuspense({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <Suspense
      fallback={
        <section className="placeholder" aria-busy="true" data-testid="screen-loading">
          <p className="muted">{t('app.openingScreen')}</p>
        </section>
      }
    >
      {children}
    </Suspense>
  );
}
