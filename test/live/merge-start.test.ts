/**
 * Which segments a merge takes: the newest two, then each older one no larger than those taken,
 * so that a large merged segment waits until the new ones weigh as much as it does.
 */
import { describe, expect, it } from 'vitest';
import { mergeStart } from '../../src/live/guild-collection.js';

describe('mergeStart', () => {
  it('takes the small new segments and leaves a larger merged one', () => {
    expect(mergeStart([160, 20, 20, 20, 20, 20, 20, 20])).toBe(1);
    expect(mergeStart([500, 300, 100, 20, 20])).toBe(3);
  });

  it('takes an older segment once the new ones weigh as much', () => {
    expect(mergeStart([140, 20, 20, 20, 20, 20, 20, 20])).toBe(0);
    expect(mergeStart([60, 40, 20, 20])).toBe(0);
  });

  it('always takes the last two, and everything when there are only two', () => {
    expect(mergeStart([1000, 20])).toBe(0);
    expect(mergeStart([1000, 900, 20, 20])).toBe(2);
    expect(mergeStart([5])).toBe(0);
  });

  it('re-indexes each article a few times only over many publishes', () => {
    // 200 publishes of 20 paragraphs, merged at 8 segments as the live corpus does.
    let sizes: number[] = [];
    let indexed = 0;
    for (let i = 0; i < 200; i++) {
      sizes.push(20);
      indexed += 20;
      while (sizes.length >= 8) {
        const from = mergeStart(sizes);
        const merged = sizes.slice(from).reduce((a, b) => a + b, 0);
        indexed += merged;
        sizes = [...sizes.slice(0, from), merged];
      }
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(4000);
    // Merging everything each time would index about 25 times the collection.
    expect(indexed / 4000).toBeLessThan(6);
  });
});
