/**
 * Deterministic corpora of any size made of real French text: the sentences of a SQuAD file's
 * paragraphs (PIAF), recombined into paragraphs and articles of several outlets, with dates.
 * Real sentences keep the vocabulary, lengths and word frequencies of French prose, which random
 * words would not. The same seed always gives the same corpus.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { serialiseArticleFile } from '../../src/corpus/article-file.js';
import type { Source } from '../../src/corpus/types.js';
import { sentenceSpans } from '../../src/text/sentences.js';
import type { SquadFile } from './squad.js';

/** Outlets of the synthetic corpora. */
export const SYNTHETIC_SOURCES: readonly Source[] = [
  { id: 'agence-a', name: 'Agence A', short: 'AGA', kind: 'news agency', ownership: 'synthetic outlet for benchmarks', color: '#1F5FAD' },
  { id: 'quotidien-b', name: 'Quotidien B', short: 'QB', kind: 'daily newspaper', ownership: 'synthetic outlet for benchmarks', color: '#6AA84F' },
  { id: 'chaine-c', name: 'Chaîne C', short: 'CC', kind: 'television channel', ownership: 'synthetic outlet for benchmarks', color: '#CC0000' },
  { id: 'site-d', name: 'Site D', short: 'SD', kind: 'news website', ownership: 'synthetic outlet for benchmarks', color: '#F1C232' },
];

/** Paragraphs per synthetic article. */
const PARAGRAPHS_PER_ARTICLE = 20;

/** mulberry32: a small, fast, seedable generator (benchmarks need repeatable, not secure). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a list, chosen by `random`: each call draws one number from it. */
export function pickerOf(random: () => number): <T>(items: readonly T[]) => T {
  return <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
}

/** A synthetic article's title: the first eight words of its first paragraph, without trailing punctuation. */
export function titleOf(firstParagraph: string): string {
  return firstParagraph.trim().split(/\s+/).slice(0, 8).join(' ').replace(/[\s,;:.«»"]+$/u, '');
}

/** Every sentence of every paragraph of a SQuAD file, verbatim. */
export function sentencePool(squad: SquadFile): string[] {
  const pool: string[] = [];
  for (const article of squad.data) {
    for (const p of article.paragraphs) for (const s of sentenceSpans(p.context)) pool.push(p.context.slice(s.start, s.end));
  }
  return pool;
}

/** One synthetic article, ready to write as an article file. */
export interface SyntheticArticle {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly published: string;
  readonly paragraphs: readonly string[];
}

/** `paragraphs` paragraphs of 2 to 5 sentences each, in articles of 20, spread over the outlets and 2020–2025. */
export function syntheticArticles(pool: readonly string[], paragraphs: number, seed = 42): SyntheticArticle[] {
  const random = seededRandom(seed);
  const pick = pickerOf(random);
  const articles: SyntheticArticle[] = [];
  for (let made = 0; made < paragraphs; made += PARAGRAPHS_PER_ARTICLE) {
    const count = Math.min(PARAGRAPHS_PER_ARTICLE, paragraphs - made);
    const texts = Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(pool)).join(' '));
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
    articles.push({ id: `a${String(articles.length).padStart(6, '0')}`, source: pick(SYNTHETIC_SOURCES).id, title: titleOf(texts[0] ?? ''), published: day, paragraphs: texts });
  }
  return articles;
}

/** Writes a data folder (`sources.yaml`, `articles/*.md`) that `loadCorpus` reads like any other. */
export async function writeDataFolder(dir: string, articles: readonly SyntheticArticle[], sources: readonly Source[] = SYNTHETIC_SOURCES): Promise<void> {
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'sources.yaml'), stringify(sources));
  const files = articles.map((a) => ({
    file: path.join(dir, 'articles', `${a.id}.md`),
    text: serialiseArticleFile({ meta: { id: a.id, source: a.source, title: a.title, published: a.published, language: 'fr' }, paragraphs: a.paragraphs.map((text, i) => ({ n: i + 1, text })) }),
  }));
  // A few hundred files at a time: enough to keep the disk busy, too few to run out of handles.
  for (let i = 0; i < files.length; i += 256) await Promise.all(files.slice(i, i + 256).map((f) => writeFile(f.file, f.text)));
}
