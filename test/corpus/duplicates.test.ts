import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  comparableWords,
  DuplicateIndex,
  isNearDuplicate,
  MIN_SHINGLES,
  overlap,
  shingles,
  SYNDICATION_CONTAINMENT,
  SYNDICATION_JACCARD,
  urlKey,
  type ComparableArticle,
} from '../../src/corpus/duplicates.js';
import { extractFromHtml, extractFromText, type ExtractedArticle } from '../../src/corpus/extract.js';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

const dispatch = extractFromText(read('dispatch-dhl.txt'));
const copy = extractFromHtml(read('courrier-copy.html'), 'courrier-copy.html');
const ownReport = extractFromHtml(read('echo-own-report.html'), 'echo-own-report.html');
const otherStory = extractFromHtml(read('courrier-marche.html'), 'courrier-marche.html');

const shinglesOf = (e: ExtractedArticle) => shingles(comparableWords(e.paragraphs.map((p) => p.text).join('\n')));
const article = (id: string, source: string, e: ExtractedArticle, extra: Partial<ComparableArticle> = {}): ComparableArticle => ({ id, source, paragraphs: e.paragraphs, ...extra });
const incoming = (source: string, e: ExtractedArticle, urls: string[] = []) => ({ source, urls, paragraphs: e.paragraphs });

describe('GIVEN addresses of one article written differently', () => {
  it('WHEN keyed THEN scheme, www, fragment, trailing slash and tracking parameters do not count', () => {
    const key = 'courrier-valbrume.example/region/a.html';
    expect(urlKey('https://www.courrier-valbrume.example/region/a.html/')).toBe(key);
    expect(urlKey('http://courrier-valbrume.example/region/a.html?utm_source=x&xtor=RSS-1#comments')).toBe(key);
    expect(urlKey('https://courrier-valbrume.example/region/a.html?page=2&id=7')).toBe(`${key}?id=7&page=2`);
  });

  it('WHEN not an http(s) address THEN there is no key', () => {
    expect(urlKey('ftp://exemple.fr/a')).toBeUndefined();
    expect(urlKey('pas une adresse')).toBeUndefined();
  });
});

describe('GIVEN the same words in another typography', () => {
  it('WHEN compared THEN quotes, apostrophes, case, accents and line breaks do not count', () => {
    expect(comparableWords('« L’Etat », a-t-il dit.\nFin')).toEqual(comparableWords('"l\'État", A-T-IL DIT. Fin'));
  });
});

describe('GIVEN the invented dispatch and the pages of test/fixtures/ingest', () => {
  it('WHEN the regional daily copy is compared THEN it is below the Jaccard threshold but a copy by containment', () => {
    const o = overlap(shinglesOf(dispatch), shinglesOf(copy));
    expect(o.jaccard).toBeGreaterThan(0.7);
    expect(o.jaccard).toBeLessThan(SYNDICATION_JACCARD);
    expect(o.containment).toBeGreaterThanOrEqual(SYNDICATION_CONTAINMENT);
    expect(isNearDuplicate(o, Math.min(shinglesOf(dispatch).size, shinglesOf(copy).size))).toBe(true);
  });

  it.each([
    ['another outlet’s own report of the event', ownReport],
    ['another article of the same outlet', otherStory],
  ])('WHEN %s is compared THEN it shares almost no shingle and is no copy', (_, other) => {
    const o = overlap(shinglesOf(dispatch), shinglesOf(other));
    expect(o.jaccard).toBeLessThan(0.05);
    expect(isNearDuplicate(o, Math.min(shinglesOf(dispatch).size, shinglesOf(other).size))).toBe(false);
  });
});

describe('DuplicateIndex', () => {
  it('GIVEN a stored article WHEN the same address comes with tracking parameters THEN it is the same article', () => {
    const index = new DuplicateIndex([article('dhl-train', 'dhl', dispatch, { url: 'https://dhl.example/train' })]);
    expect(index.sameArticle(incoming('dhl', ownReport, ['https://www.dhl.example/train?utm_medium=rss']))).toEqual({ kind: 'same-url', id: 'dhl-train', detail: 'https://www.dhl.example/train?utm_medium=rss' });
  });

  it('GIVEN a stored article WHEN its text comes back with other line breaks and quotes THEN it is the same article', () => {
    const index = new DuplicateIndex([article('dhl-train', 'dhl', dispatch)]);
    const retyped = dispatch.paragraphs.map((p) => ({ text: p.text.replace(/"([^"]*)"/g, '« $1 »').replace(/ /g, '\n') }));
    expect(index.sameArticle({ source: 'dhl', urls: [], paragraphs: retyped })).toMatchObject({ kind: 'same-text', id: 'dhl-train' });
  });

  it('GIVEN the dispatch stored WHEN the copy of another outlet comes THEN it is syndication of the dispatch, not the same article', () => {
    const index = new DuplicateIndex([article('dhl-train', 'dhl', dispatch)]);
    expect(index.sameArticle(incoming('courrier-valbrume', copy))).toBeUndefined();
    expect(index.syndication(incoming('courrier-valbrume', copy))).toMatchObject({ of: 'dhl-train', matched: 'dhl-train' });
  });

  it('GIVEN the dispatch stored WHEN the same outlet publishes the copy THEN it is no syndication', () => {
    const index = new DuplicateIndex([article('dhl-train', 'dhl', dispatch)]);
    expect(index.syndication(incoming('dhl', copy))).toBeUndefined();
  });

  it('GIVEN a stored copy of the dispatch WHEN a third outlet copies it THEN the new copy points at the original', () => {
    const index = new DuplicateIndex([article('dhl-train', 'dhl', dispatch), article('courrier-train', 'courrier-valbrume', copy, { syndication_of: 'dhl-train' })]);
    expect(index.syndication(incoming('echo', copy))?.of).toBe('dhl-train');
  });

  it('GIVEN the article being replaced WHEN checked THEN it is ignored', () => {
    const index = new DuplicateIndex([article('courrier-train', 'courrier-valbrume', copy)]);
    expect(index.syndication(incoming('dhl', dispatch), 'courrier-train')).toBeUndefined();
    expect(index.syndication(incoming('dhl', dispatch))?.of).toBe('courrier-train');
  });

  it('GIVEN two very short texts WHEN identical but for one word THEN they are never taken for copies', () => {
    const short = { paragraphs: [{ text: 'La séance est levée à midi, a indiqué la présidente du conseil.' }] };
    const index = new DuplicateIndex([{ id: 'a', source: 'dhl', ...short }]);
    expect(shingles(comparableWords(short.paragraphs[0]!.text)).size).toBeLessThan(MIN_SHINGLES);
    expect(index.syndication({ source: 'echo', urls: [], paragraphs: [{ text: 'La séance est levée à midi, a indiqué la présidente du tribunal.' }] })).toBeUndefined();
  });

  it('GIVEN an article added twice under one id WHEN its new text is checked THEN the old text no longer matches', () => {
    const index = new DuplicateIndex([article('x', 'dhl', dispatch)]);
    index.add(article('x', 'dhl', otherStory));
    expect(index.sameArticle(incoming('dhl', dispatch))).toBeUndefined();
    expect(index.sameArticle(incoming('dhl', otherStory))?.id).toBe('x');
  });
});
