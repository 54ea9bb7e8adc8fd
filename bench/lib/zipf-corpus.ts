/**
 * Deterministic corpora whose vocabulary grows as a real archive's does, for the scale
 * benchmarks: words drawn by a Zipf–Mandelbrot law over a large French word list
 * (`an-array-of-french-words`, about 336 000 forms, ranked in a seeded order after the function
 * words), tens of thousands of people and places, dates and figures in the density of wire
 * copy, two dozen outlets. The PIAF-sentence corpora (synthetic-corpus.ts) recombine 6 700 stems
 * and 417 names however large they grow; here every size brings new words and new names, as
 * months of a wire do. Not French prose: the words are in no grammatical order, so it measures
 * what sizes and frequencies cost, not answer quality. The same seed always gives the same corpus.
 */
import { createRequire } from 'node:module';
import type { Source } from '../../src/corpus/types.js';
import { pickerOf, seededRandom, titleOf, type SyntheticArticle } from './synthetic-corpus.js';

/** Zipf–Mandelbrot exponent and offset for words: p(rank) ∝ 1 / (rank + q)^s, as fitted to running text. */
const WORD_S = 1.07;
const WORD_Q = 2.7;
/** People and places recur more unevenly than words (a few are in every story). */
const NAME_S = 1.15;
/** Distinct people and places a corpus draws from. */
export const PEOPLE = 60_000;
export const PLACES = 4_000;
/** Share of paragraphs with a date, a figure, a person, a place (wire copy has most of them). */
const DENSITY = { date: 0.4, figure: 0.35, person: 0.6, place: 0.45 } as const;
const PARAGRAPHS_PER_ARTICLE = 20;
/** Days the corpus spreads over, from {@link FIRST_DAY}: a few months of a wire. */
const DAYS = 180;
const FIRST_DAY = Date.UTC(2025, 0, 1);

/** The words a sentence is mostly made of, most frequent first in running French. */
const FUNCTION_WORDS = 'de la le les et des à du en un une dans pour que qui sur par au est a pas avec ce il plus ont aux ne son été sa se elle ses leur selon après avant entre lors depuis mais ou où dont comme très tout tous sans sous vers chez cette ces ils nous vous'.split(' ');
const FIRST_NAMES = 'Jean Marie Pierre Anne Michel Catherine Philippe Nathalie Alain Isabelle Nicolas Sophie Christophe Sandrine François Valérie Laurent Céline Éric Claire Julien Camille Thomas Julie Olivier Aurélie Sébastien Émilie David Élodie Stéphane Laure Frédéric Hélène Antoine Lucie Mathieu Chloé Guillaume Léa Hugo Manon Karim Yasmina Mehdi Fatima Youssef Leïla Ibrahim Awa Mamadou Aïcha Paulo Inès Luca Giulia Sven Ingrid Tomasz Agnieszka Dmitri Olga'.split(' ');
const ROLES = ['le ministre', 'la ministre', 'le maire', 'la maire', 'le préfet', 'la préfète', 'le porte-parole', 'la porte-parole', 'le procureur', 'la procureure', 'le président', 'la présidente', 'le député', 'la députée', 'le directeur', 'la directrice'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const NUMBER_WORDS = ['deux', 'trois', 'quatre', 'cinq', 'six', 'dix', 'douze', 'vingt', 'cent'];
const UNITS = ['personnes', 'habitants', 'euros', 'kilomètres', 'tonnes', 'blessés', 'emplois', 'logements', 'voix'];
const QUESTION_WORDS = ['Qui', 'Quand', 'Combien', 'Où', 'Pourquoi', 'Que'];
const SYLLABLES = 'ba be bi bo bu ca co cu da de di do fa fe fi fo ga go gu la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za zo bar ber dan del mar mor nal ner ran ren san ser tal ter val ver lin ron'.split(' ');
const ENDINGS = ['', '', 'n', 'r', 's', 't', 'l', 'x', 'nd', 'rt', 'ssi', 'lli', 'ni', 'ac', 'ot', 'et'];

/** Two dozen outlets, by kind, as many as the target asks for and more. */
export const ZIPF_SOURCES: readonly Source[] = Array.from({ length: 24 }, (_, i) => {
  const kinds = ['news agency', 'daily newspaper', 'television channel', 'news website', 'radio station', 'weekly magazine'] as const;
  const letter = String.fromCharCode(65 + i);
  return {
    id: `media-${letter.toLowerCase()}`,
    name: `Média ${letter}`,
    short: `M${letter}`,
    kind: kinds[i % kinds.length] as string,
    ownership: 'synthetic outlet for benchmarks',
    color: `#${((i * 0x2f5a3b + 0x1f5fad) & 0xffffff).toString(16).padStart(6, '0').toUpperCase()}`,
  };
});

/** A Zipf–Mandelbrot law over `n` ranks, sampled by binary search in its cumulative weights. */
export function zipfSampler(n: number, s: number, q: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / (r + 1 + q) ** s;
  return () => {
    const x = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) < x) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** The word list, lower-case letters only, function words first then the rest in a seeded order. */
function rankedWords(random: () => number): string[] {
  const all = (createRequire(import.meta.url)('an-array-of-french-words') as string[]).filter((w) => /^\p{Ll}{2,}$/u.test(w));
  const functionWords = new Set(FUNCTION_WORDS);
  const rest = all.filter((w) => !functionWords.has(w));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
  }
  return [...FUNCTION_WORDS, ...rest];
}

