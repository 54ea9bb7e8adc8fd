/**
 * End to end, the moderators' commands through the double with the real discord.js client, over
 * an in-test moderation service (`../moderation/fake-moderation.ts`): a file attached, previewed,
 * published and then answered in its server only; Edit details, Cancel, Remove, a new outlet; the
 * refusals (not a moderator, a forged button or form, a DM, files that are not articles); in
 * French and English. Every request valid per Discord's spec, every message pinging no one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { loadEngine } from '../../../src/load-engine.js';
import { DEFAULT_GUILD_ID, type RecordedMessage } from '../double/index.js';
import { FakeModeration } from '../moderation/fake-moderation.js';
import { messageBodies, readable, startHarness, type Harness } from './harness.js';
import { ADMINISTRATOR, MEMBER, Moderator, buttonId, buttonsOf, containerHeaded, headingsOf, said } from './moderation-support.js';

const ARTICLE = [
  '# Des sapeurs nord-coréens attendus à Koursk',
  'Koursk, 18 juin 2025 – Les sapeurs nord-coréens arriveront à Koursk en juillet pour déminer la région, selon Moscou.',
  'Le gouverneur a salué une coopération « durable » avec Pyongyang et remercié les démineurs @everyone.',
].join('\n\n');

let h: Harness;
let fake: FakeModeration;
let as: Moderator;
let otherGuild: string;

beforeAll(async () => {
  fake = new FakeModeration(await loadEngine('data'));
  h = await startHarness({
    engines: fake,
    double: { guilds: [{}, { name: 'Autre rédaction' }] },
    bot: { moderation: fake, env: { RECOUPE_FETCH_ALLOW: '127.0.0.1' } },
  });
  as = new Moderator(h.double);
  otherGuild = h.double.guilds[1]?.id ?? '';
});
afterAll(async () => {
  const bodies = messageBodies(h.double);
  expect(bodies.length).toBeGreaterThan(10);
  for (const { body } of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(h.double.violations).toEqual([]);
  expect(h.double.unhandledRequests).toEqual([]);
  await h.close();
});

/** A moderator attaches `content` as `filename` to `/article add`: the preview. */
async function attach(content: string, options: Record<string, string> = {}, file: { filename?: string; contentType?: string | null; statedSize?: number } = {}, locale: 'fr' | 'en-US' = 'fr') {
  const attachment = h.double.uploadAttachment({ filename: file.filename ?? 'depeche.md', content, contentType: file.contentType === undefined ? 'text/markdown; charset=utf-8' : file.contentType, ...(file.statedSize !== undefined ? { statedSize: file.statedSize } : {}) });
  return as.final(await as.slash('article', 'add', options, { locale }, { file: attachment }));
}

/** Publishes a fresh article filed under `outlet` and returns what the Publish button made of the preview. */
async function publish(content: string, outlet = 'AFP'): Promise<{ preview: RecordedMessage; published: RecordedMessage }> {
  const preview = await attach(content, { outlet });
  const published = await as.final(await as.press(preview, buttonId(preview, 'dp1')), 1);
  return { preview, published };
}

