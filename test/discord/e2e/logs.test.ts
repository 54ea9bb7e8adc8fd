/**
 * What the real bot writes to its logs at `info`, the production level, read back line by line:
 * one structured line per interaction (request id, command, outcome, duration), the query's
 * length but never the query, and no token anywhere, not even in the error Discord returns
 * for a dead interaction (its URL holds the interaction token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snowflake } from '../double/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ logLevel: 'info' });
});
afterAll(async () => {
  await h?.close();
});

const QUESTION = 'Quokka zanzibarite : combien de sapeurs nord-coréens à Koursk ?';
const tokens: string[] = [];

describe('GIVEN the bot logging at info', () => {
  it('WHEN a question is answered THEN one line gives its request id, command, outcome and durations, and not the question', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'ask', options: { question: QUESTION } }));
    tokens.push(handle.token);
    await handle.waitForMessage();
    await expect.poll(() => h.logs.find((l) => l.requestId === handle.id && l.msg === 'interaction')).toBeDefined();
    const line = h.logs.find((l) => l.requestId === handle.id && l.msg === 'interaction');
    expect(line).toMatchObject({ level: 30, app: 'recoupe', requestId: handle.id, command: 'ask', outcome: 'answered', queryLength: QUESTION.length, deferred: false });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.ackMs).toBe('number');
    expect(h.raw.join('')).not.toContain('Quokka');
    expect(h.raw.join('')).not.toContain('zanzibarite');
  });

  it('WHEN Discord answers a callback 10062 THEN the warning carries the error, with the interaction token redacted from its URL', async () => {
    const id = snowflake();
    h.double.failNextCallback({ code: 10_062, interactionId: id });
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'cite', options: { query: QUESTION }, id }));
    tokens.push(handle.token);
    await expect.poll(() => h.logs.find((l) => l.requestId === id && l.level === 40)).toBeDefined();
    const warning = h.logs.find((l) => l.requestId === id && l.level === 40) as { err: { url: string; code: number } };
    expect(warning.err.code).toBe(10_062);
    expect(warning.err.url).toContain(`/interactions/${id}/[token]/callback`);
  });

  it('THEN no line holds the bot token, an interaction token or the question', () => {
    expect(h.raw.length).toBeGreaterThan(3);
    const all = h.raw.join('');
    expect(all).not.toContain(h.double.token);
    for (const token of tokens) expect(all).not.toContain(token);
    expect(all).not.toContain('Quokka');
  });
});
