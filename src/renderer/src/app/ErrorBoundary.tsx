import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describeError } from '../../../shared/errors';
import { useT } from '../i18n/I18nProvider';

/** What the window shows instead of a blank page when rendering failed. */
export function ErrorFallback({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useT();
  return (
    <main className="centered" role="alert" data-testid="render-failure">
      <div className="render-failure">
        <h1>{t('renderFailure.title')}</h1>
        <p>{t('renderFailure.text')}</p>
        <pre className="render-failure__detail">{describeError(error)}</pre>
        <button type="button" className="button button--primary" onClick={onReload}>
          {t('renderFailure.reload')}
        </button>
      </div>
    </main>
  );
}

/** Catches what a component threw while rendering, so the user sees it and can reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('AuZap window failed to render:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <ErrorFallback error={this.state.error} onReload={() => window.location.reload()} />;
    return this.props.children;
  }
}
