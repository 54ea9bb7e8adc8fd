/**
 * The moderators' messages and forms on hostile input: every payload within every limit and
 * valid per Discord's spec (the double's validator), mentions broken, Markdown escaped; the
 * preview's buttons (Publish off for a duplicate); forms within Discord's modal limits.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE, MODAL } from '../../../src/discord/limits.js';
import { decodeModerationButton, decodeModerationModal } from '../../../src/discord/moderation/custom-ids.js';
import { editForm, pasteForm, sourceForm } from '../../../src/discord/moderation/forms.js';
import { modalOf, modalViolations, type DiscordModal } from '../../../src/discord/render/modal.js';
import { articleListReply, confirmRemoveReply, sourceAddedReply, sourcesListReply } from '../../../src/discord/render/moderation-lists.js';
import { previewReply, publishedReply } from '../../../src/discord/render/moderation-preview.js';
import { replyViolations, type DiscordReply } from '../../../src/discord/render/payload.js';
import type { ArticleListing, DraftPreview, ListedSource } from '../../../src/moderation/types.js';
import { validateRequestBody } from '../double/index.js';
import { HOSTILE, liveMentions, longHostileText, maskedLinks, payloadStrings } from '../support.js';

const CALLBACK = '/interactions/1/token/callback';
const ctx = { locale: 'fr' as const, colorOf: () => 0x1f5fad };

/** What Discord would refuse in this reply sent as a first response, plus our own checks. */
function expectValid(reply: DiscordReply): void {
  expect(replyViolations(reply)).toEqual([]);
  const body = { type: 4, data: { ...(reply.content !== undefined ? { content: reply.content } : {}), embeds: reply.embeds, components: reply.components, allowed_mentions: { parse: [] }, flags: 64 } };
  expect(validateRequestBody('post', CALLBACK, body)).toEqual([]);
  expect(liveMentions(payloadStrings(reply))).toEqual([]);
  expect(maskedLinks(payloadStrings(reply, true))).toEqual([]);
}

function expectValidModal(modal: DiscordModal): void {
  expect(modalViolations(modal.data)).toEqual([]);
  expect(validateRequestBody('post', CALLBACK, { type: 9, data: modal.data })).toEqual([]);
}

const related = { articleId: 'a'.repeat(120), title: `Titre ${HOSTILE}`, outlet: 'AFP @everyone', collection: 'server' as const };
const hostilePreview: DraftPreview = {
  draftId: '0b6c5f1e-6a0e-4d6e-9f59-3b1c2d4e5f60',
  guildId: '1',
  articleId: '2025-06-18-afp-x',
  title: `${HOSTILE} ${'t'.repeat(400)}`,
  outlet: { id: 'afp', short: 'AFP <@123456789012345678>', name: `Agence ${HOSTILE}` },
  published: '2025-06-18',
  language: 'fr',
  paragraphCount: 300,
  firstParagraphs: [longHostileText(), longHostileText(), longHostileText()],
  removed: Array.from({ length: 200 }, (_, i) => ({ reason: `raison ${i} @here`, text: longHostileText(500) })),
  notes: Array.from({ length: 50 }, () => `note ${HOSTILE}`),
  warnings: Array.from({ length: 50 }, () => `à vérifier ${HOSTILE}`),
  duplicate: { ...related, kind: 'same-text' },
  syndicationOf: related,
  expiresAt: '2025-06-18T12:30:00.000Z',
};

