/**
 * Small inline articles, outlets and actors for the store's tests, and a clock the tests move.
 */
import type { Article, Paragraph, Source } from '../../src/corpus/types.js';
import type { StoreActor } from '../../src/store/types.js';

export const MODERATOR: StoreActor = { id: '111111111111111111', name: 'Modératrice' };
export const OTHER_MODERATOR: StoreActor = { id: '222222222222222222', name: 'Autre' };
export const GUILD = '100000000000000001';
export const OTHER_GUILD = '100000000000000002';

/** `count` paragraphs, one heading every `headingEvery` (French text, so accents go through). */
export function paragraphs(count: number, headingEvery = 4): Paragraph[] {
  return Array.from({ length: count }, (_, i) => ({
    n: i + 1,
    text: `Paragraphe ${i + 1} : Sergueï Choïgou est arrivé à Pyongyang, « visite » n° ${i + 1}.`,
    ...(i % headingEvery === 0 ? { heading: `Partie ${i / headingEvery + 1}` } : {}),
  }));
}

/** An article with every optional field set. */
export function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    source: 'afp',
    title: `Choïgou à Pyongyang (${id})`,
    published: '2025-06-17',
    language: 'fr',
    url: `https://example.org/${id}`,
    dateline: 'Pyongyang',
    syndication_of: 'afp-original',
    paragraphs: paragraphs(12),
    file: `server:${GUILD}/${id}`,
    ...overrides,
  };
}

/** An article with no optional field: none must come back as `undefined` or `null`. */
export function bareArticle(id: string): Article {
  return { id, source: 'rt-fr', title: 'Sans options', published: '2025-06-18', language: 'fr', paragraphs: [{ n: 1, text: 'Un seul paragraphe.' }], file: `server:${GUILD}/${id}` };
}

export function source(id: string, overrides: Partial<Source> = {}): Source {
  return { id, name: `Le ${id}`, short: id.toUpperCase(), kind: 'daily newspaper', ownership: 'private group', color: '#123456', url: `https://${id}.example`, ...overrides };
}

/** A clock that stands still until moved. */
export function manualClock(start = '2026-01-10T09:00:00.000Z') {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
    iso: (offsetMs = 0) => new Date(at + offsetMs).toISOString(),
  };
}

/**
 * Waits until `check` holds, polling; fails naming `what` after `limitMs`. A bound against a hang,
 * not a measure of speed: notifications arrive when they do.
 */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, limitMs = 15_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