describe('GIVEN the bot with a moderation service', () => {
  it('THEN /article and /source are registered for moderators only, in servers only', () => {
    const commands = h.double.commands(DEFAULT_GUILD_ID).filter((c) => c.name === 'article' || c.name === 'source');
    expect(commands.map((c) => [c.name, c.default_member_permissions, c.contexts, c.integration_types])).toEqual([
      ['article', '8192', [0], [0]],
      ['source', '8192', [0], [0]],
    ]);
    expect(commands[0]?.options?.map((o) => [o.name, o.name_localizations?.fr])).toEqual([
      ['add', 'ajouter'],
      ['remove', 'retirer'],
      ['list', 'liste'],
    ]);
  });

  it('WHEN a moderator attaches a file THEN the preview shows its details, what cleaning removed, and Publish, Edit details, Cancel', async () => {
    const preview = await attach(ARTICLE, { outlet: 'AFP' });
    expect(preview.ephemeral).toBe(true);
    const text = readable(preview);
    expect(text).toContain('Des sapeurs nord-coréens attendus à Koursk');
    expect(text).toMatch(/Média\nAFP — Agence France-Presse/u);
    expect(text).toContain('Retiré au nettoyage (1)');
    expect(text).toContain('share buttons: Partager sur Facebook @everyone');
    expect(text).toContain('¶ Koursk, 18 juin 2025');
    expect(buttonsOf(preview).map((b) => [b.label, b.disabled ?? false])).toEqual([
      ['Publier', false],
      ['Modifier les informations', false],
      ['Annuler', false],
    ]);
    expect(h.double.cdnRequests.at(-1)).toMatchObject({ method: 'GET', status: 200 });
    expect(fake.calls.at(-1)).toMatchObject({ method: 'preview', guildId: DEFAULT_GUILD_ID, actor: { name: 'Lectrice' } });
  });

  it('WHEN it is published THEN the message says so with the article id, and /ask answers from it in this server only', async () => {
    const unique = 'Les démineurs de Tombouctou ont inspecté quarante-deux ponts pendant la saison des pluies.';
    const { published } = await publish(`# Ponts de Tombouctou\n\n${unique}`);
    expect(readable(published)).toMatch(/Publié : « Ponts de Tombouctou » est consultable dans ce serveur/u);
    expect(readable(published)).toMatch(/Identifiant de l’article\n2025-06-18-afp-\d+/u);
    expect(published.components).toEqual([]);

    const here = await as.final(await as.slash('ask', undefined, { question: 'Combien de ponts à Tombouctou ?' }, { permissions: MEMBER }));
    expect(readable(here)).toContain('quarante-deux ponts');
    const elsewhere = await as.final(await as.slash('ask', undefined, { question: 'Combien de ponts à Tombouctou ?' }, { permissions: MEMBER, guildId: otherGuild }));
    expect(readable(elsewhere)).not.toContain('quarante-deux ponts');
  });

  it('WHEN an outlet is added and an article filed under it THEN /compare shows it in its colour here, and not in another server', async () => {
    const opened = await as.slash('source', 'add', { colour: '#c0392b' });
    expect((await opened.waitForCallback()).type).toBe(9);
    const added = await as.final(await as.submit(opened, { name: 'Fraternité Matin', short: 'Fratmat', kind: 'quotidien', ownership: 'détenu par l’État', homepage: 'https://www.fratmat.info' }));
    expect(readable(added)).toContain('Média ajouté : Fratmat');
    expect(added.embeds[0]?.color).toBe(0xc0392b);

    await publish(ARTICLE.replace('Des sapeurs', 'Encore des sapeurs'), 'Fratmat');
    const compare = await as.final(await as.slash('compare', undefined, { topic: 'sapeurs' }, { permissions: MEMBER }));
    expect(compare.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(containerHeaded(compare, 'Fraternité Matin (Fratmat)').color).toBe(0xc0392b);
    const elsewhere = await as.final(await as.slash('compare', undefined, { topic: 'sapeurs' }, { permissions: MEMBER, guildId: otherGuild }));
    expect(headingsOf(elsewhere)).toContain('Agence France-Presse (AFP)');
    expect(headingsOf(elsewhere)).not.toContain('Fraternité Matin (Fratmat)');
  });

  it('WHEN Edit details is pressed THEN a form prefilled with the draft’s details opens, and its submit updates the preview', async () => {
    const preview = await attach(ARTICLE.replace('attendus', 'annoncés'), { outlet: 'AFP' });
    const opened = await as.press(preview, buttonId(preview, 'de1'));
    const modal = (await opened.waitForCallback()).data as { title: string; components: Array<{ label: string; component: { custom_id: string; value?: string } }> };
    expect(modal.title).toBe('Modifier les informations');
    expect(modal.components.map((c) => [c.label, c.component.value])).toEqual([
      ['Titre', 'Des sapeurs nord-coréens annoncés à Koursk'],
      ['Date', '2025-06-18'],
      ['Média', 'AFP'],
    ]);
    const updated = await as.final(await as.submit(opened, { title: 'Un titre corrigé', date: '2025-06-19' }), 1);
    expect(updated.id).toBe(preview.id);
    expect(readable(updated)).toContain('Un titre corrigé');
    expect(readable(updated)).toContain('19 juin 2025');
  });

  it('WHEN Cancel is pressed THEN the draft is dropped and the preview says nothing was published', async () => {
    const preview = await attach(ARTICLE.replace('attendus', 'espérés'), { outlet: 'AFP' });
    const cancelled = await as.final(await as.press(preview, buttonId(preview, 'dc1')), 1);
    expect(cancelled).toMatchObject({ embeds: [], components: [] });
    expect(said(cancelled)).toBe('Brouillon annulé : rien n’a été publié.');
    // Publish on the stale preview: the draft is gone, said in a short private message.
    const late = await as.final(await as.press(preview, buttonId(preview, 'dp1')));
    expect(late).toMatchObject({ ephemeral: true });
    expect(said(late)).toMatch(/\[draft-not-found\]$/u);
  });

  it('WHEN the same article is attached again THEN Publish is off and the duplicate named', async () => {
    const preview = await attach(ARTICLE, { outlet: 'AFP' });
    expect(readable(preview)).toContain('Déjà dans la collection');
    expect(buttonsOf(preview)[0]).toMatchObject({ label: 'Publier', disabled: true });
  });

  it('WHEN /article remove is autocompleted, then confirmed THEN the article is gone from the answers', async () => {
    const unique = 'Les vignerons de Sancerre ont compté dix-sept cuves fissurées après le gel.';
    await publish(`# Gel à Sancerre\n\n${unique}`);
    const typed = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'article', subcommand: 'remove', options: { article: 'sancerre' }, focused: 'article', memberPermissions: ADMINISTRATOR }));
    const choices = ((await typed.waitForCallback()).data as { choices: Array<{ name: string; value: string }> }).choices;
    expect(choices).toHaveLength(1);
    expect(choices[0]?.name).toMatch(/^Gel à Sancerre \(2025-06-18-afp-\d+\)$/u);

    const question = await as.final(await as.slash('article', 'remove', { article: choices[0]?.value ?? '' }));
    expect(readable(question)).toContain('Retirer « Gel à Sancerre » de la collection de ce serveur ?');
    expect(buttonsOf(question).map((b) => b.label)).toEqual(['Retirer', 'Garder']);
    const removed = await as.final(await as.press(question, buttonId(question, 'ar1')), 1);
    expect(said(removed)).toBe('Retiré : « Gel à Sancerre » n’est plus consultable dans ce serveur.');
    const after = await as.final(await as.slash('ask', undefined, { question: 'Combien de cuves fissurées à Sancerre ?' }, { permissions: MEMBER }));
    expect(readable(after)).not.toContain('dix-sept cuves');
  });

  it('WHEN /article list and /source list are used THEN the server’s articles (who, when) and both collections of outlets are shown', async () => {
    const list = await as.final(await as.slash('article', 'list', {}, { locale: 'en-US' }));
    expect(readable(list)).toMatch(/This server’s articles[\s\S]*Ponts de Tombouctou\nAFP · 18 June 2025 · 1 ¶ · published by Lectrice/u);
    const sources = await as.final(await as.slash('source', 'list', {}, { locale: 'en-US' }));
    expect(readable(sources)).toMatch(/Shared collection\nAFP — Agence France-Presse[\s\S]*This server’s outlets\nFratmat — Fraternité Matin/u);
  });
});

