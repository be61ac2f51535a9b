/**
 * The state file: one JSON document written atomically by `conf` (the engine under
 * electron-store too). A damaged file never stops the app: it is moved aside (so
 * nothing is destroyed), reported, and the app starts from defaults.
 */
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import Conf from 'conf';
import { describeError } from '../../shared/errors';
import { systemClock, type Clock, type Logger, type Scheduler, type Timer } from '../ports';

export interface StateFile {
  readonly path: string;
  load(): { data: unknown; problem: string | null };
  save(data: unknown): void;
  /** Copies the file aside (before a save replaces contents we could not use); returns the copy's path. */
  preserveCopy(): string | null;
}

/** What both conf and electron-store offer. */
export interface JsonDocumentStore {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Moves an unreadable file aside before the store opens it; returns the problem in words. */
export function quarantineIfUnreadable(path: string, clock: Clock = systemClock): string | null {
  if (!existsSync(path)) return null;
  let reason: string;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') return null;
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return null;
    reason = 'it does not contain a JSON object';
  } catch (error) {
    reason = describeError(error);
  }
  const aside = `${path}.corrupt-${clock.now()}`;
  try {
    renameSync(path, aside);
    return `The saved state (${path}) could not be read (${reason}). It was kept as ${aside}; AuZap started with defaults.`;
  } catch {
    return `The saved state (${path}) could not be read (${reason}); AuZap started with defaults.`;
  }
}

/**
 * conf keeps its own bookkeeping (migrations) under this key. Handed a document without
 * it, conf reads and parses the whole file back on every save to carry it over (half the
 * cost of a save); we carry it ourselves, so a save only writes.
 */
const CONF_INTERNAL_KEY = '__internal__';

/** The document as read, apart from conf's own key (undefined when the file has none). */
function splitInternal(stored: Record<string, unknown>): { data: Record<string, unknown>; internal: unknown } {
  if (!(CONF_INTERNAL_KEY in stored)) return { data: stored, internal: undefined };
  const { [CONF_INTERNAL_KEY]: internal, ...data } = stored;
  return { data, internal };
}

/**
 * The document to hand conf: with its key as read, or, when the file has none, with the
 * key present but not enumerable, so conf skips its read and the file stays as conf
 * itself would write it.
 */
function withInternal(data: Record<string, unknown>, internal: unknown): Record<string, unknown> {
  if (internal !== undefined) return { ...data, [CONF_INTERNAL_KEY]: internal };
  const document = { ...data };
  Object.defineProperty(document, CONF_INTERNAL_KEY, { value: {}, enumerable: false });
  return document;
}

/** Wraps a conf-like store: reports a bad file once, never throws on write. */
export function createStateFile(
  open: () => JsonDocumentStore,
  pathOf: string,
  logger: Logger,
  clock: Clock = systemClock,
): StateFile {
  const problem = quarantineIfUnreadable(pathOf, clock);
  if (problem) logger.warn(problem);
  let document: JsonDocumentStore | null = null;
  let openProblem: string | null = null;
  try {
    document = open();
  } catch (error) {
    openProblem = `The saved state could not be opened (${describeError(error)}); changes will not be saved this session.`;
    logger.warn(openProblem);
  }
  let writeFailures = 0;
  const path = document?.path ?? pathOf;
  /** conf's key as last read; the file is read once before the first save if it was not loaded. */
  let internal: { value: unknown } | null = null;
  const read = (doc: JsonDocumentStore) => {
    const split = splitInternal(doc.store);
    internal = { value: split.internal };
    return split.data;
  };
  return {
    path,
    preserveCopy() {
      if (!existsSync(path)) return null;
      const copy = `${path}.unusable-${clock.now()}`;
      try {
        copyFileSync(path, copy);
        return copy;
      } catch {
        return null;
      }
    },
    load: () => ({ data: document ? read(document) : undefined, problem: problem ?? openProblem }),
    save(data) {
      if (!document) return;
      try {
        if (!internal) read(document);
        document.store = withInternal(data as Record<string, unknown>, internal?.value);
        writeFailures = 0;
      } catch (error) {
        writeFailures += 1;
        if (writeFailures === 1) {
          logger.warn(`could not save the state (${describeError(error)}); will retry`);
        }
      }
    },
  };
}

export const STATE_FILE_NAME = 'auzap-state';
export const SETTINGS_FILE_NAME = 'auzap-settings';

/**
 * How a state or settings file is written, by conf here and by electron-store (conf
 * underneath) in the Electron host: one setting for both hosts, not two copies to drift.
 */
export const STATE_FILE_FORMAT = {
  clearInvalidConfig: true,
  // Compact: the recent inbox can hold thousands of rows.
  serialize: (value: Record<string, unknown>) => JSON.stringify(value),
} as const;

/** The browser host's state file in AUZAP_DATA_DIR, with the same engine as electron-store. */
export function openConfStateFile(
  directory: string,
  logger: Logger,
  name = STATE_FILE_NAME,
  clock: Clock = systemClock,
): StateFile {
  const path = `${directory}/${name}.json`;
  return createStateFile(
    () =>
      new Conf<Record<string, unknown>>({
        cwd: directory,
        configName: name,
        ...STATE_FILE_FORMAT,
      }),
    path,
    logger,
    clock,
  );
}

/** Debounced saving: a burst of 2,000 messages is one write, not 2,000. */
export function createSaver(file: StateFile, collect: () => unknown, scheduler: Scheduler, debounceMs = 1_000) {
  let timer: Timer | null = null;
  const cancel = () => {
    timer?.cancel();
    timer = null;
  };
  const flush = () => {
    cancel();
    file.save(collect());
  };
  return {
    schedule() {
      timer ??= scheduler.setTimeout(flush, debounceMs);
    },
    flush,
    cancel,
  };
}
