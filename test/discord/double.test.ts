/**
 * The Discord double, proven with the real discord.js 14 client (no bot code): login, replies,
 * deferrals, follow-ups, validation, injected faults, gateway resume and sharding.
 */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import type { BaseInteraction, ClientOptions, Interaction } from 'discord.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_GUILD_ID,
  DEFAULT_USER,
  OpenApiValidator,
  discordErrorTree,
  embedTextLength,
  guildIdForShard,
  notifiedMentions,
  shardForGuild,
  startDiscordDouble,
  validateRequestBody,
} from './double/index.js';
import type { DiscordDouble, DiscordDoubleOptions } from './double/index.js';

let double: DiscordDouble | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await double?.stop();
  client = undefined;
  double = undefined;
});

async function startDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  double = await startDiscordDouble({ heartbeatIntervalMs: 1_000, ...options });
  return double;
}

/** A real discord.js client, logged in to the double and ready (guilds cached). */
async function loginClient(d: DiscordDouble, options: Partial<ClientOptions> = {}): Promise<Client> {
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: d.restUrl }, ...options });
  const ready = once(client, Events.ClientReady);
  await client.login(d.token);
  await ready;
  return client;
}

/** Runs `handler` on the next interaction and reports what it threw (or null). */
function onNextInteraction(c: Client, handler: (interaction: Interaction) => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    c.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(
        () => resolve(null),
        (error: unknown) => resolve(error),
      );
    });
  });
}

function assertChatInput(interaction: BaseInteraction) {
  if (!interaction.isChatInputCommand()) throw new Error(`expected a chat input command, got type ${interaction.type}`);
  return interaction;
}

describe('login', () => {
  it('GIVEN the double WHEN the real client logs in THEN it is ready with the guild, its channel, roles and members cached', async () => {
    const d = await startDouble();
    const c = await loginClient(d);

    const guild = c.guilds.cache.get(DEFAULT_GUILD_ID);
    expect(guild?.name).toBe('Rédaction');
    expect(guild?.channels.cache.get(DEFAULT_CHANNEL_ID)?.isTextBased()).toBe(true);
    expect(guild?.roles.everyone.id).toBe(DEFAULT_GUILD_ID);
    expect(guild?.members.me?.id).toBe(d.applicationId);
    expect(c.user?.id).toBe(d.applicationId);
    expect(c.application?.id).toBe(d.applicationId);
    expect(d.identifyCount).toBe(1);
    expect(d.connections[0]).toMatchObject({ identified: true, open: true, shard: [0, 1], query: { v: '10', encoding: 'json' } });
    const gatewayBot = d.requests.find((r) => r.path === '/api/v10/gateway/bot');
    expect(gatewayBot).toMatchObject({ method: 'GET', status: 200, botAuthorized: true });
    expect(gatewayBot?.headers.authorization).toBeUndefined();
    expect(d.violations).toEqual([]);
  });

  it('GIVEN a wrong token WHEN the client logs in THEN GET /gateway/bot answers 401 and login rejects with TokenInvalid', async () => {
    const d = await startDouble();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: d.restUrl } });

    await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(d.requests[0]).toMatchObject({ path: '/api/v10/gateway/bot', status: 401, botAuthorized: false });
  });

  it('GIVEN REST auth unchecked and a wrong token WHEN the client identifies THEN the gateway closes 4004 and login rejects', async () => {
    const d = await startDouble({ checkRestAuth: false });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: d.restUrl } });

    await expect(client.login('not-the-token')).rejects.toThrow('Authentication failed');
    expect(d.connections[0]?.closeCode).toBe(4004);
    expect(d.violations).toMatchObject([{ method: 'GATEWAY', source: 'gateway', errors: [{ code: 'GATEWAY_4004' }] }]);
  });

  it('GIVEN a privileged intent not enabled WHEN the client identifies THEN the gateway closes 4014 and login rejects', async () => {
    const d = await startDouble();
    client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent], rest: { api: d.restUrl } });

    await expect(client.login(d.token)).rejects.toThrow('Used disallowed intents');
    expect(d.connections[0]?.closeCode).toBe(4014);
  });
});

