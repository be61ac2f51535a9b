import { describe, expect, it } from 'vitest';
import { nextListboxIndex } from '../../src/renderer/src/features/inbox/listbox-keys';

describe('nextListboxIndex', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(nextListboxIndex('ArrowDown', 0, 3, 5)).toBe(1);
    expect(nextListboxIndex('ArrowDown', 2, 3, 5)).toBe(2);
    expect(nextListboxIndex('ArrowUp', 0, 3, 5)).toBe(0);
    expect(nextListboxIndex('ArrowUp', 2, 3, 5)).toBe(1);
  });

  it('starts at the first row when nothing is active yet', () => {
    expect(nextListboxIndex('ArrowDown', -1, 3, 5)).toBe(0);
    expect(nextListboxIndex('ArrowUp', -1, 3, 5)).toBe(0);
  });

  it('jumps by a page or to either end', () => {
    expect(nextListboxIndex('PageDown', 1, 100, 8)).toBe(9);
    expect(nextListboxIndex('PageDown', 95, 100, 8)).toBe(99);
    expect(nextListboxIndex('PageUp', 5, 100, 8)).toBe(0);
    expect(nextListboxIndex('Home', 50, 100, 8)).toBe(0);
    expect(nextListboxIndex('End', 0, 100, 8)).toBe(99);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextListboxIndex('a', 1, 3, 5)).toBeNull();
    expect(nextListboxIndex('ArrowDown', -1, 0, 5)).toBeNull();
  });
});
