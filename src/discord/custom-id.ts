/**
 * Button ids: everything a button needs to be answered by a bot that has restarted since it
 * posted the answer (no state is kept in memory), within Discord's 100 characters.
 *
 * Grammar (`:`-separated; the version digit lets a future format refuse old buttons politely):
 *
 * | button         | custom_id                                            | example                               |
 * |----------------|------------------------------------------------------|---------------------------------------|
 * | More           | `m1:<command>:<page>:<locale>:<query>`               | `m1:ask:2:fr:=Qui a annoncé l'envoi ?`|
 * | Full paragraph | `p1:<paragraph>:<article>`                           | `p1:3:=2025-06-17-afp-sapeurs`        |
 * | Citation       | `c1:<paragraph>:<start>:<end>:<cuts>:<article>`      | `c1:3:0:120:1:=2025-06-17-afp-sapeurs`|
 * | Export         | `x1:<command>:<locale>:<query>`                      | `x1:compare:en:=sapeurs`              |
 * | 👍 / 👎        | `v1:<u or d>:<command>:<query>`                      | `v1:d:ask:=Qui a annoncé l'envoi ?`   |
 *
 * `<query>` and `<article>` are last, so they may contain `:`. Each is either `=` and the text
 * itself, when the whole id still fits in 100 UTF-8 bytes (most queries do), or `#` and a short
 * hash ({@link shortHash}). A hashed query is read back from the answer's footer, where the
 * renderer writes it in full, and checked against the hash; a hashed article id is looked up in
 * the corpus. `<page>` is 0-based; `<locale>` is the language the answer was written in (the
 * next page keeps it, whoever presses); `<cuts>` is 0–3: bit 1 = the excerpt starts inside a
 * sentence, bit 2 = it ends inside one (both shown as `…` in the citation).
 */
import { createHash } from 'node:crypto';
import { isCommandName, type CommandName } from '../commands/table.js';
import { isLocale, type Locale } from '../render/messages.js';
import { COMPONENT } from './limits.js';

/** Text carried in full, or by hash when it would not fit. */
export type Carried = { readonly text: string } | { readonly hash: string };

/** What a button asks for. */
export type ButtonAction =
  | { readonly kind: 'more'; readonly command: CommandName; readonly page: number; readonly locale: Locale; readonly query: Carried }
  | { readonly kind: 'export'; readonly command: CommandName; readonly locale: Locale; readonly query: Carried }
  | { readonly kind: 'vote'; readonly up: boolean; readonly command: CommandName; readonly query: Carried }
  | { readonly kind: 'paragraph'; readonly article: Carried; readonly paragraph: number }
  | {
      readonly kind: 'citation';
      readonly article: Carried;
      readonly paragraph: number;
      readonly start: number;
      readonly end: number;
      readonly cutStart: boolean;
      readonly cutEnd: boolean;
    };

/** Length of {@link shortHash}: 72 bits, plenty to tell apart the queries of one message. */
const HASH_LENGTH = 12;

/** A short, stable, id-safe hash of a text (SHA-256, base64url). */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, HASH_LENGTH);
}

/** Whether a custom_id is within Discord's limit, counted in UTF-8 bytes to be safe whatever Discord counts. */
export function fitsCustomId(id: string): boolean {
  return Buffer.byteLength(id, 'utf8') <= COMPONENT.CUSTOM_ID_MAX;
}

/** Encodes a button action; the result always fits ({@link fitsCustomId}). */
export function encodeButton(action: ButtonAction): string {
  const head = headOf(action);
  const carried = 'query' in action ? action.query : action.article;
  if ('text' in carried) {
    const inline = `${head}:=${carried.text}`;
    if (fitsCustomId(inline)) return inline;
    return `${head}:#${shortHash(carried.text)}`;
  }
  return `${head}:#${carried.hash}`;
}

function headOf(action: ButtonAction): string {
  switch (action.kind) {
    case 'more':
      return `m1:${action.command}:${action.page}:${action.locale}`;
    case 'export':
      return `x1:${action.command}:${action.locale}`;
    case 'vote':
      return `v1:${action.up ? 'u' : 'd'}:${action.command}`;
    case 'paragraph':
      return `p1:${action.paragraph}`;
    case 'citation':
      return `c1:${action.paragraph}:${action.start}:${action.end}:${(action.cutStart ? 1 : 0) | (action.cutEnd ? 2 : 0)}`;
  }
}

/** Decodes a custom_id; `undefined` for anything we did not write (or an older format). */
export function decodeButton(id: string): ButtonAction | undefined {
  const parts = id.split(':');
  const [tag] = parts;
  const fixed = tag === 'm1' ? 4 : tag === 'x1' || tag === 'v1' ? 3 : tag === 'p1' ? 2 : tag === 'c1' ? 5 : -1;
  if (fixed < 0 || parts.length <= fixed) return undefined;
  const carried = decodeCarried(parts.slice(fixed).join(':'));
  const numbers = parts.slice(1, fixed).map((p) => (/^\d{1,6}$/.test(p) ? Number(p) : Number.NaN));
  if (!carried) return undefined;
  if (tag === 'm1') {
    const command = parts[1] ?? '';
    const page = numbers[1];
    const locale = parts[3];
    if (!isCommandName(command) || page === undefined || Number.isNaN(page) || !isLocale(locale)) return undefined;
    return { kind: 'more', command, page, locale, query: carried };
  }
  if (tag === 'x1') {
    const command = parts[1] ?? '';
    const locale = parts[2];
    if (!isCommandName(command) || !isLocale(locale)) return undefined;
    return { kind: 'export', command, locale, query: carried };
  }
  if (tag === 'v1') {
    const command = parts[2] ?? '';
    if ((parts[1] !== 'u' && parts[1] !== 'd') || !isCommandName(command)) return undefined;
    return { kind: 'vote', up: parts[1] === 'u', command, query: carried };
  }
  if (numbers.some((n) => Number.isNaN(n))) return undefined;
  const [paragraph = 0, start = 0, end = 0, cuts = 0] = numbers;
  if (paragraph < 1) return undefined;
  if (tag === 'p1') return { kind: 'paragraph', article: carried, paragraph };
  if (end <= start || cuts > 3) return undefined;
  return { kind: 'citation', article: carried, paragraph, start, end, cutStart: (cuts & 1) === 1, cutEnd: (cuts & 2) === 2 };
}

function decodeCarried(part: string): Carried | undefined {
  if (part.startsWith('=')) return { text: part.slice(1) };
  if (part.startsWith('#') && part.length === HASH_LENGTH + 1) return { hash: part.slice(1) };
  return undefined;
}

/** Whether a carried text is `text` (compared in full, or by hash). */
export function carries(carried: Carried, text: string): boolean {
  return 'text' in carried ? carried.text === text : carried.hash === shortHash(text);
}
