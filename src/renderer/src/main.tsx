import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { failureNotices } from './app/failures';
import { reportUncaughtErrors } from './app/report-uncaught';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

reportUncaughtErrors(window, failureNotices);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </I18nProvider>
    </StrictMode>,
  );
}
