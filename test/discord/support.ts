/**
 * Shared fixtures of the Discord adapter's tests: hostile text, answers built by hand, an inline
 * corpus whose articles try to ping everyone, and checks that a payload cannot ping anyone.
 */
import { ComponentType, type APIEmbed } from 'discord.js';
import { Engine } from '../../src/answers/engine.js';
import type { Citation, Excerpt } from '../../src/answers/types.js';
import type { Article, Corpus, Source } from '../../src/corpus/types.js';
import { flattenComponents, textDisplaysOf } from '../../src/discord/render/component-tree.js';

/** Everything that could ping, render as Markdown, or hide a link. */
export const HOSTILE =
  '@everyone @here <@123456789012345678> <@!123456789012345678> <@&456789012345678901> <#789012345678901234> **gras** __souligné__ *it* _it_ `code` ```bloc``` [lien](https://evil.example/x) > citation ||spoiler|| ~~barré~~ # titre -# petit \\ fin';

/** A ~6 000-character paragraph of French words with the hostile text every few sentences. */
export function longHostileText(length = 6_000): string {
  const sentence = 'Les sapeurs nord-coréens reconstruisent la région de Koursk selon Moscou. ';
  let text = '';
  for (let i = 0; text.length < length; i++) text += i % 5 === 2 ? `${HOSTILE} ` : sentence;
  return text.trim();
}

export const CITATION: Citation = {
  sourceId: 'afp',
  outlet: 'AFP',
  outletName: 'Agence France-Presse',
  articleId: 'a-afp',
  title: 'Sapeurs **militaires** @everyone',
  published: '2025-06-17',
  paragraph: 3,
  url: 'https://www.afp.com/fr/article_@here',
};

/** An excerpt of `text` with every occurrence of `word` highlighted. */
export function excerptOf(text: string, word = 'sapeurs', citation: Citation = CITATION, score = 1): Excerpt {
  const highlights = [...text.matchAll(new RegExp(word, 'gu'))].map((m) => ({ start: m.index, end: m.index + word.length }));
  return { citation, text, start: 0, end: text.length, cutStart: false, cutEnd: true, highlights, matched: [word], score };
}

/**
 * Every string Discord would read for mentions in a payload (content, embeds, button labels), or
 * with `markdownOnly` those where it renders Markdown (not footers, authors or labels).
 */
