/**
 * Every way a Components V2 card breaks a limit of `limits.ts` or could ping someone; the card
 * half of `replyViolations` (`payload.ts`), which checks every reply before it is sent.
 */
import { ComponentType, type APIMessageTopLevelComponent } from 'discord.js';
import { fitsCustomId } from '../custom-id.js';
import { COMPONENT, COMPONENTS_V2, UPLOAD } from '../limits.js';
import { flattenComponents, type ComponentJson } from './component-tree.js';
import { LIVE_MENTION } from './safe-text.js';

const list = (c: ComponentJson): readonly ComponentJson[] => (Array.isArray(c.components) ? (c.components as ComponentJson[]) : []);

/** Problems of `card` sent with `files` (names of the files uploaded with it); empty when it is fine. */
export function cardViolations(card: readonly APIMessageTopLevelComponent[], files: readonly string[]): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && !out.includes(what)) out.push(what);
  };
  const all = flattenComponents(card);
  check(card.length > 0, 'empty card');
  check(all.length <= COMPONENTS_V2.COMPONENTS_MAX, `more than ${COMPONENTS_V2.COMPONENTS_MAX} components`);
  const texts = all.filter((c) => c.type === ComponentType.TextDisplay).map((c) => (typeof c.content === 'string' ? c.content : ''));
  check(texts.every((t) => t.trim().length > 0), 'empty text display');
  check(texts.reduce((n, t) => n + t.length, 0) <= COMPONENTS_V2.TEXT_TOTAL_MAX, `text displays over ${COMPONENTS_V2.TEXT_TOTAL_MAX} in all`);
  const ids: string[] = [];
  for (const c of all) {
    switch (c.type) {
      case ComponentType.Container: {
        const accent = c.accent_color;
        check(list(c).length > 0, 'empty container');
        check(accent === undefined || (Number.isInteger(accent) && (accent as number) >= 0 && (accent as number) <= COMPONENTS_V2.ACCENT_COLOR_MAX), 'accent colour not 24-bit');
        check(list(c).every((x) => x.type !== ComponentType.Container), 'container in a container');
        break;
      }
      case ComponentType.Section: {
        const inner = list(c);
        check(inner.length > 0 && inner.length <= COMPONENTS_V2.SECTION_TEXTS_MAX && inner.every((x) => x.type === ComponentType.TextDisplay), 'section without 1 to 3 text displays');
        check((c.accessory as ComponentJson | undefined)?.type === ComponentType.Button, 'section without a button beside it');
        break;
      }
      case ComponentType.ActionRow:
        check(list(c).length > 0 && list(c).length <= COMPONENT.BUTTONS_PER_ROW && list(c).every((x) => x.type === ComponentType.Button), 'row empty or over 5 buttons');
        break;
      case ComponentType.Button: {
        const label = typeof c.label === 'string' ? c.label : '';
        check(typeof c.custom_id === 'string' && fitsCustomId(c.custom_id), 'custom_id over 100');
        check(label.length <= COMPONENT.BUTTON_LABEL_MAX && !LIVE_MENTION.test(label), 'label over 80 or with a mention');
        if (typeof c.custom_id === 'string') ids.push(c.custom_id);
        break;
      }
      case ComponentType.MediaGallery: {
        const items = Array.isArray(c.items) ? (c.items as Array<{ media?: { url?: string }; description?: string }>) : [];
        check(items.length > 0 && items.length <= COMPONENTS_V2.GALLERY_ITEMS_MAX, 'gallery empty or over 10 items');
        for (const item of items) {
          const name = (item.media?.url ?? '').replace(/^attachment:\/\//u, '');
          check(files.includes(name) && UPLOAD.EMBED_IMAGE_EXTENSIONS.some((x) => name.toLowerCase().endsWith(x)), 'gallery names no image file sent');
          check((item.description ?? '').length <= COMPONENTS_V2.MEDIA_DESCRIPTION_MAX && !LIVE_MENTION.test(item.description ?? ''), 'gallery description over 1024 or with a mention');
        }
        break;
      }
      case ComponentType.TextDisplay:
      case ComponentType.Separator:
        break;
      default:
        check(false, `component of type ${String(c.type)} in a card`);
    }
  }
  check(new Set(ids).size === ids.length, 'two buttons with one custom_id');
  check(!texts.some((t) => LIVE_MENTION.test(t)), 'live mention syntax');
  return out;
}