describe('interaction responses', () => {
  it('GIVEN a slash command WHEN the bot replies THEN the double records a valid callback, fast, with mentions off', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    let seen: { options: string | null; locale: string; guildLocale: string | null; channel: string | null } | undefined;
    const done = onNextInteraction(c, async (interaction) => {
      const command = assertChatInput(interaction);
      seen = {
        options: command.options.getString('texte'),
        locale: command.locale,
        guildLocale: command.guildLocale,
        channel: command.channelId,
      };
      await command.reply({ content: `hi <@${DEFAULT_USER.id}>`, allowedMentions: { parse: [] } });
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question', options: { texte: 'Qui ?' } }));
    const callback = await handle.waitForCallback();

    expect(await done).toBeNull();
    expect(seen).toEqual({ options: 'Qui ?', locale: 'fr', guildLocale: 'fr', channel: DEFAULT_CHANNEL_ID });
    expect(callback).toMatchObject({ type: 4, flags: 0, ephemeral: false, withResponse: false, data: { content: `hi <@${DEFAULT_USER.id}>` } });
    expect(callback.afterMs).toBeLessThan(3_000);
    const transcript = await handle.waitForMessage();
    expect(transcript.original).toMatchObject({ text: `hi <@${DEFAULT_USER.id}>`, loading: false, mentions: { users: [], roles: [], everyone: false } });
    expect(d.requests.find((r) => r.route === '/interactions/{interaction_id}/{interaction_token}/callback')).toMatchObject({
      status: 204,
      hasAuthorization: false,
      query: { with_response: 'false' },
    });
    expect(d.violations).toEqual([]);
  });

  it('GIVEN a reply without allowedMentions THEN the transcript shows the user would be pinged', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply(`<@${DEFAULT_USER.id}> voilà`));

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(transcript.original?.mentions.users).toEqual([DEFAULT_USER.id]);
  });

  it('GIVEN an ephemeral deferReply WHEN the bot edits the reply THEN the original is the edit and stays ephemeral', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => {
      const command = assertChatInput(i);
      await command.deferReply({ flags: MessageFlags.Ephemeral });
      await command.editReply({ content: 'réponse', embeds: [{ title: 'Sources', description: 'AFP, 3 mai' }] });
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(transcript.callback).toMatchObject({ type: 5, ephemeral: true });
    expect(transcript.original).toMatchObject({ content: 'réponse', ephemeral: true, loading: false, editCount: 1, text: 'réponse\nSources\nAFP, 3 mai' });
    expect(d.violations).toEqual([]);
  });

  it('GIVEN a reply WHEN the bot follows up THEN the follow-up is recorded, ephemeral as asked', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => {
      const command = assertChatInput(i);
      await command.reply({ content: 'un' });
      const message = await command.followUp({ content: 'deux', flags: MessageFlags.Ephemeral });
      expect(message.content).toBe('deux');
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const transcript = await handle.waitForMessage((t) => t.followUps.length === 1);

    expect(await done).toBeNull();
    expect(transcript.original?.content).toBe('un');
    expect(transcript.followUps[0]).toMatchObject({ content: 'deux', ephemeral: true, kind: 'followUp' });
    expect(transcript.original?.editCount).toBe(0);
    expect(d.requests.find((r) => r.method === 'POST' && r.route === '/webhooks/{webhook_id}/{webhook_token}')?.query).toMatchObject({ wait: 'true' });
    expect(d.violations).toEqual([]);
  });

  it('GIVEN a deferred reply WHEN the first follow-up arrives THEN it fills the loading message, as Discord does', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => {
      const command = assertChatInput(i);
      await command.deferReply();
      await command.followUp({ content: 'fini', flags: MessageFlags.Ephemeral });
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(transcript.original).toMatchObject({ content: 'fini', ephemeral: false, loading: false });
    expect(transcript.followUps).toEqual([]);
  });

  it('GIVEN reply with files and withResponse THEN the multipart payload_json is validated and the response carries the message', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    let messageId: string | undefined;
    const done = onNextInteraction(c, async (i) => {
      const response = await assertChatInput(i).reply({
        content: 'pièce jointe',
        files: [{ attachment: Buffer.from('bonjour'), name: 'extrait.txt' }],
        withResponse: true,
      });
      messageId = response.resource?.message?.id;
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(transcript.callback).toMatchObject({ withResponse: true, files: [{ field: 'files[0]', filename: 'extrait.txt', size: 7 }] });
    expect(messageId).toBe(transcript.original?.id);
    expect(d.requests.find((r) => r.files.length > 0)?.contentType).toMatch(/^multipart\/form-data/);
    expect(d.violations).toEqual([]);
  });

  it('GIVEN an autocomplete request WHEN the bot responds THEN the choices are recorded', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    let focused: string | undefined;
    const done = onNextInteraction(c, async (i) => {
      if (!i.isAutocomplete()) throw new Error('expected autocomplete');
      focused = i.options.getFocused();
      await i.respond([{ name: 'Élections', value: 'elections' }]);
    });

    const handle = await d.sendInteraction(d.fixtures.autocomplete({ name: 'question', options: { sujet: 'élec' }, focused: 'sujet' }));
    const callback = await handle.waitForCallback();

    expect(await done).toBeNull();
    expect(focused).toBe('élec');
    expect(callback).toMatchObject({ type: 8, data: { choices: [{ name: 'Élections', value: 'elections' }] } });
    expect(d.violations).toEqual([]);
  });

  it('GIVEN a button click WHEN the bot updates the message THEN the original is the updated component message', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      expect(i.message.content).toBe('Réponse');
      await i.update({ content: 'Réponse complète', components: [] });
    });

    const handle = await d.sendInteraction(d.fixtures.button({ customId: 'plus:1' }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(transcript.callback?.type).toBe(7);
    expect(transcript.original).toMatchObject({ id: handle.payload.message?.id, content: 'Réponse complète', components: [] });
    expect(d.violations).toEqual([]);
  });

  it('GIVEN a message context menu THEN the bot sees the target message and can reply', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    let target: string | undefined;
    const done = onNextInteraction(c, async (i) => {
      if (!i.isMessageContextMenuCommand()) throw new Error('expected a message context menu');
      target = i.targetMessage.content;
      await i.reply({ content: 'sources', flags: MessageFlags.Ephemeral });
    });

    const handle = await d.sendInteraction(
      d.fixtures.messageContext({ name: 'Citer les sources', targetMessage: { content: 'Le maire a démissionné.' } }),
    );
    await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(target).toBe('Le maire a démissionné.');
  });

  it('GIVEN a DM interaction THEN discord.js builds it with the user and no member', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    let inGuild: boolean | undefined;
    const done = onNextInteraction(c, async (i) => {
      inGuild = i.inGuild();
      await assertChatInput(i).reply('dm');
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question', guildId: null }));
    await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(inGuild).toBe(false);
    expect(handle.shard).toBe(0);
  });
});

