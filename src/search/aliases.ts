/**
 * Spelling variants of names (`Choïgou` / `Shoigu`, `Kyiv` / `Kiev`): a query naming one
 * variant also searches the others. Expansion happens on the query side only, so editing
 * `data/aliases.yaml` never requires re-indexing.
 */
import type { AliasGroup } from '../corpus/types.js';
import { analyse, terms, type Language } from '../text/analyser.js';

/** One spelling of an alias group: its folded words and the terms it indexes as (English ones made on first need). */
interface Variant {
  readonly text: string;
  readonly words: readonly string[];
  readonly terms: readonly string[];
  englishTerms?: readonly string[];
}

/** Folded word sequences of one alias group, with the terms each variant indexes as. */
interface CompiledGroup {
  readonly variants: readonly Variant[];
}

/** Expands queries with the other spellings of every name they contain. */
export class AliasExpander {
  private readonly groups: readonly CompiledGroup[];

  constructor(groups: readonly AliasGroup[]) {
    this.groups = groups.map((group) => ({
      variants: group.map((v) => ({ text: v, words: analyse(v).map((t) => t.folded), terms: terms(v) })),
    }));
  }

  /**
   * Index terms of the other spellings of names found in the text, not already in `present`, as
   * the articles of `language` index them. A name is found among the text's words as the French
   * analyser reads them, and for English also as the English one does (`Shoigu's`).
   *
   * @example new AliasExpander([['Choïgou', 'Shoigu']]).extraTerms('Shoigu à Pyongyang', [])
   * // → ['choigou']
   */
  extraTerms(text: string, present: readonly string[], language: Language = 'fr'): string[] {
    const read = [analyse(text).map((t) => t.folded)];
    if (language === 'en') read.push(analyse(text, 'en').map((t) => t.folded));
    const out = new Set<string>();
    for (const group of this.groups) {
      if (!group.variants.some((v) => read.some((words) => containsSequence(words, v.words)))) continue;
      for (const v of group.variants) for (const t of language === 'en' ? (v.englishTerms ??= terms(v.text, 'en')) : v.terms) if (!present.includes(t)) out.add(t);
    }
    return [...out];
  }
}

function containsSequence(words: readonly string[], seq: readonly string[]): boolean {
  if (seq.length === 0 || seq.length > words.length) return false;
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let j = 0; j < seq.length; j++) if (words[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}
