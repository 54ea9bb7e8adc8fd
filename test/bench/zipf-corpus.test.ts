/**
 * The scale benchmarks' corpus generator (bench/lib/zipf-corpus.ts): deterministic, its word
 * frequencies falling as a Zipf law does, its vocabulary and its people growing with its size,
 * dates and figures in the density of wire copy, two dozen outlets, articles that are valid files.
 */
import { describe, expect, it } from 'vitest';
import { PEOPLE, ZIPF_SOURCES, zipfCorpus, zipfSampler } from '../../bench/lib/zipf-corpus.js';
import { seededRandom } from '../../bench/lib/synthetic-corpus.js';
import { parseArticleFile, serialiseArticleFile } from '../../src/corpus/article-file.js';

const small = zipfCorpus(2_000);
const large = zipfCorpus(8_000);

const tokensOf = (c: ReturnType<typeof zipfCorpus>) => c.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.toLowerCase().match(/\p{Ll}+/gu) ?? []));
const paragraphsOf = (c: ReturnType<typeof zipfCorpus>) => c.articles.flatMap((a) => a.paragraphs);

describe('zipfCorpus', () => {
  it('gives the same corpus for the same seed, another for another seed', () => {
    const again = zipfCorpus(2_000);
    expect(again.articles).toEqual(small.articles);
    expect(again.questions).toEqual(small.questions);
    expect(zipfCorpus(2_000, 7).articles[0]).not.toEqual(small.articles[0]);
  });

  it('makes the paragraphs asked for, in articles of 20 over two dozen outlets', () => {
    expect(paragraphsOf(small)).toHaveLength(2_000);
    expect(small.articles).toHaveLength(100);
    expect(ZIPF_SOURCES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ZIPF_SOURCES.map((s) => s.id)).size).toBe(ZIPF_SOURCES.length);
    expect(new Set(large.articles.map((a) => a.source)).size).toBe(ZIPF_SOURCES.length);
  });

  it("draws ranks by a Zipf law: the log-log slope of rank against frequency is about the law's exponent", () => {
    const draw = zipfSampler(100_000, 1.07, 2.7, seededRandom(3));
    const counts = new Map<number, number>();
    for (let i = 0; i < 400_000; i++) {
      const r = draw();
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    const at = (rank: number) => counts.get(rank - 1) ?? 0;
    const slope = (Math.log(at(300)) - Math.log(at(30))) / (Math.log(300 + 2.7) - Math.log(30 + 2.7));
    expect(slope).toBeLessThan(-0.85);
    expect(slope).toBeGreaterThan(-1.3);
  });

  it('has a vocabulary that keeps growing with the corpus, its commonest words the function words', () => {
    const distinctSmall = new Set(tokensOf(small)).size;
    const distinctLarge = new Set(tokensOf(large)).size;
    // Four times the text: far more words (Heaps' law), though fewer than four times as many.
    expect(distinctLarge).toBeGreaterThan(distinctSmall * 1.8);
    expect(distinctLarge).toBeLessThan(distinctSmall * 4);
    const counts = new Map<string, number>();
    for (const t of tokensOf(small)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w]) => w);
    expect(top).toContain('de');
  });

  it('names more people as it grows, from a population of tens of thousands', () => {
    expect(PEOPLE).toBeGreaterThanOrEqual(50_000);
    const people = (c: ReturnType<typeof zipfCorpus>) => new Set(paragraphsOf(c).flatMap((p) => p.match(/\b(?:ministre|maire|préfète?|porte-parole|procureure?|présidente?|députée?|directeur|directrice|selon) (\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)/gu) ?? [])).size;
    expect(people(large)).toBeGreaterThan(people(small) * 2);
    expect(people(large)).toBeGreaterThan(1_500);
  });

  it('dates and figures about as often as wire copy does', () => {
    const share = (re: RegExp) => paragraphsOf(large).filter((p) => re.test(p)).length / paragraphsOf(large).length;
    // A month after a day or `en`: `mars` and `mai` are words of the list too.
    const month = /(?:\d{1,2}|en) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/u;
    expect(share(month)).toBeGreaterThan(0.3);
    expect(share(month)).toBeLessThan(0.5);
    const figure = /\d+ %|\d[\d\u202f\u00a0 ]* (?:personnes|habitants|euros|kilomètres|tonnes|blessés|emplois|logements|voix)|millions d'euros|milliards/u;
    expect(share(figure)).toBeGreaterThan(0.25);
    expect(share(figure)).toBeLessThan(0.45);
  });

  it('writes articles that read back as article files, and queries drawn from them', () => {
    for (const a of [small.articles[0], small.articles[99]]) {
      if (!a) throw new Error('missing article');
      const text = serialiseArticleFile({ meta: { id: a.id, source: a.source, title: a.title, published: a.published, language: 'fr' }, paragraphs: a.paragraphs.map((t, i) => ({ n: i + 1, text: t })) });
      expect(parseArticleFile(text).paragraphs.map((p) => p.text)).toEqual(a.paragraphs);
    }
    const text = paragraphsOf(small).join(' ');
    for (const s of small.sentences.slice(0, 20)) expect(text).toContain(s);
    for (const q of small.questions.slice(0, 20)) expect(text).toContain(q.replace(/^\S+ /u, '').replace(/ \?$/u, ''));
  });
});