describe('validation', () => {
  it('GIVEN a raw embed with a 300-character title THEN discord.js sends it and the double answers 50035 and records the violation', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply({ embeds: [{ title: 'x'.repeat(300) }] }));

    await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const error = await done;

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50_035, status: 400, rawError: { errors: { data: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } } } });
    expect(d.violations).toMatchObject([
      { method: 'POST', source: 'openapi', operationId: 'create_interaction_response', errors: [{ path: '/data/embeds/0/title', code: 'BASE_TYPE_MAX_LENGTH' }] },
    ]);
    expect(d.callbacks).toEqual([]);
  });

  it('GIVEN two embeds of 4 000 characters each THEN the 6 000-character total is enforced although each embed is valid', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const big = { description: 'é'.repeat(4_000) };
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply({ embeds: [big, big] }));

    await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));

    expect(await done).toMatchObject({ code: 50_035 });
    expect(d.violations).toMatchObject([{ source: 'rule', errors: [{ path: '/data/embeds', code: 'MAX_EMBED_SIZE_EXCEEDED' }] }]);
  });

  it('GIVEN an empty reply THEN the double answers 50006 like Discord', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply({ content: '' }));

    await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));

    expect(await done).toMatchObject({ code: 50_006 });
    expect(d.violations).toMatchObject([{ source: 'rule', errors: [{ code: 'EMPTY_MESSAGE' }] }]);
  });

  it('GIVEN commands set through discord.js THEN registrations are recorded, valid, and answered with ids and versions', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const question = new SlashCommandBuilder()
      .setName('question')
      .setDescription('Pose une question sur les articles')
      .setDefaultMemberPermissions(0n)
      .addStringOption((o) => o.setName('texte').setDescription('La question').setRequired(true).setMaxLength(300).setAutocomplete(true));

    const global = await c.application?.commands.set([question]);
    const inGuild = await c.guilds.cache.get(DEFAULT_GUILD_ID)?.commands.set([question.toJSON()]);

    expect(global?.first()?.name).toBe('question');
    expect(inGuild?.first()?.guildId).toBe(DEFAULT_GUILD_ID);
    expect(d.registrations).toMatchObject([
      { method: 'PUT', scope: 'global', guildId: null, status: 200 },
      { method: 'PUT', scope: 'guild', guildId: DEFAULT_GUILD_ID, status: 200 },
    ]);
    expect(d.commands()[0]).toMatchObject({ name: 'question', application_id: d.applicationId, type: 1, default_member_permissions: '0' });
    expect(d.commands()[0]?.id).toMatch(/^\d+$/);
    expect(d.violations).toEqual([]);
  });

  it('GIVEN a command with an upper-case name sent raw THEN the double answers 50035', async () => {
    const d = await startDouble();
    const c = await loginClient(d);

    const put = c.rest.put(Routes.applicationCommands(d.applicationId), { body: [{ name: 'Question', description: 'x', type: 1 }] });

    await expect(put).rejects.toMatchObject({ code: 50_035 });
    expect(d.violations).toMatchObject([{ source: 'rule', errors: [{ path: '/0/name', code: 'APPLICATION_COMMAND_INVALID_NAME' }] }]);
    expect(d.registrations).toMatchObject([{ status: 400 }]);
  });

  it('GIVEN a route the double does not serve THEN it answers 404 code 0 and records it', async () => {
    const d = await startDouble();
    const c = await loginClient(d);

    await expect(c.rest.get(Routes.channel(DEFAULT_CHANNEL_ID))).rejects.toMatchObject({ status: 404, code: 0 });
    expect(d.unhandledRequests).toMatchObject([{ method: 'GET', path: `/api/v10/channels/${DEFAULT_CHANNEL_ID}` }]);
  });
});

