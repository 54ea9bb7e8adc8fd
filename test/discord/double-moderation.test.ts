/**
 * The Discord double's parts for moderators, proven with the real discord.js client (no bot
 * code): slash commands with subcommands and attachment options, the attachment served by the
 * double's CDN, modals (type 9) validated like Discord validates them and submitted back (type 5)
 * with their values, member permissions per interaction, several servers.
 */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, ComponentType, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits, Routes, TextInputStyle } from 'discord.js';
import type { APIModalInteractionResponseCallbackData, Interaction } from 'discord.js';
import { DEFAULT_GUILD_ID, MEMBER_PERMISSIONS, startDiscordDouble, validateRequestBody, type DiscordDouble } from './double/index.js';

let double: DiscordDouble | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await double?.stop();
  client = undefined;
  double = undefined;
});

async function start(guilds = 1): Promise<{ d: DiscordDouble; c: Client }> {
  double = await startDiscordDouble({ heartbeatIntervalMs: 1_000, guilds: Array.from({ length: guilds }, () => ({})) });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.restUrl } });
  const ready = once(client, Events.ClientReady);
  await client.login(double.token);
  await ready;
  return { d: double, c: client };
}

/** Runs `handler` on the next interaction; resolves with what it returned, or rejects with what it threw. */
function next<T>(c: Client, handler: (i: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => c.once(Events.InteractionCreate, (i) => void handler(i).then(resolve, reject)));
}

/** A modal body as discord.js sends it, one Label with a text input per field. */
function modal(fields: Array<{ id: string; required?: boolean; max?: number; min?: number; value?: string }>, title = 'Coller un article'): APIModalInteractionResponseCallbackData {
  return {
    custom_id: 'mp1',
    title,
    components: fields.map((f) => ({
      type: ComponentType.Label as const,
      label: f.id,
      component: {
        type: ComponentType.TextInput as const,
        custom_id: f.id,
        style: TextInputStyle.Short,
        required: f.required ?? true,
        ...(f.max !== undefined ? { max_length: f.max } : {}),
        ...(f.min !== undefined ? { min_length: f.min } : {}),
        ...(f.value !== undefined ? { value: f.value } : {}),
      },
    })),
  };
}

const CALLBACK = '/interactions/1/token/callback';
const codesOf = (issues: ReturnType<typeof validateRequestBody>) => issues.map((i) => `${i.path} ${i.code}`);

describe('GIVEN a slash command with a subcommand and an attachment option', () => {
  it('WHEN the client reads it THEN it sees the subcommand, the attachment from data.resolved, and the double serves the file', async () => {
    const { d, c } = await start();
    const content = '# Titre\n\nUn paragraphe, déjà.';
    const file = d.uploadAttachment({ filename: 'dépêche.md', content, contentType: 'text/markdown; charset=utf-8' });
    const seen = next(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      const a = i.options.getAttachment('file', true);
      return { sub: i.options.getSubcommand(), title: i.options.getString('title'), name: a.name, size: a.size, type: a.contentType, url: a.url };
    });
    await d.sendInteraction(d.fixtures.chatInput({ name: 'article', subcommand: 'add', options: { title: 'Un titre' }, attachments: { file } }));
    const got = await seen;
    expect(got).toMatchObject({ sub: 'add', title: 'Un titre', name: 'dépêche.md', size: Buffer.byteLength(content), type: 'text/markdown; charset=utf-8' });
    expect(got.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/attachments\/\d+\/\d+\/d%C3%A9p%C3%AAche\.md$/u);

    const response = await fetch(got.url);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await response.text()).toBe(content);
    expect((await fetch(got.url.replace(/\d+\/d%C3/u, '1/d%C3'))).status).toBe(404);
    expect(d.cdnRequests.map((r) => r.status)).toEqual([200, 404]);
  });

  it('WHEN a test makes the client lie about the size or the type THEN the attachment says so and the CDN serves the truth', async () => {
    const { d } = await start();
    const file = d.uploadAttachment({ filename: 'a.txt', content: 'x'.repeat(100), statedSize: 10, contentType: 'text/plain', servedContentType: 'application/pdf' });
    expect(file).toMatchObject({ size: 10, content_type: 'text/plain' });
    const response = await fetch(file.url);
    expect([response.headers.get('content-type'), (await response.arrayBuffer()).byteLength]).toEqual(['application/pdf', 100]);
  });
});

