/**
 * `/article add` and its draft: a file (checked, then downloaded), an address, or the paste form;
 * then the preview with Publish, Edit details and Cancel, and what each button does. Reading and
 * cleaning may take longer than Discord's 3 seconds (a download, a page fetch), so every step
 * that asks the service goes through `answerWithin`, which defers when the answer is late.
 */
import type { ButtonInteraction, ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import type { ArticleInput, InputDetails } from '../../moderation/types.js';
import { colorsOf } from '../colors.js';
import { cancelledReply, previewReply, publishedReply } from '../render/moderation-preview.js';
import { answerWithin, showModal } from '../respond.js';
import { attachmentRefusal, downloadAttachment, type AttachmentFacts } from './attachment.js';
import { deferOption, type ActionScope, type ActionServed, type ModerationContext } from './context.js';
import { FIELD, editForm, pasteForm } from './forms.js';
import { ModeratorRefusal } from './refusal.js';

/** Blank text counts as not given, as Discord treats an omitted option. */
function given(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The optional details typed with the command or in a form. */
function details(title: string | undefined, outlet: string | undefined, published: string | undefined): InputDetails {
  return { ...(title ? { title } : {}), ...(outlet ? { outlet } : {}), ...(published ? { published } : {}) };
}

/** A text input's value in a submitted form, blank as undefined. */
export function submitted(i: ModalSubmitInteraction, id: string): string | undefined {
  const field = i.fields.fields.get(id);
  return field && 'value' in field && typeof field.value === 'string' ? given(field.value) : undefined;
}

/** `/article add`: the paste form without a file or an address; else the draft's preview. */
export async function articleAdd(i: ChatInputCommandInteraction, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const file = i.options.getAttachment('file');
  const url = given(i.options.getString('url'));
  const typed = details(given(i.options.getString('title')), given(i.options.getString('outlet')), given(i.options.getString('date')));
  if (file && url) throw new ModeratorRefusal('file-and-url');
  if (!file && !url) {
    await showModal(i, pasteForm(s.locale, typed));
    return { ackMs: performance.now() - s.receivedAt, deferred: false, action: 'article:add:form' };
  }
  const facts: AttachmentFacts | undefined = file ? { url: file.url, name: file.name, size: file.size, contentType: file.contentType } : undefined;
  // Refused at once, before deferring: nothing is downloaded for a file that cannot be an article.
  const refused = facts ? attachmentRefusal(facts, ctx.env) : undefined;
  if (refused) throw refused;
  const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => {
    const input: ArticleInput = facts ? { kind: 'file', ...(await downloadAttachment(facts, ctx.env)), ...typed } : { kind: 'url', url: url ?? '', ...typed };
    return previewOf(input, ctx, s);
  });
  return { ...ack, action: facts ? 'article:add:file' : 'article:add:url' };
}

/** The paste form's submit: the pasted text and its details, to a preview. */
export async function pasteSubmit(i: ModalSubmitInteraction, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const input: ArticleInput = { kind: 'text', text: submitted(i, FIELD.text) ?? '', ...details(submitted(i, FIELD.title), submitted(i, FIELD.outlet), submitted(i, FIELD.date)) };
  const ack = await answerWithin(i, { mode: 'reply', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, () => previewOf(input, ctx, s));
  return { ...ack, action: 'article:add:text' };
}

async function previewOf(input: ArticleInput, ctx: ModerationContext, s: ActionScope) {
  const preview = await ctx.service.preview(s.guildId, input, s.actor);
  ctx.memo.remember(preview);
  return previewReply(preview, s.render);
}

/** Publish: the draft published, the preview replaced by what was published (no buttons left). */
export async function publishDraft(i: ButtonInteraction, draftId: string, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const ack = await answerWithin(i, { mode: 'update', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => {
    const listing = await ctx.service.publish(s.guildId, draftId, s.actor);
    ctx.memo.forget(draftId);
    // The engine of the server now holds the article (publish resolves once it does): its outlet's colour.
    const engine = ctx.engines.engineFor(s.guildId);
    const sourceId = engine.corpus.articles.find((a) => a.id === listing.articleId)?.source ?? '';
    return publishedReply(listing, { locale: s.locale, colorOf: colorsOf(engine) }, sourceId);
  });
  return { ...ack, action: 'publish' };
}

/** Cancel: the draft dropped, the preview replaced by a short notice. */
export async function cancelDraft(i: ButtonInteraction, draftId: string, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const ack = await answerWithin(i, { mode: 'update', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => {
    await ctx.service.cancelDraft(s.guildId, draftId, s.actor);
    ctx.memo.forget(draftId);
    return cancelledReply(s.locale);
  });
  return { ...ack, action: 'cancel' };
}

/** Edit details: the form, prefilled with the draft's details when remembered (a form must be the first response). */
export async function editDraftForm(i: ButtonInteraction, draftId: string, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  await showModal(i, editForm(draftId, s.locale, ctx.memo.details(draftId)));
  return { ackMs: performance.now() - s.receivedAt, deferred: false, action: 'edit' };
}

/** Edit details' submit: the draft corrected, its preview updated in place. */
export async function editSubmit(i: ModalSubmitInteraction, draftId: string, ctx: ModerationContext, s: ActionScope): Promise<ActionServed> {
  const edit = details(submitted(i, FIELD.title), submitted(i, FIELD.outlet), submitted(i, FIELD.date));
  const ack = await answerWithin(i, { mode: 'update', ephemeral: true, receivedAt: s.receivedAt, ...deferOption(ctx) }, async () => {
    const preview = await ctx.service.editDraft(s.guildId, draftId, edit, s.actor);
    ctx.memo.remember(preview);
    return previewReply(preview, { locale: s.locale, colorOf: colorsOf(ctx.engines.engineFor(s.guildId)) });
  });
  return { ...ack, action: 'edit:submit' };
}
