/**
 * `compare TOPIC`: what each outlet says on a topic, side by side, then what the outlets state
 * differently. Which outlets cover the topic is decided paragraph by paragraph (coverage.ts);
 * every statement about an outlet is computed over the whole articles it has on the topic
 * (statements.ts), never over the excerpts shown. When the paragraphs about the topic belong to
 * several stories, all of it stays within the dominant one (compare-scope.ts): an outlet with no
 * article in that story is said to have none there, never compared on another event.
 */
import type { Article, Source } from '../corpus/types.js';
import { analyse, ENGLISH_MARK, isQuestionWord, languageOf, terms as termsIn, type Language } from '../text/analyser.js';
import { englishTranslationsOf } from '../text/lexicon.js';
import type { Concept, Topic } from './coverage.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { excerptFor, suggestionsFor, type PreparedQuery } from './retrieve.js';
import { storyRef } from './story-list.js';
import { countStatements, figureStatements, personStatements } from './statements.js';
import { TOPIC_ARTICLES, topicOutlets } from './topic-outlets.js';
import { factMatrix } from './fact-matrix.js';
import type { CompareAnswer, NoEvidenceAnswer, OutletCoverage } from './types.js';

/** Excerpts per outlet at most. */
export const COMPARE_EXCERPTS = 3;
/** Letters a word's beginning must share with the topic's word for the word not to be called missing. */
const ABSENCE_PREFIX = 5;
/** Index terms with that beginning looked up at most. */
const ABSENCE_TERMS = 40;

/** Compares the outlets of the corpus on a topic. */
export function compare(kb: KnowledgeBase, text: string): CompareAnswer | NoEvidenceAnswer {
  const { query, topic, scope, perOutlet, covering, carried } = topicOutlets(kb, text);
  const { story } = scope;
  if (perOutlet.every((o) => o.relevant.length === 0)) return { kind: 'no-evidence', command: 'compare', query: text, suggestions: suggestionsFor(kb, query) };
  const outlets: OutletCoverage[] = perOutlet.map(({ source, candidates, relevant }) => {
    const shared = { sourceId: source.id, outlet: source.short, outletName: source.name, color: source.color };
    if (relevant.length > 0) {
      const excerpts = relevant.slice(0, COMPARE_EXCERPTS).map((r) => excerptFor(kb, query, r.doc));
      const carries = [...new Set(relevant.map((r) => carried.get(r.doc.article.id)).filter((o): o is string => o !== undefined))];
      const articles = Math.min(TOPIC_ARTICLES, new Set(relevant.map((r) => r.doc.article.id)).size);
      return { ...shared, coverage: 'covers', covered: true, excerpts, missing: [], articles, ...(carries.length > 0 ? { carries } : {}) };
    }
    const { missing, all } = missingWords(kb, query, topic, source);
    if (missing.length > 0) return { ...shared, coverage: all ? 'none' : 'lacks-words', covered: false, excerpts: [], missing, articles: 0 };
    // The outlet writes about the topic elsewhere, in no article of this story: say only that.
    if (story && !story.articles.some((a) => kb.corpus.articles[a]?.source === source.id)) return { ...shared, coverage: 'outside-story', covered: false, excerpts: [], missing: [], articles: 0 };
    // Every word is there, in no paragraph about the topic: show the closest, claim nothing more.
    const closest = candidates.find((r) => r.share > 0);
    return { ...shared, coverage: 'in-passing', covered: false, excerpts: closest ? [excerptFor(kb, query, closest.doc)] : [], missing: [], articles: 0, ...(story ? { inStory: true } : {}) };
  });
  const several = covering.length > 1;
  const figures = several ? figureStatements(kb, covering) : [];
  const counts = several ? countStatements(kb, covering) : [];
  const people = several ? personStatements(kb, covering) : [];
  return {
    kind: 'compare',
    topic: text,
    ...(story ? { story: { ...storyRef(kb, story), leftOut: scope.leftOut } } : {}),
    outlets,
    figures,
    counts,
    people,
    // The same statements outlet by outlet, with dates and quotations (fact-matrix.ts).
    ...(several ? { matrix: factMatrix(kb, covering, text, { figures, counts, people }) } : {}),
  };
}

