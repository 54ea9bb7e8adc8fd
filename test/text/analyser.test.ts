import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, languageOf, prefixTermOf, queryForms, queryTerms, surfaceTermOf, termLanguage, terms, wordList } from '../../src/text/analyser.js';
import { fold } from '../../src/text/fold.js';

describe('the French analyser', () => {
  it('removes elided articles with either apostrophe', () => {
    expect(terms("l'armée")).toEqual(terms('armée'));
    expect(terms('l’armée')).toEqual(terms('armée'));
    expect(terms("d'amitié qu'il jusqu'à")).toEqual(terms('amitié il à'));
  });

  it('keeps the offsets of the word after the elision, for highlighting', () => {
    const text = "à l'issue d'un entretien";
    const issue = analyse(text).find((t) => t.folded === 'issue');
    expect(issue && text.slice(issue.start, issue.end)).toBe('issue');
  });

  it('folds accents and the œ ligature', () => {
    expect(fold('Œuvre Choïgou Séoul')).toBe('oeuvre choigou seoul');
    expect(terms('mise en œuvre')).toEqual(terms('mise en oeuvre'));
    expect(terms('Koursk')).toEqual(terms('KOURSK'));
  });

  it('splits hyphenated names so Kim Jong-Un and Kim Jong Un index alike', () => {
    expect(terms('Kim Jong-Un')).toEqual(terms('Kim Jong Un'));
    expect(terms('Lee Jae-myung')).toEqual(terms('Lee Jae myung'));
  });

  it('drops French stopwords', () => {
    expect(terms('le train de la Corée et des sapeurs')).toEqual(terms('train Corée sapeurs'));
  });

  it('stems the word as written, accents included, then folds the stem', () => {
    // Folding first made `publié` a verb form to the stemmer (`publ`) and `publiée` not (`publie`).
    expect(terms('publiée')).toEqual(terms('publié'));
    expect(terms('publiées publiés')).toEqual(terms('publiée publié'));
    expect(terms('arrivèrent')).toEqual(terms('arriver'));
    expect(terms('arrivèrent')).toEqual(terms('arrivé'));
    expect(terms('créé')).toEqual(terms('créée'));
    expect(terms('créé')).toEqual(terms('créer'));
    expect(terms('créés créées')).toEqual(terms('créer créer'));
    // The stems are folded: no accent ever reaches the index.
    expect(terms('publiée arrivèrent créé Choïgou Séoul')).toEqual(['publi', 'arriv', 'cre', 'choigou', 'seoul']);
  });

  it('gives a question and a paragraph the same terms for the same word, written either way', () => {
    expect(queryTerms('Quand a-t-elle été publiée ?')).toEqual(terms('publié'));
    expect(queryTerms('Qui arrivèrent ?')).toEqual(terms('ils sont arrivés'));
    // Typed without accents, a word still folds to the same letters (its stem may be shorter).
    expect(terms('Choigou armee')).toEqual(terms('Choïgou armée'));
  });

  it('keeps the exact and prefix forms folded, whatever the stem', () => {
    const [publiee] = analyse('publiée');
    expect(publiee).toMatchObject({ word: 'publiée', folded: 'publiee', term: 'publi' });
    expect(queryForms('publiée')).toEqual(['=publiee', '~publi']);
    expect(prefixTermOf('publiee')).toBe(prefixTermOf('publie'));
  });

  it('stems inflected forms to one term', () => {
    expect(terms('liaisons ferroviaires')).toEqual(terms('liaison ferroviaire'));
    expect(terms('reconstruction')).not.toEqual(terms('football'));
  });

  it('reads 1 000, 1.000, 1 000 (no-break space) and 1000 as one number token', () => {
    const expected = ['1000'];
    expect(terms('1 000')).toEqual(expected);
    expect(terms('1.000')).toEqual(expected);
    expect(terms('1\u00a0000')).toEqual(expected);
    expect(terms('1000')).toEqual(expected);
    expect(terms('10 000 kilomètres')[0]).toBe('10000');
  });

  it('does not glue a year to the next number', () => {
    expect(terms('en 2024 et 17 juin')).toContain('2024');
    expect(terms('en 2024 et 17 juin')).toContain('17');
  });

  it('drops question words from queries but not from indexed text', () => {
    expect(queryTerms('Qui a participé aux combats ?')).toEqual(terms('participé combats'));
    expect(queryTerms('Quand le train a-t-il repris ?')).not.toContain(terms('quand')[0]);
  });

  it('gives each word its exact and prefix forms, marked so they never equal a stem', () => {
    expect(surfaceTermOf('algeriens')).toBe('=algeriens');
    expect(prefixTermOf('algeriens')).toBe(prefixTermOf('algerie'));
    expect(prefixTermOf('espagnols')).toBe(prefixTermOf('espagne'));
    expect(prefixTermOf('alger')).toBe('~alger');
    expect(prefixTermOf('ile')).toBeUndefined();
    expect(prefixTermOf('1848')).toBeUndefined();
    expect(surfaceTermOf('les')).toBeUndefined();
  });

  it('gives a question its secondary forms without the interrogative words', () => {
    expect(queryForms("Quels bijoux l'Algérie produit-elle ?")).toEqual(['=bijoux', '~bijou', '=algerie', '~alger', '=produit', '~produ']);
  });
});

