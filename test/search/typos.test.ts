/**
 * A matcher's typos of a term are worked out once: asked again (one answer searches the same
 * words several times, and every composition over a base shares the base's matcher), it gives
 * the same list, equal to what a fresh matcher over the same stems finds.
 */
import { describe, expect, it } from 'vitest';
import { TypoMatcher } from '../../src/search/typos.js';

const STEMS = ['sapeur', 'sapeuse', 'saveur', 'digue', 'dingue', 'barrag', 'barrer', 'koursk'];
const matcher = () => new TypoMatcher(STEMS, () => true);

describe('GIVEN a matcher over a few stems', () => {
  it('WHEN a term is asked twice THEN the second answer is the first one, equal to a fresh matcher\'s', () => {
    const kept = matcher();
    const first = kept.typosOf('sapeurr');
    expect(first.map((t) => t.term)).toContain('sapeur');
    expect(kept.typosOf('sapeurr')).toBe(first);
    expect(kept.typosOf('sapeurr')).toEqual(matcher().typosOf('sapeurr'));
  });

  it('WHEN different terms are asked THEN each gets its own typos, none of another\'s', () => {
    const kept = matcher();
    const dig = kept.typosOf('diguee');
    const bar = kept.typosOf('barragg');
    expect(dig.map((t) => t.term)).toContain('digue');
    expect(bar.map((t) => t.term)).toContain('barrag');
    expect(dig.map((t) => t.term)).not.toContain('barrag');
    expect(kept.typosOf('diguee')).toEqual(matcher().typosOf('diguee'));
  });
});
