/**
 * The double's Components V2 rules (docs: components/reference, "Components V2"), proven without
 * bot code: what Discord refuses (legacy fields beside the flag, more than 40 components counted at
 * any depth, more than 4 000 characters of text displays, layout components without the flag,
 * duplicate custom ids) and what a real discord.js client sends for a card and for updating one.
 */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { ButtonBuilder, ButtonStyle, Client, ContainerBuilder, Events, GatewayIntentBits, MessageFlags, SectionBuilder, TextDisplayBuilder, type Interaction } from 'discord.js';
import { startDiscordDouble, validateRequestBody, type DiscordDouble } from './double/index.js';

const CALLBACK = '/interactions/1/t/callback';
const EDIT = '/webhooks/1/t/messages/@original';
const V2 = MessageFlags.IsComponentsV2;

const text = (content: string) => ({ type: 10, content });
const button = (custom_id: string) => ({ type: 2, style: 2, label: 'Citation', custom_id });
const section = (content: string, id: string) => ({ type: 9, components: [text(content)], accessory: button(id) });
const container = (...components: unknown[]) => ({ type: 17, accent_color: 0x1f5fad, components });

describe('Components V2 rules of a message body', () => {
  it('GIVEN a card of containers, sections and a footer THEN the spec and the rules accept it, as a reply and as an edit', () => {
    const card = [container(section('**1. AFP**\n« Les sapeurs… »', 'c:1'), { type: 14, divider: true, spacing: 1 }, section('**2. AFP**\n« Koursk… »', 'c:2')), text('-# 🔎 sapeurs'), { type: 1, components: [button('more')] }];

    expect(validateRequestBody('POST', CALLBACK, { type: 4, data: { flags: V2, components: card, allowed_mentions: { parse: [] } } })).toEqual([]);
    expect(validateRequestBody('PATCH', EDIT, { flags: V2, components: card, allowed_mentions: { parse: [] } })).toEqual([]);
  });

  it('GIVEN the flag beside content or embeds THEN both legacy fields are refused by name', () => {
    const issues = validateRequestBody('POST', CALLBACK, { type: 4, data: { flags: V2, content: 'Réponse', embeds: [{ description: 'x' }], components: [text('a')] } });

    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/data/content', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2'],
      ['/data/embeds', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2'],
    ]);
  });

  it('GIVEN 41 components counted at any depth, although only 8 are at the top THEN it is refused; 40 pass', () => {
    // A container with 4 sections is 1 + 4 × 3 = 13 components; three of them 39, plus one text.
    const box = (n: number) => container(...[0, 1, 2, 3].map((i) => section(`excerpt ${n}.${i}`, `c:${n}.${i}`)));
    const forty = [box(1), box(2), box(3), text('-# footer')];
    const fortyOne = [...forty, text('-# one more')];

    expect(validateRequestBody('POST', CALLBACK, { type: 4, data: { flags: V2, components: forty } })).toEqual([]);
    expect(validateRequestBody('POST', CALLBACK, { type: 4, data: { flags: V2, components: fortyOne } })).toMatchObject([{ path: '/data/components', code: 'BASE_TYPE_MAX_LENGTH' }]);
  });

  it('GIVEN text displays of 4 001 characters in all, each within its own length THEN the total is refused; 4 000 pass', () => {
    const card = (extra: number) => [container(text('a'.repeat(2_000))), text('b'.repeat(2_000 + extra))];

    expect(validateRequestBody('POST', CALLBACK, { type: 4, data: { flags: V2, components: card(0) } })).toEqual([]);
    expect(validateRequestBody('POST', CALLBACK, { type: 4, data: { flags: V2, components: card(1) } })).toMatchObject([{ code: 'MAX_COMPONENTS_V2_TEXT_LENGTH_EXCEEDED' }]);
  });

  it('GIVEN a container without the flag, or two buttons with one custom id THEN each is refused', () => {
    expect(validateRequestBody('POST', CALLBACK, { type: 4, data: { components: [container(text('a'))] } })).toMatchObject([{ path: '/data/components/0/type', code: 'COMPONENT_LAYOUT_INVALID' }]);
    expect(validateRequestBody('POST', CALLBACK, { type: 4, data: { flags: V2, components: [container(section('a', 'same'), section('b', 'same'))] } })).toMatchObject([{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }]);
  });
});

