import { describe, expect, it } from 'vitest';
import { createSaver, type StateFile } from '../../src/core/persistence/state-file';
import { createFakeScheduler } from '../support/fake-scheduler';

function recordingFile(): StateFile & { saves: unknown[] } {
  const saves: unknown[] = [];
  return {
    path: '/nowhere',
    saves,
    load: () => ({ data: undefined, problem: null }),
    save: (d) => void saves.push(d),
    preserveCopy: () => null,
  };
}

describe('debounced saving', () => {
  it('writes a burst of changes once, a second after the first', () => {
    const clock = createFakeScheduler();
    const file = recordingFile();
    let version = 0;
    const saver = createSaver(file, () => ({ version }), clock);
    for (let i = 0; i < 2_000; i += 1) {
      version = i;
      saver.schedule();
    }
    clock.advance(999);
    expect(file.saves).toEqual([]);
    clock.advance(1);
    expect(file.saves).toEqual([{ version: 1_999 }]);
  });

  it('flush writes at once (quitting), and nothing is written twice', () => {
    const clock = createFakeScheduler();
    const file = recordingFile();
    const saver = createSaver(file, () => 'state', clock);
    saver.schedule();
    saver.flush();
    clock.advance(5_000);
    expect(file.saves).toEqual(['state']);
  });
});
