/**
 * The one path every Discord message of the bot is built by. A {@link DiscordReply} can only be
 * made here (its type is branded), and every one of them:
 * - turns mentions off (`allowedMentions: { parse: [] }`), besides having mention syntax broken;
 * - has third-party text escaped for Markdown, and links only as `<url>` or an embed's own url,
 *   never a masked `[label](url)`;
 * - suppresses link previews when it is text (`SuppressEmbeds`; embeds cannot unfurl anyway);
 * - is within every limit of `src/discord/limits.ts`, checked once more by {@link replyViolations}.
 * Answers are Components V2 cards (`card.ts`); the other replies are text or embeds.
 * `src/discord/respond.ts` is the one module that sends them.
 */
import { ButtonStyle, embedLength, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIMessageTopLevelComponent } from 'discord.js';
import type { Answer, Excerpt } from '../../answers/types.js';
import { COMMANDS, type CommandName } from '../../commands/table.js';
import type { Article, Paragraph, Source } from '../../corpus/types.js';
import { encodeButton, fitsCustomId } from '../custom-id.js';
import { fitCard, navigationButton } from './card.js';
import { cardViolations } from './card-rules.js';
import { COMPONENT, EMBED, MESSAGE, UPLOAD } from '../limits.js';
import { citationsCsv, citationsMarkdown, citesAnything, exportedCitations, type ExportedCitation } from '../../render/citations-export.js';
import { formatDay, pasteCitation } from '../../render/format.js';
import { messages, type Locale } from '../../render/messages.js';
import { draftAnswer } from './answers.js';
import { fitEmbeds, type DraftEmbed } from './fit.js';
import { NEUTRAL_COLOR, codeBlock, footer, parseHexColor, safeUrl, shown, unformatted } from './pieces.js';
import { LIVE_MENTION, cutDisplay, display, neutralizeMentions } from './safe-text.js';

declare const built: unique symbol;

/** A row of buttons. */
export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** A message payload that went through this module; `respond.ts` sends nothing else. */
export interface DiscordReply {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly ButtonRow[];
  /**
   * A Components V2 card (an answer): sent with `IS_COMPONENTS_V2` in place of content, embeds and
   * rows, which are then empty.
   */
  readonly card?: readonly APIMessageTopLevelComponent[];
  readonly allowedMentions: { readonly parse: readonly [] };
  /** Asked for on a first response; Discord fixes it there, so edits and updates ignore it. */
  readonly ephemeral: boolean;
  /** No link previews: set on text messages (it would hide our own embeds on the others). */
  readonly suppressEmbeds: boolean;
  /** Files uploaded with the message (the timeline's picture), within {@link UPLOAD}'s limits. */
  readonly files?: readonly ReplyFile[];
  readonly [built]: true;
}

/** A file sent with a message; an embed shows it as `attachment://NAME` when it is an image. */
export interface ReplyFile {
  /** The file name Discord shows, letters, digits, `.`, `_` and `-` only. */
  readonly name: string;
  readonly data: Uint8Array;
  /** Its description (alt text for an image). */
  readonly description?: string;
  /** The answer's picture: shown in its card's first container (in the first embed elsewhere). */
  readonly embedImage?: boolean;
}

/** Options of {@link answerReply}. */
export interface AnswerReplyOptions {
  readonly locale: Locale;
  /** 0-based page of excerpts. */
  readonly page: number;
  readonly ephemeral: boolean;
  /** The command and query that produced the answer, which the "More" button will run again. */
  readonly command: CommandName;
  readonly query: string;
  readonly colorOf: (sourceId: string) => number | undefined;
  /** 👍 / 👎 buttons, where votes are stored (a bot with a store). */
  readonly votes?: boolean;
}

/** An answer, one page of it, as a card with its buttons (`card.ts`). */
export function answerReply(answer: Answer, o: AnswerReplyOptions): DiscordReply {
  const draft = draftAnswer(answer, { locale: o.locale, page: o.page, colorOf: o.colorOf });
  const files = draft.files ?? [];
  const image = files.find((f) => f.embedImage);
  const m = messages(o.locale).discord;
  const navigation: APIButtonComponentWithCustomId[] = [];
  if (draft.page + 1 < draft.pageCount) {
    navigation.push(navigationButton(ButtonStyle.Primary, encodeButton({ kind: 'more', command: o.command, page: draft.page + 1, locale: o.locale, query: { text: o.query } }), m.moreButton));
  }
  // Export: every citation of the answer (all its pages), as files; only when there is one to export.
  if (citesAnything(answer)) navigation.push(navigationButton(ButtonStyle.Secondary, encodeButton({ kind: 'export', command: o.command, locale: o.locale, query: { text: o.query } }), m.exportButton));
  if (o.votes) for (const up of [true, false]) navigation.push(navigationButton(ButtonStyle.Secondary, encodeButton({ kind: 'vote', up, command: o.command, query: { text: o.query } }), { emoji: up ? '👍' : '👎' }));
  const card = fitCard(draft.drafts, { locale: o.locale, colorOf: o.colorOf, navigation, ...(image ? { image: { name: image.name, ...(image.description ? { description: image.description } : {}) } } : {}) });
  return finish({ embeds: [], components: [], card: card.components, ephemeral: o.ephemeral, ...(files.length > 0 ? { files } : {}) });
}

