/**
 * What the window shows about app updates: the contract between the main process's
 * update controller and the renderer. Updates never block the app: an error is shown
 * in words, in the window's language, and the app keeps working.
 */
import { z } from 'zod';
import { userText } from './i18n/user-text';

export const updateChannel = z.enum(['stable', 'beta']);
export type UpdateChannel = z.infer<typeof updateChannel>;

export const updateStatus = z.enum([
  'idle',
  'checking',
  'available',
  'not-available',
  'downloading',
  'downloaded',
  'error',
]);

// zod 4 numbers already reject NaN and ±Infinity.
const nonNegative = z.number().nonnegative();

export const updateState = z.object({
  status: updateStatus,
  /** The version on offer (available / downloading / downloaded), not the running one. */
  version: z.string().min(1).optional(),
  releaseNotes: z.string().nullable().optional(),
  /** Download progress, 0–100. */
  percent: nonNegative.max(100).optional(),
  bytesPerSecond: nonNegative.optional(),
  transferred: nonNegative.optional(),
  total: nonNegative.optional(),
  /** What went wrong when status is 'error', as catalog words (never a stack trace); an updater's own message is a quoted parameter. */
  error: userText.optional(),
  /** When the last check finished. */
  checkedAt: z.iso.datetime({ offset: true }).optional(),
  channel: updateChannel,
  /**
   * The user chose "Later" for the downloaded update: hide the restart prompt until the
   * next launch. The update still installs when the app quits (unless installsOnQuit is false).
   */
  dismissed: z.boolean().optional(),
  /** False where the downloaded update installs only on "Restart to update" (deb, rpm: the admin password). */
  installsOnQuit: z.boolean().optional(),
});
export type UpdateState = z.infer<typeof updateState>;

export function initialUpdateState(channel: UpdateChannel): UpdateState {
  return { status: 'idle', channel };
}