describe('GIVEN modals', () => {
  it('WHEN the bot shows a valid modal and the user submits it THEN the callback is type 9 and the submit carries the values, in Labels', async () => {
    const { d, c } = await start();
    const shown = next(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      await i.showModal(modal([{ id: 'text', max: 4_000 }, { id: 'title', required: false, value: 'Prérempli' }]));
    });
    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'article', subcommand: 'add' }));
    await shown;
    const callback = await handle.waitForCallback();
    expect(callback).toMatchObject({ type: 9, data: { custom_id: 'mp1', title: 'Coller un article' } });

    const submitted = next(c, async (i) => {
      if (!i.isModalSubmit()) throw new Error('not a modal submit');
      const fields = { text: i.fields.getTextInputValue('text'), title: i.fields.getTextInputValue('title') };
      await i.reply({ content: 'reçu', flags: MessageFlags.Ephemeral });
      return { customId: i.customId, fields, fromMessage: i.isFromMessage(), guildId: i.guildId, user: i.user.id };
    });
    const submit = await d.submitModal(handle.id, { text: 'Le texte collé' });
    expect(await submitted).toEqual({ customId: 'mp1', fields: { text: 'Le texte collé', title: 'Prérempli' }, fromMessage: false, guildId: DEFAULT_GUILD_ID, user: handle.payload.member?.user.id });
    expect((await submit.waitForMessage()).original).toMatchObject({ content: 'reçu', ephemeral: true });
    expect(d.violations).toEqual([]);
  });

  it('WHEN a button opens the modal THEN its submit comes from that message and may update it', async () => {
    const { d, c } = await start();
    const shown = next(c, async (i) => {
      if (!i.isButton()) throw new Error('not a button');
      await i.showModal(modal([{ id: 'title' }], 'Modifier'));
    });
    const press = await d.sendInteraction(d.fixtures.button({ customId: 'de1:abc', message: { content: 'Aperçu', flags: MessageFlags.Ephemeral } }));
    await shown;
    const updated = next(c, async (i) => {
      if (!i.isModalSubmit() || !i.isFromMessage()) throw new Error('not from a message');
      await i.update({ content: `titre : ${i.fields.getTextInputValue('title')}`, components: [] });
    });
    const submit = await d.submitModal(press.id, { title: 'Nouveau' });
    await updated;
    const t = await submit.waitForMessage((x) => x.original?.editCount === 1);
    expect(t.callback?.type).toBe(7);
    expect(t.original).toMatchObject({ id: press.payload.message?.id, content: 'titre : Nouveau', ephemeral: true });
  });

  it('WHEN the submit would break what the modal declares THEN the double refuses it as the client would', async () => {
    const { d, c } = await start();
    const shown = next(c, async (i) => {
      if (i.isChatInputCommand()) await i.showModal(modal([{ id: 'text', max: 5, min: 2 }, { id: 'date', required: false }]));
    });
    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'article', subcommand: 'add' }));
    await shown;
    await expect(d.submitModal(handle.id, {})).rejects.toThrow(/required field "text" empty/u);
    await expect(d.submitModal(handle.id, { text: 'trop long' })).rejects.toThrow(/max_length 5/u);
    await expect(d.submitModal(handle.id, { text: 'x' })).rejects.toThrow(/min_length 2/u);
    await expect(d.submitModal(handle.id, { text: 'ok', other: 'x' })).rejects.toThrow(/no field "other"/u);
    const plain = await d.sendInteraction(d.fixtures.chatInput({ name: 'sources' }));
    await expect(d.submitModal(plain.id, {})).rejects.toThrow(/not answered with a modal/u);
  });

  it('WHEN a modal breaks Discord’s rules THEN its body is refused like Discord refuses it', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ id: `f${i}` }));
    expect(validateRequestBody('post', CALLBACK, { type: 9, data: modal(five) })).toEqual([]);
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: modal([...five, { id: 'f5' }]) }))).toEqual(['/data/components BASE_TYPE_MAX_LENGTH']);
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: modal([{ id: 'a' }], 'x'.repeat(46)) }))).toEqual(['/data/title BASE_TYPE_MAX_LENGTH']);
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: modal([{ id: 'a' }, { id: 'a' }]) }))).toEqual(['/data/components/1/component/custom_id COMPONENT_CUSTOM_ID_DUPLICATED']);
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: modal([{ id: 'a', max: 3, value: 'quatre' }]) }))).toEqual(['/data/components/0/component/value BASE_TYPE_MAX_LENGTH']);
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: modal([{ id: 'a', max: 3, min: 4 }]) }))).toEqual(['/data/components/0/component/min_length TEXT_INPUT_LENGTH_INVALID']);
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: { ...modal([]), components: [] } }))).toEqual(['/data/components BASE_TYPE_MIN_LENGTH']);
    const legacy = { custom_id: 'x', title: 'x', components: [{ type: 1, components: [{ type: 4, custom_id: 'a', style: 1 }] }] };
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: legacy }))).toEqual(['/data/components/0/components/0/label BASE_TYPE_REQUIRED']);
    const noId = modal([{ id: 'a' }]);
    expect(codesOf(validateRequestBody('post', CALLBACK, { type: 9, data: { ...noId, custom_id: 'x'.repeat(101) } }))).toEqual(['/data/custom_id BASE_TYPE_MAX_LENGTH']);
  });

  it('WHEN the bot answers a modal submit with another modal THEN Discord’s 50035 comes back', async () => {
    const { d, c } = await start();
    const shown = next(c, async (i) => {
      if (i.isChatInputCommand()) await i.showModal(modal([{ id: 'text' }]));
    });
    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'article', subcommand: 'add' }));
    await shown;
    const again = next(c, async (i) => {
      // discord.js offers no showModal on a modal submit; the raw callback is what a bot could still send.
      if (i.isModalSubmit()) await i.client.rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 9, data: modal([{ id: 'text' }]) }, auth: false });
    });
    await d.submitModal(handle.id, { text: 'x' });
    const error = await again.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50_035);
  });
});

