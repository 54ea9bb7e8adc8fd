/**
 * Custom ids of the moderators' buttons and forms: what a press or a submit needs, within
 * Discord's 100 characters (counted in UTF-8 bytes, to be safe), so that nothing is kept in memory
 * between the preview and Publish (the draft itself is the store's).
 *
 * | what                     | custom_id              | example                                        |
 * |--------------------------|------------------------|------------------------------------------------|
 * | Publish / Edit / Cancel  | `dp1:` `de1:` `dc1:<draft>` | `dp1:0b6c5f1e-6a0e-4d6e-9f59-3b1c2d4e5f60` |
 * | Remove / Keep            | `ar1:` `ak1:<article>` | `ar1:=2025-06-18-afp-koursk`                   |
 * | a page of /article list  | `al1:<page>`           | `al1:2`                                        |
 * | Export of /gaps          | `gx1`                  |                                                |
 * | the paste form           | `mp1`                  |                                                |
 * | the Edit details form    | `me1:<draft>`          |                                                |
 * | the new outlet form      | `ms1:<RRGGBB>`         | `ms1:C0392B`                                   |
 *
 * `<article>` is `=` and the id when the whole custom id fits, else `#` and a short hash of it
 * (looked up among the server's articles). Draft ids are the service's (a UUID).
 */
import { COMPONENT, MODAL } from '../limits.js';
import { carries, shortHash, type Carried } from '../custom-id.js';

/** What a moderator's button asks for. */
export type ModerationButton =
  | { readonly kind: 'publish' | 'edit' | 'cancel'; readonly draftId: string }
  | { readonly kind: 'remove' | 'keep'; readonly article: Carried }
  | { readonly kind: 'list-page'; readonly page: number }
  | { readonly kind: 'gaps-export' };

/** What a moderator's form (modal) carries. */
export type ModerationModal = { readonly kind: 'paste' } | { readonly kind: 'edit'; readonly draftId: string } | { readonly kind: 'source'; readonly color: string };

const DRAFT_TAGS = { publish: 'dp1', edit: 'de1', cancel: 'dc1' } as const;
const ARTICLE_TAGS = { remove: 'ar1', keep: 'ak1' } as const;
const DRAFT_ID = /^[A-Za-z0-9_-]{1,64}$/u;
const COLOR = /^[0-9A-F]{6}$/u;

function fits(id: string, max: number): boolean {
  return Buffer.byteLength(id, 'utf8') <= max;
}

/** Encodes a moderator's button; the result always fits in a button's custom id. */
export function encodeModerationButton(b: ModerationButton): string {
  switch (b.kind) {
    case 'publish':
    case 'edit':
    case 'cancel':
      return `${DRAFT_TAGS[b.kind]}:${b.draftId}`;
    case 'remove':
    case 'keep': {
      const tag = ARTICLE_TAGS[b.kind];
      if ('hash' in b.article) return `${tag}:#${b.article.hash}`;
      const inline = `${tag}:=${b.article.text}`;
      return fits(inline, COMPONENT.CUSTOM_ID_MAX) ? inline : `${tag}:#${shortHash(b.article.text)}`;
    }
    case 'list-page':
      return `al1:${b.page}`;
    case 'gaps-export':
      return 'gx1';
  }
}

/** Decodes a moderator's button; `undefined` for anything else (an answer's button, an old format). */
export function decodeModerationButton(id: string): ModerationButton | undefined {
  const at = id.indexOf(':');
  const tag = at < 0 ? id : id.slice(0, at);
  const rest = at < 0 ? '' : id.slice(at + 1);
  for (const [kind, t] of Object.entries(DRAFT_TAGS)) if (t === tag) return DRAFT_ID.test(rest) ? { kind: kind as 'publish', draftId: rest } : undefined;
  for (const [kind, t] of Object.entries(ARTICLE_TAGS)) {
    if (t !== tag) continue;
    if (rest.startsWith('=') && rest.length > 1) return { kind: kind as 'remove', article: { text: rest.slice(1) } };
    if (rest.startsWith('#') && rest.length > 1) return { kind: kind as 'remove', article: { hash: rest.slice(1) } };
    return undefined;
  }
  if (tag === 'al1' && /^\d{1,4}$/u.test(rest)) return { kind: 'list-page', page: Number(rest) };
  if (id === 'gx1') return { kind: 'gaps-export' };
  return undefined;
}

/** Encodes a form's custom id; the result always fits in a modal's custom id. */
export function encodeModerationModal(m: ModerationModal): string {
  const id = m.kind === 'paste' ? 'mp1' : m.kind === 'edit' ? `me1:${m.draftId}` : `ms1:${m.color.replace(/^#/u, '').toUpperCase()}`;
  if (!fits(id, MODAL.CUSTOM_ID_MAX)) throw new Error(`recoupe: modal custom id over ${MODAL.CUSTOM_ID_MAX} bytes: ${id.slice(0, 20)}…`);
  return id;
}

/** Decodes a form's custom id; `undefined` for anything we did not write. */
export function decodeModerationModal(id: string): ModerationModal | undefined {
  if (id === 'mp1') return { kind: 'paste' };
  const [tag, rest = ''] = [id.slice(0, 3), id.slice(4)];
  if (id.charAt(3) !== ':') return undefined;
  if (tag === 'me1' && DRAFT_ID.test(rest)) return { kind: 'edit', draftId: rest };
  if (tag === 'ms1' && COLOR.test(rest)) return { kind: 'source', color: `#${rest}` };
  return undefined;
}

/** The article a Remove or Keep button names, among the server's ids (compared in full, or by hash). */
export function articleNamed(carried: Carried, ids: readonly string[]): string | undefined {
  return ids.find((id) => carries(carried, id));
}
