/**
 * English questions about the two French seed articles find what their French versions find,
 * through the English–French lexicon (src/text/lexicon.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { Excerpt } from '../../src/answers/types.js';
import { prepareQuery } from '../../src/answers/retrieve.js';
import { loadEngine } from '../../src/load-engine.js';
import { queryForms, queryTerms } from '../../src/text/analyser.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine('data');
});

/** The excerpts `ask` answers with, as "outlet ¶N", best first; none for "no evidence". */
function ranked(question: string): string[] {
  const a = engine.ask(question);
  if (a.kind !== 'ask') return [];
  return a.excerpts.map((e: Excerpt) => `${e.citation.outlet} ¶${e.citation.paragraph}`);
}

describe('GIVEN the two French seed articles and English questions', () => {
  it('WHEN asked how many sappers North Korea will send THEN a paragraph giving the 1 000 sappers comes first', () => {
    const a = engine.ask('How many sappers will North Korea send?');
    if (a.kind !== 'ask') throw new Error(a.kind);
    expect(a.excerpts[0]?.text).toMatch(/1[ .\u00a0\u202f]000 sapeurs/);
  });

  it('WHEN asked what South Korea said about the workers THEN AFP ¶16 is among the first three', () => {
    expect(ranked('What did South Korea say about the workers?').slice(0, 3)).toContain('AFP ¶16');
  });

  it('WHEN asked the questions of the issue THEN the best paragraph is the French version\'s', () => {
    expect(ranked('Who did Shoigu meet?')[0]).toBe(ranked('Qui Choïgou a-t-il rencontré ?')[0]);
    expect(ranked('When was the mutual defence agreement signed?')[0]).toBe(ranked("Quand l'accord de défense mutuelle a-t-il été signé ?")[0]);
    expect(ranked('When was the mutual defence agreement signed?')[0]).toBe('AFP ¶14');
  });

  it.each([
    ['How far does the train travel?', 'Quelle distance parcourt le train ?'],
    ['Who is the director of the Russian post?', 'Qui est le directeur de la poste russe ?'],
    ['What did Kim Jong Un promise Moscow?', "Qu'a promis Kim Jong Un à Moscou ?"],
    ['How long have the flights been suspended?', 'Depuis combien de temps les vols sont-ils suspendus ?'],
    ['What weapons does North Korea supply?', 'Quelles armes la Corée du Nord fournit-elle ?'],
    ['Where will the museum be built?', 'Où sera construit le complexe muséal ?'],
  ])('WHEN asked "%s" THEN the best paragraph is that of "%s"', (english, french) => {
    const best = ranked(french)[0];
    expect(best).toBeDefined();
    expect(ranked(english)[0]).toBe(best);
  });

  it('WHEN the question is French THEN it is searched with its own terms only', () => {
    for (const q of ['Combien de sapeurs la Corée du Nord va-t-elle envoyer ?', 'Quelle distance parcourt le train ?', "Qu'a dit la Corée du Sud au sujet des travailleurs ?"]) {
      const prepared = prepareQuery(engine.kb, q);
      expect(prepared.terms.slice(0, new Set(queryTerms(q)).size)).toEqual([...new Set(queryTerms(q))]);
      expect(prepared.forms).toEqual(queryForms(q));
    }
  });

  it('WHEN the question is English THEN its French translations are searched', () => {
    const prepared = prepareQuery(engine.kb, 'How many sappers will North Korea send?');
    expect(prepared.terms).toEqual(expect.arrayContaining(queryTerms('sapeur Corée envoyer')));
    expect(prepared.kind).toBe('howmany');
  });
});
