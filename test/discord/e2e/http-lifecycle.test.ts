/**
 * `npm run start:http` as an operator runs it (`src/entry/http.ts` as a child process) against
 * the double: it checks the token and the public key with Discord, registers the commands,
 * answers signed interactions on its port, and exits 0 on SIGTERM; a missing or wrong public key
 * or a refused token ends it with one clear line and exit 1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble } from '../double/index.js';
import { final, readable, spawnBot, type BotProcess } from './harness.js';

let double: DiscordDouble | undefined;
const children: BotProcess[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  await double?.stop();
  double = undefined;
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function start(env: Record<string, string>): Promise<BotProcess> {
  const folder = await mkdtemp(join(tmpdir(), 'recoupe-http-'));
  folders.push(folder);
  const bot = spawnBot({ HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', RECOUPE_DB_DIR: join(folder, 'pglite'), ...env }, 'src/entry/http.ts');
  children.push(bot);
  return bot;
}

describe('GIVEN npm run start:http against the double', () => {
  it('WHEN it starts with the token and the public key THEN it registers, answers a signed /ask in French, and exits 0 on SIGTERM', async () => {
    double = await startDiscordDouble();
    const bot = await start({ DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl, DISCORD_PUBLIC_KEY: double.publicKey });
    const listening = await bot.waitForLog((l) => l.msg === 'interactions endpoint listening');
    expect(bot.stdout.some((l) => l.includes('"commands registered"'))).toBe(true);
    double.useInteractionsEndpoint(`http://127.0.0.1:${String(listening.port)}/interactions`);
    const handle = await double.sendInteraction(double.fixtures.chatInput({ name: 'ask', options: { question: 'Qui a annoncé l’envoi de sapeurs nord-coréens ?' }, locale: 'fr' }));
    expect((await handle.exchange)?.status).toBe(200);
    expect(readable(final(await handle.waitForMessage(undefined, 10_000)))).toMatch(/juin 2025/u);
    expect(double.violations).toEqual([]);
    // A gateway was never opened: the HTTP mode has none.
    expect(double.connections).toEqual([]);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it.each([
    ['no DISCORD_PUBLIC_KEY', (d: DiscordDouble) => ({ DISCORD_TOKEN: d.token, DISCORD_API_URL: d.restUrl }), /DISCORD_PUBLIC_KEY: is required by npm run start:http/u],
    ['the public key of another application', (d: DiscordDouble) => ({ DISCORD_TOKEN: d.token, DISCORD_API_URL: d.restUrl, DISCORD_PUBLIC_KEY: 'ab'.repeat(32) }), /DISCORD_PUBLIC_KEY is not the public key of the application/u],
    ['a token Discord refuses', (d: DiscordDouble) => ({ DISCORD_TOKEN: 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.wrong0.this-token-was-reset-in-the-portal', DISCORD_API_URL: d.restUrl, DISCORD_PUBLIC_KEY: d.publicKey }), /Discord rejected DISCORD_TOKEN/u],
  ])('WHEN it starts with %s THEN one clear line and exit 1', async (_what, env, message) => {
    double = await startDiscordDouble();
    const bot = await start(env(double));
    expect(await bot.exited).toBe(1);
    expect(bot.stderr.join('')).toMatch(message);
  }, 60_000);
});
