/**
 * `wording TOPIC`: for each referent of the topic (a figure, a name, a quoted statement), the
 * words each outlet uses for it, counted over the outlet's whole articles on the topic, each with
 * one paragraph that shows it. The topic's articles are chosen as `compare` chooses them
 * (compare-scope.ts: within the dominant story, at most TOPIC_ARTICLES articles per outlet); the
 * referents are found on anchors the outlets share (wording-anchors.ts). An outlet none of whose
 * paragraphs holds any phrase of a referent is said to have no wording for it, which is true of
 * its whole articles on the topic.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { TOPIC_ARTICLES } from './topic-outlets.js';
import { scopedCandidates } from './compare-scope.js';
import { COVER_FLOOR, coverageShare, paragraphWords, topicOf } from './coverage.js';
import { prepareQuery, recordedTerms, suggestionsFor, type Candidate } from './retrieve.js';
import { storyRef } from './story-list.js';
import type { NoEvidenceAnswer } from './types.js';
import { figureReferents, qualifierReferents, quoteReferents, spellingReferents, type FoundReferent, type OutletTexts } from './wording-anchors.js';
import { partyReferents } from './wording-parties.js';
import { sentenceReferents } from './wording-sentences.js';
import { countPhrases, foldText, occurrences, phraseExcerpt } from './wording-text.js';
import type { OutletWording, WordingAnswer, WordingPhrase, WordingReferent } from './wording-types.js';

export type { WordingAnswer } from './wording-types.js';

/** Referents an answer shows at most. */
export const WORDING_REFERENTS_MAX = 12;
/** Phrases shown per outlet and referent at most, most used first. */
export const WORDING_PHRASES_MAX = 4;
/** Paragraphs per outlet judged about the topic, as `compare` judges them. */
const WORDING_CANDIDATES = 20;

/** The words each outlet uses for the referents of a topic. */
export function wording(kb: KnowledgeBase, text: string): WordingAnswer | NoEvidenceAnswer {
  const query = prepareQuery(kb, text);
  const topic = topicOf(kb, query);
  const recorded = recordedTerms(kb, query);
  const shareOf = (c: Candidate) => coverageShare(topic, paragraphWords(kb, c.doc, { terms: recorded, held: c.textTerms }));
  const scope = scopedCandidates(kb, query, WORDING_CANDIDATES, shareOf, COVER_FLOOR);
  const covering: Array<OutletTexts & { titles: readonly string[] }> = [];
  for (const source of kb.corpus.sources) {
    const relevant = (scope.bySource.get(source.id) ?? []).filter((c) => shareOf(c) >= COVER_FLOOR).map((c) => kb.index.docs[c.doc] as IndexedParagraph);
    const own = relevant.filter((d) => !republishes(kb, d));
    if (own.length > 0) covering.push({ sourceId: source.id, outlet: source.short, ...articlesOf(kb, own) });
  }
  if (covering.length === 0) return { kind: 'no-evidence', command: 'wording', query: text, suggestions: suggestionsFor(kb, query) };
  const found = covering.length > 1 ? [...figureReferents(kb, covering), ...quoteReferents(kb, covering), ...spellingReferents(kb, covering), ...qualifierReferents(kb, covering), ...partyReferents(kb, covering), ...sentenceReferents(covering)] : [];
  const referents: WordingReferent[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const counted = countReferent(f, covering);
    if (!counted) continue;
    const signature = counted.outlets.map((o) => `${o.sourceId}:${o.phrases.map((p) => p.text.toLowerCase()).join('|')}`).join(';');
    if (seen.has(signature)) continue;
    seen.add(signature);
    referents.push(counted);
  }
  referents.sort((a, b) => usingOutlets(b) - usingOutlets(a));
  return {
    kind: 'wording',
    topic: text,
    ...(scope.story ? { story: { ...storyRef(kb, scope.story), leftOut: scope.leftOut } } : {}),
    outlets: covering.map((o) => {
      const source = kb.corpus.sources.find((s) => s.id === o.sourceId);
      return { sourceId: o.sourceId, outlet: o.outlet, outletName: source?.name ?? o.outlet, color: source?.color ?? '', articles: o.articles.length, articleIds: o.articles.map((i) => kb.corpus.articles[i]?.id ?? '') };
    }),
    referents: referents.slice(0, WORDING_REFERENTS_MAX),
  };
}

