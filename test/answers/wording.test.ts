/**
 * `wording`: on the seeds (AFP and RT on the North Korean workers for Koursk), the referents the
 * issue names, with each outlet's words verbatim and counted; on the invented stories, the
 * referents of truth/wording.yml per outlet; and, for every answer, that each phrase shown is in
 * its excerpt and that its count equals a count made here, independently, over the raw text of
 * the outlet's articles on the topic.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Engine } from '../../src/answers/engine.js';
import type { Answer } from '../../src/answers/types.js';
import type { WordingAnswer, WordingReferent } from '../../src/answers/wording-types.js';
import { dispatch } from '../../src/commands/table.js';
import { loadEngine } from '../../src/load-engine.js';
import { EXCERPT_MAX_LENGTH } from '../../src/search/excerpt-span.js';
import { renderText } from '../../src/terminal/render.js';
import { STORIES_DIR } from '../fixtures/stories/truth.js';

function wordingOf(engine: Engine, topic: string): WordingAnswer {
  const answer: Answer = dispatch(engine, 'wording', topic);
  if (answer.kind !== 'wording') throw new Error(`expected wording, got ${answer.kind}`);
  return answer;
}

/** Each outlet's phrases of a referent, `{ text: count }`, or `none`. */
function phrasesOf(r: WordingReferent): Record<string, Record<string, number> | 'none'> {
  return Object.fromEntries(r.outlets.map((o) => [o.sourceId, o.state === 'none' ? 'none' : Object.fromEntries(o.phrases.map((p) => [p.text, p.count]))]));
}

