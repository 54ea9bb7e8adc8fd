/**
 * The corpus as the start-up cache keeps it: articles' metadata as JSON, paragraph texts in a
 * {@link TextTable} decoded when a paragraph is read. A restored paragraph reads exactly as the
 * validated one did (`text` is the same string), without 100 000 texts decoded at start-up.
 */
import type { Article, Corpus, Paragraph } from '../corpus/types.js';
import { TextTable } from './text-table.js';

/** An article without its paragraphs: how many it has, their numbers and headings are saved apart. */
type ArticleHead = Omit<Article, 'paragraphs'> & {
  readonly paragraphCount: number;
  /** Headings by paragraph position in the article, only where there is one. */
  readonly headings?: Readonly<Record<number, string>>;
};

/** The saved corpus: JSON for the metadata, arrays for the paragraphs. */
export interface SavedCorpus {
  readonly json: { readonly sources: Corpus['sources']; readonly aliases: Corpus['aliases']; readonly counted?: Corpus['counted']; readonly countries?: Corpus['countries']; readonly articles: readonly ArticleHead[] };
  /** Every paragraph's number, articles in order. */
  readonly numbers: Int32Array;
  /** Every paragraph's text, in the same order. */
  readonly texts: TextTable;
}

/** A paragraph whose text stays encoded until read. */
class StoredParagraph implements Paragraph {
  readonly heading?: string;

  constructor(
    readonly n: number,
    heading: string | undefined,
    private readonly texts: TextTable,
    private readonly at: number,
  ) {
    if (heading !== undefined) this.heading = heading;
  }

  get text(): string {
    return this.texts.get(this.at);
  }

  /** Serialises like a plain paragraph (a getter alone would be left out). */
  toJSON(): Paragraph {
    return { n: this.n, text: this.text, ...(this.heading !== undefined ? { heading: this.heading } : {}) };
  }
}

/** The saved form of a validated corpus. */
export function saveCorpus(corpus: Corpus): SavedCorpus {
  const texts: string[] = [];
  const numbers: number[] = [];
  const articles = corpus.articles.map(({ paragraphs, ...head }) => {
    const headings: Record<number, string> = {};
    paragraphs.forEach((p, i) => {
      texts.push(p.text);
      numbers.push(p.n);
      if (p.heading !== undefined) headings[i] = p.heading;
    });
    return { ...head, paragraphCount: paragraphs.length, ...(Object.keys(headings).length > 0 ? { headings } : {}) };
  });
  return { json: { sources: corpus.sources, aliases: corpus.aliases, counted: corpus.counted ?? [], countries: corpus.countries ?? [], articles }, numbers: Int32Array.from(numbers), texts: TextTable.of(texts) };
}

/** The corpus back from its saved form. Throws when the parts do not fit together. */
export function restoreCorpus(saved: SavedCorpus): Corpus {
  const { json, numbers, texts } = saved;
  if (numbers.length !== texts.length) throw new Error(`recoupe: saved corpus has ${numbers.length} paragraph numbers for ${texts.length} texts`);
  let at = 0;
  const articles: Article[] = json.articles.map(({ paragraphCount, headings, ...head }) => {
    const paragraphs: Paragraph[] = [];
    for (let i = 0; i < paragraphCount; i++, at++) {
      if (at >= texts.length) throw new Error('recoupe: saved corpus has fewer paragraphs than its articles say');
      paragraphs.push(new StoredParagraph(numbers[at] as number, headings?.[i], texts, at));
    }
    return { ...head, paragraphs };
  });
  if (at !== texts.length) throw new Error('recoupe: saved corpus has more paragraphs than its articles say');
  return { sources: json.sources, aliases: json.aliases, counted: json.counted ?? [], countries: json.countries ?? [], articles };
}
