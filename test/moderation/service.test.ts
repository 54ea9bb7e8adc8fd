/**
 * The moderation service over a real store (embedded PGlite in memory), the live corpus and the
 * seeds: pasted text → preview (cleaning, outlet, date, duplicates) → Edit details → Publish →
 * answerable; the list says who published; removal; a new outlet; every refusal by its code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/commands/table.js';
import { LiveCorpus } from '../../src/live/live-corpus.js';
import { loadEngine } from '../../src/load-engine.js';
import { createModerationService } from '../../src/moderation/service.js';
import { ModerationError, type ModerationService } from '../../src/moderation/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { CorpusStore } from '../../src/store/types.js';

const GUILD = '444444444444444444';
const actor = { id: '555555555555555555', name: 'Rédactrice en chef' };
const NOW = Date.parse('2026-12-03T10:00:00Z');

const TEXT = [
  'Les castors reviennent à Valbrume',
  'VALBRUME, 18 juin 2025 (AFP) – Une colonie de castors a été observée sur les berges de la Brume, a annoncé mercredi la préfète, qui évoque un « retour historique ».',
  'Partager sur Facebook',
  'Selon les naturalistes, quatorze huttes ont été recensées depuis le printemps le long de la rivière.',
  'La préfète a demandé aux promeneurs de tenir leurs chiens en laisse près des berges.',
].join('\n\n');

let store: CorpusStore;
let live: LiveCorpus;
let moderation: ModerationService;

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ModerationError) return error.code;
    throw error;
  }
  return 'accepted';
}

beforeAll(async () => {
  // The store's clock is the service's: a draft's expiry is written by one and read by the other.
  store = await openStore({ dir: 'memory://', now: () => new Date(NOW) });
  live = await LiveCorpus.start((await loadEngine('data', { cacheDir: false })).kb, store);
  moderation = createModerationService({ live, store, now: () => NOW });
}, 60_000);
afterAll(async () => {
  await live.close();
  await store.close();
});

describe('moderation service', () => {
  let articleId = '';

  it('previews pasted text: outlet and date from the dateline, the noise removed, nothing answerable yet', async () => {
    const preview = await moderation.preview(GUILD, { kind: 'text', text: TEXT }, actor);
    expect(preview).toMatchObject({ title: 'Les castors reviennent à Valbrume', outlet: { id: 'afp', short: 'AFP' }, published: '2025-06-18', language: 'fr', paragraphCount: 3 });
    expect(preview.firstParagraphs[0]).toContain('Une colonie de castors');
    expect(preview.removed.map((r) => r.text)).toContain('Partager sur Facebook');
    expect(preview.duplicate).toBeUndefined();
    expect(JSON.stringify(dispatch(live.engineFor(GUILD), 'cite', 'castors huttes'))).not.toContain(preview.articleId);
    expect((await store.audit(GUILD)).map((a) => a.action)).toContain('draft.create');
  });

  it('corrects the details, publishes, and answers at once in that server only', async () => {
    const preview = await moderation.preview(GUILD, { kind: 'text', text: TEXT }, actor);
    const edited = await moderation.editDraft(GUILD, preview.draftId, { title: 'Le retour des castors', published: '19 juin 2025' }, actor);
    expect(edited).toMatchObject({ title: 'Le retour des castors', published: '2025-06-19', articleId: '2025-06-19-afp-le-retour-des-castors' });
    const listing = await moderation.publish(GUILD, preview.draftId, actor);
    articleId = listing.articleId;
    expect(listing).toMatchObject({ articleId: edited.articleId, outlet: 'AFP', paragraphCount: 3, publishedBy: actor });
    expect(JSON.stringify(dispatch(live.engineFor(GUILD), 'cite', 'quatorze huttes'))).toContain(articleId);
    expect(JSON.stringify(dispatch(live.engineFor('999999999999999999'), 'cite', 'quatorze huttes'))).not.toContain(articleId);
    expect(await refusal(moderation.publish(GUILD, preview.draftId, actor))).toBe('draft-not-found');
  });

  it('finds the same article again and refuses to publish it twice', async () => {
    const again = await moderation.preview(GUILD, { kind: 'text', text: TEXT }, actor);
    expect(again.duplicate).toMatchObject({ articleId, collection: 'server', kind: 'same-text' });
    expect(await refusal(moderation.publish(GUILD, again.draftId, actor))).toBe('duplicate');
  });

  it('finds an article of the shared collection already there', async () => {
    const seed = live.base.corpus.articles[0];
    if (!seed) throw new Error('the seeds have articles');
    const text = [seed.title, ...seed.paragraphs.map((p) => p.text)].join('\n\n');
    const preview = await moderation.preview(GUILD, { kind: 'text', text, outlet: seed.source, published: seed.published }, actor);
    expect(preview.duplicate).toMatchObject({ articleId: seed.id, collection: 'shared' });
  });

  it('finds that a dispatch republished by another outlet is a copy of the shared article, and says which', async () => {
    const seed = live.base.corpus.articles.find((a) => a.source === 'afp');
    if (!seed) throw new Error('the seeds have an AFP article');
    // A newspaper's copy: its own title and standfirst, the last paragraph cut.
    const copy = ['Corée du Nord : ce que dit la dépêche', 'Notre journal reprend ci-dessous la dépêche de l’agence, publiée ce matin.', ...seed.paragraphs.slice(0, -1).map((p) => p.text)].join('\n\n');
    const preview = await moderation.preview(GUILD, { kind: 'text', text: copy, outlet: 'rt-fr', published: seed.published }, actor);
    expect(preview.duplicate).toBeUndefined();
    expect(preview.syndicationOf).toMatchObject({ articleId: seed.id, collection: 'shared', outlet: 'AFP' });
    // The same outlet's own text again is a duplicate, not a copy.
    const again = await moderation.preview(GUILD, { kind: 'text', text: [seed.title, ...seed.paragraphs.map((p) => p.text)].join('\n\n'), outlet: 'rt-fr', published: seed.published }, actor);
    expect(again.duplicate).toMatchObject({ articleId: seed.id, kind: 'same-text' });
  });

  it('lists what the server published and by whom, and completes on titles', async () => {
    expect((await moderation.articles(GUILD)).map((a) => [a.articleId, a.publishedBy.name])).toEqual([[articleId, actor.name]]);
    expect(moderation.completeArticles(GUILD, 'castors', 25)).toEqual([{ articleId, title: 'Le retour des castors' }]);
    expect(moderation.completeArticles(GUILD, 'zèbres', 25)).toEqual([]);
  });

  it('refuses what it cannot make an article of, with a code', async () => {
    expect(await refusal(moderation.preview(GUILD, { kind: 'text', text: '   ' }, actor))).toBe('empty');
    expect(await refusal(moderation.preview(GUILD, { kind: 'text', text: TEXT, outlet: 'Reuters' }, actor))).toBe('unknown-outlet');
    expect(await refusal(moderation.preview(GUILD, { kind: 'text', text: TEXT, published: 'bientôt' }, actor))).toBe('bad-date');
    expect(await refusal(moderation.preview(GUILD, { kind: 'file', name: 'photo.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]) }, actor))).toBe('bad-type');
    expect(await refusal(moderation.preview(GUILD, { kind: 'url', url: 'http://127.0.0.1:9/page' }, actor))).toBe('fetch-failed');
    expect(await refusal(moderation.editDraft(GUILD, 'no-such-draft', { title: 'x' }, actor))).toBe('draft-not-found');
    expect(await refusal(moderation.remove(GUILD, 'no-such-article', actor))).toBe('unknown-article');
  });

  it('adds an outlet and files an article under it', async () => {
    const source = await moderation.addSource(GUILD, { name: 'Radio Valbrume', short: 'RV', kind: 'radio station', ownership: 'municipal', color: '#123456' }, actor);
    expect(source).toMatchObject({ id: 'rv', collection: 'server' });
    expect((await moderation.sources(GUILD)).filter((s) => s.collection === 'server').map((s) => s.short)).toEqual(['RV']);
    expect(await refusal(moderation.addSource(GUILD, { name: 'Radio Valbrume 2', short: 'rv', kind: 'radio', ownership: 'x', color: '#123456' }, actor))).toBe('source-exists');
    const preview = await moderation.preview(GUILD, { kind: 'text', text: 'Les loutres aussi\n\nDes loutres ont été vues près du moulin de Valbrume, selon la radio municipale.', outlet: 'RV', published: '2025-06-20' }, actor);
    expect(preview.outlet.short).toBe('RV');
    const listing = await moderation.publish(GUILD, preview.draftId, actor);
    expect(JSON.stringify(dispatch(live.engineFor(GUILD), 'cite', 'loutres moulin'))).toContain('Radio Valbrume');
    expect(listing.outlet).toBe('RV');
  });

  it('removes an article: gone from the answers, kept whole in the audit log', async () => {
    const removed = await moderation.remove(GUILD, articleId, actor);
    expect(removed.articleId).toBe(articleId);
    expect(JSON.stringify(dispatch(live.engineFor(GUILD), 'cite', 'quatorze huttes'))).not.toContain(articleId);
    const entry = (await store.audit(GUILD)).find((a) => a.action === 'article.remove');
    expect(JSON.stringify(entry?.before)).toContain('quatorze huttes');
  });

  it('refuses at Publish a draft previewed before the same text was published from another draft', async () => {
    const text = ['Les loutres regagnent la Brume', 'VALBRUME, 20 juin 2025 (AFP) – Trois loutres ont été filmées près du vieux moulin, a indiqué jeudi le parc naturel.', 'Les gardes du parc comptent installer deux pièges photographiques supplémentaires cet été.'].join('\n\n');
    const first = await moderation.preview(GUILD, { kind: 'text', text }, actor);
    const second = await moderation.preview(GUILD, { kind: 'text', text }, actor);
    expect(second.duplicate).toBeUndefined();
    const published = await moderation.publish(GUILD, first.draftId, actor);
    expect(await refusal(moderation.publish(GUILD, second.draftId, actor))).toBe('duplicate');
    expect(live.collectionOf(GUILD)?.published.filter((s) => s.article.title === published.title)).toHaveLength(1);
  });
});