describe('interaction errors', () => {
  it('GIVEN an injected 10062 THEN reply rejects with DiscordAPIError 10062', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    d.failNextCallback({ code: 10_062 });
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply('trop tard'));

    await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const error = await done;

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10_062, status: 404 });
    expect(d.callbacks).toEqual([]);
  });

  it('GIVEN an injected 40060 for one interaction only THEN only that interaction fails', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const first = d.fixtures.chatInput({ name: 'question' });
    const second = d.fixtures.chatInput({ name: 'question' });
    d.failNextCallback({ code: 40_060, interactionId: second.id });
    const errors: unknown[] = [];
    c.on(Events.InteractionCreate, (i) => {
      assertChatInput(i).reply('ok').catch((error: unknown) => errors.push(error));
    });

    await (await d.sendInteraction(first)).waitForCallback();
    await d.sendInteraction(second);
    await expect.poll(() => errors.length).toBe(1);

    expect(errors[0]).toMatchObject({ code: 40_060, status: 400 });
    expect(d.callbacks.map((cb) => cb.interactionId)).toEqual([first.id]);
  });

  it('GIVEN an acknowledged interaction WHEN a second callback arrives THEN it answers 40060', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => {
      await assertChatInput(i).reply('un');
      await c.rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'deux' } }, auth: false });
    });

    await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));

    expect(await done).toMatchObject({ code: 40_060 });
  });

  it('GIVEN a callback later than the deadline THEN it answers 10062', async () => {
    const d = await startDouble({ interactionDeadlineMs: 100 });
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await assertChatInput(i).reply('trop tard');
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));

    expect(await done).toMatchObject({ code: 10_062 });
    await expect(handle.waitForCallback(50)).rejects.toThrow(/late/);
  });

  it('GIVEN an expired token WHEN the bot edits its deferred reply THEN it gets 401 50027', async () => {
    const d = await startDouble({ tokenLifetimeMs: 150 });
    const c = await loginClient(d);
    const done = onNextInteraction(c, async (i) => {
      const command = assertChatInput(i);
      await command.deferReply();
      await new Promise((resolve) => setTimeout(resolve, 250));
      await command.editReply('enfin');
    });

    await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));

    expect(await done).toMatchObject({ code: 50_027, status: 401 });
  });
});

