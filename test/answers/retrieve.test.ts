/**
 * The retrieval path's relevance floors, on a tiny inline corpus: what clears them, what is
 * counted, and the share `compare` reads through `relevanceOf`.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { FLOORS, prepareQuery, relevanceOf, retrieve, retrieveBySource, SHARE_FLOOR } from '../../src/answers/retrieve.js';
import type { Article, Corpus } from '../../src/corpus/types.js';

function article(id: string, source: string, title: string, paragraphs: readonly string[]): Article {
  return { id, source, title, published: '2025-06-17', language: 'fr', file: `articles/${id}.md`, paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })) };
}

const corpus: Corpus = {
  sources: [
    { id: 'a', name: 'Agence A', short: 'A', kind: 'agence', ownership: 'inconnu', color: '#111111' },
    { id: 'b', name: 'Journal B', short: 'B', kind: 'journal', ownership: 'inconnu', color: '#222222' },
  ],
  aliases: [['Tchelnokov', 'Tchelnokow']],
  articles: [
    article('a1', 'a', 'Les sapeurs du génie déminent la vallée', [
      'Mille sapeurs sont arrivés lundi dans la vallée pour déminer les champs.',
      'La poste du village a rouvert ses guichets mardi.',
      'Le maire a salué le courage des habitants restés sur place.',
      'Les écoles rouvriront la semaine prochaine, selon le maire.',
    ]),
    article('b1', 'b', 'La vallée se reconstruit', [
      'Le ministre Radoslaw Tchelnokow a visité la vallée mercredi.',
      'Les habitants attendent les sapeurs depuis des semaines.',
      'Le marché du village a repris, avec moins de commerçants.',
    ]),
  ],
};
const kb = Engine.build(corpus).kb;
const paragraphOf = (articleId: string, n: number) => kb.paragraph(articleId, n)?.id as number;

describe('GIVEN paragraphs reached through the title, a typo or a common word only', () => {
  it('WHEN a question word is in the titles of every paragraph but in the text of one THEN only that one is ranked and counted', () => {
    const { ranked, total } = retrieve(kb, prepareQuery(kb, 'combien de sapeurs ?'), { limit: 10 });
    // Every paragraph of a1 matches through its title; only a1 ¶1 and b1 ¶2 say "sapeurs".
    expect(ranked.map((r) => `${r.doc.article.id}#${r.doc.paragraph.n}`).sort()).toEqual(['a1#1', 'b1#2']);
    expect(total).toBe(2);
    for (const r of ranked) expect(r.excerpt.matched.length).toBeGreaterThan(0);
  });

  it('WHEN the question\'s main word is in no paragraph THEN nothing clears the floor, not even a one-letter neighbour', () => {
    // `position` stems to `posit`, one letter from `post` (poste): a five-letter typo is no evidence.
    const { ranked, total } = retrieve(kb, prepareQuery(kb, 'Quelle est la position de la Chine ?'));
    expect(ranked).toEqual([]);
    expect(total).toBe(0);
  });

  it('WHEN a paragraph holds a word of the question THEN relevanceOf gives its share of the question and whether it clears', () => {
    const query = prepareQuery(kb, 'sapeurs du village');
    const both = relevanceOf(kb, query, paragraphOf('a1', 1));
    const none = relevanceOf(kb, query, paragraphOf('a1', 3));
    expect(both.share).toBeGreaterThan(0.4);
    expect(both.share).toBeLessThan(1);
    expect(both.clears).toBe(true);
    expect(none).toEqual({ share: 0, clears: false });
    expect(relevanceOf(kb, query, paragraphOf('b1', 2)).share).toBeCloseTo(both.share, 9);
  });

  it('WHEN a paragraph holds every word of the question THEN its share is 1, and ranked paragraphs carry the same share', () => {
    const query = prepareQuery(kb, 'poste du village');
    const { ranked } = retrieve(kb, query);
    expect(ranked[0]?.doc.id).toBe(paragraphOf('a1', 2));
    expect(ranked[0]?.share).toBe(1);
    for (const r of ranked) expect(r.share).toBeCloseTo(relevanceOf(kb, query, r.doc.id).share, 9);
    for (const r of ranked) expect(r.share).toBeGreaterThanOrEqual(SHARE_FLOOR);
  });
});

describe('GIVEN names written several ways', () => {
  it('WHEN a paragraph writes the name the other way and the first name with a typo THEN it clears, the other spelling fully', () => {
    const query = prepareQuery(kb, 'Radoslav Tchelnokov');
    const r = relevanceOf(kb, query, paragraphOf('b1', 1));
    expect(r.clears).toBe(true);
    // `Tchelnokow` stands fully for `Tchelnokov`; `Radoslaw` for `Radoslav` only at a typo's weight.
    expect(r.share).toBeGreaterThan(0.5);
    expect(r.share).toBeLessThan(1);
    expect(retrieve(kb, query).ranked.map((x) => x.doc.id)).toEqual([paragraphOf('b1', 1)]);
  });
});

describe('GIVEN the floors', () => {
  it('WHEN the floors are lowered to nothing THEN the title-only paragraphs come back, so the floors are what removed them', () => {
    const query = prepareQuery(kb, 'combien de sapeurs ?');
    expect(retrieve(kb, query, { limit: 10, floors: { share: 0, relative: 0 } }).total).toBe(5);
    expect(retrieve(kb, query, { limit: 10, floors: FLOORS }).total).toBe(2);
  });

  it('WHEN the outlets are ranked at once THEN an outlet is listed only with paragraphs that clear the floor', () => {
    const bySource = retrieveBySource(kb, prepareQuery(kb, 'poste du village'));
    expect([...bySource.keys()]).toEqual(['a', 'b']);
    const onlyA = retrieveBySource(kb, prepareQuery(kb, 'poste guichets'));
    expect([...onlyA.keys()]).toEqual(['a']);
  });
});
