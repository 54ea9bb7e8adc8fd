/**
 * The per-user cooldown through the real bot and the double, at its defaults (5 per 10 s): a
 * burst from one user gets answers up to the limit, then short ephemeral notices in the user's
 * language saying when to try again (commands, buttons and the context menu alike); autocomplete
 * is never refused; another user is answered normally meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { snowflake, type InteractionHandle, type RecordedMessage } from '../double/index.js';
import { containersOf } from '../support.js';
import { final, readable, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { COOLDOWN_LIMIT: 5, COOLDOWN_WINDOW_SECONDS: 10 } });
});
afterAll(async () => {
  await h?.close();
});

const alice = { id: snowflake(), username: 'alice', global_name: 'Alice' };
const bob = { id: snowflake(), username: 'bob', global_name: 'Bob' };

/** An answer as usual: a Components V2 card with at least one container, no embeds. */
function expectAnswerCard(message: RecordedMessage): void {
  expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
  expect(message.embeds).toEqual([]);
  expect(containersOf(message).length).toBeGreaterThan(0);
}

/** `<t:1750161610:R>` in a notice → that time in ms. */
function retryAt(text: string): number {
  const seconds = /<t:(\d+):R>/u.exec(text)?.[1];
  if (!seconds) throw new Error(`no Discord timestamp in ${JSON.stringify(text)}`);
  return Number(seconds) * 1_000;
}

describe('GIVEN the default cooldown (5 commands per 10 s per user)', () => {
  const burst: InteractionHandle[] = [];
  let sentAt = 0;

  beforeAll(async () => {
    const paragraph = h.engine.corpus.articles[0];
    if (!paragraph) throw new Error('no article');
    const f = h.double.fixtures;
    sentAt = Date.now();
    // Dispatched in this order without waiting: the first five pass, the last three are refused.
    for (const payload of [
      f.chatInput({ name: 'ask', options: { question: 'sapeurs' }, user: alice, locale: 'en-US' }),
      f.chatInput({ name: 'who', options: {}, user: alice, locale: 'en-US' }),
      f.chatInput({ name: 'sources', options: {}, user: alice, locale: 'en-US' }),
      f.chatInput({ name: 'help', options: {}, user: alice, locale: 'en-US' }),
      f.chatInput({ name: 'when', options: {}, user: alice, locale: 'en-US' }),
      f.button({ customId: `p1:1:${paragraph.id}`, user: alice, locale: 'en-US' }),
      f.messageContext({ name: 'Cite sources', targetMessage: { content: 'sapeurs Koursk' }, user: alice, locale: 'en-US' }),
      f.chatInput({ name: 'compare', options: { topic: 'sapeurs' }, user: alice, locale: 'fr' }),
    ]) {
      burst.push(await h.double.sendInteraction(payload));
    }
  });

  it('WHEN one user sends a burst THEN the first five are answered as usual', async () => {
    for (const handle of burst.slice(0, 5)) {
      const message = final(await handle.waitForMessage());
      expectAnswerCard(message);
      expect(message.content).not.toMatch(/try again/u);
      expect(readable(message)).not.toMatch(/try again/u);
    }
  });

  it('THEN the rest (a button and the context menu included) get an ephemeral notice with when to retry, in their language', async () => {
    const notices = await Promise.all(burst.slice(5).map(async (handle) => ({ callback: await handle.waitForCallback(), message: final(await handle.waitForMessage()) })));
    for (const { callback, message } of notices) {
      expect(callback.type).toBe(4);
      expect(callback.ephemeral).toBe(true);
      expect(message.embeds).toEqual([]);
      expect(message.components).toEqual([]);
      expect(message.allowedMentions).toEqual({ parse: [] });
      // Retry when the oldest of the five leaves the window: within 10 s of the burst.
      expect(retryAt(message.content)).toBeGreaterThan(sentAt);
      expect(retryAt(message.content)).toBeLessThanOrEqual(sentAt + 10_000 + 2_000);
    }
    expect(readable(notices[0]?.message)).toMatch(/^You are sending commands a little fast\. Please try again <t:\d+:R>\.$/u);
    expect(readable(notices[1]?.message)).toMatch(/^You are sending commands a little fast\./u);
    expect(readable(notices[2]?.message)).toMatch(/^Vous envoyez des commandes un peu vite\. Réessayez <t:\d+:R>\.$/u);
  });

  it('THEN each refusal is logged with outcome "cooldown", the first one marked as such', async () => {
    const logged = (id: string) => h.logs.find((l) => l.requestId === id && l.msg === 'interaction');
    await expect.poll(() => burst.slice(5).every((b) => logged(b.id))).toBe(true);
    const refusals = burst.slice(5).map((b) => logged(b.id));
    expect(refusals.map((l) => l?.outcome)).toEqual(['cooldown', 'cooldown', 'cooldown']);
    expect(refusals.map((l) => l?.firstRefusal)).toEqual([true, false, false]);
  });

  it('WHEN the same user types in an option meanwhile THEN autocomplete still suggests', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'who', options: { query: 'Cho' }, focused: 'query', user: alice }));
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(8);
  });

  it('WHEN another user asks meanwhile THEN they are answered normally', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'ask', options: { question: 'sapeurs' }, user: bob, locale: 'en-US' }));
    const callback = await handle.waitForCallback();
    expect(callback.ephemeral).toBe(false);
    expectAnswerCard(final(await handle.waitForMessage()));
  });

  it('THEN the refusals are counted, and every request was valid', async () => {
    const counted = await h.metrics.registry.getSingleMetric('recoupe_cooldown_refusals_total')?.get();
    expect(counted?.values[0]?.value).toBe(3);
    expect(h.double.violations).toEqual([]);
  });
});
