/** `/source add`'s fields checked into an outlet the server may file articles under. */
import { slugify } from '../corpus/ingest.js';
import type { Source } from '../corpus/types.js';
import { ModerationError, type NewSourceFields } from './types.js';

/** Longest value of each field (the modal's own caps are the surface's). */
const MAX = { name: 100, short: 30, kind: 100, ownership: 300 } as const;
const COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * The outlet, with an id made from its short name. Refused (`bad-source`, naming the field) when a
 * field is empty, too long or malformed; `source-exists` when its id, short name or name is
 * already one of the outlets the server sees (shared or its own).
 */
export function checkNewSource(fields: NewSourceFields, known: readonly Source[]): Source {
  const name = fields.name.trim();
  const short = fields.short.trim();
  const kind = fields.kind.trim();
  const ownership = fields.ownership.trim();
  const color = fields.color.trim().replace(/^(?=[0-9a-f]{6}$)/i, '#').toUpperCase();
  for (const [field, value] of [['name', name], ['short', short], ['kind', kind], ['ownership', ownership]] as const) {
    if (value === '') throw new ModerationError('bad-source', `${field}: empty`);
    if (value.length > MAX[field]) throw new ModerationError('bad-source', `${field}: longer than ${MAX[field]} characters`);
  }
  if (!COLOUR.test(color)) throw new ModerationError('bad-source', 'colour: expected #RRGGBB');
  const url = fields.url?.trim() || undefined;
  if (url !== undefined && !isWebAddress(url)) throw new ModerationError('bad-source', 'home page: expected an http(s) address');
  const id = slugify(short, 30) || slugify(name, 30);
  if (id === '') throw new ModerationError('bad-source', 'short: needs letters or digits');
  const clash = known.find((s) => s.id === id || s.short.toLowerCase() === short.toLowerCase() || s.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new ModerationError('source-exists', `${clash.short} (${clash.name})`);
  return { id, name, short, kind, ownership, color, ...(url ? { url } : {}) };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
