/**
 * End to end: 👍 / 👎 under every answer and the questions answered "no evidence", through the
 * real bot, the Discord double and a real store (PGlite in memory), in French and English. A
 * member's vote is stored with the question, the command and the excerpts the answer showed; a
 * second press replaces it; each press is answered privately. Unanswered questions are filed
 * under the collection that answered (a server's, or the shared one outside servers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERACTION } from '../../../src/discord/limits.js';
import type { Engine } from '../../../src/answers/engine.js';
import { loadEngine } from '../../../src/load-engine.js';
import { singleEngine } from '../../../src/live/engine-source.js';
import { openStore } from '../../../src/store/open-store.js';
import type { CorpusStore } from '../../../src/store/types.js';
import { DEFAULT_GUILD_ID, type RecordedMessage } from '../double/index.js';
import { buttonsOf } from '../support.js';
import { final, startHarness, type Harness } from './harness.js';
import { isEphemeral } from './moderation-support.js';


let h: Harness;
let store: CorpusStore;
let engine: Engine;
beforeAll(async () => {
  store = await openStore({ dir: 'memory://' });
  engine = await loadEngine('data');
  h = await startHarness({ engines: singleEngine(engine), bot: { feedback: store } });
}, 60_000);
afterAll(async () => {
  expect(h.double.violations).toEqual([]);
  await h.close();
  await store.close();
});

async function ask(options: Record<string, string>, locale: 'fr' | 'en-US' = 'fr', name = 'ask', guildId: string | null = DEFAULT_GUILD_ID): Promise<RecordedMessage> {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, locale, guildId }));
  return final(await handle.waitForMessage());
}

/** Presses 👍 or 👎 as `userId`; what the presser was told, and whether only they saw it. */
async function vote(message: RecordedMessage, emoji: '👍' | '👎', userId: string, locale: 'fr' | 'en-US' = 'fr'): Promise<{ said: string; ephemeral: boolean }> {
  const button = buttonsOf(message).find((b) => b.emoji?.name === emoji);
  expect(button, `${emoji} on the answer`).toBeDefined();
  const handle = await h.double.sendInteraction(
    h.double.fixtures.button({ customId: button?.custom_id ?? '', locale, user: { id: userId, username: `membre${userId.slice(-2)}` }, message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...(message.components as never[])] } }),
  );
  const callback = await handle.waitForCallback();
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  const reply = final(await handle.waitForMessage());
  return { said: (reply.content ?? '').replace(/\\(.)/gu, '$1'), ephemeral: isEphemeral(reply) };
}

describe('GIVEN the bot with a store', () => {
  it('WHEN a member votes on an answer THEN the vote is stored with the question, the command and the excerpts shown, once per member, changeable', async () => {
    const question = 'Qui a annoncé l’envoi de sapeurs ?';
    const message = await ask({ question });
    expect(buttonsOf(message).filter((b) => b.emoji).map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
    expect(await vote(message, '👎', '1180000000000000201')).toEqual({ said: expect.stringMatching(/^Merci : votre 👎 sur cette réponse est enregistré\. /u), ephemeral: true });
    expect((await vote(message, '👎', '1180000000000000201')).said).toBe('Votre 👎 sur cette réponse était déjà enregistré.');
    expect((await vote(message, '👍', '1180000000000000201', 'en-US')).said).toMatch(/^Thank you: your 👍 on this answer is recorded instead of your earlier vote\./u);
    expect((await vote(message, '👎', '1180000000000000202', 'en-US')).said).toMatch(/^Thank you: your 👎 on this answer is recorded\. /u);
    const { downVoted } = await store.gaps(DEFAULT_GUILD_ID);
    expect(downVoted).toHaveLength(1);
    const [answer] = downVoted;
    expect(answer).toMatchObject({ answerId: message.id, command: 'ask', query: question, up: 1, down: 1 });
    // The excerpts are those the answer showed (its Citation buttons), each the article's own words.
    expect(answer?.excerpts.length).toBeGreaterThan(0);
    for (const e of answer?.excerpts ?? []) {
      const text = engine.kb.paragraph(e.articleId, e.paragraph)?.paragraph.text;
      expect(text, `${e.articleId} ¶${e.paragraph}`).toBeDefined();
      expect(e.end).toBeLessThanOrEqual(text?.length ?? 0);
      expect(e.start).toBeLessThan(e.end);
    }
  });

  it('WHEN More is pressed THEN the next page keeps the vote buttons', async () => {
    const message = await ask({ query: '' }, 'en-US', 'when');
    const more = buttonsOf(message).find((b) => b.label === 'More');
    expect(more).toBeDefined();
    const handle = await h.double.sendInteraction(h.double.fixtures.button({ customId: more?.custom_id ?? '', locale: 'en-US', message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...(message.components as never[])] } }));
    const updated = await handle.waitForMessage((t) => (t.original?.editCount ?? 0) > 0);
    expect(buttonsOf(final(updated)).filter((b) => b.emoji).map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
  });

  it('WHEN questions get no evidence THEN they are logged per collection, the same question counted over its spellings', async () => {
    const nothing = 'Quel est le prix du zorglub martien ?';
    for (const [query, locale] of [
      [nothing, 'fr'],
      ['quel est le prix du  ZORGLUB martien ?', 'en-US'],
    ] as const) {
      const answer = await ask({ question: query }, locale);
      expect(buttonsOf(answer).some((b) => b.emoji?.name === '👎')).toBe(true);
    }
    await ask({ question: 'Où se trouve le zorglub de Vénus ?' }, 'fr', 'ask', null);
    await expect.poll(async () => (await store.gaps(DEFAULT_GUILD_ID)).unanswered).toEqual([{ command: 'ask', query: 'quel est le prix du  ZORGLUB martien ?', count: 2, lastAskedAt: expect.any(String) }]);
    await expect.poll(async () => (await store.gaps('')).unanswered.map((q) => q.query)).toEqual(['Où se trouve le zorglub de Vénus ?']);
  });
});

describe('GIVEN the bot without a store', () => {
  it('THEN answers carry no vote buttons', async () => {
    const bare = await startHarness();
    try {
      const handle = await bare.double.sendInteraction(bare.double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui a annoncé l’envoi de sapeurs ?' } }));
      const message = final(await handle.waitForMessage());
      expect(buttonsOf(message).some((b) => b.emoji)).toBe(false);
      expect(buttonsOf(message).length).toBeGreaterThan(0);
    } finally {
      await bare.close();
    }
  });
});
