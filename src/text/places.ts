/**
 * Place names, found the way a reader spots them in French news: a capitalised word (or a short
 * run of them, `Corée du Nord`) right after a locative preposition. Used only to prefer excerpts
 * that hold a place when the question asks "où".
 */
import type { Span } from './sentences.js';

/**
 * `à Pyongyang`, `en Corée du Nord`, `au Japon`, `dans la région de Koursk`, `vers Séoul`.
 * The name may chain `du`/`de`/`des` + capitalised word (`Corée du Nord`).
 */
const PLACE_RE = /(?<![\p{L}\p{N}])(?:à|en|au|aux|dans|vers|depuis|de la région de|de la ville de|près de|région de|ville de)\s+((?:\p{Lu}[\p{L}’'-]+)(?:\s+(?:du|de|des|de la)\s+\p{Lu}[\p{L}’'-]+|\s+\p{Lu}[\p{L}’'-]+)*)/gu;

/** Spans of place names in a text, in order. */
export function findPlaces(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(PLACE_RE)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length });
  }
  return out;
}
