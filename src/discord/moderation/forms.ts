/**
 * The moderators' forms (modals): pasting an article, correcting a draft's details, describing a
 * new outlet. Each holds at most Discord's five fields; the ids of the fields are what the submit
 * handlers read back (`FIELD`). What a form cannot hold travels in its custom id
 * (`custom-ids.ts`): the draft, or the new outlet's colour (given as the slash option, since an
 * outlet has six details and a form takes five).
 */
import type { Locale } from '../../render/messages.js';
import { moderationMessages } from '../../render/moderation-messages.js';
import { MODAL } from '../limits.js';
import { modalOf, type DiscordModal } from '../render/modal.js';
import type { DraftDetails } from './draft-memo.js';
import { encodeModerationModal } from './custom-ids.js';

/** Ids of the text inputs, as the submit carries them. */
export const FIELD = {
  text: 'text',
  title: 'title',
  outlet: 'outlet',
  date: 'date',
  name: 'name',
  short: 'short',
  kind: 'kind',
  ownership: 'ownership',
  homepage: 'homepage',
} as const;

/** Longest title, outlet or date typed in a form (a title is a line, not a paragraph). */
const DETAIL_MAX = 300;
/** Longest values of a new outlet's fields, as the service accepts them (`src/moderation/new-source.ts`). */
const SOURCE_MAX = { name: 100, short: 30, kind: 100, ownership: 300, homepage: 500 } as const;

/** What the paste form may be prefilled with (the options typed with `/article add`). */
export interface PastePrefill {
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
}

/** `/article add` without a file or an address: the article's text, and its optional details. */
export function pasteForm(locale: Locale, prefill: PastePrefill = {}): DiscordModal {
  const m = moderationMessages(locale).modals;
  return modalOf(encodeModerationModal({ kind: 'paste' }), m.paste, [
    { id: FIELD.text, label: m.text, description: m.textHint, style: 'paragraph', required: true, maxLength: MODAL.TEXT_INPUT_VALUE_MAX },
    { id: FIELD.title, label: m.title, description: m.optional, style: 'short', required: false, maxLength: DETAIL_MAX, ...(prefill.title ? { value: prefill.title } : {}) },
    { id: FIELD.outlet, label: m.outlet, description: m.outletHint, style: 'short', required: false, maxLength: DETAIL_MAX, ...(prefill.outlet ? { value: prefill.outlet } : {}) },
    { id: FIELD.date, label: m.date, description: m.optional, placeholder: m.dateHint, style: 'short', required: false, maxLength: DETAIL_MAX, ...(prefill.published ? { value: prefill.published } : {}) },
  ]);
}

/** Edit details: title, date and outlet, prefilled with the draft's when remembered; empty means unchanged. */
export function editForm(draftId: string, locale: Locale, details: DraftDetails | undefined): DiscordModal {
  const m = moderationMessages(locale).modals;
  const value = (v: string | undefined) => (v ? { value: v } : {});
  return modalOf(encodeModerationModal({ kind: 'edit', draftId }), m.edit, [
    { id: FIELD.title, label: m.title, description: m.unchanged, style: 'short', required: false, maxLength: DETAIL_MAX, ...value(details?.title) },
    { id: FIELD.date, label: m.date, description: m.unchanged, placeholder: m.dateHint, style: 'short', required: false, maxLength: DETAIL_MAX, ...value(details?.published) },
    { id: FIELD.outlet, label: m.outlet, description: m.outletHint, style: 'short', required: false, maxLength: DETAIL_MAX, ...value(details?.outlet) },
  ]);
}

/** `/source add`: the outlet's name, short name, kind, ownership and home page (its colour is in the custom id). */
export function sourceForm(color: string, locale: Locale): DiscordModal {
  const m = moderationMessages(locale).modals;
  return modalOf(encodeModerationModal({ kind: 'source', color }), m.source, [
    { id: FIELD.name, label: m.name, style: 'short', required: true, maxLength: SOURCE_MAX.name },
    { id: FIELD.short, label: m.short, description: m.shortHint, style: 'short', required: true, maxLength: SOURCE_MAX.short },
    { id: FIELD.kind, label: m.kind, description: m.kindHint, style: 'short', required: true, maxLength: SOURCE_MAX.kind },
    { id: FIELD.ownership, label: m.ownership, description: m.ownershipHint, style: 'paragraph', required: true, maxLength: SOURCE_MAX.ownership },
    { id: FIELD.homepage, label: m.homepage, placeholder: 'https://', style: 'short', required: false, maxLength: SOURCE_MAX.homepage },
  ]);
}
