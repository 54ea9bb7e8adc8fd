/**
 * The bot as an operator runs it: `node --import tsx src/entry/main.ts` (what `npm start` runs), as a
 * child process against the Discord double. Registration happens once and not again on a restart
 * with unchanged definitions; SIGTERM lets a reply in flight finish, then exits 0 (a second
 * SIGTERM changes nothing); a token Discord refuses, at start-up or mid-session, ends the process
 * with a clear message and a non-zero exit, without reconnecting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble } from '../double/index.js';
import { spawnBot, type BotProcess } from './harness.js';

const WRONG_TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.wrong0.this-token-was-reset-in-the-portal';

let double: DiscordDouble | undefined;
const children: BotProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  await double?.stop();
  double = undefined;
});

function start(env: Record<string, string>): BotProcess {
  const bot = spawnBot(env);
  children.push(bot);
  return bot;
}

const ready = (bot: BotProcess) => bot.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('commands '));

describe('GIVEN the bot started as a process against the double', () => {
  it('WHEN it starts twice with the same definitions THEN it registers once, and both times exits 0 on SIGTERM', async () => {
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    const env = { DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl };

    const first = start(env);
    expect((await ready(first)).msg).toBe('commands registered');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start(env);
    expect((await ready(second)).msg).toBe('commands already registered, unchanged');
    expect(double.registrations).toHaveLength(1);
    // The restart read the commands (with their localisations) and wrote nothing.
    const reads = double.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/commands'));
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.query.with_localizations === 'true')).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(double.violations).toEqual([]);
  }, 60_000);

  it('WHEN `npm run deploy` runs twice, then with --force THEN it registers, does nothing, registers again', async () => {
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    const env = { DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl };
    const runDeploy = async (...args: string[]) => {
      const p = spawnBot(env, 'src/entry/deploy.ts', args);
      children.push(p);
      expect(await p.exited).toBe(0);
      return p.stderr.join('');
    };
    expect(await runDeploy()).toContain('commands registered for guild');
    expect(await runDeploy()).toContain('already up to date');
    expect(double.registrations).toHaveLength(1);
    await runDeploy('--force');
    expect(double.registrations).toHaveLength(2);
    expect(double.connections).toHaveLength(0); // no gateway login for a deploy
    expect(double.violations).toEqual([]);
  }, 60_000);

  it('WHEN SIGTERM arrives while a reply is in flight THEN the reply completes, the gateway closes, exit 0', async () => {
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    const bot = start({ DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl });
    await ready(bot);
    // The first callback attempt is rate limited: discord.js waits 1 s and retries; meanwhile, SIGTERM.
    double.failNext({ status: 429, retryAfter: 1, pathIncludes: '/callback' });
    const handle = await double.sendInteraction(double.fixtures.chatInput({ name: 'compare', options: { topic: 'sapeurs' } }));
    await expect.poll(() => double?.requests.some((r) => r.path.includes(`/interactions/${handle.id}/`) && r.status === 429), { timeout: 5_000 }).toBe(true);
    bot.child.kill('SIGTERM');
    const callback = await handle.waitForCallback(5_000);
    expect(callback.type).toBe(4);
    expect(callback.afterMs).toBeLessThan(3_000);
    expect(await bot.exited).toBe(0);
    expect(bot.stdout.some((l) => l.includes('"inFlight":1') && l.includes('stopping'))).toBe(true);
    // The client closed its gateway connection before exiting.
    expect(double.connections.every((c) => !c.open)).toBe(true);
  }, 60_000);

  it('WHEN SIGTERM comes twice with replies in flight THEN they complete, the client is destroyed, and the process exits 0 within 10 s', async () => {
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    const bot = start({ DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl, HEALTH_PORT: '0' });
    await ready(bot);
    // HEALTH_PORT from the environment reaches the bot: its endpoint answers on 127.0.0.1.
    const { port } = await bot.waitForLog((l) => l.msg === 'health endpoint listening on 127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${String(port)}/healthz`)).status).toBe(200);
    // Two first responses held back by a rate limit (discord.js waits 1 s, then retries both).
    double.failNext({ status: 429, retryAfter: 1, pathIncludes: '/callback', times: 2 });
    const handles = [
      await double.sendInteraction(double.fixtures.chatInput({ name: 'compare', options: { topic: 'sapeurs' } })),
      await double.sendInteraction(double.fixtures.chatInput({ name: 'ask', options: { question: 'Pyongyang' }, user: { id: '1180000000000000301' } })),
    ];
    await expect.poll(() => double?.requests.filter((r) => r.path.includes('/callback') && r.status === 429).length, { timeout: 5_000 }).toBe(2);
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => l.msg === 'stopping: finishing replies in flight');
    bot.child.kill('SIGTERM');
    for (const handle of handles) expect((await handle.waitForCallback(5_000)).type).toBe(4);
    // The bound is the point of the test: supervisors such as `docker stop` kill after 10 s.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 10_000 - (Date.now() - signalledAt))));
    expect(await Promise.race([bot.exited, deadline])).toBe(0);
    clearTimeout(timer);
    const stdout = bot.stdout.join('\n');
    expect(stdout.match(/"msg":"signal received"/gu)).toHaveLength(1);
    expect(stdout.match(/"msg":"stopped"/gu)).toHaveLength(1);
    expect(stdout).not.toMatch(/"level":50/u);
    expect(bot.stderr.join('')).toBe('');
    expect(double.connections.every((c) => !c.open)).toBe(true);
    await expect(fetch(`http://127.0.0.1:${String(port)}/healthz`)).rejects.toThrow();
  }, 60_000);

  it('WHEN the gateway closes with 4004 mid-session (token reset) THEN a clear message, exit 1, and no reconnection attempt', async () => {
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    const bot = start({ DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl });
    await ready(bot);
    await double.closeGateway(4004);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr.join('')).toMatch(/Discord rejected DISCORD_TOKEN.*\(gateway close 4004\)/u);
    // One session, closed for good: discord.js did not reconnect, and nothing restarted the bot.
    expect(double.identifyCount).toBe(1);
    expect(double.connections).toHaveLength(1);
    expect(bot.stdout.join('\n')).not.toContain(double.token);
  }, 60_000);

  it('WHEN Discord refuses the token over REST (401) THEN a clear message and exit 1', async () => {
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    const bot = start({ DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_URL: double.restUrl });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr.join('')).toContain('Discord rejected DISCORD_TOKEN');
    expect(bot.stdout.join('\n') + bot.stderr.join('')).not.toContain(WRONG_TOKEN);
  }, 60_000);

  it('WHEN the gateway closes with 4004 (authentication failed) THEN a clear message and exit 1', async () => {
    // REST does not check the token here, so that the refusal comes from the gateway's IDENTIFY.
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000, checkRestAuth: false });
    const bot = start({ DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_URL: double.restUrl });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr.join('')).toMatch(/Discord rejected DISCORD_TOKEN.*\(gateway close 4004\)/u);
    expect(double.connections.some((c) => c.closeCode === 4004)).toBe(true);
    // Refused once, then the process ended: no tight loop of IDENTIFY attempts.
    expect(double.identifyCount).toBe(1);
  }, 60_000);
});
