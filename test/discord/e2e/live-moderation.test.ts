/**
 * End to end with the real pieces: the bot (real discord.js client, the double) over the real
 * moderation service (`src/moderation/service.ts`), the live corpus (`src/live/live-corpus.ts`)
 * and an embedded PGlite store in memory (`src/store/open-store.ts`). A moderator attaches a
 * file, previews, publishes; a member's `/ask` and `/compare` in that server answer from it, in
 * another server they do not; Edit details, Cancel, Remove, a new outlet; refusals; in French and
 * English.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import type { LiveCorpus } from '../../../src/live/live-corpus.js';
import type { CorpusStore } from '../../../src/store/types.js';
import { loadEngine } from '../../../src/load-engine.js';
import { DEFAULT_GUILD_ID, type RecordedMessage } from '../double/index.js';
import { readable, startHarness, type Harness } from './harness.js';
import { MEMBER, Moderator, buttonId, buttonsOf, containerHeaded, headingsOf, said } from './moderation-support.js';

// The live corpus imports its segment builder, still being written: until it lands this file waits.
const READY = existsSync('src/live/segment-builder.ts');

const DISPATCH = [
  'Des démineurs à Tombouctou',
  'TOMBOUCTOU, 18 juin 2025 (AFP) – Les démineurs de Tombouctou ont inspecté quarante-deux ponts pendant la saison des pluies, a annoncé mercredi le gouverneur de la région.',
  'Le gouverneur a salué une coopération durable avec les services techniques de la région, selon un communiqué @everyone.',
].join('\n\n');

let h: Harness;
let store: CorpusStore;
let live: LiveCorpus;
let as: Moderator;
let other: string;

beforeAll(async () => {
  if (!READY) return;
  const { openStore } = await import('../../../src/store/open-store.js');
  const { LiveCorpus } = await import('../../../src/live/live-corpus.js');
  const { createModerationService } = await import('../../../src/moderation/service.js');
  const env = { RECOUPE_FETCH_ALLOW: '127.0.0.1' };
  store = await openStore({ dir: 'memory://' });
  live = await LiveCorpus.start((await loadEngine('data')).kb, store);
  const moderation = createModerationService({ live, store, env });
  h = await startHarness({ engines: live, double: { guilds: [{}, { name: 'Autre rédaction' }] }, bot: { moderation, env } });
  as = new Moderator(h.double);
  other = h.double.guilds[1]?.id ?? '';
}, 60_000);
afterAll(async () => {
  if (!READY) return;
  expect(h.double.violations).toEqual([]);
  expect(h.double.unhandledRequests).toEqual([]);
  await h.close();
  await live.close();
  await store.close();
});

/** A moderator attaches `content` to `/article add`: the preview. */
async function attach(content: string, options: Record<string, string> = {}, locale: 'fr' | 'en-US' = 'fr'): Promise<RecordedMessage> {
  const file = h.double.uploadAttachment({ filename: 'depeche.txt', content, contentType: 'text/plain; charset=utf-8' });
  return as.final(await as.slash('article', 'add', options, { locale }, { file }));
}

const ask = async (question: string, guildId?: string) => readable(await as.final(await as.slash('ask', undefined, { question }, { permissions: MEMBER, ...(guildId ? { guildId } : {}) })));

