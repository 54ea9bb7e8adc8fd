/**
 * `/quotes` on the seed articles (data/articles): the quotations a reader finds in them are
 * found, with the speaker each text gives (Choïgou's words as AFP relays them through Russian
 * agencies, RT's own quotation of him), the statement both outlets carry grouped with its
 * wording difference; a person under any spelling, a topic, and hostile input.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { QuoteExcerpt, QuotesAnswer } from '../../src/answers/types.js';
import { loadEngine } from '../../src/load-engine.js';

let engine: Engine;
let all: QuotesAnswer;

beforeAll(async () => {
  engine = await loadEngine('data', { cacheDir: false });
  const answer = engine.quotes();
  if (answer.kind !== 'quotes') throw new Error(`expected a quotes answer, got ${answer.kind}`);
  all = answer;
});

const AFP = '2025-06-17-afp-sapeurs-militaires-et-ouvriers';
const RT = '2025-06-17-rt-fr-visite-de-serguei-choigou-en-coree';

/** The quotation of an article's paragraph starting with `words`. */
function quotation(a: QuotesAnswer, article: string, paragraph: number, words: string): QuoteExcerpt | undefined {
  return a.groups.flatMap((g) => g.quotations).find((q) => q.excerpt.citation.articleId === article && q.excerpt.citation.paragraph === paragraph && q.pieces.join(' ').startsWith(words));
}

describe('GIVEN the seed articles', () => {
  it('WHEN every quotation is asked THEN the ones a reader sees are found, each with the speaker its text gives', () => {
    const cases: Array<[string, number, string, string | null, boolean]> = [
      [AFP, 2, 'Cinq mille personnes', 'Sergueï Choïgou', true],
      [AFP, 2, '1.000 sapeurs', 'Sergueï Choïgou', true],
      [AFP, 3, "l'aide fraternelle", 'Sergueï Choïgou', true],
      [AFP, 7, 'dans le cadre de', 'le service de presse du responsable', false],
      [AFP, 9, 'éléments de coopération immédiate', 'KCNA', false],
      [AFP, 10, 'soutien inconditionnel', 'Kim Jong Un', true],
      [AFP, 11, 'continuer de renforcer', 'KCNA', false],
      [AFP, 16, "l'acceptation et l'emploi", 'ministère sud-coréen des Affaires étrangères', false],
      [AFP, 17, "demande l'arrêt immédiat", 'ministère sud-coréen des Affaires étrangères', false],
      [AFP, 18, 'rétablir la confiance', 'Lee Jae-myung', false],
      [RT, 3, 'C’est une véritable assistance fraternelle', 'Sergueï Choïgou', false],
      [RT, 7, 'la Corée du Nord est un partenaire important', 'Mikhaïl Volkov', false],
      [RT, 8, 'Ceci est la preuve', 'Kim Jong Un', false],
      [RT, 9, 'le rythme pris', 'Sergueï Choïgou', false],
      [RT, 9, 'réalisations concrètes', 'Sergueï Choïgou', false],
    ];
    for (const [article, paragraph, words, speaker, secondHand] of cases) {
      const q = quotation(all, article, paragraph, words);
      expect(q, `${article} ¶${paragraph} ${words}`).toBeDefined();
      expect(q?.speaker?.name ?? null, words).toBe(speaker);
      expect(q?.secondHand, words).toBe(secondHand);
    }
    expect(quotation(all, AFP, 2, 'Cinq mille')?.reportedBy).toBe('les agences russes');
    expect(quotation(all, AFP, 3, "l'aide")?.reportedBy).toBe("l'agence russe Ria Novosti");
    expect(quotation(all, AFP, 3, "l'aide")?.speaker?.written).toBe('Le responsable russe');
  });

  it('THEN the fraternal aid both outlets quote is one statement, with AFP’s and RT’s words side by side', () => {
    const group = all.groups.find((g) => g.quotations.some((q) => q.pieces[0] === "l'aide fraternelle"));
    expect(group?.quotations.map((q) => q.excerpt.citation.outlet)).toEqual(['AFP', 'RT']);
    expect(group?.changes[1]).toEqual([{ reference: "l'aide fraternelle", other: 'véritable assistance fraternelle' }]);
  });

  it('THEN Choïgou is the most quoted, in both outlets', () => {
    expect(all.speakers[0]?.speaker.name).toBe('Sergueï Choïgou');
    expect(all.speakers[0]?.outlets.map((o) => o.outlet).sort()).toEqual(['AFP', 'RT']);
  });

  it('WHEN Choïgou is asked as Shoigu THEN his quotations come, and only his', () => {
    const a = engine.quotes('Shoigu');
    expect(a.kind).toBe('quotes');
    if (a.kind !== 'quotes') return;
    expect(a.person?.name).toBe('Sergueï Choïgou');
    expect(a.quotations).toBe(all.speakers[0]?.quotations);
    expect(a.groups.every((g) => g.speaker?.name === 'Sergueï Choïgou')).toBe(true);
  });

  it('WHEN a person is named but never quoted THEN the answer says so over the articles naming them', () => {
    const a = engine.quotes('Hong Min');
    expect(a.kind === 'quotes' && [a.scope, a.groups.length, a.articles]).toEqual(['speaker', 0, 1]);
  });

  it('WHEN a topic is asked THEN the quotations of its articles come', () => {
    const a = engine.quotes('liaisons ferroviaires');
    expect(a.kind === 'quotes' && a.scope).toBe('topic');
  });

  it('WHEN anything at all is asked THEN the answer is quotations or no evidence, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(['quotes', 'no-evidence']).toContain(engine.quotes(text).kind);
      }),
      { numRuns: 100 },
    );
  });
});
