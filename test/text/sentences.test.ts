import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/text/sentences.js';

const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentence spans', () => {
  it('splits on full stops followed by a capital', () => {
    expect(split('Le train part. Il arrive demain.')).toEqual(['Le train part.', 'Il arrive demain.']);
  });

  it('does not split after M. or MM. before a name', () => {
    expect(split('La visite de M. Choïgou a eu lieu. MM. Kim et Choïgou ont parlé.')).toEqual([
      'La visite de M. Choïgou a eu lieu.',
      'MM. Kim et Choïgou ont parlé.',
    ]);
  });

  it('keeps a closing quote with its sentence and starts a new one at an opening quote', () => {
    expect(split('Il a dit « merci. » « Ceci est la preuve », a-t-il ajouté.')).toEqual(['Il a dit « merci. »', '« Ceci est la preuve », a-t-il ajouté.']);
  });

  it('does not split inside numbers like 1.000', () => {
    expect(split('En plus de 1.000 sapeurs, ils viennent.')).toHaveLength(1);
  });

  it('returns the whole text when there is no final punctuation', () => {
    expect(split('Une reprise dynamique des connexions')).toEqual(['Une reprise dynamique des connexions']);
  });

  it('excludes surrounding white space', () => {
    expect(split('  Un.  Deux.  ')).toEqual(['Un.', 'Deux.']);
  });
});