describe.runIf(READY)('GIVEN the bot over the real moderation service, live corpus and store', () => {
  it('WHEN a moderator attaches a dispatch and publishes it THEN a member’s /ask answers from it here, and not in another server', async () => {
    const preview = await attach(DISPATCH);
    const text = readable(preview);
    expect(text).toContain('Des démineurs à Tombouctou');
    expect(text).toMatch(/Média\nAFP — Agence France-Presse/u);
    expect(text).toContain('18 juin 2025');
    expect(text).toContain('agency dateline');
    expect(buttonsOf(preview)[0]).toMatchObject({ label: 'Publier' });

    const published = await as.final(await as.press(preview, buttonId(preview, 'dp1')), 1);
    expect(readable(published)).toContain('Publié : « Des démineurs à Tombouctou » est consultable dans ce serveur');
    expect(readable(published)).toMatch(/Identifiant de l’article\n2025-06-18-afp-/u);

    expect(await ask('Combien de ponts les démineurs de Tombouctou ont-ils inspectés ?')).toContain('quarante-deux ponts');
    expect(await ask('Combien de ponts les démineurs de Tombouctou ont-ils inspectés ?', other)).not.toContain('quarante-deux ponts');
  });

  it('WHEN the same dispatch is attached again THEN Publish is off and the duplicate named', async () => {
    const preview = await attach(DISPATCH, {}, 'en-US');
    expect(readable(preview)).toContain('Already in the collection');
    expect(buttonsOf(preview)[0]).toMatchObject({ label: 'Publish', disabled: true });
  });

  it('WHEN an outlet is added and a dispatch filed under it THEN /compare shows it in its colour here only', async () => {
    const opened = await as.slash('source', 'add', { colour: 'C0392B' });
    const added = await as.final(await as.submit(opened, { name: 'Fraternité Matin', short: 'Fratmat', kind: 'quotidien', ownership: 'détenu par l’État ivoirien', homepage: 'https://www.fratmat.info' }));
    expect(readable(added)).toContain('Média ajouté : Fratmat');
    const text = 'Des sapeurs à Koursk\n\nLes sapeurs nord-coréens arriveront à Koursk en juillet pour déminer la région, a indiqué Moscou le 18 juin 2025.\n\nLe gouverneur a salué la venue des sapeurs.';
    const preview = await attach(text, { outlet: 'Fratmat', date: '2025-06-18' });
    await as.final(await as.press(preview, buttonId(preview, 'dp1')), 1);
    const compare = await as.final(await as.slash('compare', undefined, { topic: 'sapeurs' }, { permissions: MEMBER }));
    expect(compare.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(containerHeaded(compare, 'Fraternité Matin (Fratmat)').color).toBe(0xc0392b);
    const elsewhere = await as.final(await as.slash('compare', undefined, { topic: 'sapeurs' }, { permissions: MEMBER, guildId: other }));
    expect(headingsOf(elsewhere)).toContain('Agence France-Presse (AFP)');
    expect(headingsOf(elsewhere)).not.toContain('Fraternité Matin (Fratmat)');
  });

  it('WHEN Edit details corrects the title THEN the preview shows it; Cancel then drops the draft', async () => {
    const preview = await attach(DISPATCH.replace('quarante-deux', 'trente'), { title: 'Un premier titre' });
    const opened = await as.press(preview, buttonId(preview, 'de1'));
    const updated = await as.final(await as.submit(opened, { title: 'Un titre corrigé' }), 1);
    expect(readable(updated)).toContain('Un titre corrigé');
    const cancelled = await as.final(await as.press(updated, buttonId(updated, 'dc1')), 1);
    expect(said(cancelled)).toBe('Brouillon annulé : rien n’a été publié.');
  });

  it('WHEN the pasted-text form is used THEN the preview comes from the pasted text', async () => {
    const opened = await as.slash('article', 'add', {}, { locale: 'en-US' });
    const preview = await as.final(await as.submit(opened, { text: DISPATCH.replace('Tombouctou', 'Gao').replace('quarante-deux', 'dix'), outlet: 'AFP' }));
    expect(readable(preview)).toContain('Des démineurs à Gao');
  });

  it('WHEN /article remove is confirmed THEN the article no longer answers here', async () => {
    const [article] = await store.articles(DEFAULT_GUILD_ID).then((all) => all.filter((a) => a.article.title === 'Des démineurs à Tombouctou'));
    const question = await as.final(await as.slash('article', 'remove', { article: article?.article.id ?? '' }, { locale: 'en-US' }));
    expect(readable(question)).toContain('Remove “Des démineurs à Tombouctou” from this server’s collection?');
    const removed = await as.final(await as.press(question, buttonId(question, 'ar1'), { locale: 'en-US' }), 1);
    expect(said(removed)).toBe('Removed: “Des démineurs à Tombouctou” is no longer answerable in this server.');
    expect(await ask('Combien de ponts les démineurs de Tombouctou ont-ils inspectés ?')).not.toContain('quarante-deux ponts');
    expect((await store.audit(DEFAULT_GUILD_ID)).map((e) => e.action)).toContain('article.remove');
  });

  it('WHEN a member tries THEN a short private refusal, in their language, and nothing in the audit log', async () => {
    const before = (await store.audit(DEFAULT_GUILD_ID)).length;
    const refused = await as.final(await as.slash('article', 'list', {}, { permissions: MEMBER, locale: 'en-US' }));
    expect(said(refused)).toBe('Only moderators (Manage Messages permission) can do this. [not-moderator]');
    const preview = await attach(DISPATCH.replace('Tombouctou', 'Mopti'));
    const forged = await as.final(await as.press(preview, buttonId(preview, 'dp1'), { permissions: MEMBER }));
    expect(said(forged)).toMatch(/\[not-moderator\]$/u);
    // The preview itself wrote `draft.create`; the refusals wrote nothing.
    expect((await store.audit(DEFAULT_GUILD_ID)).length).toBe(before + 1);
  });
});
