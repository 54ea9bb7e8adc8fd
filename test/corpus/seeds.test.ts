/**
 * End-to-end checks on cleaning: the two real seed articles as committed in data/articles, and two
 * invented raw texts in test/fixtures/raw carrying the same kinds of noise as the raw seeds (the
 * raw seeds themselves stay outside the repository).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticleFile, serialiseArticleFile } from '../../src/corpus/article-file.js';
import { cleanArticleText, type CleanResult } from '../../src/corpus/clean.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Corpus } from '../../src/corpus/types.js';

const RAW_FIXTURES = new URL('../fixtures/raw/', import.meta.url);

let corpus: Corpus;
const raw: Record<'wire' | 'page', string> = { wire: '', page: '' };

function bySource(source: string): Article {
  const article = corpus.articles.find((a) => a.source === source);
  if (!article) throw new Error(`no ${source} article in data/`);
  return article;
}

/** Everything an article shows a user: paragraphs, headings, title, dateline. */
function shownText(article: Article): string {
  return [article.title, article.dateline ?? '', ...article.paragraphs.flatMap((p) => [p.text, p.heading ?? ''])].join('\n');
}

/** An article's body written back as raw text: each new heading on its own line, blank lines between. */
function bodyAsRaw(article: Article): string {
  const blocks: string[] = [];
  let heading: string | undefined;
  for (const p of article.paragraphs) {
    if (p.heading !== undefined && p.heading !== heading) blocks.push(p.heading);
    heading = p.heading;
    blocks.push(p.text);
  }
  return blocks.join('\n\n');
}

const asCommitted = (article: Article) => article.paragraphs.map(({ text, heading }) => (heading ? { text, heading } : { text }));
const reasons = (r: CleanResult) => r.removed.map((p) => p.reason);

/** The promise of cleaning: kept text is a verbatim slice of the raw text. */
function expectVerbatim(text: string, r: CleanResult): void {
  for (const p of r.paragraphs) expect(text).toContain(p.text);
  for (const p of r.paragraphs) if (p.heading) expect(text).toContain(p.heading);
}

beforeAll(async () => {
  corpus = await loadCorpus('data');
  raw.wire = await readFile(new URL('wire-dispatch.txt', RAW_FIXTURES), 'utf8');
  raw.page = await readFile(new URL('web-page.txt', RAW_FIXTURES), 'utf8');
});

describe('the committed corpus', () => {
  it('loads with exactly the two seed articles', () => {
    expect(corpus.articles.map((a) => a.source).sort()).toEqual(['afp', 'rt-fr']);
  });

  it.each(['afp', 'rt-fr'])('GIVEN the %s article text WHEN cleaned again THEN nothing of it is removed and it gives exactly the committed paragraphs', (source) => {
    const cleaned = cleanArticleText(bodyAsRaw(bySource(source)));
    expect(cleaned.removed).toEqual([]);
    expect(cleaned.warnings).toEqual([]);
    expect(cleaned.paragraphs).toEqual(asCommitted(bySource(source)));
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
    expect(cleanArticleText(bodyAsRaw(rt))).toMatchObject({ published: '2025-06-17', publishedInferredFrom: 'ce 17 juin 2025' });
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

describe('GIVEN an invented wire dispatch with a wire header and a subheading marker', () => {
  it('WHEN cleaned THEN only the header is removed, and it gives the dateline, outlet and date, with a warning on its weekday', () => {
    const r = cleanArticleText(raw.wire);
    expect(r.removed).toEqual([{ text: 'date 2031-03 Valbrume, Haute-Lisière | DDL | mercredi 13/03/2031 -', reason: 'wire header (dateline, outlet, date)' }]);
    expect(r).toMatchObject({ dateline: 'Valbrume, Haute-Lisière', source: 'DDL', published: '2031-03-13', publishedInferredFrom: undefined, title: undefined });
    expect(r.warnings).toEqual(['wire header says "mercredi" but 13/03/2031 is a jeudi; kept the numeric date']);
    expectVerbatim(raw.wire, r);
  });

  it('WHEN cleaned THEN the rest of the header line is the lead, and it has 9 paragraphs, 4 under the marked heading', () => {
    const r = cleanArticleText(raw.wire);
    expect(r.paragraphs).toHaveLength(9);
    expect(r.paragraphs[0]?.text.startsWith("Le conseil municipal de Valbrume a voté jeudi la construction d'un téléphérique")).toBe(true);
    expect(r.paragraphs.filter((p) => p.heading === undefined)).toHaveLength(5);
    expect(r.paragraphs.filter((p) => p.heading === 'Un chantier de trois ans')).toHaveLength(4);
    expect(r.paragraphs.some((p) => p.text.includes('Un chantier de trois ans') || p.text.includes('| DDL |'))).toBe(false);
  });
});

describe('GIVEN an invented web page with a repeated title, caption, promos, tagline and cookie banner', () => {
  it('WHEN cleaned THEN each piece of noise is removed, in order, with its reason', () => {
    const r = cleanArticleText(raw.page);
    expect(reasons(r)).toEqual([
      'title line (used as the title)',
      'repeated title',
      'photo caption',
      'promotional line',
      'short line after the article body (tagline or label)',
      'promotional line',
      'cookie consent banner (everything from its opening sentence to the end)',
      'cookie consent banner',
      'cookie consent banner',
      'cookie consent banner (everything from its opening sentence to the end)',
      'cookie consent banner',
    ]);
    expect(r.removed.find((p) => p.reason === 'photo caption')?.text.startsWith('Capture d’écran de la vidéo')).toBe(true);
    expect(r.warnings).toEqual([]);
    expectVerbatim(raw.page, r);
  });

  it.each(['cookies', 'Tout Accepter', 'Suivez Le Courrier', 'Raconter la vallée', 'Capture d’écran', 'Paramétrer vos choix'])('WHEN cleaned THEN no paragraph or heading holds %j', (noise) => {
    const shown = cleanArticleText(raw.page).paragraphs.flatMap((p) => [p.text, p.heading ?? '']);
    expect(shown.filter((t) => t.toLowerCase().includes(noise.toLowerCase()))).toEqual([]);
    expect(shown).not.toContain('OK');
  });

  it('WHEN cleaned THEN the repeated line is the title only, and the date is read from "ce 12 mars 2031"', () => {
    const r = cleanArticleText(raw.page);
    expect(r.title).toBe('Inauguration à Valbrume : le nouveau pont des Chardons ouvre aux piétons après quatre ans de travaux');
    expect(r.paragraphs.some((p) => p.text === r.title)).toBe(false);
    expect(r).toMatchObject({ published: '2031-03-12', publishedInferredFrom: 'ce 12 mars 2031' });
  });

  it('WHEN cleaned THEN it has 7 paragraphs, the last 4 under two subheadings', () => {
    const r = cleanArticleText(raw.page);
    expect(r.paragraphs).toHaveLength(7);
    expect(r.paragraphs.map((p) => p.heading ?? null)).toEqual([
      null,
      null,
      null,
      'Une navette électrique dès le printemps',
      'Une navette électrique dès le printemps',
      "Une halle rénovée d'ici deux ans",
      "Une halle rénovée d'ici deux ans",
    ]);
    expect(r.paragraphs[0]?.text.startsWith('Le pont des Chardons a ouvert aux piétons')).toBe(true);
  });
});