/** `count` distinct made-up proper names (syllables, capitalised), in a seeded order. */
function madeUpNames(count: number, random: () => number): string[] {
  const pick = pickerOf(random);
  const names = new Set<string>();
  while (names.size < count) {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('') + pick(ENDINGS);
    names.add(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return [...names];
}

/** What {@link zipfCorpus} makes: articles, and material for queries drawn from them. */
export interface ZipfCorpus {
  readonly sources: readonly Source[];
  readonly articles: readonly SyntheticArticle[];
  /** Sentences of the corpus, verbatim (claims as members paste them). */
  readonly sentences: readonly string[];
  /** Questions made of a question word and a run of words of a sentence of the corpus. */
  readonly questions: readonly string[];
  /** Content words of the corpus, drawn by frequency (topics, autocomplete prefixes). */
  readonly words: readonly string[];
}

/** A corpus of `paragraphs` paragraphs in articles of 20, over {@link ZIPF_SOURCES} and 180 days of 2025. */
export function zipfCorpus(paragraphs: number, seed = 42): ZipfCorpus {
  const random = seededRandom(seed);
  const pick = pickerOf(random);
  const vocabulary = rankedWords(random);
  const word = zipfSampler(vocabulary.length, WORD_S, WORD_Q, random);
  const surnames = madeUpNames(PEOPLE + PLACES, random);
  const people = surnames.slice(0, PEOPLE).map((surname, i) => `${FIRST_NAMES[i % FIRST_NAMES.length] as string} ${surname}`);
  const places = surnames.slice(PEOPLE);
  const person = zipfSampler(people.length, NAME_S, 1, random);
  const place = zipfSampler(places.length, NAME_S, 1, random);

  const figure = (): string => {
    const r = random();
    if (r < 0.3) return `${Math.floor(random() * 100)} %`;
    if (r < 0.6) return `${(1 + Math.floor(random() * 999)).toLocaleString('fr-FR')} ${pick(UNITS)}`;
    if (r < 0.8) return `${pick(NUMBER_WORDS)} millions d'euros`;
    return `${Math.floor(random() * 90) + 1},${Math.floor(random() * 10)} milliards`;
  };
  const date = (day: Date): string => {
    const when = new Date(day.getTime() - Math.floor(random() * 10) * 86_400_000);
    const r = random();
    if (r < 0.5) return `le ${when.getUTCDate()} ${MONTHS[when.getUTCMonth()] as string} ${when.getUTCFullYear()}`;
    if (r < 0.8) return `${WEEKDAYS[(when.getUTCDay() + 6) % 7] as string} ${when.getUTCDate()} ${MONTHS[when.getUTCMonth()] as string}`;
    return `en ${MONTHS[when.getUTCMonth()] as string}`;
  };
  const sentence = (extras: readonly string[]): string => {
    const parts = Array.from({ length: 8 + Math.floor(random() * 16) }, () => vocabulary[word()] as string);
    for (const extra of extras) parts.splice(Math.floor(random() * (parts.length + 1)), 0, extra);
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (day: Date): string => {
    const extras: string[] = [];
    if (random() < DENSITY.person) extras.push(random() < 0.5 ? `${pick(ROLES)} ${people[person()] as string}` : `selon ${people[person()] as string}`);
    if (random() < DENSITY.place) extras.push(`à ${places[place()] as string}`);
    if (random() < DENSITY.date) extras.push(date(day));
    if (random() < DENSITY.figure) extras.push(figure());
    const count = 2 + Math.floor(random() * 3);
    const sentences: string[][] = Array.from({ length: count }, () => []);
    for (const extra of extras) sentences[Math.floor(random() * count)]?.push(extra);
    return sentences.map((e) => sentence(e)).join(' ');
  };

  const articles: SyntheticArticle[] = [];
  for (let made = 0; made < paragraphs; made += PARAGRAPHS_PER_ARTICLE) {
    const day = new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000);
    const texts = Array.from({ length: Math.min(PARAGRAPHS_PER_ARTICLE, paragraphs - made) }, () => paragraph(day));
    articles.push({ id: `z${String(articles.length).padStart(6, '0')}`, source: pick(ZIPF_SOURCES).id, title: titleOf(texts[0] ?? ''), published: day.toISOString().slice(0, 10), paragraphs: texts });
  }

  // Query material, drawn from the corpus itself so that queries meet it as members' do.
  const sentences: string[] = [];
  const questions: string[] = [];
  const sample = Math.min(2_000, articles.length * 4);
  for (let i = 0; i < sample; i++) {
    const text = pick(pick(articles).paragraphs);
    const spoken = text.split(/(?<=\.)\s+/u);
    const one = pick(spoken);
    sentences.push(one);
    const tokens = one.replace(/\.$/u, '').split(/\s+/u);
    const start = Math.floor(random() * Math.max(1, tokens.length - 4));
    questions.push(`${pick(QUESTION_WORDS)} ${tokens.slice(start, start + 3 + Math.floor(random() * 6)).join(' ')} ?`);
  }
  const words = Array.from({ length: 2_000 }, () => vocabulary[word()] as string).filter((w) => w.length > 3 && !FUNCTION_WORDS.includes(w));
  return { sources: ZIPF_SOURCES, articles, sentences, questions, words };
}
