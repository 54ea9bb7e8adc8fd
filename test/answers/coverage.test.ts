/**
 * Coverage of a name of several words (`Corée du Sud`): held whole by its words or by a word
 * beginning with one of them as written (`sud-coréen`), never by another name sharing a word.
 * The check on the folded text that settles most paragraphs without analysing them must agree
 * with the word-by-word reading, capitals and accents included.
 */
import { describe, expect, it } from 'vitest';
import { coverageShare, holds, paragraphWords, topicOf } from '../../src/answers/coverage.js';
import { prepareQuery } from '../../src/answers/retrieve.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';

function article(id: string, paragraphs: readonly string[]): Article {
  return { id, source: 'a', title: `Dépêche ${id}`, published: '2025-03-04', language: 'fr', file: `articles/${id}.md`, paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })) };
}

const corpus: Corpus = {
  sources: [{ id: 'a', name: 'Agence A', short: 'A', kind: 'agence', ownership: 'inconnu', color: '#111111' }],
  aliases: [],
  counted: [],
  articles: [
    article('a1', [
      'Le ministère SUD-CORÉEN des Affaires étrangères a protesté mardi.',
      'La Corée du Nord a tiré un missile vers la mer du Japon.',
      'La Corée du Sud et le Japon ont tenu une réunion au sud de Séoul.',
      'Le festival de Busan a ouvert ses portes.',
    ]),
  ],
};
const kb = buildKnowledgeBase(corpus);
const query = prepareQuery(kb, 'Corée du Sud');
const topic = topicOf(kb, query);
const name = topic.concepts.find((c) => c.allOf.length > 1);

describe('coverage of a name of several words', () => {
  it('reads "Corée du Sud" as one concept of two terms', () => {
    expect(name?.words).toBe('Corée du Sud');
  });

  it.each([
    [0, true, 'a word beginning with the name’s word, in capitals and with its accent'],
    [1, false, 'another name sharing one of its words'],
    [2, true, 'the name itself'],
    [3, false, 'neither word'],
  ])('paragraph %i: %s (%s)', (doc, held) => {
    expect(name && holds(name, paragraphWords(kb, doc))).toBe(held);
    expect(coverageShare(topic, paragraphWords(kb, doc)) > 0.5).toBe(held);
  });

  it('a paragraph whose folded text lacks the word has no word beginning with it', () => {
    const words = paragraphWords(kb, 3);
    expect(words.beginsWord('core')).toBe(false);
    expect(paragraphWords(kb, 0).beginsWord('core')).toBe(true);
    expect(paragraphWords(kb, 0).beginsWord('coreen')).toBe(false);
  });
});
