/**
 * Spelling variants of names (`Choïgou` / `Shoigu`, `Kyiv` / `Kiev`): a query naming one
 * variant also searches the others. Expansion happens on the query side only, so editing
 * `data/aliases.yaml` never requires re-indexing.
 */
import type { AliasGroup } from '../corpus/types.js';
import { analyse, terms } from '../text/analyser.js';

/** Folded word sequences of one alias group, with the terms each variant indexes as. */
interface CompiledGroup {
  readonly variants: readonly { readonly words: readonly string[]; readonly terms: readonly string[] }[];
}

/** Expands queries with the other spellings of every name they contain. */
export class AliasExpander {
  private readonly groups: readonly CompiledGroup[];

  constructor(groups: readonly AliasGroup[]) {
    this.groups = groups.map((group) => ({
      variants: group.map((v) => ({ words: analyse(v).map((t) => t.folded), terms: terms(v) })),
    }));
  }

  /**
   * Index terms of the other spellings of names found in the text, not already in `present`.
   *
   * @example new AliasExpander([['Choïgou', 'Shoigu']]).extraTerms('Shoigu à Pyongyang', [])
   * // → ['choigou']
   */
  extraTerms(text: string, present: readonly string[]): string[] {
    const words = analyse(text).map((t) => t.folded);
    const out = new Set<string>();
    for (const group of this.groups) {
      if (!group.variants.some((v) => containsSequence(words, v.words))) continue;
      for (const v of group.variants) for (const t of v.terms) if (!present.includes(t)) out.add(t);
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
