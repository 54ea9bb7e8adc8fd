/**
 * Words of the corpus within a typo of a query word, found with MiniSearch's radix tree
 * (`SearchableMap.fuzzyGet`, `atPrefix`) over the index's stems, and weighted as MiniSearch
 * weighs fuzzy and prefix matches. French and English stems are kept in two trees, English ones
 * without their `en:` mark: a typo never crosses languages, and an English word's length is its
 * own, not its mark's.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { ENGLISH_MARK } from '../text/analyser.js';

/** Typos are tolerated from this stem length on (shorter stems collide with unrelated words). */
const FUZZY_MIN_LENGTH = 5;
/** Edits allowed per character of the word. */
const FUZZY_RATIO = 0.2;
/** Edits allowed at most, whatever the length: more reach unrelated words and cost time. */
const FUZZY_MAX_EDITS = 2;
/** MiniSearch's weights of a typo match and of a longer word sharing the beginning. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** Typo tolerance of "did you mean" suggestions (MiniSearch's autoSuggest habit, a third of the length). */
const SUGGEST_RATIO = 0.34;

/** An index term reached from a query word, and how much a match on it counts. */
export interface NearTerm {
  readonly term: string;
  /** Position of the term in the list the matcher was made from. */
  readonly id: number;
  readonly weight: number;
}

/** Terms whose typos a matcher keeps at most. */
const TYPOS_KEPT = 10_000;

/** Typo and prefix lookups over a fixed list of stems. */
export class TypoMatcher {
  /** Made on the first lookup: most queries need none, and it takes a while for a large vocabulary. */
  private trees: { readonly french: SearchableMap<number>; readonly english: SearchableMap<number> } | undefined;
  /** {@link typosOf}'s answers, by term (bounded: cleared when full). */
  private readonly typosFound = new Map<string, NearTerm[]>();

  /** `terms[id]` for every id; `isStem` keeps the terms worth matching (not the secondary forms). */
  constructor(
    private readonly terms: readonly string[],
    private readonly isStem: (term: string) => boolean,
  ) {}

  /**
   * Makes the lookup trees now rather than on the first lookup: for a segment built while
   * serving (a publish, a merge), so that the first query after it is put in place does not.
   */
  prepare(): void {
    this.stems('');
  }

  /** True when an unknown stem is long enough for its typos to be looked for. */
  static tolerates(term: string): boolean {
    return bare(term).word.length >= FUZZY_MIN_LENGTH;
  }

  /**
   * Stems within a typo of `term` (not itself, same language), weighted as MiniSearch weighs a
   * fuzzy match, in code-unit order of the stems: an order that does not depend on the tree, so
   * that the typos found in several segments' matchers come out as one matcher over all of them
   * gives them (scores are summed in this order).
   */
  typosOf(term: string): readonly NearTerm[] {
    // A matcher never changes, and one answer searches the same words several times (the topic,
    // then its dates or its outlets); the base's matcher serves every composition over it.
    let out = this.typosFound.get(term);
    if (out) return out;
    const { word, mark } = bare(term);
    const maxDistance = Math.min(FUZZY_MAX_EDITS, Math.round(word.length * FUZZY_RATIO));
    out = [];
    if (maxDistance > 0) {
      for (const [found, [id, distance]] of this.stems(mark).fuzzyGet(word, maxDistance)) {
        if (distance > 0) out.push({ term: mark + found, id, weight: (FUZZY_WEIGHT * found.length) / (found.length + distance) });
      }
      out.sort(byTerm);
    }
    if (this.typosFound.size >= TYPOS_KEPT) this.typosFound.clear();
    this.typosFound.set(term, out);
    return out;
  }

  /**
   * Stems close to `term` for suggestions: longer ones starting with it, and those within a
   * typo (two edits at most: beyond, a long word's neighbourhood is most of the index, slow to
   * walk and no longer a spelling of the word).
   */
  closeTo(term: string): NearTerm[] {
    const { word, mark } = bare(term);
    const stems = this.stems(mark);
    const found = new Map<string, NearTerm>();
    for (const [stem, id] of stems.atPrefix(word)) {
      const distance = stem.length - word.length;
      if (distance > 0) found.set(stem, { term: mark + stem, id, weight: (PREFIX_WEIGHT * stem.length) / (stem.length + 0.3 * distance) });
    }
    const maxDistance = Math.min(FUZZY_MAX_EDITS, Math.round(word.length * SUGGEST_RATIO));
    if (maxDistance > 0) {
      for (const [stem, [id, distance]] of stems.fuzzyGet(word, maxDistance)) {
        if (distance > 0 && !found.has(stem)) found.set(stem, { term: mark + stem, id, weight: (FUZZY_WEIGHT * stem.length) / (stem.length + distance) });
      }
    }
    return [...found.values()];
  }

  /** The tree of the language a term's mark says (`''` French, `en:` English). */
  private stems(mark: string): SearchableMap<number> {
    if (!this.trees) {
      const french = new SearchableMap<number>();
      const english = new SearchableMap<number>();
      this.terms.forEach((term, id) => {
        if (!this.isStem(term)) return;
        if (term.startsWith(ENGLISH_MARK)) english.set(term.slice(ENGLISH_MARK.length), id);
        else french.set(term, id);
      });
      this.trees = { french, english };
    }
    return mark === ENGLISH_MARK ? this.trees.english : this.trees.french;
  }
}

/** Code-unit order of the terms. */
export function byTerm(a: NearTerm, b: NearTerm): number {
  return a.term < b.term ? -1 : a.term > b.term ? 1 : 0;
}

/** A term without its language mark, and the mark (`''` for French and numbers). */
function bare(term: string): { word: string; mark: string } {
  return term.startsWith(ENGLISH_MARK) ? { word: term.slice(ENGLISH_MARK.length), mark: ENGLISH_MARK } : { word: term, mark: '' };
}