/**
 * Words of the topic that no paragraph of the outlet holds (a name counts only whole, under any of
 * its spellings), and whether that is every word of the topic. A topic asked in English is read,
 * for an outlet writing only in English, in its English words; otherwise in the words of its
 * French reading, and for an outlet with English articles a word is missing only when neither its
 * English reading (`Pyongyang`) nor any of its English translations (`marché` → market) is found
 * in them either. When no word of that reading is used anywhere in the corpus, the words as
 * written are checked, so that an outlet is never said to use words in passing that it lacks.
 */
function missingWords(kb: KnowledgeBase, query: PreparedQuery, topic: Topic, source: Source): { missing: string[]; all: boolean } {
  const languages = languagesOf(kb.corpus.articles).get(source.id) ?? NO_LANGUAGES;
  const inEnglish = topic.english !== undefined && query.english === query.text && languages.size === 1 && languages.has('en');
  const read = inEnglish && topic.english ? topic.english : topic;
  const concepts = read.concepts.length > 0 ? read.concepts : writtenConcepts(inEnglish ? (query.english ?? query.text) : query.text, inEnglish ? 'en' : 'fr');
  const alsoEnglish = !inEnglish && languages.has('en');
  const found = (term: string) => kb.index.sourceUses(source.id, term);
  // Absence is claimed only when no word even begins like the topic's word (`disparus` for
  // `disparues`, which stem apart): a claim that must hold under any ending.
  const has = (term: string, form: string) => {
    if (found(term)) return true;
    const mark = term.startsWith(ENGLISH_MARK) ? ENGLISH_MARK : '';
    return form.length >= ABSENCE_PREFIX && kb.index.termsStartingWith(mark + form.slice(0, ABSENCE_PREFIX), ABSENCE_TERMS).some(found);
  };
  const writes = (english: string) => {
    const written = termsIn(english, 'en');
    return written.length > 0 && written.every((t) => has(t, t.slice(ENGLISH_MARK.length)));
  };
  const names = (c: Concept) => kb.entities.some((e) => c.entities.has(e.key) && e.occurrences.some((o) => kb.paragraph(o.articleId, o.paragraph)?.source.id === source.id));
  const inEnglishArticles = (c: Concept) => alsoEnglish && (writes(c.words) || englishTranslationsOf(c.words).some(writes));
  const missing = concepts.filter((c) => !c.allOf.every((t, i) => has(t, c.forms[i] ?? t)) && !names(c) && !inEnglishArticles(c)).map((c) => c.words);
  return { missing, all: missing.length === concepts.length };
}

const NO_LANGUAGES: ReadonlySet<Language> = new Set();

/**
 * The languages each outlet's articles are in, read once per list of articles: every comparison
 * asks it of every outlet, and reading each article's language again cost a third of `/compare`
 * at 100 000 paragraphs. A composition (a publish) makes a new list, read again once.
 */
const languagesBySource = new WeakMap<readonly Article[], ReadonlyMap<string, ReadonlySet<Language>>>();

function languagesOf(articles: readonly Article[]): ReadonlyMap<string, ReadonlySet<Language>> {
  let known = languagesBySource.get(articles);
  if (!known) {
    const found = new Map<string, Set<Language>>();
    for (const a of articles) {
      const set = found.get(a.source);
      if (set) set.add(languageOf(a.language));
      else found.set(a.source, new Set([languageOf(a.language)]));
    }
    languagesBySource.set(articles, (known = found));
  }
  return known;
}

/** The words of a text as concepts of their own, unweighed: what absence is checked on when no concept is left. */
function writtenConcepts(text: string, language: Language): Concept[] {
  return analyse(text, language).flatMap((t) => (t.term === undefined || isQuestionWord(t.folded, language) ? [] : [{ words: t.surface, allOf: [t.term], forms: [t.folded], entities: new Set<string>(), weight: 0 }]));
}