describe('a real discord.js client sending cards to the double', () => {
  let double: DiscordDouble | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    await double?.stop();
    client = undefined;
    double = undefined;
  });

  async function connect(): Promise<{ d: DiscordDouble; c: Client }> {
    const d = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    double = d;
    const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: d.restUrl } });
    client = c;
    const ready = once(c, Events.ClientReady);
    await c.login(d.token);
    await ready;
    return { d, c };
  }

  function next(c: Client, handler: (interaction: Interaction) => Promise<unknown>): Promise<unknown> {
    return new Promise((resolve) => {
      c.once(Events.InteractionCreate, (i) => {
        handler(i).then(
          () => resolve(null),
          (error: unknown) => resolve(error),
        );
      });
    });
  }

  const builtCard = (excerpt: string) =>
    new ContainerBuilder()
      .setAccentColor(0x1f5fad)
      .addSectionComponents(new SectionBuilder().addTextDisplayComponents(new TextDisplayBuilder().setContent(excerpt)).setButtonAccessory(new ButtonBuilder().setCustomId('citation:1').setLabel('Citation 1').setStyle(ButtonStyle.Secondary)));

  it('GIVEN a card built with discord.js builders THEN the double records it valid, its text is the text displays, and mentions inside are not notified', async () => {
    const { d, c } = await connect();
    const done = next(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a command');
      await i.reply({ flags: V2, components: [builtCard('« Les sapeurs <@123456789012345678> reconstruisent »')], allowedMentions: { parse: [] } });
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question', options: { texte: 'Qui ?' } }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(d.violations).toEqual([]);
    expect((transcript.original?.flags ?? 0) & V2).toBe(V2);
    expect(transcript.original?.text).toBe('« Les sapeurs <@123456789012345678> reconstruisent »');
    expect(transcript.original?.mentions.users).toEqual([]);
  });

  it('GIVEN a mention in a text display without allowed_mentions THEN the double says who would be pinged', async () => {
    const { d, c } = await connect();
    const done = next(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a command');
      await i.reply({ flags: V2, components: [builtCard('<@123456789012345678>')] });
    });

    const handle = await d.sendInteraction(d.fixtures.chatInput({ name: 'question', options: { texte: 'Qui ?' } }));
    const transcript = await handle.waitForMessage();

    expect(await done).toBeNull();
    expect(transcript.original?.mentions.users).toEqual(['123456789012345678']);
  });

  it('GIVEN a button on a card WHEN the bot updates it with another card and no flag THEN it is valid (the message stays V2); with content it is refused', async () => {
    const { d, c } = await connect();
    const cardMessage = { flags: V2, content: '', components: [builtCard('« avant »').toJSON()] };
    const updated = next(c, async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      await i.update({ components: [builtCard('« après »')] });
    });
    const first = await d.sendInteraction(d.fixtures.button({ customId: 'citation:1', message: cardMessage }));
    const transcript = await first.waitForMessage();

    expect(await updated).toBeNull();
    expect(d.violations).toEqual([]);
    expect(transcript.original?.text).toBe('« après »');
    expect((transcript.original?.flags ?? 0) & V2).toBe(V2);

    const refused = next(c, async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      await i.update({ content: 'Réponse', components: [builtCard('« après »')] });
    });
    await d.sendInteraction(d.fixtures.button({ customId: 'citation:1', message: cardMessage }));

    expect(await refused).toMatchObject({ code: 50035 });
    expect(d.violations.flatMap((v) => v.errors.map((i) => i.code))).toContain('MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2');
  });
});