/** Options of {@link exportReply}. */
export interface ExportReplyOptions {
  /** The presser's language: the reply's words and the files' dates. */
  readonly locale: Locale;
  readonly command: CommandName;
  readonly query: string;
}

/**
 * The Export button's private reply: every citation of the answer as `citations.md` and
 * `citations.csv`. Should the files pass Discord's size for one file, the last citations are left
 * out until both fit, and the reply says how many of how many are there.
 */
export function exportReply(answer: Answer, o: ExportReplyOptions): DiscordReply {
  const all = exportedCitations(answer);
  const spec = COMMANDS.find((c) => c.name.en === o.command);
  const heading = { command: spec ? spec.name[o.locale] : o.command, query: o.query, locale: o.locale };
  const filesOf = (rows: readonly ExportedCitation[]): ReplyFile[] => [
    { name: `recoupe-${o.command}-citations.md`, data: new TextEncoder().encode(citationsMarkdown(rows, heading)) },
    { name: `recoupe-${o.command}-citations.csv`, data: new TextEncoder().encode(citationsCsv(rows)) },
  ];
  let shownCount = all.length;
  let files = filesOf(all);
  while (shownCount > 1 && files.some((f) => f.data.byteLength > UPLOAD.FILE_MAX_BYTES)) {
    shownCount = Math.floor(shownCount / 2);
    files = filesOf(all.slice(0, shownCount));
  }
  return filesReply(messages(o.locale).discord.exported(shownCount, all.length), files);
}

/** One whole paragraph, as the article gives it, with its reference: the "Full paragraph" button. */
export function paragraphReply(article: Article, source: Source, paragraph: Paragraph, locale: Locale): DiscordReply {
  const url = safeUrl(article.url);
  const reference = `${source.short}, ${formatDay(article.published, locale)}, ${messages(locale).paragraphSign}${paragraph.n}`;
  const [embed] = fitEmbeds([
    {
      author: unformatted(source.name),
      title: shown(article.title),
      ...(url ? { url } : {}),
      description: shown(paragraph.text),
      color: parseHexColor(source.color) ?? NEUTRAL_COLOR,
      fields: [],
      footer: footer(reference, undefined),
    },
  ]).embeds;
  return finish({ embeds: embed ? [embed] : [], components: [], ephemeral: true });
}

/** The ready-to-paste citation of an excerpt, in a code block: the "Citation" button. */
export function citationReply(excerpt: Excerpt, locale: Locale): DiscordReply {
  return finish({ content: codeBlock(pasteCitation(excerpt, locale))(MESSAGE.CONTENT_MAX), embeds: [], components: [], ephemeral: true });
}

/** A short message of the bot's own (an error, a notice), escaped and within limits; ephemeral by default. */
export function noticeReply(text: string, ephemeral = true): DiscordReply {
  return finish({ content: cutDisplay(text, MESSAGE.CONTENT_MAX), embeds: [], components: [], ephemeral });
}

/**
 * The per-user cooldown's notice, ephemeral: when to try again as a Discord relative timestamp
 * (`<t:…:R>`, "in 7 seconds", shown by each client in its own language and counting down).
 * The sentence is escaped like any notice; the timestamp is added after, being our own syntax.
 */
export function cooldownReply(retryAt: Date, locale: Locale): DiscordReply {
  const when = `<t:${Math.ceil(retryAt.getTime() / 1_000)}:R>`;
  const [before = '', after = ''] = messages(locale).discord.cooldown('\u0000').split('\u0000');
  return finish({ content: `${display(before)}${when}${display(after)}`, embeds: [], components: [], ephemeral: true });
}

/**
 * Embeds and buttons drafted elsewhere (the moderators' messages, `moderation.ts`), fitted within
 * every limit and finished like every reply.
 */
export function composedReply(drafts: readonly DraftEmbed[], components: readonly ButtonRow[], ephemeral: boolean): DiscordReply {
  return finish({ embeds: fitEmbeds(drafts).embeds, components: [...components], ephemeral });
}

/** A short private message of the bot's own with files attached (an export). */
export function filesReply(text: string, files: readonly ReplyFile[]): DiscordReply {
  return finish({ content: cutDisplay(text, MESSAGE.CONTENT_MAX), embeds: [], components: [], ephemeral: true, files });
}

