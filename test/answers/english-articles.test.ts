/**
 * English articles beside French ones: each is indexed by its own language's analyser, and a
 * question finds both through the lexicon, read either way (src/text/lexicon.ts). The corpus is
 * invented: a French outlet and an English one report the same floating solar farm.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { prepareQuery } from '../../src/answers/retrieve.js';
import type { Answer, CompareAnswer, Excerpt, OutletCoverage } from '../../src/answers/types.js';
import type { Article, Corpus, Source } from '../../src/corpus/types.js';
import { loadEngine } from '../../src/load-engine.js';
import { excerptsOf } from './support.js';

function article(id: string, source: string, language: string, title: string, paragraphs: readonly string[]): Article {
  return { id, source, title, published: '2025-05-15', language, file: `articles/${id}.md`, paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })) };
}

const GAZETTE: Source = { id: 'gazette', name: 'La Gazette du Lac', short: 'Gazette', kind: 'journal régional', ownership: 'inconnu', color: '#111111' };
const WIRE: Source = { id: 'wire', name: 'Northern Wire', short: 'Wire', kind: 'news agency', ownership: 'unknown', color: '#222222' };

const FRENCH = article('g1', 'gazette', 'fr', 'Une centrale solaire flottante sur le lac d’Orsel', [
  "La maire de Brévanne, Hélène Marchetti, a inauguré jeudi une centrale solaire flottante sur le lac d'Orsel, composée de 12 000 panneaux.",
  "Le chantier a coûté 40 millions d'euros, financés en partie par la région.",
  'Les pêcheurs du lac craignent que les panneaux réduisent la population de truites.',
  'Le marché du samedi reste ouvert pendant les travaux de la place.',
]);
const ENGLISH = article('w1', 'wire', 'en-GB', 'Floating solar farm opens on Lake Orsel', [
  'Hélène Marchetti, the mayor of Brévanne, on Thursday opened a floating solar farm on Lake Orsel made of 12,000 panels.',
  'The project cost 40 million euros, partly paid for by the regional council.',
  "Local fishermen fear the panels will reduce the lake's trout population.",
  'A separate vote on the new school canteen was postponed.',
]);

const both = Engine.build({ sources: [GAZETTE, WIRE], aliases: [], counted: [], articles: [FRENCH, ENGLISH] });
const englishOnly = Engine.build({ sources: [WIRE], aliases: [], counted: [], articles: [ENGLISH] });
const frenchOnly = Engine.build({ sources: [GAZETTE], aliases: [], counted: [], articles: [FRENCH] });

/** The excerpts `ask` answers with, as "outlet ¶N", best first. */
function cited(engine: Engine, question: string): string[] {
  const a = engine.ask(question);
  return a.kind === 'ask' ? a.excerpts.map((e) => `${e.citation.outlet} ¶${e.citation.paragraph}`) : [];
}

/** The words an excerpt highlights, as written. */
const highlighted = (e: Excerpt) => e.highlights.map((h) => e.text.slice(h.start, h.end));

/** Every excerpt is the paragraph's own words, at its own offsets. */
function expectVerbatim(corpus: Corpus, answer: Answer): void {
  for (const e of excerptsOf(answer)) {
    const paragraph = corpus.articles.find((a) => a.id === e.citation.articleId)?.paragraphs.find((p) => p.n === e.citation.paragraph);
    expect(e.text).toBe(paragraph?.text.slice(e.start, e.end));
  }
}

