/**
 * Words the claim quotes against the quotations of each outlet's articles on the topic, read as
 * `/quotes` reads them (quote-index.ts: the words, their speaker as the text attributes them).
 *
 * - `same`: the outlet quotes the claim's words (verbatim, or at least {@link SAME_WORDS_SHARE}
 *   of their words from three on) and, when the claim names a speaker, gives them that speaker;
 * - `different`: the outlet quotes those words, but attributes them to someone else it names;
 * - `unknown` otherwise, with a quotation holding most of the words, or the words with a speaker
 *   the text gives only by a role, shown as part of it. Never `silent`: an outlet may report a
 *   statement without quoting it.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { analyse } from '../text/analyser.js';
import { fold } from '../text/fold.js';
import { EVIDENCE_MAX } from './check-claim-figures.js';
import type { ClaimQuote } from './check-claim-read.js';
import { personOf } from './check-claim-roles.js';
import type { ClaimCheck, ClaimEvidence, ClaimRelation } from './check-claim-types.js';
import { SAME_STATEMENT_SHARE } from './quote-groups.js';
import { quotesOfArticle, type ArticleQuote } from './quote-index.js';
import type { OutletTopic } from './statements.js';

/** Share of the claim's quoted words a quotation must hold to quote the same words in another order or with a word changed. */
export const SAME_WORDS_SHARE = 0.8;
/** Fewest words for a share to say anything: a shorter quotation must be found verbatim. */
const SHARE_MIN_WORDS = 3;

/** What each covering outlet says of the words the claim quotes. */
export function checkQuote(kb: KnowledgeBase, claim: ClaimQuote, covering: readonly OutletTopic[]): ClaimCheck[] {
  const words = new Set(analyse(claim.words).flatMap((t) => (t.term === undefined ? [] : [t.term])));
  const verbatim = flat(claim.words);
  const speaker = claim.speaker === undefined ? undefined : personOf(kb, claim.speaker);
  const surname = claim.speaker === undefined ? undefined : flat(claim.speaker.split(/\s+/u).at(-1) ?? '');
  return covering.map((o): ClaimCheck => {
    const base = { sourceId: o.sourceId, outlet: o.outlet };
    const articles = [...new Set(o.paragraphs.map((d) => kb.index.docArticle[d.id]).filter((a): a is number => a !== undefined))];
    const judged = articles.flatMap((a) => quotesOfArticle(kb, a)).flatMap((q) => {
      const relation = relationOf(q, words, verbatim, speaker?.key, surname);
      return relation ? [{ q, relation }] : [];
    });
    const shown = (relation: ClaimRelation) => judged.filter((j) => j.relation === relation).slice(0, EVIDENCE_MAX).map((j) => evidenceOf(j.q, relation));
    if (judged.some((j) => j.relation === 'same')) return { ...base, state: 'same', evidence: shown('same') };
    if (judged.some((j) => j.relation === 'different')) return { ...base, state: 'different', evidence: shown('different') };
    return { ...base, state: 'unknown', evidence: shown('partial') };
  });
}

/** Folded, with only letters and digits, single-spaced: what "verbatim" compares. */
function flat(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** How one quotation of the outlet relates to the claim's; undefined: it is another statement. */
function relationOf(q: ArticleQuote, words: ReadonlySet<string>, verbatim: string, speakerKey: string | undefined, surname: string | undefined): ClaimRelation | undefined {
  const pieces = q.pieces.map((p) => q.paragraphText.slice(p.start, p.end));
  const held = new Set(pieces.flatMap((p) => analyse(p, q.language).flatMap((t) => (t.term === undefined ? [] : [t.term]))));
  const shared = [...words].filter((w) => held.has(w)).length;
  const share = words.size === 0 ? 0 : shared / words.size;
  const sameWords = (verbatim !== '' && ` ${flat(pieces.join(' '))} `.includes(` ${verbatim} `)) || (words.size >= SHARE_MIN_WORDS && share >= SAME_WORDS_SHARE);
  const someWords = shared >= 2 && share >= SAME_STATEMENT_SHARE;
  if (!sameWords) return someWords ? 'partial' : undefined;
  if (speakerKey === undefined && surname === undefined) return 'same';
  const by = q.quote.speaker;
  if (!by) return 'partial';
  const bySurname = surname !== undefined && surname !== '' && ` ${flat(by.name)} `.includes(` ${surname} `);
  if ((speakerKey !== undefined && by.key === speakerKey) || bySurname) return 'same';
  // Another person the text names: the outlet attributes the words to them.
  return by.kind === 'person' && by.by !== 'role' ? 'different' : 'partial';
}

function evidenceOf(q: ArticleQuote, relation: ClaimRelation): ClaimEvidence {
  return { relation, text: q.quote.pieces.join(' … '), excerpt: q.quote.excerpt, ...(q.quote.speaker ? { speaker: q.quote.speaker.name } : {}) };
}
