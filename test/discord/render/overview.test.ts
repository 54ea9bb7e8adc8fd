/**
 * `/sources` in Discord says which collection each article belongs to: the server's own articles
 * are marked, the footer counts them (the others being the shared collection), in French and
 * English, within every limit even when an outlet holds more articles than one embed can list.
 */
import { embedLength } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { sources } from '../../../src/answers/sources.js';
import type { SourcesAnswer } from '../../../src/answers/types.js';
import { SERVER_FILE_PREFIX, type Article, type Corpus } from '../../../src/corpus/types.js';
import { EMBED } from '../../../src/discord/limits.js';
import { answerReply, replyViolations, type DiscordReply } from '../../../src/discord/render/payload.js';
import { validateRequestBody } from '../double/index.js';
import { HOSTILE, liveMentions, maskedLinks, payloadStrings } from '../support.js';

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

/** What Discord would refuse in this reply sent as a first response, plus our own checks. */
function expectValid(reply: DiscordReply): void {
  expect(replyViolations(reply)).toEqual([]);
  const body = { type: 4, data: { embeds: reply.embeds, components: reply.components, allowed_mentions: { parse: [] } } };
  expect(validateRequestBody('post', CALLBACK, body)).toEqual([]);
  expect(reply.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(EMBED.TOTAL_MAX);
  expect(liveMentions(payloadStrings(reply))).toEqual([]);
  expect(maskedLinks(payloadStrings(reply, true))).toEqual([]);
}

const fieldsOf = (reply: DiscordReply) => reply.embeds.flatMap((e) => e.fields ?? []);
const footerOf = (reply: DiscordReply) => reply.embeds.at(-1)?.footer?.text ?? '';

describe('GIVEN /sources of a server with one article of its own beside the shared collection', () => {
  const cases = [
    { locale: 'fr', own: '3 paragraphes — collection de ce serveur', shared: '2 paragraphes', total: '3 articles, 7 paragraphes indexés.\ndont 1 publié par les modérateurs de ce serveur ; les autres sont la collection partagée.' },
    { locale: 'en', own: "3 paragraphs — this server's collection", shared: '2 paragraphs', total: "3 articles, 7 paragraphs indexed.\n1 published by this server's moderators; the others are the shared collection." },
  ] as const;
  for (const c of cases) {
    it(`WHEN it is rendered in ${c.locale} THEN that article is marked as the server's, the others are not, and the footer counts it`, () => {
      const reply = render(withServerArticle, c.locale);
      expectValid(reply);
      const afp = reply.embeds.find((e) => e.title === 'Agence France-Presse (AFP)');
      // Newest first: the moderator's dispatch of 18 June, then the shared one of 17 June.
      expect(afp?.fields?.map((f) => f.value)).toEqual([c.own, c.shared]);
      expect(afp?.fields?.[0]?.name).toContain('Des démineurs à Tombouctou');
      expect(reply.embeds.find((e) => e.title === 'RT en français (RT)')?.fields?.map((f) => f.value)).toEqual([c.shared]);
      expect(footerOf(reply)).toBe(c.total);
    });
  }

  it('WHEN the server has no article of its own THEN no article is marked and the footer says only the totals', () => {
    const shared = sources({ sources: SOURCES, aliases: [], articles: [article('2025-06-17-afp-a', 'afp', '2025-06-17', 'shared')] });
    const reply = render(shared, 'fr');
    expectValid(reply);
    expect(fieldsOf(reply).map((f) => f.value)).toEqual(['2 paragraphes']);
    expect(footerOf(reply)).toBe('1 article, 2 paragraphes indexés.');
  });
});

describe('GIVEN an outlet with more articles than an embed can list, the server’s own being the oldest, and hostile titles', () => {
  // 60 shared articles, newer than the server's two: listing the newest 25 would leave them out.
  const shared = Array.from({ length: 60 }, (_, i) => article(`2025-07-${String((i % 28) + 1).padStart(2, '0')}-afp-${i}`, 'afp', `2025-07-${String((i % 28) + 1).padStart(2, '0')}`, 'shared', `${HOSTILE} ${'long '.repeat(40)}${i}`));
  const own = [article('2020-01-02-afp-own', 'afp', '2020-01-02', 'server', `Notre dépêche ${HOSTILE}`), article('2020-01-01-afp-own', 'afp', '2020-01-01', 'server', 'Notre autre dépêche')];
  const answer = sources({ sources: SOURCES, aliases: [], articles: [...shared, ...own, article('2025-06-17-rt-a', 'rt-fr', '2025-06-17', 'shared', HOSTILE)] });

  for (const locale of ['fr', 'en'] as const) {
    it(`WHEN it is rendered in ${locale} THEN it is within every limit and the server's articles are still listed, marked`, () => {
      const reply = render(answer, locale);
      expectValid(reply);
      const afp = reply.embeds.find((e) => e.title === 'Agence France-Presse (AFP)');
      const marker = locale === 'fr' ? 'collection de ce serveur' : "this server's collection";
      const marked = (afp?.fields ?? []).filter((f) => f.value.includes(marker));
      expect(marked.map((f) => f.name)).toEqual([expect.stringContaining('Notre dépêche'), expect.stringContaining('Notre autre dépêche')]);
      // Fewer shared lines than there are, so that the message fits; the server's kept anyway.
      expect((afp?.fields ?? []).length).toBeLessThan(shared.length);
      expect(footerOf(reply)).toContain(locale === 'fr' ? 'dont 2 publiés par les modérateurs de ce serveur' : "2 published by this server's moderators");
    });
  }
});
