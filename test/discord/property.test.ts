/**
 * Property: whatever is asked, of whichever command, in either language, on any page, over the
 * real articles or over hostile ones with very long paragraphs, the real engine plus the Discord
 * renderer give a payload within every limit that can ping no one.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { UserError } from '../../src/commands/user-error.js';
import { decodeButton } from '../../src/discord/custom-id.js';
import { loadEngine } from '../../src/load-engine.js';
import { answerReply, replyViolations } from '../../src/discord/render/payload.js';
import { queryFromFooters } from '../../src/discord/render/pieces.js';
import { HOSTILE, hostileCorpus, liveMentions, maskedLinks, payloadStrings } from './support.js';
import { COMMAND_NAMES, dispatch } from '../../src/commands/table.js';

let engines: Array<[string, Engine]>;
beforeAll(async () => {
  const hostile = hostileCorpus();
  let long = '';
  while (long.length < 6_000) long += `les sapeurs de Koursk et Choïgou ${HOSTILE} `;
  const longArticle = { ...hostile.articles[0]!, id: 'long', paragraphs: [1, 2, 3].map((n) => ({ n, text: `${long} ${n}` })) };
  engines = [
    ['seed articles', await loadEngine('data')],
    ['hostile long articles', Engine.build({ ...hostile, articles: [...hostile.articles, longArticle] })],
  ];
});

/** Queries: corpus words, hostile fragments and arbitrary text, mixed. */
const query = fc.oneof(
  fc.array(fc.constantFrom('sapeurs', 'Koursk', 'Choïgou', 'train', 'Kim', 'reconstruction', 'quand', 'qui', 'combien', '2024', 'Pyongyang', '@everyone', '<@123456789012345678>', '<@&456789012345678901>', '**', '[x](https://e.x)', '`', '>'), { maxLength: 12 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ maxLength: 300 }),
);

describe('GIVEN random queries through the real engine and the Discord renderer', () => {
  it('THEN every command, in both locales, on every page, gives a safe payload within every limit', () => {
    for (const [, engine] of engines) {
      fc.assert(
        fc.property(query, fc.constantFrom(...COMMAND_NAMES), fc.constantFrom('en' as const, 'fr' as const), fc.nat({ max: 5 }), (q, command, locale, page) => {
          let answer;
          try {
            answer = dispatch(engine, command, q.trim());
          } catch (error) {
            if (error instanceof UserError) return; // blank required text: refused before the engine
            throw error;
          }
          const reply = answerReply(answer, { locale, page, ephemeral: page % 2 === 0, command, query: q.trim(), colorOf: () => 0x336699 });
          expect(replyViolations(reply)).toEqual([]);
          expect(liveMentions(payloadStrings(reply))).toEqual([]);
          expect(maskedLinks(payloadStrings(reply, true))).toEqual([]);
          for (const b of reply.components.flatMap((r) => r.components)) {
            const action = decodeButton(b.custom_id);
            expect(action).toBeDefined();
            // A hashed query must be recoverable from the footer, or "More" would always say "ask again".
            if (action?.kind === 'more' && 'hash' in action.query && !q.includes('\u200b')) expect(queryFromFooters(reply.embeds)).toBe(q.trim());
          }
        }),
        { numRuns: 150 },
      );
    }
  });
});
