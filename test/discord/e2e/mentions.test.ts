/**
 * No reply can ping anyone: `@everyone`, `@here`, `<@id>` and `<@&id>` in the query and in the
 * articles (an inline corpus built to try), through the real bot and the double. Every message
 * turns mentions off, and its text would not ping even if `allowed_mentions` were dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifiedMentions, type RecordedMessage } from '../double/index.js';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { buttonsOf, cardTexts, HOSTILE, hostileEngine, liveMentions, maskedLinks, payloadStrings } from '../support.js';
import { final, messageBodies, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ engine: hostileEngine() });
});
afterAll(async () => {
  await h?.close();
});

/** Nobody notified, now or if allowed_mentions were dropped; no live mention or masked link in any text (a card's text displays included). */
function expectNoPing(message: RecordedMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(message.mentions).toEqual({ users: [], roles: [], everyone: false });
  // A card's text displays notify like content does.
  expect(notifiedMentions([message.content, ...cardTexts(message)].join('\n'), null)).toEqual({ users: [], roles: [], everyone: false });
  expect(liveMentions(payloadStrings(message as never))).toEqual([]);
  expect(maskedLinks(payloadStrings(message as never, true))).toEqual([]);
}

const QUERIES: Array<[string, Record<string, string>]> = [
  ['ask', { question: 'sapeurs @everyone @here <@123456789012345678> <@&456789012345678901>' }],
  ['who', { query: 'Choïgou <@123456789012345678>' }],
  ['who', {}],
  ['when', { query: 'Koursk @here' }],
  ['when', {}],
  ['compare', { topic: 'sapeurs @everyone [lien](https://evil.example)' }],
  ['cite', { query: 'reconstruction <@&456789012345678901>' }],
  ['sources', {}],
  ['ask', { question: '@everyone zzzz introuvable' }],
];

describe('GIVEN articles and queries full of mentions and Markdown', () => {
  const seen: RecordedMessage[] = [];

  for (const locale of ['fr', 'en-GB'] as const) {
    for (const [name, options] of QUERIES) {
      it(`WHEN /${name} ${JSON.stringify(options)} is used in ${locale} THEN the answer pings no one`, async () => {
        const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, locale }));
        const message = final(await handle.waitForMessage());
        expectNoPing(message);
        seen.push(message);
      });
    }
  }

  it('WHEN the buttons of a hostile answer are pressed THEN the full paragraph and the citation ping no one', async () => {
    const answer = seen.find((m) => (m.flags & COMPONENTS_V2.FLAG) !== 0 && buttonsOf(m).some((b) => b.label?.startsWith('Citation ')));
    if (!answer) throw new Error('no answer card with citation buttons');
    const ids = buttonsOf(answer).flatMap((b) => (b.custom_id !== undefined ? [b.custom_id] : []));
    // Its Citation buttons (sections' accessories) and "Full paragraph" buttons, wherever the card puts them.
    expect(ids.some((id) => id.startsWith('c1:'))).toBe(true);
    expect(ids.some((id) => id.startsWith('p1:'))).toBe(true);
    for (const customId of ids) {
      const handle = await h.double.sendInteraction(h.double.fixtures.button({ customId, message: { id: answer.id, flags: answer.flags, embeds: [...answer.embeds], components: answer.components as never[] } }));
      expectNoPing(final(await handle.waitForMessage()));
    }
  });

  it('WHEN the 6 000-character paragraph is asked for in full THEN it is cut within limits and pings no one', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.button({ customId: 'p1:3:=2025-06-17-afp-hostile' }));
    const message = final(await handle.waitForMessage());
    expectNoPing(message);
    expect(message.embeds[0]?.description?.length).toBeLessThanOrEqual(4096);
    expect(message.text).toContain('Les sapeurs nord-coréens reconstruisent');
  });

  it('WHEN "Cite sources" is used on a message full of mentions THEN the excerpts ping no one', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.messageContext({ name: 'Cite sources', targetMessage: { content: `${HOSTILE} sapeurs Koursk` } }));
    expectNoPing(final(await handle.waitForMessage()));
  });

  it('THEN every message body sent turned mentions off, and every request was valid', () => {
    for (const { body } of messageBodies(h.double)) expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(h.double.violations).toEqual([]);
  });
});