describe('GIVEN someone who may not moderate', () => {
  it('WHEN a member uses /article THEN a short private refusal comes, in their language, and the service is not asked', async () => {
    const before = fake.calls.length;
    for (const [locale, words] of [
      ['fr', 'Seuls les modérateurs (permission Gérer les messages) peuvent faire cela. [not-moderator]'],
      ['en-US', 'Only moderators (Manage Messages permission) can do this. [not-moderator]'],
    ] as const) {
      const refused = await as.final(await as.slash('article', 'list', {}, { locale, permissions: MEMBER }));
      expect(refused).toMatchObject({ ephemeral: true, embeds: [] });
      expect(said(refused)).toBe(words);
      expect(refused.mentions).toEqual({ users: [], roles: [], everyone: false });
    }
    expect(fake.calls.length).toBe(before);
  });

  it('WHEN a member presses a forged Publish button or submits a forged form THEN nothing is published', async () => {
    const preview = await attach(ARTICLE.replace('attendus', 'forgés'), { outlet: 'AFP' });
    const forged = await as.final(await as.press(preview, buttonId(preview, 'dp1'), { permissions: MEMBER }));
    expect(said(forged)).toMatch(/\[not-moderator\]$/u);
    const opened = await as.slash('article', 'add', {});
    const submitted = await as.final(await as.submit(opened, { text: ARTICLE }, MEMBER));
    expect(said(submitted)).toMatch(/\[not-moderator\]$/u);
    const raw = await h.double.sendInteraction(h.double.fixtures.modalSubmit({ customId: 'ms1:C0392B', values: { name: 'X', short: 'X', kind: 'x', ownership: 'x' }, memberPermissions: MEMBER }));
    expect(said(await as.final(raw))).toMatch(/\[not-moderator\]$/u);
    expect(fake.calls.filter((c) => c.method === 'publish' || c.method === 'addSource').every((c) => c.actor?.name === 'Lectrice')).toBe(true);
    expect(fake.calls.slice(-1)[0]?.method).toBe('preview');
  });

  it('WHEN /article comes through a user install, in a server that did not install the bot, from a member with every permission THEN it is refused as outside a server, in both languages', async () => {
    const en = await as.final(await as.slash('article', 'list', {}, { install: 'user', locale: 'en-US' }));
    expect(said(en)).toBe('This works only in a server where recoupe is installed. [not-in-guild]');
    const fr = await as.final(await as.slash('article', 'list', {}, { install: 'user', locale: 'fr' }));
    expect(said(fr)).toMatch(/\[not-in-guild\]$/u);
    expect(said(fr)).not.toBe(said(en));
  });

  it('WHEN /article comes from a DM THEN it is refused as outside a server; autocomplete gets no suggestions', async () => {
    const dm = await as.final(await as.slash('article', 'list', {}, { guildId: null, locale: 'en-US' }));
    expect(said(dm)).toBe('This works only in a server where recoupe is installed. [not-in-guild]');
    const typed = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'article', subcommand: 'remove', options: { article: 'ponts' }, focused: 'article', memberPermissions: MEMBER }));
    expect(((await typed.waitForCallback()).data as { choices: unknown[] }).choices).toEqual([]);
  });
});