describe('GIVEN member permissions and several servers', () => {
  it('WHEN an interaction sets member.permissions THEN the client reads them, and a forged submit can change them', async () => {
    const { d, c } = await start();
    const moderator = (BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageMessages).toString();
    const read = () => next(c, async (i) => ({ manage: i.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? null, app: i.appPermissions.has(PermissionFlagsBits.EmbedLinks) }));
    let seen = read();
    await d.sendInteraction(d.fixtures.chatInput({ name: 'article', subcommand: 'list', memberPermissions: moderator }));
    expect(await seen).toEqual({ manage: true, app: true });
    seen = read();
    await d.sendInteraction(d.fixtures.chatInput({ name: 'article', subcommand: 'list', appPermissions: '0' }));
    expect(await seen).toEqual({ manage: false, app: false });

    const shown = next(c, async (i) => {
      if (i.isChatInputCommand()) await i.showModal(modal([{ id: 'text' }]));
    });
    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'article', subcommand: 'add', memberPermissions: moderator }));
    await shown;
    seen = read();
    await d.submitModal(handle.id, { text: 'x' }, { memberPermissions: MEMBER_PERMISSIONS });
    expect((await seen).manage).toBe(false);
  });

  it('WHEN the bot is in two servers THEN each interaction names its own server, channel and install', async () => {
    const { d, c } = await start(2);
    const [first, second] = d.guilds;
    const read = () => next(c, async (i) => ({ guild: i.guildId, channel: i.channelId, installedBy: i.authorizingIntegrationOwners.guildId, cached: i.inCachedGuild() }));
    const seen = read();
    await d.sendInteraction(d.fixtures.chatInput({ name: 'source', subcommand: 'list', guildId: second?.id ?? '' }));
    expect(await seen).toEqual({ guild: second?.id, channel: second?.channels[0]?.id, installedBy: second?.id, cached: true });
    expect(first?.id).toBe(DEFAULT_GUILD_ID);
  });
});
