/**
 * `/sources` in Discord says which collection each article belongs to: the server's own articles
 * are marked, the footer counts them (the others being the shared collection), in French and
 * English, within every limit even when an outlet holds more articles than one container can list.
 */
import { describe, expect, it } from 'vitest';
import { sources } from '../../../src/answers/sources.js';
import type { SourcesAnswer } from '../../../src/answers/types.js';
import { SERVER_FILE_PREFIX, type Article, type Corpus } from '../../../src/corpus/types.js';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { flattenComponents } from '../../../src/discord/render/component-tree.js';
import { answerReply, replyViolations, type DiscordReply } from '../../../src/discord/render/payload.js';
import { validateRequestBody } from '../double/index.js';
import { HOSTILE, cardFooter, cardTexts, containersOf, liveMentions, maskedLinks, payloadStrings, type ContainerView } from '../support.js';

const CALLBACK = '/interactions/1/token/callback';
const GUILD = '1180000000000000100';

function article(id: string, source: string, published: string, collection: 'shared' | 'server', title = `Titre ${id}`, paragraphs = 2): Article {
  return {
    id,
    source,
    title,
    published,
    language: 'fr',
    paragraphs: Array.from({ length: paragraphs }, (_, i) => ({ n: i + 1, text: `Paragraphe ${i + 1} de ${id}.` })),
    file: collection === 'server' ? `${SERVER_FILE_PREFIX}${GUILD}/${id}` : `articles/${id}.md`,
  };
}

const SOURCES: Corpus['sources'] = [
  { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'agence de presse', ownership: 'établissement public', color: '#1F5FAD' },
  { id: 'rt-fr', name: 'RT en français', short: 'RT', kind: 'télévision', ownership: 'financée par l’État russe', color: '#6AA84F' },
];

/** The shared seeds plus one article a moderator published, as the engine of that server answers. */
const withServerArticle: SourcesAnswer = sources({
  sources: SOURCES,
  aliases: [],
  articles: [article('2025-06-17-afp-a', 'afp', '2025-06-17', 'shared'), article('2025-06-17-rt-a', 'rt-fr', '2025-06-17', 'shared'), article('2025-06-18-afp-tombouctou', 'afp', '2025-06-18', 'server', 'Des démineurs à Tombouctou', 3)],
});

function render(answer: SourcesAnswer, locale: 'fr' | 'en'): DiscordReply {
  return answerReply(answer, { locale, page: 0, ephemeral: false, command: 'sources', query: '', colorOf: () => undefined });
}

/** The card of a reply (an answer is one). */
function cardOf(reply: DiscordReply) {
  if (!reply.card) throw new Error('expected a card');
  return { components: reply.card };
}

/** What Discord would refuse in this reply sent as a first response, plus our own checks. */
function expectValid(reply: DiscordReply): void {
  expect(replyViolations(reply)).toEqual([]);
  const card = cardOf(reply);
  const body = { type: 4, data: { flags: COMPONENTS_V2.FLAG, components: card.components, allowed_mentions: { parse: [] } } };
  expect(validateRequestBody('post', CALLBACK, body)).toEqual([]);
  expect(reply.embeds).toEqual([]);
  expect(flattenComponents(card.components).length).toBeLessThanOrEqual(COMPONENTS_V2.COMPONENTS_MAX);
  expect(cardTexts(card).join('').length).toBeLessThanOrEqual(COMPONENTS_V2.TEXT_TOTAL_MAX);
  expect(liveMentions(payloadStrings(card))).toEqual([]);
  expect(maskedLinks(payloadStrings(card, true))).toEqual([]);
}

/** One listed article: its `**name**` line, and the line(s) of its value under it. */
interface Listed {
  readonly name: string;
  readonly value: string;
}

/** The articles an outlet's container lists, in order (its title and description come first, unbolded). */
function listedIn(container: ContainerView | undefined): Listed[] {
  const out: Array<{ name: string; value: string[] }> = [];
  for (const line of (container?.text ?? '').split('\n')) {
    const name = /^\*\*(.*)\*\*$/u.exec(line)?.[1];
    if (name !== undefined) out.push({ name, value: [] });
    else out.at(-1)?.value.push(line);
  }
  return out.map((l) => ({ name: l.name, value: l.value.join('\n') }));
}

