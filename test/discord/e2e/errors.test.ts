/**
 * The error boundary and the 3-second rule, end to end: user errors in the user's language with
 * a stable code, an apology with an id for anything else (the same id in the logs), 10062 and
 * 40060 logged and never retried, and deferral when an interaction arrives late.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answers/engine.js';
import { loadEngine } from '../../../src/load-engine.js';
import { COMPONENTS_V2, OURS } from '../../../src/discord/limits.js';
import { snowflake } from '../double/index.js';
import { buttonsOf, cardFooter, containersOf } from '../support.js';
import { final, readable, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  const engine = await loadEngine('data');
  // The real engine, except that it fails on "boom", as an unexpected bug would.
  const failing = Object.assign(Object.create(engine) as Engine, {
    ask: (text: string) => {
      if (text.includes('boom')) throw new Error('kaboom');
      return engine.ask(text);
    },
  });
  h = await startHarness({ engine: failing });
});
afterAll(async () => {
  await h?.close();
});

const send = (name: string, options: Record<string, string | boolean>, extra: { locale?: 'fr' | 'en-US'; id?: string } = {}) =>
  h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, ...extra }));

describe('GIVEN user errors', () => {
  it('WHEN the question is blank THEN a short ephemeral message in French with its code', async () => {
    const handle = await send('ask', { question: '   ' }, { locale: 'fr' });
    const callback = await handle.waitForCallback();
    expect(callback.ephemeral).toBe(true);
    expect(readable(final(await handle.waitForMessage()))).toBe('Tapez ce qu’il faut chercher. [empty-query]');
  });

  it('WHEN the question is too long THEN the same in English', async () => {
    const handle = await send('cite', { query: 'mot '.repeat(100) }, { locale: 'en-US' });
    expect(readable(final(await handle.waitForMessage()))).toBe(`That is too long: ${OURS.QUERY_MAX} characters at most. [query-too-long]`);
  });

  it('WHEN an unknown command arrives (a stale registration) THEN it is refused politely', async () => {
    const handle = await send('question', { texte: 'Qui ?' }, { locale: 'fr' });
    expect(readable(final(await handle.waitForMessage()))).toBe('Je ne connais pas cette commande. Essayez /aide. [unknown-command]');
  });
});

describe('GIVEN an unexpected failure', () => {
  it('WHEN the engine throws THEN the user gets an apology with an id, and the logs the error under that id', async () => {
    const handle = await send('ask', { question: 'boom' }, { locale: 'fr' });
    const message = final(await handle.waitForMessage());
    expect(message.ephemeral).toBe(true);
    const id = /numéro ([0-9a-f]{8})/u.exec(readable(message))?.[1];
    expect(id).toBeDefined();
    await expect.poll(() => h.logs.find((l) => l.errorId === id)).toBeDefined();
    expect(h.logs.find((l) => l.errorId === id)).toMatchObject({ level: 50, msg: 'interaction failed', command: 'ask', err: { message: 'kaboom' } });
  });

  it('WHEN the engine throws after a deferral THEN the deferred reply is edited into the apology', async () => {
    const handle = await send('ask', { question: 'boom', hide: true }, { locale: 'en-US', id: snowflake(Date.now() - 2_000) });
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(5);
    expect(callback.ephemeral).toBe(true);
    expect(readable(final(await handle.waitForMessage()))).toMatch(/^Sorry, something went wrong on my side\. It has been logged as error [0-9a-f]{8}\.$/u);
  });
});

describe('GIVEN Discord refuses the first response', () => {
  for (const code of [10_062, 40_060] as const) {
    it(`WHEN the callback gets ${code} THEN it is logged at warn, never retried, and the bot keeps serving`, async () => {
      const id = snowflake();
      h.double.failNextCallback({ code, interactionId: id });
      await send('help', {}, { id });
      await expect.poll(() => h.logs.some((l) => l.requestId === id && l.msg === 'interaction no longer answerable (not retried)' && l.level === 40)).toBe(true);
      const attempts = h.double.requests.filter((r) => r.path.includes(`/interactions/${id}/`));
      expect(attempts).toHaveLength(1);
      await expect.poll(() => h.logs.find((l) => l.requestId === id && l.msg === 'interaction')?.outcome).toBe('discord-error');
      const next = await send('help', {});
      expect((await next.waitForCallback()).type).toBe(4);
    });
  }
});

describe('GIVEN an interaction that reaches the bot late (the process was busy)', () => {
  it('WHEN it is handled THEN the bot defers first, then edits the answer in', async () => {
    const handle = await send('compare', { topic: 'sapeurs', hide: true }, { id: snowflake(Date.now() - 2_000) });
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(5);
    expect(callback.flags & 64).toBe(64);
    const message = final(await handle.waitForMessage());
    expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(message.embeds).toEqual([]);
    expect(containersOf(message).length).toBeGreaterThan(1);
    expect(message.allowedMentions).toEqual({ parse: [] });
    await expect.poll(() => h.logs.find((l) => l.requestId === handle.id && l.msg === 'interaction')?.outcome).toBe('deferred');
  });

  it('WHEN a late "More" is pressed THEN the update is deferred, then the message edited', async () => {
    const first = final(await (await send('ask', { question: 'Pyongyang Moscou' })).waitForMessage());
    const more = buttonsOf(first).find((b) => b.custom_id?.startsWith('m1:'));
    if (!more?.custom_id) throw new Error('no More button');
    const handle = await h.double.sendInteraction(
      h.double.fixtures.button({ id: snowflake(Date.now() - 2_000), customId: more.custom_id, message: { id: first.id, flags: first.flags, embeds: [...first.embeds], components: first.components as never[] } }),
    );
    expect((await handle.waitForCallback()).type).toBe(6);
    const edited = final(await handle.waitForMessage((t) => (t.original?.editCount ?? 0) > 0));
    expect(edited.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(cardFooter(edited)).toMatch(/page 2\//u);
  });

  it('THEN every request of this file was valid', () => {
    expect(h.double.violations).toEqual([]);
  });
});
