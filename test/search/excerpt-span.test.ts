import { describe, expect, it } from 'vitest';
import { chooseExcerpt, EXCERPT_MAX_LENGTH } from '../../src/search/excerpt-span.js';
import { terms } from '../../src/text/analyser.js';

const query = (text: string) => ({ terms: new Set(terms(text)) });

describe('choosing an excerpt', () => {
  const paragraph = 'Le ministre est arrivé lundi. Le train direct reliera les deux capitales. Il fera 10 000 kilomètres.';

  it('quotes the sentence that holds the query words, marked as cut when the paragraph has more before it', () => {
    const e = chooseExcerpt(paragraph, query('capitales reliées'));
    expect(paragraph.slice(e.start, e.end)).toBe('Le train direct reliera les deux capitales.');
    // A sentence start is not the paragraph's start: the reader must see that words come before.
    expect(e.cutStart).toBe(true);
    expect(e.cutEnd).toBe(true);
  });

  it('is not marked as cut where it reaches the paragraph\'s start or end', () => {
    const e = chooseExcerpt(paragraph, query('ministre'));
    expect(paragraph.slice(e.start, e.end)).toBe('Le ministre est arrivé lundi.');
    expect(e.cutStart).toBe(false);
    expect(e.cutEnd).toBe(true);
    const last = chooseExcerpt(paragraph, query('kilomètres'));
    expect(paragraph.slice(last.start, last.end)).toBe('Il fera 10 000 kilomètres.');
    expect(last.cutStart && !last.cutEnd).toBe(true);
  });

  it('never quotes a target alone: the excerpt holds a matched word', () => {
    const text = 'Le train part le 17 juin. Plus tard, le ministre viendra.';
    const at = text.indexOf('17 juin');
    const e = chooseExcerpt(text, { terms: new Set(terms('ministre')), targets: [{ start: at, end: at + 7 }], targetBonus: 10, maxLength: 30 });
    expect(text.slice(e.start, e.end)).toContain('ministre');
    expect(e.matchedTerms).toEqual(terms('ministre'));
  });

  it('adds a neighbouring sentence when it matches too and both fit', () => {
    const e = chooseExcerpt(paragraph, query('train kilomètres'));
    expect(paragraph.slice(e.start, e.end)).toBe('Le train direct reliera les deux capitales. Il fera 10 000 kilomètres.');
  });

  it('prefers the sentence holding the kind of answer asked for', () => {
    const text = 'Le train part de Moscou. Le train met huit jours depuis Moscou.';
    const at = text.indexOf('huit jours');
    const e = chooseExcerpt(text, { terms: new Set(terms('train Moscou')), targets: [{ start: at, end: at + 10 }], maxLength: 30 });
    expect(text.slice(e.start, e.end)).toContain('huit jours');
  });

  it('windows a long sentence around the densest match, cutting between words', () => {
    const filler = 'des mots sans rapport avec la question posée, '.repeat(12);
    const text = `${filler}le train direct entre Pyongyang et Moscou reprend, ${filler}fin.`;
    const e = chooseExcerpt(text, query('train Pyongyang Moscou'));
    const quote = text.slice(e.start, e.end);
    expect(quote.length).toBeLessThanOrEqual(EXCERPT_MAX_LENGTH);
    expect(quote).toContain('train direct entre Pyongyang et Moscou');
    expect(e.cutStart && e.cutEnd).toBe(true);
    expect(text[e.start - 1]).toMatch(/\s/);
    expect(text[e.end] ?? ' ').toMatch(/[\s,.]/);
  });

  it('highlights every matched word inside the excerpt', () => {
    const e = chooseExcerpt(paragraph, query('train capitales'));
    expect(e.highlights.map((h) => paragraph.slice(h.start, h.end))).toEqual(['train', 'capitales']);
    expect(e.matchedTerms).toEqual(terms('train capitales'));
  });

  it('with fill, quotes on after the evidence up to the length limit, from the start of its sentence', () => {
    const text = `Le ministre est arrivé lundi. Les départements français d'Algérie sont fondés ${'en décembre 1848, après de longs débats, '.repeat(8)}fin.`;
    const e = chooseExcerpt(text, { terms: new Set(terms('départements fondés')), fill: true });
    const quote = text.slice(e.start, e.end);
    expect(quote.startsWith('Les départements français')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(EXCERPT_MAX_LENGTH);
    expect(quote.length).toBeGreaterThan(250);
    // It starts at a sentence start, after the paragraph's first sentence: cut before.
    expect(e.cutStart).toBe(true);
    expect(e.cutEnd).toBe(true);
    expect(text[e.end]).toMatch(/\s/);
  });

  it('with fill, spends the room left at the end of the paragraph on whole sentences before', () => {
    const e = chooseExcerpt(paragraph, { terms: new Set(terms('kilomètres')), fill: true });
    expect(paragraph.slice(e.start, e.end)).toBe(paragraph);
    expect(e.cutStart || e.cutEnd).toBe(false);
  });

  it('keeps a target with the matched words even when both sentences do not fit', () => {
    const text = 'Le train part de Moscou chaque semaine vers la capitale. Le train met huit jours depuis Moscou.';
    const at = text.indexOf('huit jours');
    const e = chooseExcerpt(text, { terms: new Set(terms('train Moscou')), targets: [{ start: at, end: at + 10 }], maxLength: 40 });
    expect(text.slice(e.start, e.end)).toContain('huit jours');
    expect(e.end - e.start).toBeLessThanOrEqual(40);
  });

  it('scores 0 and quotes the opening when nothing matches', () => {
    const e = chooseExcerpt(paragraph, query('football'));
    expect(e.score).toBe(0);
    expect(paragraph.slice(e.start, e.end)).toBe('Le ministre est arrivé lundi.');
  });
});
