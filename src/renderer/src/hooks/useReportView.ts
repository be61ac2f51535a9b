import { useEffect } from 'react';
import { runCommand } from '../bridge/run-command';

/**
 * Tells main whether the user is looking at the window and which conversation is
 * on screen, so notifications never interrupt what the user is already reading.
 */
export function useReportView(conversationId: string | null): void {
  useEffect(() => {
    const report = () =>
      void runCommand('ui:view-changed', {
        focused: document.hasFocus(),
        visible: document.visibilityState === 'visible',
        conversationId,
      });
    report();
    window.addEventListener('focus', report);
    window.addEventListener('blur', report);
    document.addEventListener('visibilitychange', report);
    return () => {
      window.removeEventListener('focus', report);
      window.removeEventListener('blur', report);
      document.removeEventListener('visibilitychange', report);
    };
  }, [conversationId]);
}
