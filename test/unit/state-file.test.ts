import fs, { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createStateFile, openConfStateFile, type JsonDocumentStore } from '../../src/core/persistence/state-file';
import type { Logger } from '../../src/core/ports';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A conf-like document that counts how often the whole file is read. */
function countingDocument(initial: Record<string, unknown>) {
  let stored = initial;
  const counts = { reads: 0, writes: 0 };
  const document: JsonDocumentStore = {
    path: '/nowhere/state.json',
    get store() {
      counts.reads += 1;
      return stored;
    },
    set store(value) {
      counts.writes += 1;
      stored = value;
    },
  };
  return { document, counts, current: () => stored };
}

describe('the state file', () => {
  it('loads what was saved, and keeps conf’s own bookkeeping in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'auzap-state-file-'));
    const path = join(dir, 'auzap-state.json');
    writeFileSync(path, JSON.stringify({ version: 3, __internal__: { migrations: { version: '1.0.0' } } }));
    const file = openConfStateFile(dir, quiet);
    expect(file.load().data).toEqual({ version: 3 });
    // conf reads the whole file back on a save unless handed its key: a busy inbox saves every second.
    const reads = vi.spyOn(fs, 'readFileSync');
    file.save({ version: 4, inboxes: [] });
    expect(reads.mock.calls.filter(([p]) => String(p) === path)).toEqual([]);
    reads.mockRestore();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 4,
      inboxes: [],
      __internal__: { migrations: { version: '1.0.0' } },
    });
    expect(openConfStateFile(dir, quiet).load().data).toEqual({ version: 4, inboxes: [] });
  });

  it('a file conf keeps nothing in is saved as conf would write it, without reading it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'auzap-state-file-'));
    const path = join(dir, 'auzap-state.json');
    const file = openConfStateFile(dir, quiet);
    expect(file.load().data).toEqual({});
    file.save({ version: 1 });
    const reads = vi.spyOn(fs, 'readFileSync');
    file.save({ version: 2 });
    expect(reads.mock.calls.filter(([p]) => String(p) === path)).toEqual([]);
    reads.mockRestore();
    expect(readFileSync(path, 'utf8')).toBe('{"version":2}');
  });

  it('a save writes without reading the whole file back each time (a busy inbox saves every second)', () => {
    const { document, counts, current } = countingDocument({ version: 1 });
    const file = createStateFile(() => document, document.path, quiet);
    file.load();
    const readsAfterLoad = counts.reads;
    for (let i = 0; i < 5; i += 1) file.save({ version: 1, saved: i });
    expect(counts.writes).toBe(5);
    expect(counts.reads).toBe(readsAfterLoad);
    expect(JSON.stringify(current())).toBe('{"version":1,"saved":4}');
  });
});
