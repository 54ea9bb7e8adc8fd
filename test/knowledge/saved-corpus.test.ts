/** The corpus as the cache keeps it reads exactly like the validated one. */
import { describe, expect, it } from 'vitest';
import { restoreCorpus, saveCorpus } from '../../src/knowledge/saved-corpus.js';
import { loadCorpus } from '../../src/corpus/load.js';

describe('GIVEN the seeds saved as the cache keeps them', async () => {
  const corpus = await loadCorpus('data');
  const saved = saveCorpus(corpus);

  it('WHEN restored THEN every article, paragraph number, heading and text is the same, and it serialises the same', () => {
    const restored = restoreCorpus(saved);
    expect(JSON.parse(JSON.stringify(restored))).toEqual(JSON.parse(JSON.stringify(corpus)));
    corpus.articles.forEach((article, a) => {
      article.paragraphs.forEach((p, i) => {
        const back = restored.articles[a]?.paragraphs[i];
        expect(back?.text).toBe(p.text);
        expect(back?.n).toBe(p.n);
        expect(back?.heading).toBe(p.heading);
      });
    });
  });

  it('WHEN the parts do not fit together THEN restoring throws rather than shifting paragraphs', () => {
    expect(() => restoreCorpus({ ...saved, numbers: saved.numbers.subarray(1) })).toThrow(/paragraph numbers/);
    const [first, ...rest] = saved.json.articles;
    expect(() => restoreCorpus({ ...saved, json: { ...saved.json, articles: rest } })).toThrow(/more paragraphs/);
    expect(() => restoreCorpus({ ...saved, json: { ...saved.json, articles: [...saved.json.articles, first as (typeof rest)[number]] } })).toThrow(/fewer paragraphs/);
  });
});