describe('GIVEN the compact word list kept for excerpt choice', () => {
  it('WHEN any text is read both ways (fast-check) THEN the word list holds exactly the tokens\' terms and offsets', () => {
    const french = fc.constantFrom("l'armée", 'Kim Jong-Un', '1 000', "jusqu'à", 'Choïgou', 'œuvre', ' ', ', ', '. ', 'qu’il', '2025', 'État');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(french, { maxLength: 30 }).map((parts) => parts.join(' '))), (text) => {
        const tokens = analyse(text);
        // Twice: the second read comes from the remembered words.
        for (let round = 0; round < 2; round++) {
          const list = wordList(text);
          expect(list.terms).toEqual(tokens.map((t) => t.term));
          expect(list.starts).toEqual(tokens.map((t) => t.start));
          expect(list.ends).toEqual(tokens.map((t) => t.end));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('GIVEN the English analyser (articles whose language starts with en)', () => {
  it('WHEN a language tag is read THEN every en… tag is English and every other French', () => {
    expect(['en', 'en-GB', 'EN-us'].map(languageOf)).toEqual(['en', 'en', 'en']);
    expect(['fr', 'fr-FR', 'de'].map(languageOf)).toEqual(['fr', 'fr', 'fr']);
  });

  it('WHEN English words are read THEN they get Snowball English stems, marked en:, English stopwords dropped', () => {
    expect(terms('The states signed agreements', 'en')).toEqual(['en:state', 'en:sign', 'en:agreement']);
    expect(terms('sappers', 'en')).toEqual(terms('sapper', 'en'));
    expect(terms('meeting', 'en')).toEqual(terms('meet', 'en'));
    expect(termLanguage('en:state')).toBe('en');
    expect(termLanguage('=en:states')).toBe('en');
    expect(termLanguage('state')).toBe('fr');
  });

  it('WHEN the same word is read in French and in English THEN the terms never collide', () => {
    // `pain`, `an`, `train` are words of both languages: each language keeps its own term.
    for (const word of ['pain', 'train', 'une', 'visite']) {
      const english = terms(word, 'en');
      expect(english.every((t) => !terms(word).includes(t))).toBe(true);
    }
    // `an` is a French noun (a year) and an English stopword.
    expect(terms('an')).toHaveLength(1);
    expect(terms('an', 'en')).toEqual([]);
  });

  it("WHEN a possessive is read THEN the word is the name, and its offsets leave 's out, for highlighting", () => {
    const text = "Shoigu's visit";
    const [shoigu] = analyse(text, 'en');
    expect(shoigu).toMatchObject({ surface: 'Shoigu', word: 'shoigu', term: 'en:shoigu' });
    expect(shoigu && text.slice(shoigu.start, shoigu.end)).toBe('Shoigu');
    expect(terms("don't it's they're", 'en')).toEqual([]);
  });

  it('WHEN English numbers are read THEN they give the same terms as French ones, unmarked', () => {
    expect(terms('1,000 sappers', 'en')[0]).toBe(terms('1 000 sapeurs')[0]);
    expect(terms('12,500.5', 'en')).toEqual(terms('12 500,5'));
    expect(terms('in 2025.', 'en')).toEqual(['2025']);
    expect(termLanguage('2025')).toBeUndefined();
  });

  it('WHEN an English question is read THEN interrogative words are dropped and its forms are marked English', () => {
    expect(queryTerms('How many sappers will North Korea send?', 'en')).toEqual(terms('sappers North Korea send', 'en'));
    expect(queryForms('panels', 'en')).toEqual(['=en:panels', '~en:panel']);
    expect(surfaceTermOf('the', 'en')).toBeUndefined();
    expect(prefixTermOf('1848', 'en')).toBeUndefined();
  });

  it('WHEN any text is read both ways in English (fast-check) THEN the word list holds exactly the tokens\' terms and offsets, each a slice of the text', () => {
    const english = fc.constantFrom("Shoigu's", 'North-Korean', '1,000', '12.5', "don't", 'Kyiv', ' ', ', ', '. ', 'workers’', 'State');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(english, { maxLength: 30 }).map((parts) => parts.join(' '))), (text) => {
        const tokens = analyse(text, 'en');
        for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
        const list = wordList(text, 'en');
        expect(list.terms).toEqual(tokens.map((t) => t.term));
        expect(list.starts).toEqual(tokens.map((t) => t.start));
        expect(list.ends).toEqual(tokens.map((t) => t.end));
      }),
      { numRuns: 300 },
    );
  });
});
