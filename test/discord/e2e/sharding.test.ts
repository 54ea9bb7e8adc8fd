/**
 * `npm run start:sharded` as a child process against a double that recommends two shards: the
 * ShardingManager starts two shard processes, each loads the saved index, commands are registered
 * once (by shard 0), an interaction in each guild reaches the shard that owns it and is answered,
 * and SIGTERM stops everything with exit 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guildIdForShard, startDiscordDouble, type DiscordDouble } from '../double/index.js';
import { spawnBot, type BotProcess } from './harness.js';

let double: DiscordDouble | undefined;
let manager: BotProcess | undefined;

afterEach(async () => {
  if (manager && manager.child.exitCode === null) manager.child.kill('SIGKILL');
  await double?.stop();
  double = undefined;
  manager = undefined;
});

describe('GIVEN the bot under the ShardingManager with DISCORD_SHARDS=auto and Discord recommending 2 shards', () => {
  it('THEN both shards log in, each answers the interactions of its own guild, and SIGTERM exits 0', async () => {
    const guilds = [guildIdForShard(0, 2), guildIdForShard(1, 2)];
    double = await startDiscordDouble({ shards: 2, heartbeatIntervalMs: 1_000, guilds: guilds.map((id) => ({ id })) });
    manager = spawnBot({ DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl, DISCORD_SHARDS: 'auto', DISCORD_GUILD_ID: guilds[0] as string }, 'src/entry/sharded.ts');
    await manager.waitForLog((l) => l.msg === 'every shard is ready', 60_000);
    expect(double.identifyCount).toBe(2);

    for (const [shard, guildId] of guilds.entries()) {
      const handle = await double.sendInteraction(double.fixtures.chatInput({ name: 'ask', options: { question: 'Quelle distance parcourt le train ?' }, guildId }));
      expect(handle.shard).toBe(shard);
      const transcript = await handle.waitForMessage();
      expect(transcript.original?.text ?? '').toContain('10 000 kilomètres');
    }
    // Registration is the first shard's job: one look at the registered commands and one bulk
    // overwrite, never one of each per shard.
    const commandCalls = double.requests.filter((r) => r.path.includes('/commands'));
    expect(commandCalls.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(double.registrations.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(double.violations).toEqual([]);

    manager.child.kill('SIGTERM');
    expect(await manager.exited).toBe(0);
  }, 90_000);
});
