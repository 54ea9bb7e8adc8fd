/**
 * Discord's faults, injected by the double while the real bot serves: the gateway closed with
 * 1006, 4000 or 4009 mid-session (resumed) or the session invalidated (identified again), then the
 * next interaction answered; REST 429 with `retry-after` and a 500 on the edit of a deferred reply,
 * which still arrives through discord.js's own retry: exactly one more attempt per fault, so no
 * retry of ours on top of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { snowflake, type DiscordDouble } from '../double/index.js';
import { containersOf } from '../support.js';
import { final, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Sends a slash command and returns its final message. */
async function ask(name: string, options: Record<string, string> = {}, id = snowflake()) {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, id, locale: 'en-US' }));
  const callback = await handle.waitForCallback();
  return { handle, callback, message: final(await handle.waitForMessage(undefined, 10_000)) };
}

const reconnects = async () => (await h.metrics.registry.getSingleMetric('recoupe_gateway_reconnects_total')?.get())?.values[0]?.value ?? 0;
const counts = (d: DiscordDouble) => ({ identify: d.identifyCount, resume: d.resumeCount });

describe('GIVEN the gateway fails mid-session', () => {
  for (const code of [1006, 4000, 4009] as const) {
    it(`WHEN the double closes it with ${code} THEN the bot resumes its session and answers the next interaction`, async () => {
      const before = counts(h.double);
      const reconnected = await reconnects();
      await h.double.closeGateway(code);
      await expect.poll(() => h.double.resumeCount, { timeout: 5_000 }).toBe(before.resume + 1);
      expect(h.double.identifyCount).toBe(before.identify);
      expect(await reconnects()).toBe(reconnected + 1);
      const { message } = await ask('sources');
      expect(message.text).toMatch(/paragraphs indexed/u);
      expect(h.logs.some((l) => l.msg === 'gateway reconnecting' && l.level === 40)).toBe(true);
    });
  }

  it('WHEN the double invalidates the session (op 9, not resumable) THEN the bot identifies again and answers', async () => {
    const before = counts(h.double);
    h.double.invalidateSession({ resumable: false });
    // discord.js spaces two IDENTIFY of one shard by ~5 s: a new session can take that long.
    await expect.poll(() => h.double.identifyCount, { timeout: 10_000 }).toBe(before.identify + 1);
    await h.double.waitForShardReady(0, 10_000);
    expect(h.double.resumeCount).toBe(before.resume);
    const { message } = await ask('help');
    expect(message.text).toMatch(/\/ask <question>/u);
  }, 20_000);
});

describe('GIVEN REST faults (429 with retry-after, 500) on what the bot sends', () => {
  /** An interaction 2 s old: the bot defers at once, then edits the answer in (PATCH @original). */
  const late = () => snowflake(Date.now() - 2_000);
  const edits = (token: string) => h.double.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`));

  it('WHEN the edit gets 429 with retry-after THEN discord.js waits, retries once, and the answer arrives', async () => {
    h.double.failNext({ status: 429, retryAfter: 1, method: 'PATCH', pathIncludes: '/messages/@original' });
    const { handle, callback, message } = await ask('compare', { topic: 'sapeurs' }, late());
    expect(callback.type).toBe(5);
    expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(message.embeds).toEqual([]);
    expect(containersOf(message).length).toBeGreaterThan(1);
    expect(edits(handle.token).map((r) => r.status)).toEqual([429, 200]);
    await expect.poll(() => h.logs.find((l) => l.requestId === handle.id && l.msg === 'interaction')).toMatchObject({ outcome: 'deferred' });
  });

  it('WHEN the edit gets 500 once THEN discord.js retries once and the answer arrives', async () => {
    h.double.failNext({ status: 500, method: 'PATCH', pathIncludes: '/messages/@original' });
    const { handle, callback, message } = await ask('cite', { query: 'aide fraternelle' }, late());
    expect(callback.type).toBe(5);
    expect(message.text).toMatch(/17 June 2025, ¶3/u);
    expect(edits(handle.token).map((r) => r.status)).toEqual([500, 200]);
  });

  it('WHEN the first response (the callback) gets 429 THEN discord.js retries it within the 3 s and the answer arrives', async () => {
    h.double.failNext({ status: 429, retryAfter: 0.5, pathIncludes: '/callback' });
    const { handle, callback } = await ask('who', { query: 'Choïgou' });
    expect(callback.type).toBe(4);
    expect(callback.afterMs).toBeLessThan(3_000);
    expect(h.double.requests.filter((r) => r.path.includes(`/interactions/${handle.id}/`)).map((r) => r.status)).toEqual([429, 204]);
  });

  it('THEN every request of this file was valid', () => {
    expect(h.double.violations).toEqual([]);
  });
});
