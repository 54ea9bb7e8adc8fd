/**
 * The articles the crash test's child publishes: each id says how many paragraphs it has, so that
 * after a kill the test can tell a whole article from a torn one without asking the child.
 */
import type { Article } from '../../src/corpus/types.js';
import { GUILD } from './samples.js';

/** Many paragraphs, so that a kill often lands inside a transaction. */
export const paragraphCountOf = (index: number): number => 60 + ((index * 37) % 140);

export const crashArticleId = (round: number, index: number): string => `r${round}-a${index}-p${paragraphCountOf(index)}`;

/** The article behind an id of {@link crashArticleId}. */
export function crashArticle(id: string): Article {
  const count = Number(/-p(\d+)$/u.exec(id)?.[1]);
  return {
    id,
    source: 'afp',
    title: `Article ${id}`,
    published: '2025-06-17',
    language: 'fr',
    paragraphs: Array.from({ length: count }, (_, i) => ({
      n: i + 1,
      text: `${id} ¶${i + 1} — ${'Le train Moscou-Pyongyang reprend du service après des années d’interruption. '.repeat(5)}`,
      ...(i % 10 === 0 ? { heading: `Section ${i / 10 + 1}` } : {}),
    })),
    file: `server:${GUILD}/${id}`,
  };
}