/** The container of the outlet titled `title`. */
const outletContainer = (reply: DiscordReply, title: string) => containersOf(cardOf(reply)).find((c) => c.texts[0]?.startsWith(`### ${title}\n`));
const listedOf = (reply: DiscordReply) => containersOf(cardOf(reply)).flatMap(listedIn);
/** The card's footer, a line each, as a reader sees it (without the `-# ` of small text). */
const footerOf = (reply: DiscordReply) =>
  cardFooter(cardOf(reply))
    .split('\n')
    .map((l) => l.replace(/^-# /u, ''))
    .join('\n');

describe('GIVEN /sources of a server with one article of its own beside the shared collection', () => {
  const cases = [
    { locale: 'fr', own: '3 paragraphes — collection de ce serveur', shared: '2 paragraphes', total: '3 articles, 7 paragraphes indexés.\ndont 1 publié par les modérateurs de ce serveur ; les autres sont la collection partagée.' },
    { locale: 'en', own: "3 paragraphs — this server's collection", shared: '2 paragraphs', total: "3 articles, 7 paragraphs indexed.\n1 published by this server's moderators; the others are the shared collection." },
  ] as const;
  for (const c of cases) {
    it(`WHEN it is rendered in ${c.locale} THEN that article is marked as the server's, the others are not, and the footer counts it`, () => {
      const reply = render(withServerArticle, c.locale);
      expectValid(reply);
      const afp = outletContainer(reply, 'Agence France-Presse (AFP)');
      // One container per outlet, in its colour.
      expect(afp?.color).toBe(0x1f5fad);
      expect(outletContainer(reply, 'RT en français (RT)')?.color).toBe(0x6aa84f);
      // Newest first: the moderator's dispatch of 18 June, then the shared one of 17 June.
      expect(listedIn(afp).map((f) => f.value)).toEqual([c.own, c.shared]);
      expect(listedIn(afp)[0]?.name).toContain('Des démineurs à Tombouctou');
      expect(listedIn(outletContainer(reply, 'RT en français (RT)')).map((f) => f.value)).toEqual([c.shared]);
      expect(footerOf(reply)).toBe(c.total);
    });
  }

  it('WHEN the server has no article of its own THEN no article is marked and the footer says only the totals', () => {
    const shared = sources({ sources: SOURCES, aliases: [], articles: [article('2025-06-17-afp-a', 'afp', '2025-06-17', 'shared')] });
    const reply = render(shared, 'fr');
    expectValid(reply);
    expect(listedOf(reply).map((f) => f.value)).toEqual(['2 paragraphes']);
    expect(footerOf(reply)).toBe('1 article, 2 paragraphes indexés.');
  });
});

describe('GIVEN an outlet with more articles than a container can list, the server’s own being the oldest, and hostile titles', () => {
  // 60 shared articles, newer than the server's two: listing the newest 25 would leave them out.
  const shared = Array.from({ length: 60 }, (_, i) => article(`2025-07-${String((i % 28) + 1).padStart(2, '0')}-afp-${i}`, 'afp', `2025-07-${String((i % 28) + 1).padStart(2, '0')}`, 'shared', `${HOSTILE} ${'long '.repeat(40)}${i}`));
  const own = [article('2020-01-02-afp-own', 'afp', '2020-01-02', 'server', `Notre dépêche ${HOSTILE}`), article('2020-01-01-afp-own', 'afp', '2020-01-01', 'server', 'Notre autre dépêche')];
  const answer = sources({ sources: SOURCES, aliases: [], articles: [...shared, ...own, article('2025-06-17-rt-a', 'rt-fr', '2025-06-17', 'shared', HOSTILE)] });

  for (const locale of ['fr', 'en'] as const) {
    it(`WHEN it is rendered in ${locale} THEN it is within every limit and the server's articles are still listed, marked`, () => {
      const reply = render(answer, locale);
      expectValid(reply);
      const afp = listedIn(outletContainer(reply, 'Agence France-Presse (AFP)'));
      const marker = locale === 'fr' ? 'collection de ce serveur' : "this server's collection";
      const marked = afp.filter((f) => f.value.includes(marker));
      expect(marked.map((f) => f.name)).toEqual([expect.stringContaining('Notre dépêche'), expect.stringContaining('Notre autre dépêche')]);
      // Fewer shared lines than there are, so that the message fits; the server's kept anyway.
      expect(afp.length).toBeLessThan(shared.length);
      expect(afp.length).toBeGreaterThan(marked.length);
      expect(footerOf(reply)).toContain(locale === 'fr' ? 'dont 2 publiés par les modérateurs de ce serveur' : "2 published by this server's moderators");
    });
  }
});
