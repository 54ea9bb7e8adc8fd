/**
 * Whether a paragraph is about a topic, for `compare`: the statement "RT does not cover this" is
 * only as true as this test. A topic is read as concepts, each weighed by how rare it is (idf):
 *
 * - one word is one concept (`mémoriaux`);
 * - a name of several words is one concept that counts only whole (`Corée du Sud`): a paragraph
 *   saying `Corée du Nord` matches `Corée` but is not about South Korea; `sud-coréen` holds both
 *   words (`coréen` begins with `corée`'s term) and is;
 * - other spellings of names (aliases.yaml) and translations of English words are concepts of
 *   their own (a query word the corpus never uses weighs nothing).
 *
 * A paragraph covers the topic when the concepts it holds weigh at least {@link COVER_FLOOR} of
 * the topic's weight, and it holds the topic's dominant concept when there is one: a first word
 * much rarer than the others names the topic (`mémoriaux soldats nord-coréens` is about
 * memorials; a paragraph about North Korean soldiers is not).
 *
 * With English articles in the corpus, the topic is also read in English, from the English words
 * the query searches (src/text/lexicon.ts): an English paragraph is measured against those, a
 * French one against the French words, each with its own dominant concept.
 */
import { analyse, termLanguage, type Language } from '../text/analyser.js';
import { fold } from '../text/fold.js';
import { findByName } from './who.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { PreparedQuery } from './retrieve.js';

/**
 * Share of the topic's weight a paragraph must hold to cover it. Chosen on the labelled topics of
 * the seeds and the invented stories (test/fixtures/stories/truth): see the closing figures in
 * test/answers/compare-truth.test.ts.
 */
export const COVER_FLOOR = 0.3;
/** A first concept weighing at least this share of the topic… */
export const DOMINANT_SHARE = 0.4;
/** …and this many times the next heaviest concept names the topic: a paragraph must hold it. */
export const DOMINANT_RATIO = 1.25;
/** A term begins a longer paragraph term (`corée` → `coréen`) only from this length. */
const PREFIX_MIN = 4;
/** Folded forms of Latin letters, digits, spaces and punctuation only. */
const LATIN_ONLY = /^[\u0020-\u024f]*$/u;

/** One concept of a topic: the words as the user wrote them, and the index terms that match it. */
export interface Concept {
  /** As written in the topic, e.g. `Corée du Sud`. */
  readonly words: string;
  /** Every term must be found for the concept to count (one term, or a name's terms). */
  readonly allOf: readonly string[];
  /**
   * The folded words behind {@link allOf}, in the same order: a paragraph word that begins with
   * one also holds it (`coréen` holds `Corée`, whose stem `cor` is too short to compare).
   */
  readonly forms: readonly string[];
  /**
   * Keys of the people and organisations a name concept names (`Tchelnokov` is also written
   * `Tchelnokow`): a paragraph naming one of them holds the concept under any spelling.
   */
  readonly entities: ReadonlySet<string>;
  readonly weight: number;
}

/** A topic read as concepts, with the dominant one when there is one. */
export interface Topic {
  readonly concepts: readonly Concept[];
  readonly total: number;
  readonly dominant?: Concept;
  /** The topic as English paragraphs hold it, when the corpus has English articles. */
  readonly english?: Topic;
}

/** Reads a prepared query as weighed concepts; concepts the corpus never uses weigh nothing and are dropped. */
export function topicOf(kb: KnowledgeBase, query: PreparedQuery): Topic {
  const french = topicIn(kb, query, query.text, 'fr');
  return query.english === undefined ? french : { ...french, english: topicIn(kb, query, query.english, 'en') };
}

/** The topic in one language: the words of `text` as that language's analyser reads them, and the query's terms of that language. */
function topicIn(kb: KnowledgeBase, query: PreparedQuery, text: string, language: Language): Topic {
  const df = (t: string) => kb.index.documentFrequency(t);
  const idf = (t: string) => kb.index.idf(t);
  const tokens = analyse(text, language);
  // A number is either language's; a word only its own.
  const wanted = new Set(query.terms.filter((t) => (termLanguage(t) ?? language) === language));
  const concepts: Concept[] = [];
  const used = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const name = nameAt(text, tokens, i, language);
    const span = tokens.slice(i, name > i ? name : i + 1);
    const kept = span.filter((t) => t.term !== undefined && wanted.has(t.term));
    const terms = kept.map((t) => t.term as string);
    i = Math.max(name, i + 1);
    if (terms.length === 0) continue;
    terms.forEach((t) => used.add(t));
    const first = span[0];
    const last = span[span.length - 1];
    // A name the corpus spells otherwise (`Tchelnokow`) still counts, through the people it names.
    if (!terms.some((t) => df(t) > 0) && !/^\p{Lu}/u.test(first?.surface ?? '')) continue;
    const words = first && last ? text.slice(first.start, last.end) : terms.join(' ');
    const named = /^\p{Lu}/u.test(words) ? new Set(findByName(kb.entities, words).map((e) => e.key)) : new Set<string>();
    concepts.push({ words, allOf: terms, forms: kept.map((t) => t.folded), entities: named, weight: [...new Set(terms)].reduce((s, t) => s + idf(t), 0) });
  }
  // Alias spellings and translations: one concept each, for the words they stand for.
  for (const t of wanted) {
    if (used.has(t) || df(t) === 0) continue;
    used.add(t);
    // Shown as the articles usually write it (`ouvriers`), not as the stem (`ouvri`).
    concepts.push({ words: kb.index.surfaceOf(t), allOf: [t], forms: [fold(kb.index.surfaceOf(t))], entities: new Set(), weight: idf(t) });
  }
  const total = concepts.reduce((s, c) => s + c.weight, 0);
  // The head of a French noun phrase comes first (`mémoriaux [des] soldats nord-coréens`); when it
  // is also much rarer than every other word, it names the topic and the rest only narrows it.
  // A rarer complement (`chefs d'entreprise de la délégation`) or a list of near-synonyms
  // (`train liaisons ferroviaires`) names no single word the topic cannot do without.
  const [head, ...rest] = concepts;
  const heaviestRest = Math.max(0, ...rest.map((c) => c.weight));
  const dominant = head && rest.length > 0 && total > 0 && head.weight / total >= DOMINANT_SHARE && head.weight >= DOMINANT_RATIO * heaviestRest ? head : undefined;
  return { concepts, total, ...(dominant ? { dominant } : {}) };
}