describe('REST faults', () => {
  it('GIVEN a 429 on the follow-up THEN discord.js waits Retry-After, retries by itself and the message arrives', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    d.failNext({ method: 'POST', pathIncludes: '/webhooks/', status: 429, retryAfter: 0.2 });
    const done = onNextInteraction(c, async (i) => {
      const command = assertChatInput(i);
      await command.reply('un');
      await command.followUp('deux');
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const transcript = await handle.waitForMessage((t) => t.followUps.length === 1);

    expect(await done).toBeNull();
    expect(transcript.followUps[0]?.content).toBe('deux');
    const followUps = d.requests.filter((r) => r.method === 'POST' && r.path.includes('/webhooks/'));
    expect(followUps.map((r) => r.status)).toEqual([429, 200]);
    expect((followUps[1]?.atMs ?? 0) - (followUps[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(200);
  });

  it('GIVEN a 500 on editReply THEN discord.js retries and the edit arrives', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    d.failNext({ method: 'PATCH', status: 500 });
    const done = onNextInteraction(c, async (i) => {
      const command = assertChatInput(i);
      await command.deferReply();
      await command.editReply('après une erreur');
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(transcript.original?.content).toBe('après une erreur');
    expect(d.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([500, 200]);
  });
});

describe('gateway', () => {
  it('GIVEN close 4000 THEN the client resumes on resume_gateway_url and still receives the next interaction', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const resumed = once(c, Events.ShardResume);

    await d.closeGateway(4_000);
    await resumed;
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply('toujours là'));
    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }));
    await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(d.resumeCount).toBe(1);
    expect(d.identifyCount).toBe(1);
    expect(d.connections.map((x) => [x.path, x.closeCode])).toEqual([
      ['/', 4_000],
      ['/resume', null],
    ]);
  });

  it('GIVEN an abnormal close (1006) THEN the client resumes too', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const resumed = once(c, Events.ShardResume);

    await d.closeGateway(1_006);
    await resumed;

    expect(d.resumeCount).toBe(1);
    expect(d.connections[0]?.closeCode).toBe(1_006);
  });

  it('GIVEN close 4004 on a live connection THEN the client reports a shard error, disconnects and does not reconnect', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const shardError = once(c, Events.ShardError);
    const disconnect = once(c, Events.ShardDisconnect);

    await d.closeGateway(4_004);

    const [error, shardId] = (await shardError) as [Error, number];
    expect(error.message).toBe('Authentication failed');
    expect(shardId).toBe(0);
    const [event] = (await disconnect) as [{ code: number }];
    expect(event.code).toBe(4_004);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(d.connections).toHaveLength(1);
    expect(d.identifyCount).toBe(1);
  });

  it('GIVEN op 7 RECONNECT THEN the client reconnects and resumes', async () => {
    const d = await startDouble();
    const c = await loginClient(d);
    const resumed = once(c, Events.ShardResume);

    d.requestReconnect();
    await resumed;

    expect(d.resumeCount).toBe(1);
    expect(d.identifyCount).toBe(1);
  });

  it('GIVEN a non-resumable INVALID_SESSION THEN the client identifies again', async () => {
    const d = await startDouble();
    // discord.js waits 5 s between two IDENTIFY of one shard; a no-op throttler keeps the test fast.
    const c = await loginClient(d, { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } });

    d.invalidateSession({ resumable: false });
    await expect.poll(() => d.identifyCount).toBe(2);
    await d.waitForShardReady(0);
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply('re-identifié'));
    await (await d.sendInteraction(d.fixtures.chatInput({ name: 'question' }))).waitForMessage();

    expect(await done).toBeNull();
    expect(d.resumeCount).toBe(0);
  });

  it('GIVEN a short heartbeat interval THEN heartbeats are acknowledged and the client measures its ping', async () => {
    const d = await startDouble({ heartbeatIntervalMs: 100 });
    const c = await loginClient(d);

    await expect.poll(() => d.connections[0]?.heartbeats ?? 0).toBeGreaterThanOrEqual(2);
    await expect.poll(() => c.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('GIVEN two shards THEN both identify and an interaction reaches the shard owning its guild', async () => {
    const shard0 = guildIdForShard(0, 2);
    const shard1 = guildIdForShard(1, 2);
    const d = await startDouble({ shards: 2, guilds: [{ id: shard0 }, { id: shard1 }] });
    const c = await loginClient(d, { shards: 'auto' });
    const rawShards: number[] = [];
    c.on(Events.Raw, (packet: { t?: string }, shardId: number) => {
      if (packet.t === 'INTERACTION_CREATE') rawShards.push(shardId);
    });
    const done = onNextInteraction(c, async (i) => assertChatInput(i).reply(`shard ${i.guild?.shardId} ${i.channel?.id === d.guilds[1]?.channels[0]?.id}`));

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question', guildId: shard1 }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(d.identifyCount).toBe(2);
    expect(d.connections.map((x) => x.shard)).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    expect(c.guilds.cache.map((g) => [g.id, g.shardId])).toEqual(expect.arrayContaining([[shard0, 0], [shard1, 1]]));
    expect(handle.shard).toBe(1);
    expect(rawShards).toEqual([1]);
    expect(transcript.original?.content).toBe('shard 1 true');
  });
});

describe('validateRequestBody (no client)', () => {
  it('reports only the failing field of a union body, Discord-style', () => {
    const issues = validateRequestBody('POST', '/interactions/1/t/callback', { type: 4, data: { content: 'x'.repeat(2_001) } });

    expect(issues).toEqual([{ path: '/data/content', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }]);
    expect(discordErrorTree(issues)).toEqual({ data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } } });
  });

  it('accepts what discord.js sends for a reply, a deferral and an autocomplete answer', () => {
    const path = '/interactions/1/t/callback';
    expect(validateRequestBody('POST', path, { type: 4, data: { content: 'hi', tts: false, allowed_mentions: { parse: [] } } })).toEqual([]);
    expect(validateRequestBody('POST', path, { type: 5, data: { flags: 64 } })).toEqual([]);
    expect(validateRequestBody('POST', path, { type: 8, data: { choices: [{ name: 'a', value: 'b' }] } })).toEqual([]);
  });

  it('rejects an unknown callback type with one issue', () => {
    expect(validateRequestBody('POST', '/interactions/1/t/callback', { type: 99 })).toMatchObject([{ path: '/type', code: 'BASE_TYPE_CHOICES' }]);
  });

  it('applies the rules the spec cannot express (embed total, exclusive allowed_mentions)', () => {
    const issues = validateRequestBody('PATCH', '/webhooks/1/t/messages/@original', {
      embeds: [{ description: 'a'.repeat(4_000) }, { description: 'b'.repeat(2_001) }],
      allowed_mentions: { parse: ['users'], users: ['1'] },
    });

    expect(issues.map((i) => i.code).sort()).toEqual(['MAX_EMBED_SIZE_EXCEEDED', 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE']);
  });

  it('rejects what the generated schemas let through but the spec forbids (non-integer, duplicates)', () => {
    const callback = '/interactions/1/t/callback';
    expect(validateRequestBody('POST', callback, { type: 4, data: { embeds: [{ color: 1.5 }], flags: 64 } })).toEqual([
      { path: '/data/embeds/0/color', code: 'BASE_TYPE_BAD_TYPE', message: 'Value must be integer.' },
    ]);
    expect(validateRequestBody('POST', callback, { type: 4, data: { content: 'a', allowed_mentions: { parse: ['users', 'users'] } } })).toMatchObject([
      { path: '/data/allowed_mentions/parse', code: 'BASE_TYPE_DUPLICATES' },
    ]);
    const command = { name: 'qui', description: 'who', contexts: [0, 0], options: [{ type: 4, name: 'n', description: 'n', min_value: 0.5 }] };
    expect(validateRequestBody('PUT', '/applications/1/commands', [command]).map((i) => [i.path, i.code])).toEqual([
      ['/0/contexts', 'BASE_TYPE_DUPLICATES'],
      ['/0/options/0/min_value', 'BASE_TYPE_BAD_TYPE'],
    ]);
    expect(validateRequestBody('PUT', '/applications/1/commands', [{ ...command, contexts: [0, 1], options: [{ ...command.options[0], min_value: 1 }] }])).toEqual([]);
  });

  it('reports a missing union discriminator as required, and refuses a bulk overwrite of more than 130 commands', () => {
    expect(validateRequestBody('POST', '/interactions/1/t/callback', {})).toEqual([{ path: '/type', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
    const many = Array.from({ length: 131 }, (_, i) => ({ name: `c${i}`, description: 'd' }));
    expect(validateRequestBody('PUT', '/applications/1/commands', many)).toMatchObject([{ path: '', code: 'BASE_TYPE_MAX_LENGTH' }]);
    expect(validateRequestBody('PUT', '/applications/1/commands', many.slice(0, 130))).toEqual([]);
  });

  it('throws for an operation whose body the double does not serve, instead of passing it unchecked', () => {
    expect(() => validateRequestBody('POST', '/channels/1/messages', { content: 'hi' })).toThrow(/no request schema/);
    expect(() => validateRequestBody('POST', '/nowhere', {})).toThrow(/no operation/);
  });

  it('prepares the interaction callback schema ahead of use', () => {
    const validator = OpenApiValidator.create();
    // Speed is a benchmark matter, not a unit test's: here only that warming works and keeps checking.
    expect(() => validator.warm([['post', '/interactions/{interaction_id}/{interaction_token}/callback']])).not.toThrow();
    expect(validateRequestBody('POST', '/interactions/1/t/callback', { type: 4, data: { content: 'ok', allowed_mentions: { parse: [] } } })).toEqual([]);
    expect(validateRequestBody('POST', '/interactions/1/t/callback', { type: 4, data: { content: 'x'.repeat(2_001) } })).not.toEqual([]);
  });
});

describe('helpers', () => {
  it('embedTextLength counts title, description, fields, footer and author, in code points', () => {
    expect(embedTextLength({ title: 'ab', description: '😀', fields: [{ name: 'n', value: 'vv' }], footer: { text: 'f' }, author: { name: 'a' }, url: 'ignored' })).toBe(8);
  });

  it('notifiedMentions follows allowed_mentions', () => {
    expect(notifiedMentions('<@1> <@&2> @everyone', null)).toEqual({ users: ['1'], roles: ['2'], everyone: true });
    expect(notifiedMentions('<@1> <@&2> @everyone', { parse: [] })).toEqual({ users: [], roles: [], everyone: false });
    expect(notifiedMentions('<@!1> <@3>', { users: ['3'] })).toEqual({ users: ['3'], roles: [], everyone: false });
  });

  it('guildIdForShard picks ids that land on the asked shard', () => {
    for (const count of [1, 2, 3, 16]) {
      for (let shard = 0; shard < count; shard++) expect(shardForGuild(guildIdForShard(shard, count), count)).toBe(shard);
    }
  });
});