export function payloadStrings(body: { content?: string | null; embeds?: readonly APIEmbed[] | null; components?: readonly unknown[] | null }, markdownOnly = false): string[] {
  const out = [body.content ?? ''];
  for (const e of body.embeds ?? []) {
    out.push(e.title ?? '', e.description ?? '');
    if (!markdownOnly) out.push(e.footer?.text ?? '', e.author?.name ?? '');
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  // A card's text displays render Markdown; button labels are shown, custom ids never are (they may hold the raw query).
  out.push(...textDisplaysOf(body.components ?? []));
  if (!markdownOnly) out.push(...buttonsOf(body).map((b) => b.label ?? ''));
  return out;
}

/** A button as a test reads it, wherever it sits (a row, a container's row, a section's accessory). */
export interface ButtonView {
  readonly style?: number;
  readonly label?: string;
  readonly custom_id?: string;
  readonly url?: string;
  readonly emoji?: { readonly name?: string };
  readonly disabled?: boolean;
}

/** Every button of a message or payload, at any depth, in reading order. */
export function buttonsOf(message: { components?: readonly unknown[] | null } | null | undefined): ButtonView[] {
  return flattenComponents(message?.components ?? []).filter((c) => c.type === ComponentType.Button) as ButtonView[];
}

/** One container of a card: its accent colour and its text displays, in order. */
export interface ContainerView {
  readonly color: number | undefined;
  readonly texts: string[];
  /** The texts joined by newlines. */
  readonly text: string;
  readonly buttons: ButtonView[];
}

/** The top-level containers of a card, in order. */
export function containersOf(message: { components?: readonly unknown[] | null } | null | undefined): ContainerView[] {
  return topLevel(message)
    .filter((c) => c.type === ComponentType.Container)
    .map((c) => {
      const inside = Array.isArray(c.components) ? (c.components as unknown[]) : [];
      const texts = textDisplaysOf(inside);
      return { color: typeof c.accent_color === 'number' ? c.accent_color : undefined, texts, text: texts.join('\n'), buttons: buttonsOf({ components: inside }) };
    });
}

/** The text displays of a card outside its containers (the footer with the query), in order. */
export function cardFooter(message: { components?: readonly unknown[] | null } | null | undefined): string {
  return topLevel(message)
    .filter((c) => c.type === ComponentType.TextDisplay)
    .map((c) => String(c.content))
    .join('\n');
}

function topLevel(message: { components?: readonly unknown[] | null } | null | undefined): Array<Record<string, unknown>> {
  return (message?.components ?? []).map((c) => flattenComponents([c])[0] ?? {}) as Array<Record<string, unknown>>;
}

/** Every text display of a card, in reading order. */
export function cardTexts(message: { components?: readonly unknown[] | null } | null | undefined): string[] {
  return textDisplaysOf(message?.components ?? []);
}

/**
 * Mention syntax that is still live, even once Markdown markers are stripped (so a `**` between
 * `<` and `@` does not count as breaking it).
 */
export function liveMentions(strings: readonly string[]): string[] {
  const live = /@(?:everyone|here)|<@[!&]?\d+>|<#\d+>/giu;
  return strings.flatMap((s) => [...s.replace(/[*_~|`\\]/gu, '').matchAll(live)].map((m) => m[0]));
}

/** A masked link built from text (`[label](http…)`) that is not escaped; code blocks, where Markdown is inert, are skipped. */
export function maskedLinks(strings: readonly string[]): string[] {
  return strings.flatMap((s) => [...s.replace(/```[\s\S]*?```/gu, '').matchAll(/(?<!\\)\[[^\]]*\]\(https?:[^)]*\)/gu)].map((m) => m[0]));
}

const SOURCES: Source[] = [
  { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'news agency', ownership: 'public body', color: '#1F5FAD', url: 'https://www.afp.com/fr' },
  { id: 'rt-fr', name: 'RT en français @everyone', short: 'RT', kind: 'television', ownership: 'state-funded', color: '#6AA84F' },
  { id: 'quiet', name: 'Quiet Gazette', short: 'QG', kind: 'weekly', ownership: 'cooperative', color: '#999999' },
];

function article(id: string, source: string, title: string, paragraphs: string[]): Article {
  return { id, source, title, published: '2025-06-17', language: 'fr', url: `https://example.org/${id}`, paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })), file: `articles/${id}.md` };
}

/**
 * A corpus whose articles try every trick: mentions of everyone and of ids, Markdown, a masked
 * link, and a 6 000-character paragraph. Three outlets, one of which never covers "sapeurs".
 */
export function hostileCorpus(): Corpus {
  return {
    sources: SOURCES,
    aliases: [['Choïgou', 'Shoigu']],
    articles: [
      article('2025-06-17-afp-hostile', 'afp', 'Sapeurs **à Koursk** @everyone', [
        `Moscou a annoncé mardi que Pyongyang allait envoyer 1 000 sapeurs à Koursk, a déclaré Sergueï Choïgou. ${HOSTILE}`,
        `@everyone @here : le secrétaire Sergueï Choïgou a salué <@123456789012345678> et <@&456789012345678901> pour la reconstruction de Koursk en 2024.`,
        longHostileText(),
      ]),
      article('2025-06-17-rt-hostile', 'rt-fr', 'Visite de Choïgou [lien](https://evil.example)', [
        `Kim Jong Un a décidé de déployer 1 000 sapeurs nord-coréens @here pour déminer Koursk, a rapporté RT <#789012345678901234>.`,
        `Le train direct Moscou-Pyongyang a repris le 17 juin 2025 ||spoiler|| après une interruption depuis 2020.`,
      ]),
      article('2025-06-17-quiet', 'quiet', 'Une gazette tranquille', ['La météo de la semaine sera douce et ensoleillée sur toute la côte.']),
    ],
  };
}

/** An engine over {@link hostileCorpus}. */
export function hostileEngine(): Engine {
  return Engine.build(hostileCorpus());
}

/** Every excerpt an answer carries (shared with the engine's tests). */
export { excerptsOf } from '../answers/support.js';