/** Folded as a reader compares words: no case, no accents, one kind of apostrophe, hyphen and space. */
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[’‘`ʼ]/gu, "'")
    .replace(/[\u2010-\u2014]/gu, '-')
    .replace(/[\s\u00a0\u202f]+/gu, ' ');

/**
 * Occurrences of each phrase of a referent in texts, written here apart from the engine: a
 * regular expression per phrase, word-bounded, longest phrase first, never two overlapping.
 */
function independentCounts(texts: readonly string[], phrases: readonly string[]): Map<string, number> {
  const ordered = [...new Set(phrases.map(plain))].sort((a, b) => b.length - a.length);
  const out = new Map(ordered.map((p) => [p, 0]));
  for (const raw of texts) {
    const text = plain(raw);
    const taken: Array<[number, number]> = [];
    for (const p of ordered) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of text.matchAll(re)) {
        const span: [number, number] = [m.index, m.index + m[0].length];
        if (taken.some(([s, e]) => span[0] < e && s < span[1])) continue;
        taken.push(span);
        out.set(p, (out.get(p) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** Every phrase is in its excerpt, and counted as the outlet's paragraphs on the topic hold it. */
function expectPhrasesTrue(engine: Engine, a: WordingAnswer): void {
  for (const r of a.referents) {
    const all = r.outlets.flatMap((o) => o.phrases.map((p) => p.text));
    for (const o of r.outlets) {
      for (const p of o.phrases) {
        expect(plain(p.excerpt.text)).toContain(plain(p.text));
        const h = p.excerpt.highlights[0];
        expect(h && p.excerpt.text.slice(h.start, h.end)).toBe(p.text);
        expect(p.excerpt.citation.sourceId).toBe(o.sourceId);
        expect(p.excerpt.text.length).toBeLessThanOrEqual(EXCERPT_MAX_LENGTH);
        const paragraph = engine.corpus.articles.find((x) => x.id === p.excerpt.citation.articleId)?.paragraphs.find((x) => x.n === p.excerpt.citation.paragraph);
        expect(paragraph?.text.slice(p.excerpt.start, p.excerpt.end)).toBe(p.excerpt.text);
      }
      const articleIds = new Set(a.outlets.find((x) => x.sourceId === o.sourceId)?.articleIds);
      expect(articleIds.size).toBeGreaterThan(0);
      const texts = engine.corpus.articles.filter((x) => articleIds.has(x.id)).flatMap((x) => x.paragraphs.map((p) => p.text));
      const counts = independentCounts(texts, all);
      if (r.anchor === 'party') {
        // A party's phrases are counted where they name the country, not the place (`à Kiev`): at
        // most every occurrence, and at least one; the exact counts are the hand truth's.
        for (const p of o.phrases) {
          expect(p.count).toBeLessThanOrEqual(counts.get(plain(p.text)) ?? 0);
          expect(p.count).toBeGreaterThanOrEqual(1);
        }
        continue;
      }
      for (const p of o.phrases) expect(counts.get(plain(p.text))).toBe(p.count);
      if (o.state === 'none') for (const phrase of all) expect(counts.get(plain(phrase)) ?? 0).toBe(0);
    }
  }
}

describe('GIVEN the seeds (AFP and RT on the North Korean workers for Koursk)', () => {
  let engine: Engine;
  let a: WordingAnswer;
  beforeAll(async () => {
    engine = await loadEngine('data', { cacheDir: false });
    a = wordingOf(engine, 'Corée du Nord Koursk');
  });

  it('WHEN the wording on the topic is asked THEN both outlets are read, one article each', () => {
    expect(a.outlets.map((o) => [o.outlet, o.articles])).toEqual([
      ['AFP', 1],
      ['RT', 1],
    ]);
  });

  it('THEN the 5 000 workers are «ouvriers» for AFP and «militaires bâtisseurs» for RT, counted', () => {
    const r = a.referents.find((x) => x.anchor === 'figure' && x.value === 5000);
    expect(r).toBeDefined();
    const p = phrasesOf(r as WordingReferent);
    expect(p.afp).toMatchObject({ ouvriers: 2, personnes: 1 });
    expect(p['rt-fr']).toEqual({ 'militaires bâtisseurs': 1 });
  });

  it('THEN Koursk is «partiellement occupée par les forces ukrainiennes» for AFP and «libération de la région de Koursk» for RT', () => {
    const r = a.referents.find((x) => x.anchor === 'qualifier' && x.label === 'Koursk');
    const p = phrasesOf(r as WordingReferent);
    expect(p.afp).toMatchObject({ 'qui avait été partiellement occupée par les forces ukrainiennes': 1 });
    expect(p['rt-fr']).toMatchObject({ 'libération de la région de Koursk': 1 });
  });

  it('THEN the same quoted words differ: «l’aide fraternelle» (AFP), «véritable assistance fraternelle» (RT)', () => {
    const r = a.referents.find((x) => x.anchor === 'quote');
    expect(phrasesOf(r as WordingReferent)).toEqual({ afp: { "l'aide fraternelle": 1 }, 'rt-fr': { 'véritable assistance fraternelle': 1 } });
  });

  it('THEN Ukraine, as a party, is «les forces ukrainiennes» and «l’armée de Kiev» for AFP, «Kiev» for RT; no place is counted', () => {
    const r = a.referents.find((x) => x.anchor === 'party' && x.label === 'Ukraine');
    // AFP's «en Ukraine» and «frontalière de l'Ukraine» are places; «son conflit avec l'Ukraine» names the party.
    expect(phrasesOf(r as WordingReferent)).toEqual({ afp: { 'forces ukrainiennes': 3, 'armée de Kiev': 1, Ukraine: 1 }, 'rt-fr': { Kiev: 1 } });
  });

  it('THEN Russia, as a party, is counted without the train «entre Pyongyang et Moscou» or the border «entre la Corée du Nord et la Russie»', () => {
    const r = a.referents.find((x) => x.anchor === 'party' && x.label === 'Russie');
    expect(phrasesOf(r as WordingReferent)).toEqual({ afp: { Moscou: 4, Russie: 1, 'armée russe': 1 }, 'rt-fr': { Moscou: 2, Russie: 2, 'Fédération de Russie': 1 } });
  });

  it('THEN Kim Jong Un’s name is spelled as each outlet spells it', () => {
    const r = a.referents.find((x) => x.anchor === 'name');
    expect(phrasesOf(r as WordingReferent)).toEqual({ afp: { 'Kim Jong Un': 3 }, 'rt-fr': { 'Kim Jong-Un': 2 } });
  });

  it('THEN every phrase is in its excerpt, and its count is the count of its article’s paragraphs', () => {
    expectPhrasesTrue(engine, a);
  });

  it('THEN the terminal states it as wording, in French and English, with no word of judgement', () => {
    const fr = renderText(a, { locale: 'fr' });
    const en = renderText(a, { locale: 'en' });
    expect(fr).toContain('AFP écrit « ouvriers » (2×)');
    expect(fr).toContain('RT écrit « militaires bâtisseurs » (1×)');
    expect(en).toContain('AFP writes “ouvriers” (2×)');
    expect(en).toContain('RT writes “militaires bâtisseurs” (1×)');
    expect(fr).toContain('Pour nommer la partie « Ukraine » (mentions du lieu mises à part)');
    expect(en).toContain('Naming “Ukraine” as a party (place mentions aside)');
    for (const text of [fr, en]) expect(text).not.toMatch(/propagand|biais|bias|euphémi|euphemi|minimis|misleading|trompeu/iu);
  });

  it('WHEN the topic is in no article THEN there is no evidence, said as such', () => {
    expect(dispatch(engine, 'wording', 'zzzz qqqq').kind).toBe('no-evidence');
  });
});

interface TruthFile {
  topics: Array<{ query: string; referents: Array<{ anchor: string; value?: number; label?: string; outlets: Record<string, Record<string, number> | 'none'> }> }>;
}

describe('GIVEN the invented stories and truth/wording.yml', () => {
  let engine: Engine;
  const truth = parse(readFileSync(path.join(STORIES_DIR, 'truth', 'wording.yml'), 'utf8')) as TruthFile;
  beforeAll(async () => {
    engine = await loadEngine(STORIES_DIR, { cacheDir: false });
  });

  for (const topic of truth.topics) {
    it(`WHEN the wording on “${topic.query}” is asked THEN each referent of the truth is worded per outlet as written, counted`, () => {
      const a = wordingOf(engine, topic.query);
      for (const expected of topic.referents) {
        const found = a.referents.find((r) => r.anchor === expected.anchor && (expected.value === undefined || r.value === expected.value) && (expected.label === undefined || r.label === expected.label));
        expect(found, `${expected.anchor} ${expected.value ?? expected.label}`).toBeDefined();
        expect(phrasesOf(found as WordingReferent)).toEqual(expected.outlets);
      }
      expectPhrasesTrue(engine, a);
    });
  }
});
