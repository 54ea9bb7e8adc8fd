/** Compiling the line rules ahead (prepareNoiseRules) must leave what they remove unchanged. */
import { describe, expect, it } from 'vitest';
import { noiseRule, prepareNoiseRules } from '../../src/corpus/noise-lines.js';

const lines = ['Publié le 12 mars 2026 à 10h30', 'Abonnez-vous à notre newsletter', 'Le maire a inauguré le pont reconstruit.', '|', 'Lire aussi'];

describe('GIVEN the line rules', () => {
  it('WHEN compiled ahead THEN each line is removed, or kept, by the same rule as before', () => {
    const before = lines.map((l) => noiseRule(l)?.reason);
    prepareNoiseRules();
    prepareNoiseRules();
    expect(lines.map((l) => noiseRule(l)?.reason)).toEqual(before);
    expect(before[0]).toBeDefined();
    expect(before[2]).toBeUndefined();
  });
});
