/**
 * `/quotes` over the invented reports of test/fixtures/quotes, judged against their truth: the
 * same statement carried by several articles is one group (and only those are), the wording
 * differences it shows are each outlet's own words, and the counts hold over the whole articles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { LIST_LIMIT, type QuoteExcerpt, type QuoteGroup, type QuotesAnswer } from '../../src/answers/types.js';
import { loadEngine } from '../../src/load-engine.js';
import { loadQuoteTruth, QUOTES_DIR } from '../fixtures/quotes/truth.js';

let engine: Engine;
let all: QuotesAnswer;
const truth = loadQuoteTruth();

beforeAll(async () => {
  engine = await loadEngine(QUOTES_DIR, { cacheDir: false });
  const answer = engine.quotes();
  if (answer.kind !== 'quotes') throw new Error(`expected a quotes answer, got ${answer.kind}`);
  all = answer;
});

const where = (q: QuoteExcerpt) => `${q.excerpt.citation.articleId}#${q.excerpt.citation.paragraph}#${q.pieces.join(' | ')}`;
const members = (g: QuoteGroup) => g.quotations.map(where).sort();

describe('GIVEN every quotation of the invented reports', () => {
  it('THEN the counts are those of the truth, over every article', () => {
    expect(all.quotations).toBe(truth.length);
    expect(all.unattributed).toBe(truth.filter((t) => t.speaker === null).length);
    expect(all.articles).toBe(engine.kb.corpus.articles.length);
    // Each group of the truth is one statement; every other quotation is one of its own.
    const statements = new Set(truth.map((t, i) => t.group ?? `alone-${i}`)).size;
    expect(all.total ?? all.groups.length).toBe(statements);
    expect(all.groups.length).toBe(Math.min(statements, LIST_LIMIT));
  });

  it('THEN each statement several articles carry is one group, and no other quotations are grouped', () => {
    const expected = new Map<string, string[]>();
    for (const t of truth) if (t.group) expected.set(t.group, [...(expected.get(t.group) ?? []), `${t.article}#${t.paragraph}#${t.pieces.join(' | ')}`]);
    const grouped = all.groups.filter((g) => g.quotations.length > 1).map(members);
    expect(grouped.sort()).toEqual([...expected.values()].map((m) => m.sort()).sort());
  });

  it('THEN the statement three outlets carry shows each one’s wording, in its own words', () => {
    const group = all.groups.find((g) => g.quotations.length === 3);
    const outlets = group?.quotations.map((q) => q.excerpt.citation.outlet) ?? [];
    expect([...outlets].sort()).toEqual(['AGP', 'KVX', 'QdE']);
    expect(group?.speaker?.name).toBe('Ilia Varenko');
    const [first, ...others] = group?.quotations ?? [];
    others.forEach((q, k) => {
      const changes = group?.changes[k + 1] ?? [];
      expect(changes.length).toBeGreaterThan(0);
      for (const c of changes) {
        expect(first?.pieces.join(' ')).toContain(c.reference);
        expect(q.pieces.join(' ')).toContain(c.other);
      }
    });
    // The first one is AGP's (oldest, then in corpus order).
    expect(outlets[0]).toBe('AGP');
    expect(group?.changes[outlets.indexOf('QdE')]).toEqual([{ reference: 'voisins, sans arrière-pensée', other: 'voisins français, sans la moindre arrière-pensée' }]);
    expect(group?.changes[outlets.indexOf('KVX')]).toEqual([
      { reference: 'tendre la main à', other: 'tendre une main fraternelle à' },
      { reference: 'sans arrière-pensée', other: 'sans aucune arrière-pensée' },
    ]);
  });

  it('THEN every statement quotes each article’s paragraph verbatim', () => {
    for (const q of all.groups.flatMap((g) => g.quotations)) {
      const paragraph = engine.kb.paragraph(q.excerpt.citation.articleId, q.excerpt.citation.paragraph);
      expect(paragraph?.paragraph.text.slice(q.excerpt.start, q.excerpt.end)).toBe(q.excerpt.text);
      for (const piece of q.pieces) expect(q.excerpt.text).toContain(piece);
    }
  });

  it('THEN the most quoted come first, with per-outlet counts that add up', () => {
    const [top] = all.speakers;
    expect(top?.speaker.name).toBe('Ilia Varenko');
    expect(top?.quotations).toBe(truth.filter((t) => t.speaker === 'Ilia Varenko').length);
    for (const s of all.speakers) expect(s.outlets.reduce((n, o) => n + o.count, 0)).toBe(s.quotations);
  });
});

describe('GIVEN a person or a topic', () => {
  it('WHEN a person is asked, under another spelling THEN only their quotations come, from every article naming them', () => {
    const answer = engine.quotes('Varenko');
    const misspelt = engine.quotes('Ilya Varenko');
    expect(answer.kind).toBe('quotes');
    if (answer.kind !== 'quotes') return;
    expect(answer.scope).toBe('speaker');
    expect(answer.person?.name).toBe('Ilia Varenko');
    expect(answer.groups.every((g) => g.speaker?.name === 'Ilia Varenko')).toBe(true);
    expect(answer.quotations).toBe(truth.filter((t) => t.speaker === 'Ilia Varenko').length);
    expect(misspelt).toEqual({ ...answer, query: 'Ilya Varenko' });
  });

  it('WHEN a topic is asked THEN the quotations come from the articles on it only', () => {
    const answer = engine.quotes('crue de la Lérèze');
    expect(answer.kind).toBe('quotes');
    if (answer.kind !== 'quotes') return;
    expect(answer.scope).toBe('topic');
    const articles = new Set(answer.groups.flatMap((g) => g.quotations.map((q) => q.excerpt.citation.articleId)));
    expect([...articles].every((id) => /montferrand|lereze|floods/u.test(id))).toBe(true);
    expect(answer.speakers[0]?.speaker.name).toBe('Camille Ardouin');
  });

  it('WHEN a topic no article holds is asked THEN there is no evidence, said plainly', () => {
    expect(engine.quotes('xylophone quantique').kind).toBe('no-evidence');
  });
});