function usingOutlets(r: WordingReferent): number {
  return r.outlets.filter((o) => o.state === 'found').length;
}

/**
 * Each outlet's phrases for a referent, counted over its articles on the topic; undefined when
 * fewer than two outlets use any, or when every outlet using some uses the same ones (no
 * difference of wording).
 */
function countReferent(f: FoundReferent, outlets: ReadonlyArray<OutletTexts & { titles: readonly string[] }>): WordingReferent | undefined {
  const result: OutletWording[] = outlets.map((o) => {
    // A phrase found for some outlets only (a generic `personnes`) is counted for the others only
    // when they use none of the rest: "no wording found" must hold for every phrase.
    const own = phrasesFor(f, o, f.phrases.filter((p) => !p.ownOnly || p.at.has(o.sourceId)));
    const phrases = own.length > 0 ? own : phrasesFor(f, o, f.phrases);

    phrases.sort((a, b) => b.count - a.count);
    const shown = phrases.slice(0, WORDING_PHRASES_MAX);
    if (shown.length > 0) return { outlet: o.outlet, sourceId: o.sourceId, state: 'found', phrases: shown };
    const inTitle = o.titles.some((t) => f.phrases.some((p) => occurrences(foldText(t), p.key).some((span) => !p.keep || p.keep(t, span))));
    return { outlet: o.outlet, sourceId: o.sourceId, state: inTitle ? 'title-only' : 'none', phrases: [] };
  });
  const using = result.filter((o) => o.state === 'found');
  if (using.length < 2) return undefined;
  const sets = using.map((o) => o.phrases.map((p) => p.text.toLowerCase()).sort().join('|'));
  if (new Set(sets).size < 2) return undefined;
  // Aligned sentences may differ by words an outlet also uses elsewhere: when some outlet writes
  // every phrase of the difference, the phrases are not alternatives of each other.
  if (f.anchor === 'sentence' && using.some((o) => o.phrases.length >= f.phrases.length)) return undefined;
  return { anchor: f.anchor, label: f.label, ...(f.value !== undefined ? { value: f.value } : {}), outlets: result };
}

/** One outlet's phrases among the given ones, each counted, with the paragraph the anchor found it in (else its first). */
function phrasesFor(f: FoundReferent, o: OutletTexts, wanted: FoundReferent['phrases']): WordingPhrase[] {
  const counts = countPhrases(o.paragraphs, f.phrases.filter((p) => wanted.includes(p)));
  const phrases: WordingPhrase[] = [];
  for (const p of wanted) {
    const list = counts.get(p.key) ?? [];
    const own = p.at.get(o.sourceId);
    const cited = (own && list.find((x) => x.doc === own.doc && x.span.start === own.span.start)) ?? list[0];
    if (!cited) continue;
    phrases.push({ text: cited.doc.paragraph.text.slice(cited.span.start, cited.span.end), count: list.length, excerpt: phraseExcerpt(cited) });
  }
  return phrases;
}

/** An article republishing another outlet's article (`syndication_of`): its words are the original's. */
function republishes(kb: KnowledgeBase, doc: IndexedParagraph): boolean {
  const of = doc.article.syndication_of;
  if (of === undefined) return false;
  const original = kb.corpus.articles.find((a) => a.id === of);
  return original !== undefined && original.source !== doc.article.source;
}

/**
 * Every paragraph of the articles the given paragraphs belong to (best first, at most
 * TOPIC_ARTICLES articles), in article order, with those articles' positions and titles.
 */
function articlesOf(kb: KnowledgeBase, docs: readonly IndexedParagraph[]): { paragraphs: IndexedParagraph[]; articles: number[]; titles: string[] } {
  const paragraphs: IndexedParagraph[] = [];
  const articles: number[] = [];
  const titles: string[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    const { article } = doc;
    if (seen.has(article.id)) continue;
    if (seen.size >= TOPIC_ARTICLES) break;
    seen.add(article.id);
    articles.push(kb.index.docArticle[doc.id] as number);
    titles.push(article.title);
    for (const p of article.paragraphs) {
      const d = kb.paragraph(article.id, p.n);
      if (d) paragraphs.push(d);
    }
  }
  return { paragraphs, articles, titles };
}
