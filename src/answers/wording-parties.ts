/**
 * The party anchor of `/wording`: a country several outlets name as a party (acting, speaking,
 * spoken to), and the words each uses for it: its name, its capital or seat of government
 * standing for it, a body with its demonym (`Kiev` / `les forces ukrainiennes` / `l'armée de
 * Kiev`). Place uses (`à Kiev`, `en Ukraine`) are not counted: text/parties.ts decides, and every
 * count of the answer is made by the same reading.
 */
import { countriesOf } from '../corpus/countries.js';
import type { Corpus } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { compileParties, partyMentions, type CompiledParties, type PartyMention } from '../text/parties.js';
import type { Span } from '../text/sentences.js';
import type { FoundPhrase, FoundReferent, OutletTexts } from './wording-anchors.js';
import { compiledPerFile } from './compiled-per-file.js';
import { foldedParagraph } from './wording-text.js';

const compiledParties = compiledPerFile((countries: Corpus['countries']) => compileParties(countriesOf(countries)));

/** The corpus's countries compiled for the party reading, once per countries.yaml. */
export function partiesOf(kb: KnowledgeBase): CompiledParties {
  return compiledParties(kb.corpus.countries);
}

const mentionsRead = new Map<IndexedParagraph, readonly PartyMention[]>();
const MENTIONS_MAX = 50_000;

/** A paragraph's party mentions, read once per paragraph object (bounded, cleared when full). */
function mentionsOf(parties: CompiledParties, doc: IndexedParagraph): readonly PartyMention[] {
  let found = mentionsRead.get(doc);
  if (!found) {
    if (mentionsRead.size >= MENTIONS_MAX) mentionsRead.clear();
    mentionsRead.set(doc, (found = partyMentions(doc.paragraph.text, parties, foldedParagraph(doc))));
  }
  return found;
}

/** Countries several outlets name as a party, with every phrase any of them uses for it. */
export function partyReferents(kb: KnowledgeBase, outlets: readonly OutletTexts[]): FoundReferent[] {
  const parties = partiesOf(kb);
  const byCountry = new Map<string, Map<string, FoundPhrase>>();
  for (const o of outlets) {
    for (const doc of o.paragraphs) {
      for (const m of mentionsOf(parties, doc)) {
        let phrases = byCountry.get(m.country);
        if (!phrases) byCountry.set(m.country, (phrases = new Map()));
        const country = m.country;
        // Counted only where the same reading finds the same country with the same words.
        const keep = (where: IndexedParagraph | string, span: Span) =>
          (typeof where === 'string' ? partyMentions(where, parties) : mentionsOf(parties, where)).some((x) => x.country === country && x.key === m.key && x.start === span.start && x.end === span.end);
        const phrase = phrases.get(m.key) ?? { key: m.key, at: new Map(), keep };
        if (!phrase.at.has(o.sourceId)) (phrase.at as Map<string, { doc: IndexedParagraph; span: Span }>).set(o.sourceId, { doc, span: { start: m.start, end: m.end } });
        phrases.set(m.key, phrase);
      }
    }
  }
  const out: FoundReferent[] = [];
  for (const [country, phrases] of byCountry) {
    const namers = new Set([...phrases.values()].flatMap((p) => [...p.at.keys()]));
    if (namers.size >= 2) out.push({ anchor: 'party', label: country, phrases: [...phrases.values()] });
  }
  return out;
}