/** The last step of every payload: mentions off, previews off for text, limits checked. */
function finish(parts: { content?: string; embeds: APIEmbed[]; components: ButtonRow[]; card?: readonly APIMessageTopLevelComponent[]; ephemeral: boolean; files?: readonly ReplyFile[] }): DiscordReply {
  const reply = {
    ...(parts.content !== undefined ? { content: neutralizeMentions(parts.content) } : {}),
    embeds: parts.embeds,
    components: parts.components,
    ...(parts.card ? { card: parts.card } : {}),
    allowedMentions: { parse: [] },
    ephemeral: parts.ephemeral,
    suppressEmbeds: parts.content !== undefined && parts.embeds.length === 0,
    ...(parts.files && parts.files.length > 0 ? { files: parts.files } : {}),
  } as unknown as DiscordReply;
  const problems = replyViolations(reply);
  // Unreachable by construction; if it ever happens, the error boundary apologises and logs it.
  if (problems.length > 0) throw new Error(`recoupe: reply outside Discord's limits: ${problems.join('; ')}`);
  return reply;
}

/**
 * Every way a payload breaks a Discord limit or could ping someone; empty when it is fine.
 * Used by {@link finish} on every reply, and by the tests on every payload they see.
 */
export function replyViolations(reply: Omit<DiscordReply, typeof built>): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  check(reply.allowedMentions.parse.length === 0, 'allowed_mentions must parse nothing');
  check((reply.content ?? '').length <= MESSAGE.CONTENT_MAX, 'content over 2000');
  if (reply.card) {
    // Components V2: nothing but components, within their own limits.
    check(reply.content === undefined && reply.embeds.length === 0 && reply.components.length === 0, 'a card with content, embeds or rows');
    out.push(...cardViolations(reply.card, (reply.files ?? []).map((f) => f.name)));
    return [...out, ...fileViolations(reply)];
  }
  check(reply.content !== undefined || reply.embeds.length > 0, 'empty message');
  check(reply.embeds.length <= MESSAGE.EMBEDS_MAX, 'more than 10 embeds');
  check(reply.embeds.reduce((s, e) => s + embedLength(e), 0) <= EMBED.TOTAL_MAX, 'embeds over 6000 in all');
  const strings: string[] = [reply.content ?? ''];
  for (const e of reply.embeds) {
    check((e.title ?? '').length <= EMBED.TITLE_MAX, 'title over 256');
    check((e.description ?? '').length <= EMBED.DESCRIPTION_MAX, 'description over 4096');
    check((e.footer?.text ?? '').length <= EMBED.FOOTER_MAX, 'footer over 2048');
    check((e.author?.name ?? '').length <= EMBED.AUTHOR_MAX, 'author over 256');
    check((e.fields ?? []).length <= EMBED.FIELDS_MAX, 'more than 25 fields');
    check(Object.keys(e).length > 0, 'empty embed');
    for (const f of e.fields ?? []) {
      check(f.name.length > 0 && f.name.length <= EMBED.FIELD_NAME_MAX, 'field name empty or over 256');
      check(f.value.length > 0 && f.value.length <= EMBED.FIELD_VALUE_MAX, 'field value empty or over 1024');
      strings.push(f.name, f.value);
    }
    strings.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '');
  }
  check(reply.components.length <= COMPONENT.ACTION_ROWS_MAX, 'more than 5 rows');
  for (const r of reply.components) {
    check(r.components.length > 0 && r.components.length <= COMPONENT.BUTTONS_PER_ROW, 'row empty or over 5 buttons');
    for (const b of r.components) {
      check(fitsCustomId(b.custom_id), 'custom_id over 100');
      check((b.label ?? '').length <= COMPONENT.BUTTON_LABEL_MAX, 'label over 80');
      strings.push(b.label ?? '');
    }
  }
  check(!strings.some((s) => LIVE_MENTION.test(s)), 'live mention syntax');
  out.push(...fileViolations(reply));
  return out;
}

/** The files' own limits, and every `attachment://` image of the embeds naming a file sent with them. */
function fileViolations(reply: Omit<DiscordReply, typeof built>): string[] {
  const files = reply.files ?? [];
  const out: string[] = [];
  if (files.length > UPLOAD.FILES_MAX) out.push('more than 10 files');
  for (const f of files) {
    if (!/^[\w.-]{1,100}$/u.test(f.name) || f.name.length > UPLOAD.FILENAME_MAX) out.push('file name not plain');
    if (f.data.byteLength === 0 || f.data.byteLength > UPLOAD.FILE_MAX_BYTES) out.push('file empty or over 10 MiB');
    if ((f.description ?? '').length > UPLOAD.DESCRIPTION_MAX || LIVE_MENTION.test(f.description ?? '')) out.push('file description over 1024 or with a mention');
  }
  if (new Set(files.map((f) => f.name)).size < files.length) out.push('two files with one name');
  for (const e of reply.embeds) {
    const url = e.image?.url ?? '';
    if (!url.startsWith('attachment://')) continue;
    const name = url.slice('attachment://'.length);
    if (!files.some((f) => f.name === name) || !UPLOAD.EMBED_IMAGE_EXTENSIONS.some((x) => name.toLowerCase().endsWith(x))) out.push('embed image names no image file sent');
  }
  return out;
}
