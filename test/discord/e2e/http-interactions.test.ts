/**
 * End to end: the HTTP interactions mode (`startHttpBot`, as `npm run start:http` runs it) with
 * the double as Discord: every interaction POSTed to the endpoint signed with the application's
 * key, the HTTP answer taken as its first response and validated against Discord's spec, the
 * rest (deferred answers, files) through REST. What Discord would never send, or an attacker
 * might (forged, unsigned, stale, replayed, oversized, not an interaction), is refused before the
 * bot sees it. In French and in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS_V2, INTERACTION, OURS } from '../../../src/discord/limits.js';
import { snowflake, type InteractionHandle, type RecordedMessage } from '../double/index.js';
import { final, messageBodies, readable, startHarness, type Harness } from './harness.js';
import { buttonsOf, cardFooter } from '../support.js';
import { isEphemeral } from './moderation-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: 'http' });
});
afterAll(async () => {
  const bodies = messageBodies(h.double);
  expect(bodies.length).toBeGreaterThan(5);
  for (const { body } of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(h.double.violations).toEqual([]);
  expect(h.double.unhandledRequests).toEqual([]);
  await h.close();
});

/** The HTTP answer of an interaction the double POSTed. */
async function answerOf(handle: InteractionHandle) {
  const exchange = await handle.exchange;
  if (!exchange) throw new Error('the interaction was not POSTed to the endpoint');
  return exchange;
}

/** A signed body the double did not register: the bot must refuse it, whatever it holds. */
const ping = () => JSON.stringify({ id: snowflake(), application_id: h.double.applicationId, type: 1, token: `ping-${snowflake()}`, version: 1 });

describe('GIVEN the bot serving its interactions endpoint', () => {
  it('WHEN Discord sends a signed PING THEN the endpoint answers PONG', async () => {
    const exchange = await h.double.postToInteractionsEndpoint(ping());
    expect(exchange.status).toBe(200);
    expect(exchange.contentType).toMatch(/^application\/json/u);
    expect(exchange.body).toEqual({ type: 1 });
  });

  it.each([
    ['a forged signature', { signing: 'forged' as const }],
    ['no signature', { signing: 'missing' as const }],
    ['a timestamp that is not the signed one', { headers: { 'x-signature-timestamp': '1700000000' } }],
    ['a signed timestamp from ten minutes ago', { timestamp: String(Math.floor(Date.now() / 1_000) - 600) }],
  ])('WHEN a request comes with %s THEN it is refused 401 and the bot does nothing', async (_what, options) => {
    const before = h.double.requests.length;
    const exchange = await h.double.postToInteractionsEndpoint(ping(), options);
    expect(exchange.status).toBe(401);
    expect(h.double.requests.length).toBe(before);
  });

  it('WHEN a signed interaction is replayed THEN the copy is refused 401 and answered once', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui a annoncé l’envoi de sapeurs ?' }, locale: 'fr' }));
    expect((await answerOf(handle)).status).toBe(200);
    const copy = await h.double.postToInteractionsEndpoint(JSON.stringify(handle.payload));
    expect(copy.status).toBe(401);
    expect(h.double.requests.filter((r) => r.path.includes(`/interactions/${handle.id}/`))).toHaveLength(1);
  });

  it('WHEN a signed body is larger than the endpoint reads THEN it is refused 413', async () => {
    const big = JSON.stringify({ id: snowflake(), application_id: h.double.applicationId, type: 2, token: 'big', data: { name: 'ask', padding: 'x'.repeat(OURS.HTTP_BODY_MAX_BYTES) } });
    const exchange = await h.double.postToInteractionsEndpoint(big);
    expect(exchange.status).toBe(413);
  });

  it('WHEN a signed body is not an interaction THEN it is refused 400', async () => {
    expect((await h.double.postToInteractionsEndpoint('{"type": "x"')).status).toBe(400);
    expect((await h.double.postToInteractionsEndpoint('{"hello": "world"}')).status).toBe(400);
  });

  it.each([
    ['fr', 'Qui a annoncé l’envoi de sapeurs nord-coréens ?', /juin 2025/u],
    ['en-US', 'Who announced the North Korean sappers?', /June 2025/u],
  ] as const)('WHEN %s /ask comes signed THEN its answer is the HTTP response, cited, dated in that language, without pings', async (locale, question, month) => {
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'ask', options: { question }, locale }));
    const exchange = await answerOf(handle);
    expect(exchange.status).toBe(200);
    expect(exchange.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(4);
    expect(callback.body).toEqual(exchange.body);
    const message = final(await handle.waitForMessage());
    expect(readable(message)).toMatch(/AFP|RT|TASS|Reuters/u);
    expect(readable(message)).toMatch(month);
    expect(message.mentions).toEqual({ users: [], roles: [], everyone: false });
    // Nothing went to the REST callback route: the first response was the HTTP answer.
    expect(h.double.requests.filter((r) => r.path.includes(`/interactions/${handle.id}/`)).every((r) => r.viaHttpAnswer === true)).toBe(true);
  });

  it('WHEN a member types in a completed option THEN the suggestions are the HTTP response', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'who', options: { query: 'Ch' }, focused: 'query', locale: 'fr' }));
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(8);
    expect((callback.data as { choices: unknown[] }).choices.length).toBeGreaterThan(0);
  });

  it('WHEN More is pressed THEN the message is updated in place through the HTTP response', async () => {
    const first = final(await (await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui a annoncé l’envoi de sapeurs nord-coréens dans la région de Koursk ?' }, locale: 'en-US' }))).waitForMessage());
    const more = buttonsOf(first).find((b) => b.custom_id?.startsWith('m1:'));
    expect(more, 'a More button').toBeDefined();
    // The card as Discord hands it back with the press: its flag and components (the footer holds the query).
    const handle = await h.double.sendInteraction(h.double.fixtures.button({ customId: more?.custom_id ?? '', locale: 'en-US', message: { id: first.id, flags: first.flags, embeds: [...first.embeds], components: [...(first.components as never[])] } }));
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(7);
    const updated = final(await handle.waitForMessage());
    expect(updated.id).toBe(first.id);
    expect(updated.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(cardFooter(updated)).toMatch(/page 2\/\d/u);
    expect(readable(updated)).not.toBe(readable(first));
  });

  it.each([
    ['fr', 'Exporter'],
    ['en-US', 'Export'],
  ] as const)('WHEN %s Export is pressed THEN the files come through REST after a private deferral in the HTTP response', async (locale, label) => {
    const answer = final(await (await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'compare', options: { topic: 'sapeurs nord-coréens' }, locale }))).waitForMessage());
    const button = buttonsOf(answer).find((b) => b.label === label);
    expect(button, `${label} among ${buttonsOf(answer).map((b) => b.label).join(', ')}`).toBeDefined();
    const handle = await h.double.sendInteraction(h.double.fixtures.button({ customId: button?.custom_id ?? '', locale, message: { id: answer.id, flags: answer.flags, embeds: [...answer.embeds], components: [...(answer.components as never[])] } }));
    const exchange = await answerOf(handle);
    // A multipart answer cannot be an HTTP response: deferred, privately, then edited in with the files.
    expect(exchange.body).toEqual({ type: 5, data: { flags: 64 } });
    const message: RecordedMessage = final(await handle.waitForMessage());
    expect(isEphemeral(message)).toBe(true);
    expect(message.attachments.map((f) => f.filename)).toEqual(['recoupe-compare-citations.md', 'recoupe-compare-citations.csv']);
    expect(new TextDecoder().decode(message.attachments[1]?.data)).toMatch(/sapeurs/u);
  });
});