describe('GIVEN files that are not articles', () => {
  const refusal = async (content: string, file: Parameters<typeof attach>[2], locale: 'fr' | 'en-US' = 'en-US') => said(await attach(content, { outlet: 'AFP' }, file, locale));

  it('THEN a PDF, a UTF-16 text, a file over 5 MB (stated or real) and a file off Discord’s CDN are refused, each saying why', async () => {
    const downloads = h.double.cdnRequests.length;
    expect(await refusal('%PDF', { filename: 'rapport.pdf', contentType: 'application/pdf' })).toBe('Attach a .txt, .md or .html file (rapport.pdf). [attachment-type]');
    expect(await refusal('x', { filename: 'a.txt', contentType: 'text/plain; charset=utf-16' })).toBe('I cannot read this file’s encoding (utf-16): save it as UTF-8. [attachment-encoding]');
    expect(await refusal('x', { filename: 'a.txt', contentType: 'text/plain', statedSize: 6 * 1024 * 1024 })).toBe('This file is too large: 5 MB at most. [attachment-too-large]');
    expect(await refusal('x', { filename: 'a.txt', contentType: 'text/csv' }, 'fr')).toBe('Joignez un fichier .txt, .md ou .html (text/csv). [attachment-type]');
    expect(h.double.cdnRequests.length).toBe(downloads);
    // The size the client states is its word: the download is cut at 5 MB too.
    expect(await refusal('x'.repeat(5 * 1024 * 1024 + 1), { filename: 'a.txt', contentType: 'text/plain', statedSize: 10 })).toBe('This file is too large: 5 MB at most. [attachment-too-large]');
    const elsewhere = { id: '1', filename: 'a.txt', size: 10, url: 'https://evil.example/a.txt', proxy_url: 'https://evil.example/a.txt', content_type: 'text/plain' };
    const offCdn = await as.final(await as.slash('article', 'add', {}, { locale: 'en-US' }, { file: elsewhere }));
    expect(said(offCdn)).toBe('I only read files attached to Discord itself. [attachment-host]');
  });

  it('THEN a file and an address together are refused, and an article without a title says which option to give', async () => {
    const attachment = h.double.uploadAttachment({ filename: 'a.txt', content: 'x' });
    const both = await as.final(await as.slash('article', 'add', { url: 'https://example.org/a' }, { locale: 'en-US' }, { file: attachment }));
    expect(said(both)).toBe('Give a file or an address, not both. [file-and-url]');
    expect(await refusal('Un paragraphe sans titre.', { filename: 'a.txt', contentType: 'text/plain' })).toBe('I could not make an article from this. (no title found in the text: give one with the title option) [bad-input]');
  });
});

describe('GIVEN what operators see', () => {
  it('THEN every moderator interaction is counted under a label from our own definitions, and logged with its action', async () => {
    const text = await h.metrics.registry.metrics();
    for (const label of ['article:add', 'button:publish', 'button:edit', 'button:cancel', 'button:remove', 'modal:edit', 'modal:source', 'article:list', 'source:list', 'autocomplete:article:remove']) {
      expect([label, text.includes(`recoupe_commands_total{command="${label}",outcome="ok"}`)]).toEqual([label, true]);
    }
    expect(text).toMatch(/recoupe_commands_total\{command="article:list",outcome="user-error"\} [1-9]/u);
    expect(text).toMatch(/recoupe_commands_total\{command="modal:paste",outcome="user-error"\} [1-9]/u);
    const actions = new Set(h.logs.filter((l) => l.msg === 'interaction').map((l) => l.action));
    for (const action of ['article:add:file', 'publish', 'edit:submit', 'cancel', 'remove', 'source:add']) expect([action, actions.has(action)]).toEqual([action, true]);
  });
});