/** What a paragraph holds, for coverage: its index terms and its folded words. */
export interface ParagraphWords {
  /** Whether its text holds an index term. */
  has(term: string): boolean;
  /** Whether one of its words, folded, is longer than `form` (folded) and begins with it. */
  beginsWord(form: string): boolean;
  /** Keys of the people and organisations it names. */
  readonly entities: ReadonlySet<string>;
  /** The language it is analysed in (French when not given). */
  readonly language?: Language;
}

/**
 * The share of a topic's weight a paragraph holds (0 when it lacks the dominant concept),
 * measured against the topic in the paragraph's language.
 */
export function coverageShare(topic: Topic, paragraph: ParagraphWords): number {
  if (paragraph.language === 'en' && topic.english) topic = topic.english;
  if (topic.total === 0) return 0;
  if (topic.dominant && !holds(topic.dominant, paragraph)) return 0;
  const held = topic.concepts.filter((c) => holds(c, paragraph)).reduce((s, c) => s + c.weight, 0);
  return held / topic.total;
}

/**
 * Whether a paragraph holds a concept: each of its terms, or, for a name of several words, a word
 * beginning with the name's word as written (`sud-coréen` holds `Corée du Sud`).
 */
export function holds(concept: Concept, paragraph: ParagraphWords): boolean {
  if ([...concept.entities].some((k) => paragraph.entities.has(k))) return true;
  const name = concept.allOf.length > 1;
  return concept.allOf.every((t, i) => {
    if (paragraph.has(t)) return true;
    const form = concept.forms[i] ?? t;
    return name && form.length >= PREFIX_MIN && paragraph.beginsWord(form);
  });
}

/**
 * What one indexed paragraph holds. `recorded` (from a search: terms by bit, and the bits its text
 * holds) answers most questions without reading the text; the paragraph's analysis is read only
 * for a term the search did not record, or a name's word sought by its beginning.
 */
export function paragraphWords(kb: KnowledgeBase, docId: number, recorded?: { readonly terms: readonly string[]; readonly held: number }): ParagraphWords {
  const text = kb.index.docs[docId]?.paragraph.text ?? '';
  let analysed: { terms: ReadonlySet<string>; words: readonly string[] } | undefined;
  const analysis = () => {
    if (analysed) return analysed;
    const { words } = kb.index.analysisOf(docId);
    analysed = {
      terms: new Set(words.terms.filter((t): t is string => t !== undefined)),
      words: words.starts.map((start, i) => fold(text.slice(start, words.ends[i]))),
    };
    return analysed;
  };
  let folded: string | undefined;
  return {
    has: (term) => {
      const key = recorded ? recorded.terms.indexOf(term) : -1;
      return key >= 0 ? ((recorded?.held ?? 0) >>> key) & 1 ? true : false : analysis().terms.has(term);
    },
    beginsWord: (form) => {
      // A paragraph whose folded text does not hold the form has no word beginning with it: most
      // paragraphs are settled so, without analysing their text (the analysis of a paragraph
      // first met costs tens of times more). Folding is letter by letter for Latin letters;
      // other scripts (the Greek final sigma folds by context) are read word by word.
      if (LATIN_ONLY.test(form) && !(folded ??= fold(text)).includes(form)) return false;
      return analysis().words.some((w) => w.length > form.length && w.startsWith(form));
    },
    entities: new Set(kb.entitiesOf(docId).map((m) => m.entity.key)),
    language: kb.index.languageOfDoc(docId),
  };
}

/**
 * End (token index, exclusive) of a name of several capitalised words starting at token `i`
 * (`Corée du Sud`, `Kim Jong Un`, `Conseil de sécurité` is only `Conseil`), or `i` when none.
 */
function nameAt(text: string, tokens: ReturnType<typeof analyse>, i: number, language: Language): number {
  const capital = (k: number) => /^\p{Lu}/u.test(tokens[k]?.surface ?? '');
  const connectors = language === 'en' ? /^(?:of|the)$/iu : /^(?:du|de|des|la|le|d['’]\p{L}*)$/iu;
  const connector = (k: number) => connectors.test(tokens[k]?.surface ?? '');
  if (!capital(i)) return i;
  let end = i + 1;
  let k = i + 1;
  while (k < tokens.length) {
    // Words of one name are adjacent: no punctuation between them.
    const gap = text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0);
    if (!/^[\s\u00a0'’-]*$/.test(gap)) break;
    if (capital(k)) end = k += 1;
    else if (connector(k) && capital(k + 1)) k += 1;
    else break;
  }
  return end - i >= 2 ? end : i;
}
