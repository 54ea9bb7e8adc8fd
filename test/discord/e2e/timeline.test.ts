/**
 * End to end: `/timeline` (`/chronologie`) through the real bot and the Discord double, in French
 * and English. The reply is sent as multipart/form-data: its JSON (`payload_json`) is validated
 * against Discord's spec, its picture arrives as `files[0]`, `timeline.png`, shown in the card
 * (Components V2) as the first container's media gallery, within Discord's limits, mentions off.
 * Deferred (edit of the original) and "More" (update) carry the picture as well. Then the double
 * itself: an embed image naming no uploaded file, or a file that is not an image, is refused as
 * Discord refuses it.
 */
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { once } from 'node:events';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS_V2, INTERACTION, UPLOAD } from '../../../src/discord/limits.js';
import { flattenComponents } from '../../../src/discord/render/component-tree.js';
import { LIVE_MENTION } from '../../../src/discord/render/safe-text.js';
import { PICTURE_FILE } from '../../../src/render/timeline-png.js';
import { startDiscordDouble, type DiscordDouble, type RecordedFile, type RecordedMessage } from '../double/index.js';
import { buttonsOf, cardFooter, containersOf } from '../support.js';
import { final, readable, startHarness, type Harness } from './harness.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The picture as Discord received it: a PNG whose IHDR and pixels say 800 px wide, not blank. */
function expectPicture(files: readonly RecordedFile[]): void {
  expect(files).toHaveLength(1);
  const [file] = files as [RecordedFile];
  expect(file).toMatchObject({ field: 'files[0]', filename: PICTURE_FILE });
  expect(file.size).toBe(file.data.byteLength);
  expect(file.size).toBeLessThanOrEqual(UPLOAD.FILE_MAX_BYTES);
  expect([...file.data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const image = PNG.sync.read(Buffer.from(file.data));
  expect(image.width).toBe(800);
  expect(new Set(Array.from({ length: image.data.length / 4 }, (_, i) => image.data.readUInt32BE(4 * i))).size).toBeGreaterThan(20);
}

/** The media galleries of a message's components (at any depth), as the double recorded them. */
function galleriesOf(components: readonly unknown[]): Array<{ items?: Array<{ media?: { url?: string } }> }> {
  return flattenComponents(components).filter((c) => c.type === 12) as Array<{ items?: Array<{ media?: { url?: string } }> }>;
}

/** A timeline card: titled in its first container, which shows the uploaded picture, the only one of the card. */
function expectTimelineMessage(message: RecordedMessage, title: RegExp): void {
  expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
  expect(message.embeds).toEqual([]);
  expect(message.content).toBe('');
  const [first] = containersOf(message);
  expect(/^### (.*)$/u.exec(first?.texts[0] ?? '')?.[1]).toMatch(title);
  const container = message.components[0] as { type?: number; components?: unknown[] } | undefined;
  expect(container?.type).toBe(17);
  const galleries = galleriesOf(container?.components ?? []);
  expect(galleries.map((g) => g.items?.map((i) => i.media?.url))).toEqual([[`attachment://${PICTURE_FILE}`]]);
  expect(galleriesOf(message.components)).toHaveLength(1);
  expect(message.attachments.map((a) => a.filename)).toEqual([PICTURE_FILE]);
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(LIVE_MENTION.test(message.text)).toBe(false);
}

describe('GIVEN the bot on the seeds, logged in to the Discord double', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const run = async (options: Record<string, string>, locale: 'fr' | 'en-US') => {
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'timeline', options, locale }));
    const callback = await handle.waitForCallback();
    expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
    return { callback, message: final(await handle.waitForMessage()) };
  };

  it('THEN /timeline is registered with its French name /chronologie and an optional topic', () => {
    const command = h.double.commands(h.double.guilds[0]?.id).find((c) => c.name === 'timeline');
    expect(command).toMatchObject({ name: 'timeline', name_localizations: { fr: 'chronologie' } });
    expect(command?.options?.[0]).toMatchObject({ name: 'topic', required: false, name_localizations: { fr: 'sujet' } });
  });

  it('WHEN /chronologie is asked in French THEN the reply carries the picture as an attachment shown in the card, multipart, valid', async () => {
    const { callback, message } = await run({}, 'fr');
    expect(callback.type).toBe(4);
    expectPicture(callback.files);
    expectTimelineMessage(message, /^Chronologie$/u);
    expect(readable(message)).toMatch(/17 juin 2025/u);
    expect(readable(message)).toMatch(/événements datés/u);
    const request = h.double.requests.find((r) => r.files.length > 0 && r.route?.endsWith('/callback'));
    expect(request?.contentType).toMatch(/^multipart\/form-data/u);
    expect(request?.body).toMatchObject({ type: 4, data: { attachments: [{ id: '0' }], allowed_mentions: { parse: [] } } });
    expect(h.double.violations).toEqual([]);
  });

  it('WHEN /timeline is asked in English on a topic THEN the words are English, the excerpts the articles’ own', async () => {
    const { callback, message } = await run({ topic: 'visite de Choïgou à Pyongyang' }, 'en-US');
    expectPicture(callback.files);
    expectTimelineMessage(message, /^Timeline: “visite de Choïgou à Pyongyang”$/u);
    expect(readable(message)).toMatch(/dated by (AFP|RT)/u);
    expect(readable(message)).toContain("qui s'était déjà rendu à Pyongyang en mars");
    expect(readable(message)).toMatch(/AFP, 17 June 2025, ¶12/u);
    expect(readable(message)).toMatch(/March 2025/u);
    expect(h.double.violations).toEqual([]);
  });

  it('WHEN "More" is pressed THEN the next page replaces the message, with the picture again', async () => {
    const { message } = await run({}, 'en-US');
    const more = buttonsOf(message).find((b) => b.label === 'More');
    if (!more?.custom_id) throw new Error('no More button');
    const handle = await h.double.sendInteraction(
      h.double.fixtures.button({ customId: more.custom_id, locale: 'en-US', message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...(message.components as never[])], content: '' } }),
    );
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(7);
    expectPicture(callback.files);
    const next = final(await handle.waitForMessage());
    expectTimelineMessage(next, /^Timeline$/u);
    expect(cardFooter(next)).toMatch(/page 2\/\d/u);
    expect(readable(next)).toMatch(/^5\. /mu);
    expect(h.double.violations).toEqual([]);
  });

  it('WHEN nothing is found THEN a no-evidence answer, without a picture', async () => {
    const { callback, message } = await run({ topic: 'xyzzy plugh' }, 'fr');
    expect(callback.files).toEqual([]);
    expect(readable(message)).toMatch(/Aucun élément dans le corpus pour « xyzzy plugh »/u);
  });
});

