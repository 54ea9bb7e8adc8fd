/**
 * The double's side of HTTP interactions, against a hand-made endpoint rather than the bot: what it
 * POSTs is signed with the application's key (and forged or unsigned when asked), and what an
 * endpoint answers is taken as the first response only when Discord would take it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signatureCheck } from '../../src/discord/http/signature.js';
import { startDiscordDouble, type DiscordDouble } from './double/index.js';

let double: DiscordDouble | undefined;
let server: Server | undefined;
afterEach(async () => {
  await double?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  double = undefined;
  server = undefined;
});

/** An endpoint that records whether each request was signed with the double's key, and answers `answer`. */
async function endpoint(d: DiscordDouble, answer: (body: string) => { status: number; type?: string; text: string }): Promise<{ url: string; signed: boolean[] }> {
  const check = signatureCheck(d.publicKey);
  const signed: boolean[] = [];
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      signed.push(check(req.headers['x-signature-ed25519'] as string | undefined, req.headers['x-signature-timestamp'] as string | undefined, body));
      const a = answer(body.toString());
      res.writeHead(a.status, { 'content-type': a.type ?? 'application/json' });
      res.end(a.text);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`, signed };
}

describe('GIVEN the double sending interactions to an endpoint', () => {
  it('WHEN it sends one THEN it is signed with the application key; forged and unsigned ones are not', async () => {
    double = await startDiscordDouble();
    const e = await endpoint(double, () => ({ status: 200, text: '{"type":1}' }));
    double.useInteractionsEndpoint(e.url);
    await (await double.sendInteraction(double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui ?' } }))).exchange;
    await double.postToInteractionsEndpoint('{"type":1}', { signing: 'forged' });
    await double.postToInteractionsEndpoint('{"type":1}', { signing: 'missing' });
    expect(e.signed).toEqual([true, false, false]);
  });

  it('WHEN the endpoint answers a valid message THEN it is the callback, and the message exists', async () => {
    double = await startDiscordDouble();
    const e = await endpoint(double, () => ({ status: 200, text: JSON.stringify({ type: 4, data: { content: 'Bonjour', allowed_mentions: { parse: [] } } }) }));
    double.useInteractionsEndpoint(e.url);
    const handle = await double.sendInteraction(double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui ?' } }));
    expect((await handle.waitForCallback()).type).toBe(4);
    expect((await handle.waitForMessage()).original?.content).toBe('Bonjour');
    expect(double.violations).toEqual([]);
  });

  it.each([
    ['a message over 2 000 characters', { status: 200, text: JSON.stringify({ type: 4, data: { content: 'x'.repeat(2_001) } }) }, 'openapi'],
    ['a callback type a command cannot have', { status: 200, text: JSON.stringify({ type: 7, data: { content: 'x' } }) }, 'rule'],
    ['text that is not JSON', { status: 200, type: 'text/plain', text: 'ok' }, 'json'],
  ])('WHEN the endpoint answers %s THEN it is a violation and no callback', async (_what, answer, source) => {
    double = await startDiscordDouble();
    const e = await endpoint(double, () => answer);
    double.useInteractionsEndpoint(e.url);
    const handle = await double.sendInteraction(double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui ?' } }));
    await handle.exchange;
    expect(double.violations.map((v) => v.source)).toEqual([source]);
    expect(handle.transcript().callback).toBeNull();
  });

  it('WHEN the endpoint answers 401 THEN nothing is recorded but the exchange', async () => {
    double = await startDiscordDouble();
    const e = await endpoint(double, () => ({ status: 401, text: '{"error":"no"}' }));
    double.useInteractionsEndpoint(e.url);
    const handle = await double.sendInteraction(double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui ?' } }));
    expect((await handle.exchange)?.status).toBe(401);
    expect(double.endpointExchanges.map((x) => x.status)).toEqual([401]);
    expect(handle.transcript().callback).toBeNull();
    expect(double.violations).toEqual([]);
  });
});
