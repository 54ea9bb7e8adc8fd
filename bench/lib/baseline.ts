/**
 * The reference every relevance figure is compared with: MiniSearch 7.2 with default options
 * (one `text` field, its own tokenizer and lower-casing, default search options) over the same
 * paragraphs, and as its "excerpt" the best sentence of the top paragraph.
 */
import MiniSearch from 'minisearch';
import type { IndexedParagraph } from '../../src/search/paragraph-index.js';
import { sentenceSpans } from '../../src/text/sentences.js';

/** What the baseline answers for one question. */
export interface BaselineAnswer {
  /** Document ids (positions in the docs given to {@link Baseline}), best first. */
  readonly ranking: readonly number[];
  /** Best sentence of the top paragraph, or `''` when nothing matched. */
  readonly excerpt: string;
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined;

/** Default MiniSearch's own terms of a text (what its index and queries see). */
function defaultTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) out.add(term);
  }
  return out;
}

/** Plain MiniSearch over the paragraph texts. */
export class Baseline {
  private readonly mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });

  constructor(private readonly docs: readonly IndexedParagraph[]) {
    this.mini.addAll(docs.map((d) => ({ id: d.id, text: d.paragraph.text })));
  }

  /**
   * Ranks paragraphs with `search(question)` as is, and picks the top paragraph's sentence that
   * shares the most distinct terms with the question (the earliest on ties).
   */
  ask(question: string, limit: number): BaselineAnswer {
    const ranking = this.mini.search(question).slice(0, limit).map((r) => r.id as number);
    const top = ranking[0] === undefined ? undefined : this.docs[ranking[0]];
    if (!top) return { ranking, excerpt: '' };
    const text = top.paragraph.text;
    const wanted = defaultTerms(question);
    let best = { text: '', shared: -1 };
    for (const s of sentenceSpans(text)) {
      const sentence = text.slice(s.start, s.end);
      const shared = [...defaultTerms(sentence)].filter((t) => wanted.has(t)).length;
      if (shared > best.shared) best = { text: sentence, shared };
    }
    return { ranking, excerpt: best.text };
  }
}
