/**
 * End-to-end checks on the two real seed articles: the raw texts in ../shared/seeds (tests may
 * read them; the product never does) against the committed files in data/articles.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticleFile, serialiseArticleFile } from '../../src/corpus/article-file.js';
import { cleanArticleText } from '../../src/corpus/clean.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus } from '../../src/corpus/types.js';

const SEEDS = path.resolve('../shared/seeds');
const AFP_RAW = '000_6bad74319bc0afbf.txt';
const RT_RAW = '002_834d2982ec98fa8b.txt';

let corpus: Corpus;
const raw: Record<string, string> = {};

function bySource(source: string): Article {
  const article = corpus.articles.find((a) => a.source === source);
  if (!article) throw new Error(`no ${source} article in data/`);
  return article;
}

/** Everything an article shows a user: paragraphs, headings, title, dateline. */
function shownText(article: Article): string {
  return [article.title, article.dateline ?? '', ...article.paragraphs.flatMap((p) => [p.text, p.heading ?? ''])].join('\n');
}

beforeAll(async () => {
  corpus = await loadCorpus('data');
  raw.afp = await readFile(path.join(SEEDS, AFP_RAW), 'utf8');
  raw['rt-fr'] = await readFile(path.join(SEEDS, RT_RAW), 'utf8');
});

describe('the committed corpus', () => {
  it('loads with exactly the two seed articles', () => {
    expect(corpus.articles.map((a) => a.source).sort()).toEqual(['afp', 'rt-fr']);
  });

  it.each(['afp', 'rt-fr'])('GIVEN the %s article THEN every paragraph and heading is a verbatim substring of its raw seed', (source) => {
    const article = bySource(source);
    for (const p of article.paragraphs) expect(raw[source]).toContain(p.text);
    for (const p of article.paragraphs) if (p.heading) expect(raw[source]).toContain(p.heading);
  });

  it.each(['afp', 'rt-fr'])('GIVEN the %s seed WHEN cleaned again THEN it gives exactly the committed paragraphs', (source) => {
    const cleaned = cleanArticleText(raw[source] ?? '');
    expect(cleaned.paragraphs).toEqual(bySource(source).paragraphs.map(({ text, heading }) => (heading ? { text, heading } : { text })));
  });
  it.each(['afp', 'rt-fr'])('GIVEN the %s article file WHEN parsed and written again THEN it is byte for byte the same', async (source) => {
    const text = await readFile(path.join('data', bySource(source).file), 'utf8');
    expect(serialiseArticleFile(parseArticleFile(text))).toBe(text);
  });
});

describe('the AFP seed', () => {
  it('has lost its wire header and kept what it said', () => {
    const afp = bySource('afp');
    expect(afp).toMatchObject({ published: '2025-06-17', dateline: 'Moscou, Russie' });
    expect(shownText(afp)).not.toContain('| AFP |');
    expect(afp.paragraphs[0]?.text.startsWith('Moscou a annoncé mardi que Pyongyang')).toBe(true);
  });

  it('has "Accord de défense mutuelle" as a heading, not a paragraph', () => {
    const afp = bySource('afp');
    expect(afp.paragraphs.some((p) => p.text.includes('Accord de défense mutuelle'))).toBe(false);
    const first = afp.paragraphs.find((p) => p.heading === 'Accord de défense mutuelle');
    expect(first?.text.startsWith('Les visites en Corée du Nord de M. Choïgou')).toBe(true);
    expect(afp.paragraphs.filter((p) => p.heading === undefined)).toHaveLength(11);
  });

  it('has 20 paragraphs', () => {
    expect(bySource('afp').paragraphs).toHaveLength(20);
  });
});

describe('the RT seed', () => {
  it.each(['cookies', 'Tout Accepter', 'Suivez RT', "Raconter l'actualité", 'Capture d’écran', 'TV-Novosti', 'Paramétrer vos choix'])('contains no trace of %j', (noise) => {
    expect(shownText(bySource('rt-fr')).toLowerCase()).not.toContain(noise.toLowerCase());
  });

  it('has its repeated title as title only, and its date read from "ce 17 juin 2025"', () => {
    const rt = bySource('rt-fr');
    expect(rt.title).toBe('Visite de Sergueï Choïgou en Corée du Nord: Pyongyang va envoyer 5 000 travailleurs pour reconstruire la région de Koursk');
    expect(rt.paragraphs.some((p) => p.text === rt.title)).toBe(false);
    expect(rt.published).toBe('2025-06-17');
    expect(cleanArticleText(raw['rt-fr'] ?? '').publishedInferredFrom).toBe('ce 17 juin 2025');
  });

  it('has 10 paragraphs under two subheadings', () => {
    const rt = bySource('rt-fr');
    expect(rt.paragraphs).toHaveLength(10);
    expect([...new Set(rt.paragraphs.map((p) => p.heading).filter(Boolean))]).toEqual([
      'Une reprise dynamique des connexions entre les deux pays',
      'Un dialogue stratégique intensifié entre alliés',
    ]);
  });
});
