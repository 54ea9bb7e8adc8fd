/**
 * Hostile queries through the whole bot (fast-check plus fixed cases), over articles whose own
 * text is hostile: empty, blank, 6 000 characters, control characters, NUL, lone surrogates, RTL
 * marks, combining floods, emoji, Markdown and code fences, every kind of mention, masked links,
 * URLs with underscores. Each interaction gets, within Discord's 3 seconds, either an answer or a
 * short ephemeral refusal in the user's language; no payload can ping; every request is valid.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError, type UserErrorCode } from '../../../src/commands/user-error.js';
import { userErrorText } from '../../../src/discord/error-boundary.js';
import { COMPONENTS_V2, INTERACTION } from '../../../src/discord/limits.js';
import { localeOf } from '../../../src/render/messages.js';
import { notifiedMentions } from '../double/index.js';
import { cardFooter, cardTexts, containersOf, HOSTILE, hostileEngine, liveMentions, maskedLinks, payloadStrings } from '../support.js';
import { final, readable, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ engine: hostileEngine() });
});
afterAll(async () => {
  await h?.close();
});

/** Each slash command with its text option (if any). */
const COMMANDS: ReadonlyArray<[string, string | undefined]> = [
  ['ask', 'question'],
  ['who', 'query'],
  ['when', 'query'],
  ['compare', 'topic'],
  ['cite', 'query'],
  ['sources', undefined],
  ['help', undefined],
];

const FIXED = [
  '',
  '   \t\n ',
  'sapeurs '.repeat(750),
  'sapeurs\u0000Koursk\u0007\u001b[31m',
  'sapeurs \ud800 Koursk \udfff',
  '\u202eskruoK sruepas\u202c \u200f',
  `e${'\u0301'.repeat(400)} sapeurs`,
  '🇫🇷👩‍👩‍👧 sapeurs 🔥',
  '```js\nsapeurs\n``` **Koursk** __x__ ||spoiler||',
  HOSTILE,
  '@everyone @here <@123456789012345678> <@&456789012345678901> <#789012345678901234>',
  '[cliquez](https://evil.example/a_b) https://exemple.fr/un_lien_souligné',
];

const query = fc.oneof(
  fc.constantFrom(...FIXED),
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom('sapeurs', 'Koursk', 'Choïgou', '@everyone', '<@123456789012345678>', '`', '**', '\u0000', '\ud83d', '_'), { maxLength: 10 }).map((w) => w.join(' ')),
);

describe('GIVEN hostile queries through every command, over hostile articles', () => {
  it('THEN each gets an answer or a short ephemeral refusal in its language, within 3 s, pinging no one', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), query, fc.constantFrom('fr' as const, 'en-US' as const), async ([name, option], text, locale) => {
        runs += 1;
        const options = option === undefined ? {} : { [option]: text };
        const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, locale }));
        const callback = await handle.waitForCallback();
        expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
        const message = final(await handle.waitForMessage());
        expect(message.allowedMentions).toEqual({ parse: [] });
        expect(message.mentions).toEqual({ users: [], roles: [], everyone: false });
        // A card's text displays notify like content does, and render Markdown like it.
        expect(notifiedMentions([message.content, ...cardTexts(message)].join('\n'), null)).toEqual({ users: [], roles: [], everyone: false });
        expect(liveMentions(payloadStrings(message as never))).toEqual([]);
        expect(maskedLinks(payloadStrings(message as never, true))).toEqual([]);
        const card = (message.flags & COMPONENTS_V2.FLAG) !== 0;
        const code = /\[([a-z-]+)\]$/u.exec(readable(message))?.[1];
        if (!card && code !== undefined) {
          // A refusal: ephemeral, short, in the user's language, with its stable code.
          expect(message.ephemeral).toBe(true);
          const detail = /(\d+)/u.exec(message.content)?.[1] ?? '';
          expect(readable(message)).toBe(userErrorText(new UserError(code as UserErrorCode, detail), localeOf(locale)));
          expect(['empty-query', 'query-too-long']).toContain(code);
        } else {
          // An answer: a card (no embeds, no content beside it), one container or more, and its small-text footer.
          expect(card).toBe(true);
          expect(message.embeds).toEqual([]);
          expect(message.content).toBe('');
          expect(containersOf(message).length).toBeGreaterThan(0);
          expect(cardFooter(message)).toMatch(/^-# /u);
        }
      }),
      // 80 runs: every fixed case first (on a rotating command and language), then random ones.
      { numRuns: 80, examples: FIXED.map((q, n): [[string, string | undefined], string, 'fr' | 'en-US'] => [COMMANDS[n % 5] as [string, string], q, n % 2 === 0 ? 'fr' : 'en-US']) },
    );
    expect(runs).toBe(80);
  }, 60_000);

  it('THEN every request was valid', () => {
    expect(h.double.violations).toEqual([]);
    expect(h.double.unhandledRequests).toEqual([]);
  });
});
