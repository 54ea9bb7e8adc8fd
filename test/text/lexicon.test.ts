import { describe, expect, it } from 'vitest';
import { terms } from '../../src/text/analyser.js';
import { englishSearchText, englishTranslationsOf, readsAsEnglish, searchText, translationsOf, type ArticleWords } from '../../src/text/lexicon.js';

/** The words of a small French text, as the paragraph index would know them. */
function articleWords(text: string, language: 'fr' | 'en' = 'fr'): ArticleWords {
  const known = terms(text, language);
  return {
    documentFrequency: (term) => (known.includes(term) ? 1 : 0),
    termsStartingWith: (prefix, limit) => known.filter((t) => t.startsWith(prefix)).slice(0, limit),
  };
}

const ARTICLE = articleWords(
  'Pyongyang va envoyer 1 000 sapeurs en Corée du Nord. Les deux pays ont signé un accord de défense mutuelle. ' +
    "Choïgou a rencontré Kim. Le train relie les deux capitales. La Corée du Sud a déclaré que l'emploi de travailleurs était une violation. Un musée sera construit.",
);

describe('GIVEN a question in English or in French', () => {
  it.each([
    ['How many sappers will North Korea send?', true],
    ['Who did Shoigu meet?', true],
    ['What did South Korea say about the workers?', true],
    ['When was the mutual defence agreement signed?', true],
    ['Combien de sapeurs la Corée du Nord va-t-elle envoyer ?', false],
    ['Qui Choïgou a-t-il rencontré ?', false],
    ['Quelle distance parcourt le train ?', false],
    ['Choïgou', false],
    ["Qu'a dit la Corée du Sud ?", false],
    ['Où est le train ou le bus ?', false],
    ['Shoigu met Kim in the capital', true],
  ] as const)('WHEN "%s" is read THEN it reads as English: %s', (question, english) => {
    expect(readsAsEnglish(question)).toBe(english);
  });
});

describe('GIVEN the English–French lexicon', () => {
  it('WHEN an English word is looked up THEN its French translations come best first', () => {
    expect(translationsOf('sapper')).toContain('sapeur');
    expect(translationsOf('meet')[0]).toBe('rencontrer');
    expect(translationsOf('agreement')[0]).toBe('accord');
  });

  it('WHEN an inflected or irregular form is looked up THEN it finds its base word', () => {
    expect(translationsOf('sappers')).toEqual(translationsOf('sapper'));
    expect(translationsOf('signed')).toEqual(translationsOf('sign'));
    expect(translationsOf('said')).toEqual(translationsOf('say'));
    expect(translationsOf('met')).toEqual(translationsOf('meet'));
  });

  it('WHEN a phrase is a headword THEN the phrase is translated whole', () => {
    expect(translationsOf('North Korea')).toEqual(['Corée du Nord']);
  });

  it('WHEN a word is not in the lexicon THEN it has no translation', () => {
    expect(translationsOf('Shoigu')).toEqual([]);
  });
});

describe('GIVEN questions searched in French articles', () => {
  it('WHEN the question is French THEN it is searched exactly as asked', () => {
    for (const q of ['Combien de sapeurs la Corée du Nord va-t-elle envoyer ?', 'Quelle distance parcourt le train ?', 'Qui Choïgou a-t-il rencontré ?']) {
      expect(searchText(q, ARTICLE)).toBe(q);
    }
  });

  it('WHEN a French question quotes English words THEN it is still searched exactly as asked', () => {
    const q = 'Qui a écrit The Spirit and the Flesh ?';
    expect(readsAsEnglish(q)).toBe(false);
    expect(searchText(q, ARTICLE)).toBe(q);
  });

  it('WHEN the question is English THEN function words are dropped and words are translated into words the articles use', () => {
    expect(searchText('How many sappers will North Korea send?', ARTICLE)).toBe('sapeur Corée du Nord envoyer');
    expect(searchText('Who did Shoigu meet?', ARTICLE)).toBe('Shoigu rencontrer');
  });

  it('WHEN a translation is a cognate THEN the word keeps only it, not its other senses', () => {
    // `train` is also cortège, escorte, suite… in FreeDict.
    expect(searchText('Where does the train go?', ARTICLE).split(' ').filter((w) => w !== 'train')).not.toContain('cortège');
  });

  it('WHEN no translation of an English word is used by the articles THEN the word is dropped, while an unknown word stays', () => {
    // `election` → choix, absent; `Kursk` is no English word and may be a typo of a name.
    expect(searchText('What election in Kursk?', ARTICLE)).toBe('Kursk');
  });

  it('WHEN a translation only shares its first letters with the articles THEN it is kept', () => {
    // construire (`construir`) and construit (`construit`) stem apart.
    expect(searchText('Where will the museum be built?', ARTICLE)).toContain('construire');
  });
});

describe('GIVEN a French question and English articles', () => {
  const english = articleWords('North Korea will send 1,000 sappers. Shoigu met Kim in Pyongyang. The fishermen fear for the trout.', 'en');

  it('WHEN a French word or name is looked up THEN the same lexicon gives its English words, best first', () => {
    expect(englishTranslationsOf('sapeurs')).toContain('sapper');
    expect(englishTranslationsOf('Corée du Nord')[0]).toBe('north korea');
    expect(englishTranslationsOf('Choïgou')).toEqual([]);
  });

  it('WHEN the question is searched in English THEN it holds the translations the articles use, names and numbers as written', () => {
    expect(englishSearchText('Combien de sapeurs la Corée du Nord va-t-elle envoyer ?', english)).toBe('sapper North Korea send');
    expect(englishSearchText('Qui Choïgou a-t-il rencontré à Pyongyang ?', english)).toBe('Choïgou met Pyongyang');
    expect(englishSearchText('1 000 sapeurs', english)).toBe('1000 sapper');
  });

  it('WHEN the question is English THEN it is searched as asked', () => {
    expect(englishSearchText('Who did Shoigu meet?', english)).toBe('Who did Shoigu meet?');
  });
});