describe('GIVEN a preview full of hostile text', () => {
  it('THEN it is one embed within every limit, valid, pinging no one, with Publish off (duplicate), Edit details and Cancel', () => {
    const reply = previewReply(hostilePreview, ctx);
    expectValid(reply);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds).toHaveLength(1);
    const buttons = reply.components.flatMap((r) => r.components);
    expect(buttons.map((b) => [b.label, b.disabled === true, decodeModerationButton(b.custom_id)?.kind])).toEqual([
      ['Publier', true, 'publish'],
      ['Modifier les informations', false, 'edit'],
      ['Annuler', false, 'cancel'],
    ]);
    expect(reply.embeds[0]?.fields?.find((f) => f.name.startsWith('Ce brouillon expire'))?.value).toBe('<t:1750249800:f>\n<t:1750249800:R>');
  });

  it('THEN without a duplicate Publish is on, and the removed pieces are listed shortened', () => {
    const { duplicate: _d, ...clean } = hostilePreview;
    const reply = previewReply({ ...clean, removed: [{ reason: 'share buttons', text: `Partager sur Facebook ${'et sur X '.repeat(40)}` }] }, { ...ctx, locale: 'en' });
    expectValid(reply);
    expect(reply.components[0]?.components[0]).toMatchObject({ label: 'Publish' });
    expect(reply.components[0]?.components[0]?.disabled).toBeUndefined();
    const removed = reply.embeds[0]?.fields?.find((f) => f.name === 'Removed by cleaning \\(1\\)' || f.name === 'Removed by cleaning (1)');
    expect(removed?.value.length).toBeLessThan(120);
    expect(removed?.value).toMatch(/^share buttons: Partager sur Facebook[a-zX ]+…$/u);
  });

  it('THEN published, confirmation, list and outlet messages are valid too, in both languages', () => {
    const listing: ArticleListing = { articleId: 'b'.repeat(150), title: `${HOSTILE} ${'t'.repeat(400)}`, outlet: 'RT @here', published: '2025-06-18', paragraphCount: 4, publishedBy: { id: '1', name: `<@123456789012345678> ${HOSTILE}` }, publishedAt: '2025-06-18T10:00:00.000Z' };
    const source: ListedSource = { id: 'x', name: `Nom ${HOSTILE}`, short: 'X @everyone', kind: 'quotidien [lien](https://evil.example)', ownership: HOSTILE, color: '#C0392B', url: 'https://example.org/@here', collection: 'server' };
    for (const locale of ['fr', 'en'] as const) {
      const c = { ...ctx, locale };
      expectValid(publishedReply(listing, c, 'afp'));
      const question = confirmRemoveReply(listing, c, 'afp');
      expectValid(question);
      expect(question.components[0]?.components.map((b) => decodeModerationButton(b.custom_id)?.kind)).toEqual(['remove', 'keep']);
      const many = Array.from({ length: 95 }, (_, i) => ({ ...listing, articleId: `id-${i}` }));
      const pages = [0, 1, 9].map((p) => articleListReply(many, p, c));
      for (const page of pages) expectValid(page);
      expect(pages.map((p) => p.components[0]?.components.map((b) => decodeModerationButton(b.custom_id)))).toEqual([
        [{ kind: 'list-page', page: 1 }],
        [{ kind: 'list-page', page: 0 }, { kind: 'list-page', page: 2 }],
        [{ kind: 'list-page', page: 8 }],
      ]);
      expect(pages[0]?.embeds[0]?.fields).toHaveLength(10);
      expectValid(articleListReply([], 0, c));
      const outlets = Array.from({ length: 300 }, (_, i) => ({ ...source, id: `s${i}`, collection: i % 2 ? ('server' as const) : ('shared' as const) }));
      expectValid(sourcesListReply(outlets, c));
      expectValid(sourcesListReply(outlets.filter((s) => s.collection === 'shared'), c));
      expectValid(sourceAddedReply(source, c));
    }
    expect(sourcesListReply([], ctx).embeds.length).toBeLessThanOrEqual(MESSAGE.EMBEDS_MAX);
  });
});

describe('GIVEN the forms', () => {
  it('THEN each is within Discord’s modal limits and valid per the spec, in both languages, with ids the submit handlers read', () => {
    for (const locale of ['fr', 'en'] as const) {
      const forms = [pasteForm(locale, { title: 't'.repeat(500), outlet: 'AFP', published: '17 juin 2025' }), editForm('d-1', locale, { title: 'x'.repeat(5_000), published: '2025-06-18', outlet: 'AFP' }), editForm('d-1', locale, undefined), sourceForm('#C0392B', locale)];
      for (const form of forms) {
        expectValidModal(form);
        expect(form.data.components.length).toBeLessThanOrEqual(MODAL.COMPONENTS_MAX);
      }
      expect(forms.map((f) => decodeModerationModal(f.data.custom_id)?.kind)).toEqual(['paste', 'edit', 'edit', 'source']);
    }
  });

  it('THEN the paste form takes up to 4 000 characters of required text and prefills the options typed', () => {
    const form = pasteForm('en', { outlet: 'AFP' });
    const inputs = form.data.components.map((c) => (c as { component: { custom_id: string; required: boolean; max_length: number; value?: string } }).component);
    expect(inputs.map((i) => [i.custom_id, i.required, i.max_length, i.value])).toEqual([
      ['text', true, 4_000, undefined],
      ['title', false, 300, undefined],
      ['outlet', false, 300, 'AFP'],
      ['date', false, 300, undefined],
    ]);
  });

  it('WHEN a form would break a limit THEN it is refused before it reaches Discord', () => {
    const field = { id: 'a', label: 'A', style: 'short' as const, required: false, maxLength: 10 };
    expect(() => modalOf('x'.repeat(101), 'Titre', [field])).toThrow(/custom_id over 100/u);
    expect(() => modalOf('x', 'Titre', Array.from({ length: 6 }, (_, i) => ({ ...field, id: `f${i}` })))).toThrow(/more than 5/u);
    expect(() => modalOf('x', 'Titre', [field, field])).toThrow(/repeated/u);
    expect(modalOf('x', 'T'.repeat(60), [{ ...field, label: 'L'.repeat(60), description: 'D'.repeat(150), placeholder: 'P'.repeat(150) }]).data).toMatchObject({ title: expect.stringMatching(/^T{44}…$/u) });
  });
});
