import { describe, expect, it } from 'vitest';
import { groupByBlocks } from '../../src/extract/group.js';

describe('groupByBlocks', () => {
  const words = (s: string) => s.split(' ');
  const sharesTwo = (a: string, b: string) => words(a).filter((w) => words(b).includes(w)).length >= 2;

  it('groups by single link over items that share a block key, in first-seen order', () => {
    const groups = groupByBlocks(['red big box', 'big box lid', 'lid hinge box', 'green cup'], sharesTwo, {
      index: words,
    });
    expect(groups).toEqual([['red big box', 'big box lid', 'lid hinge box'], ['green cup']]);
  });

  it('never compares items without a common key', () => {
    let calls = 0;
    groupByBlocks(
      ['a b', 'c d', 'e f'],
      () => {
        calls++;
        return true;
      },
      { index: words },
    );
    expect(calls).toBe(0);
  });

  it('merges identical signatures and linked keys without comparing', () => {
    let calls = 0;
    const groups = groupByBlocks(
      ['x', 'x', 'y', 'z'],
      () => {
        calls++;
        return false;
      },
      { signature: (s) => s, link: (s) => (s === 'y' || s === 'z' ? ['yz'] : []), index: () => ['all'] },
    );
    expect(groups).toEqual([
      ['x', 'x'],
      ['y', 'z'],
    ]);
    expect(calls).toBeGreaterThan(0);
  });

  it('compares only in the direction a query names', () => {
    const groups = groupByBlocks(['1 apple', '2 apple', 'apple'], () => true, {
      index: (s) => ['w:apple', s],
      query: (s) => (/\d/.test(s) ? [] : ['w:apple']),
    });
    // The numbered items meet the plain one, so all three end up together through it.
    expect(groups).toEqual([['1 apple', '2 apple', 'apple']]);
  });

  it('stays fast on many items that share one key but differ in signature', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `exchange ${i}`);
    const started = performance.now();
    const groups = groupByBlocks(items, () => false, {
      signature: (s) => s,
      link: (s) => [s.split(' ')[1] ?? ''],
      index: () => [],
    });
    expect(groups).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