describe('GIVEN a French and an English outlet on the same invented event', () => {
  it('WHEN asked in French THEN the English paragraph is found too, its English words highlighted', () => {
    expect(cited(both, 'Combien de panneaux compte la centrale solaire ?')).toEqual(expect.arrayContaining(['Gazette ¶1', 'Wire ¶1']));
    const a = both.ask('Combien de panneaux compte la centrale solaire ?');
    const wire = excerptsOf(a).find((e) => e.citation.outlet === 'Wire' && e.citation.paragraph === 1);
    expect(wire && highlighted(wire)).toEqual(['solar', 'panels']);
    expect(wire?.matched).toEqual(['solar', 'panels']);
    expectVerbatim(both.corpus, a);
  });

  it('WHEN asked in English THEN the French paragraph is found beside the English one', () => {
    const found = cited(both, 'What do the fishermen fear about the trout?');
    expect(found).toEqual(expect.arrayContaining(['Wire ¶3', 'Gazette ¶3']));
    const a = both.ask('What do the fishermen fear about the trout?');
    const wire = excerptsOf(a).find((e) => e.citation.outlet === 'Wire');
    expect(wire && highlighted(wire)).toEqual(['fishermen', 'fear', 'trout']);
    expectVerbatim(both.corpus, a);
  });

  it('WHEN an English question asks for a figure THEN both outlets give the paragraph holding it', () => {
    expect(cited(both, 'How much did the project cost?').slice(0, 2).sort()).toEqual(['Gazette ¶2', 'Wire ¶2']);
  });

  it('WHEN compared on a French topic THEN both outlets are shown covering it, each with its own paragraph', () => {
    const answer = both.compare('pêcheurs truites') as CompareAnswer;
    expect(answer.kind).toBe('compare');
    const outlet = (short: string) => answer.outlets.find((o) => o.outlet === short) as OutletCoverage;
    expect(outlet('Gazette')).toMatchObject({ coverage: 'covers', covered: true });
    expect(outlet('Wire')).toMatchObject({ coverage: 'covers', covered: true });
    expect(outlet('Wire').excerpts.map((e) => e.citation.paragraph)).toEqual([3]);
    expect(outlet('Wire').excerpts.flatMap(highlighted)).toEqual(['fishermen', 'trout']);
    expectVerbatim(both.corpus, answer);
  });

  it('WHEN compared on a topic only the English outlet writes about THEN the French one is said to lack its words, not to use them in passing', () => {
    const answer = both.compare('cantine scolaire') as CompareAnswer;
    const outlet = (short: string) => answer.outlets.find((o) => o.outlet === short) as OutletCoverage;
    expect(outlet('Wire')).toMatchObject({ coverage: 'covers' });
    expect(outlet('Gazette')).toMatchObject({ coverage: 'none', missing: ['cantine', 'scolaire'] });
  });

  it('WHEN compared on a topic the English outlet names as the French one does THEN no person is said to be left unnamed', () => {
    const answer = both.compare('centrale solaire flottante') as CompareAnswer;
    expect(answer.outlets.every((o) => o.covered)).toBe(true);
    expect(answer.people.flatMap((p) => p.notNamedBy)).toEqual([]);
  });

  it('WHEN a word is typed for autocomplete or mistyped THEN English words come as written', () => {
    expect(both.kb.index.wordsStartingWith('pan')).toEqual(expect.arrayContaining(['panels', 'panneaux']));
    const a = both.ask('Where is the solr frm?');
    expect(a).toMatchObject({ kind: 'no-evidence' });
    expect(a.kind === 'no-evidence' && a.suggestions).toEqual(expect.arrayContaining(['solar', 'farm']));
  });
});

describe('GIVEN a corpus of one English article', () => {
  it('WHEN asked in English or in French THEN its paragraphs answer, verbatim', () => {
    expect(cited(englishOnly, 'How much did the project cost?')[0]).toBe('Wire ¶2');
    expect(cited(englishOnly, 'Que craignent les pêcheurs ?')[0]).toBe('Wire ¶3');
    expectVerbatim(englishOnly.corpus, englishOnly.ask('Who opened the solar farm?'));
    expect(cited(englishOnly, 'Who opened the solar farm?')[0]).toBe('Wire ¶1');
  });

});

describe('GIVEN corpora without English articles', () => {
  it('WHEN a question is prepared THEN no English term is searched and nothing is translated to English', () => {
    for (const q of ['Combien de panneaux compte la centrale solaire ?', 'What do the fishermen fear about the trout?']) {
      const prepared = prepareQuery(frenchOnly.kb, q);
      expect(prepared.english).toBeUndefined();
      expect([...prepared.terms, ...prepared.forms].filter((t) => t.includes('en:'))).toEqual([]);
    }
  });

  it('WHEN the seed articles are asked THEN no English term is searched either', async () => {
    const seeds = await loadEngine('data');
    expect(seeds.kb.index.hasEnglish).toBe(false);
    expect(prepareQuery(seeds.kb, 'Qui Choïgou a-t-il rencontré ?').english).toBeUndefined();
  });
});