describe('GIVEN the bot answering after a deferral', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bot: { deferAfterMs: 0 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('WHEN /timeline is deferred THEN the edit of the original response uploads the picture, valid', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'timeline', options: {}, locale: 'fr' }));
    expect((await handle.waitForCallback()).type).toBe(5);
    const message = final(await handle.waitForMessage());
    expectTimelineMessage(message, /^Chronologie$/u);
    const edit = h.double.requests.find((r) => r.method === 'PATCH' && r.files.length > 0);
    expect(edit?.route).toMatch(/\/webhooks\//u);
    expectPicture(edit?.files ?? []);
    expect(h.double.violations).toEqual([]);
  });
});

describe('GIVEN the double’s rules for uploaded files', () => {
  let double: DiscordDouble | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.destroy();
    await double?.stop();
  });

  /** A client that answers the next interaction with `answer`, and what the double made of it. */
  async function answered(answer: (i: Interaction) => Promise<unknown>) {
    double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.restUrl } });
    const ready = once(client, Events.ClientReady);
    await client.login(double.token);
    await ready;
    const failed = new Promise<unknown>((resolve) => client?.once(Events.InteractionCreate, (i) => void answer(i).then(() => resolve(null), resolve)));
    await double.sendInteraction(double.fixtures.chatInput({ name: 'timeline' }));
    return { error: await failed, violations: double.violations };
  }

  it('WHEN an embed shows attachment://missing.png THEN Discord’s refusal: it names no uploaded file', async () => {
    const { error, violations } = await answered((i) =>
      (i as never as { reply: (o: unknown) => Promise<unknown> }).reply({ embeds: [{ title: 'x', image: { url: 'attachment://missing.png' } }], files: [{ attachment: Buffer.from('png'), name: 'other.png' }] }),
    );
    expect(error).toBeTruthy();
    expect(violations.flatMap((v) => v.errors.map((e) => `${e.path} ${e.code}`))).toEqual(['/data/embeds/0/image/url UPLOAD_ATTACHMENT_UNKNOWN']);
  });

  it('WHEN an embed shows an uploaded file that is not an image THEN Discord’s refusal', async () => {
    const { violations } = await answered((i) =>
      (i as never as { reply: (o: unknown) => Promise<unknown> }).reply({ embeds: [{ title: 'x', image: { url: 'attachment://notes.txt' } }], files: [{ attachment: Buffer.from('texte'), name: 'notes.txt' }] }),
    );
    expect(violations.flatMap((v) => v.errors.map((e) => e.code))).toEqual(['UPLOAD_NOT_AN_IMAGE']);
  });
});
