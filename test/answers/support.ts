/** Helpers shared by the answer tests. */
import type { Answer, Excerpt } from '../../src/answers/types.js';

/** Every excerpt an answer carries, wherever it sits. */
export function excerptsOf(answer: Answer): Excerpt[] {
  switch (answer.kind) {
    case 'ask':
    case 'who':
      return [...answer.excerpts];
    case 'when':
      return answer.dates.map((d) => d.excerpt);
    case 'compare':
      return answer.outlets.flatMap((o) => o.excerpts);
    case 'cite':
      return [answer.excerpt];
    default:
      return [];
  }
}