describe('GIVEN the HTTP bot under a deferral (answers not ready within its margin)', () => {
  let slow: Harness;
  beforeAll(async () => {
    slow = await startHarness({ mode: 'http', bot: { deferAfterMs: 0 } });
  });
  afterAll(async () => {
    expect(slow.double.violations).toEqual([]);
    await slow.close();
  });

  it.each(['fr', 'en-US'] as const)('WHEN %s /compare comes THEN the HTTP response defers and the answer is edited in through REST', async (locale) => {
    const handle = await slow.double.sendInteraction(slow.double.fixtures.chatInput({ name: 'compare', options: { topic: 'sapeurs' }, locale }));
    const exchange = await answerOf(handle);
    expect(exchange.body).toMatchObject({ type: 5 });
    const message = final(await handle.waitForMessage());
    expect(message.editCount).toBeGreaterThan(0);
    expect(readable(message)).toMatch(/AFP|RT|TASS/u);
    const edits = slow.double.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/messages/@original') && r.path.includes(handle.token));
    expect(edits.length).toBeGreaterThan(0);
  });
});

describe('GIVEN the HTTP bot with HEALTH_PORT set', () => {
  let m: Harness;
  beforeAll(async () => {
    m = await startHarness({ mode: 'http', config: { HEALTH_PORT: 0 } });
  });
  afterAll(async () => {
    await m.close();
  });

  it('THEN /healthz of both ports says it is reachable with the index loaded, and /metrics counts what it answered', async () => {
    const health = await fetch(`http://127.0.0.1:${m.bot.healthPort}/healthz`);
    expect({ status: health.status, body: (await health.json()) as unknown }).toEqual({ status: 200, body: { status: 'ok', gateway: true, index: true } });
    const endpoint = await fetch(`http://127.0.0.1:${m.bot.port}/healthz`);
    expect({ status: endpoint.status, body: (await endpoint.json()) as unknown }).toEqual({ status: 200, body: { status: 'ok', index: true } });
    const handle = await m.double.sendInteraction(m.double.fixtures.chatInput({ name: 'ask', options: { question: 'sapeurs' }, locale: 'fr' }));
    await handle.waitForMessage();
    await expect.poll(async () => (await (await fetch(`http://127.0.0.1:${m.bot.healthPort}/metrics`)).text()).includes('recoupe_commands_total{command="ask",outcome="ok"} 1')).toBe(true);
  });

  it('WHEN the endpoint is asked anything but POST /interactions THEN 404 or 405, and nothing is handled', async () => {
    expect((await fetch(`http://127.0.0.1:${m.bot.port}/interactions`)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${m.bot.port}/`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
