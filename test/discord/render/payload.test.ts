/**
 * The one reply path, on answers built by hand to be as hostile as possible: every payload within
 * every Discord limit, mentions off and broken, Markdown escaped, least relevant excerpts dropped
 * first, buttons that carry what they need.
 */
import { embedLength, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { AskAnswer, CompareAnswer, Excerpt, WhenAnswer } from '../../../src/answers/types.js';
import type { Article, Source } from '../../../src/corpus/types.js';
import { decodeButton } from '../../../src/discord/custom-id.js';
import { COMPONENTS_V2, EMBED, MESSAGE } from '../../../src/discord/limits.js';
import { flattenComponents } from '../../../src/discord/render/component-tree.js';
import { fitEmbeds, type DraftEmbed } from '../../../src/discord/render/fit.js';
import { answerReply, citationReply, cooldownReply, noticeReply, paragraphReply, replyViolations, type DiscordReply } from '../../../src/discord/render/payload.js';
import { queryFromCard, shown } from '../../../src/discord/render/pieces.js';
import { CITATION, HOSTILE, buttonsOf, cardFooter, cardTexts, containersOf, excerptOf, liveMentions, longHostileText, maskedLinks, payloadStrings, type ContainerView } from '../support.js';

const colorOf = () => 0x123456;

/** The reply as its message body has it: an answer's card is its components (its rows are then empty). */
function body(reply: DiscordReply) {
  return { ...(reply.content !== undefined ? { content: reply.content } : {}), embeds: reply.embeds, components: reply.card ?? reply.components };
}

/** Asserts what every payload must satisfy, whatever it holds. */
function expectSafe(reply: DiscordReply): void {
  expect(replyViolations(reply)).toEqual([]);
  expect(reply.allowedMentions).toEqual({ parse: [] });
  const strings = payloadStrings(body(reply));
  expect(liveMentions(strings)).toEqual([]);
  expect(maskedLinks(payloadStrings(body(reply), true))).toEqual([]);
  const total = reply.embeds.reduce((n, e) => n + embedLength(e), 0);
  expect(total).toBeLessThanOrEqual(EMBED.TOTAL_MAX);
  for (const e of reply.embeds) for (const f of e.fields ?? []) expect(unescapedBoldMarkers(f.value) % 2).toBe(0);
  if (reply.card) {
    // A card is nothing but components, within Components V2's limits.
    expect(reply.content).toBeUndefined();
    expect(reply.embeds).toEqual([]);
    expect(reply.components).toEqual([]);
    expect(flattenComponents(reply.card).length).toBeLessThanOrEqual(COMPONENTS_V2.COMPONENTS_MAX);
    const texts = cardTexts(body(reply));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join('').length).toBeLessThanOrEqual(COMPONENTS_V2.TEXT_TOTAL_MAX);
    for (const t of texts) expect(unescapedBoldMarkers(t) % 2).toBe(0);
  }
}

/** An excerpt as a card shows it: its numbered reference in bold, the quotation under it. */
interface ShownExcerpt {
  readonly name: string;
  readonly value: string;
}

/** The excerpts of these text displays (one a section, or several in one text display, blank-line separated). */
function excerptsIn(texts: readonly string[]): ShownExcerpt[] {
  return texts
    .flatMap((t) => t.split('\n\n'))
    .flatMap((chunk) => {
      const m = /^\*\*(\d+\\?\. [^\n]*)\*\*\n([\s\S]+)$/u.exec(chunk);
      return m?.[1] && m[2] ? [{ name: m[1], value: m[2] }] : [];
    });
}

const excerptsShown = (reply: DiscordReply): ShownExcerpt[] => excerptsIn(cardTexts(body(reply)));
const buttons = (reply: DiscordReply) => buttonsOf(body(reply));

/** `**` not preceded by a backslash: an odd count would leave bold open. */
function unescapedBoldMarkers(text: string): number {
  return [...text.matchAll(/(?<!\\)\*\*/gu)].length;
}

const hostileExcerpts = (n: number, citation = CITATION): Excerpt[] => Array.from({ length: n }, (_, i) => excerptOf(longHostileText(), 'sapeurs', { ...citation, paragraph: i + 1 }, 10 - i));

const hostileAsk: AskAnswer = { kind: 'ask', query: `sapeurs ${HOSTILE}`, questionKind: 'other', excerpts: hostileExcerpts(10), total: 42 };

describe('GIVEN an ask answer with ten 6 000-character hostile excerpts', () => {
  for (const locale of ['en', 'fr'] as const) {
    for (const page of [0, 1, 2, 3, 9]) {
      it(`WHEN page ${page} is rendered in ${locale} THEN it is within every limit and pings no one`, () => {
        const reply = answerReply(hostileAsk, { locale, page, ephemeral: false, command: 'ask', query: hostileAsk.query, colorOf });
        expectSafe(reply);
        const excerpts = excerptsShown(reply);
        expect(excerpts.length).toBeGreaterThan(0);
        for (const e of excerpts) {
          expect(e.value.endsWith('… »')).toBe(true);
          expect(e.value).toContain('**sapeurs**');
        }
      });
    }
  }

  it('WHEN the first page is rendered THEN excerpts are numbered and "More" carries the query by hash, read back from the footer', () => {
    const reply = answerReply(hostileAsk, { locale: 'en', page: 0, ephemeral: false, command: 'ask', query: hostileAsk.query, colorOf });
    const ids = buttons(reply).map((b) => b.custom_id ?? '');
    const more = ids.map(decodeButton).find((a) => a?.kind === 'more');
    expect(more).toMatchObject({ kind: 'more', command: 'ask', page: 1, locale: 'en', query: { hash: expect.any(String) } });
    expect(queryFromCard(reply.card ?? [])).toBe(hostileAsk.query);
    expect(excerptsShown(reply)[0]?.name).toMatch(/^1\\?\. AFP, 17 June 2025, ¶1$/u);
  });

  it('WHEN the last page is rendered THEN there is no "More" button', () => {
    const reply = answerReply(hostileAsk, { locale: 'en', page: 3, ephemeral: false, command: 'ask', query: 'q', colorOf });
    const kinds = buttons(reply).map((b) => decodeButton(b.custom_id ?? '')?.kind);
    expect(kinds).toContain('export');
    expect(kinds).not.toContain('more');
  });
});

describe('GIVEN a comparison of three outlets, one not covering the topic, with hostile excerpts', () => {
  // Each outlet's excerpts cite its own article, and its colour is the same for its excerpts as for its title, as `sources.yaml` gives it.
  const COLORS: Record<string, number> = { afp: 0x1f5fad, 'rt-fr': 0x6aa84f, quiet: 0x999999 };
  const outletColorOf = (sourceId: string) => COLORS[sourceId];
  const excerptsFrom = (sourceId: string, outletShort: string, n: number) => hostileExcerpts(n, { ...CITATION, sourceId, outlet: outletShort, articleId: `a-${sourceId}` });
  const outlet = (sourceId: string, outletShort: string, color: string, excerpts: Excerpt[]) => ({
    sourceId,
    outlet: outletShort,
    outletName: `${outletShort} @everyone`,
    color,
    coverage: excerpts.length > 0 ? ('covers' as const) : ('none' as const),
    covered: excerpts.length > 0,
    excerpts,
    missing: excerpts.length > 0 ? [] : ['sapeurs @everyone'],
    articles: excerpts.length > 0 ? 1 : 0,
  });
  /** AFP and RT with `perOutlet` excerpts each, QG with none. */
  const comparison = (perOutlet: number): CompareAnswer => ({
    kind: 'compare',
    topic: `sapeurs ${HOSTILE}`,
    outlets: [outlet('afp', 'AFP', '#1F5FAD', excerptsFrom('afp', 'AFP', perOutlet)), outlet('rt-fr', 'RT', '#6AA84F', excerptsFrom('rt-fr', 'RT', perOutlet)), outlet('quiet', 'QG', '#999999', [])],
    figures: [
      {
        kind: 'same',
        quantity: 'sapeurs <@&123456789012345678>',
        values: [
          { outlet: 'AFP', value: 1000, text: '1.000 sapeurs', excerpt: hostileExcerpts(1)[0] as Excerpt },
          { outlet: 'RT', value: 1000, text: '1 000 @here', excerpt: hostileExcerpts(1)[0] as Excerpt },
        ],
        givenBy: ['AFP', 'RT'],
        notGivenBy: [],
      },
    ],
    counts: [],
    people: [{ name: 'Sergueï <@123456789012345678>', namedBy: [{ outlet: 'AFP', excerpt: hostileExcerpts(1)[0] as Excerpt }], notNamedBy: ['RT'] }],
  });
  const answer = comparison(3);
  const render = (a: CompareAnswer, locale: 'en' | 'fr', query = a.topic) => answerReply(a, { locale, page: 0, ephemeral: false, command: 'compare', query, colorOf: outletColorOf });
  const containersIn = (reply: DiscordReply) => containersOf(body(reply));

  for (const locale of ['en', 'fr'] as const) {
    it(`WHEN rendered in ${locale} THEN one container per outlet in its colour, "not covered" said, within the card's limits`, () => {
      const reply = render(answer, locale);
      expectSafe(reply);
      const containers = containersIn(reply);
      expect(containers.slice(0, 3).map((c) => c.color)).toEqual([0x1f5fad, 0x6aa84f, 0x999999]);
      for (const color of Object.values(COLORS)) expect(containers.filter((c) => c.color === color)).toHaveLength(1);
      // Each covering outlet's container holds its own excerpts, with their Citation buttons.
      expect(excerptsIn(containers[0]?.texts ?? []).map((e) => e.name)).toEqual([1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^${n}\\\\?\\. AFP, `, 'u'))));
      expect(excerptsIn(containers[1]?.texts ?? []).map((e) => e.name)).toEqual([4, 5, 6].map((n) => expect.stringMatching(new RegExp(`^${n}\\\\?\\. RT, `, 'u'))));
      expect(containers[0]?.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Citation 1', 'Citation 2', 'Citation 3']));
      expect(containers[1]?.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Citation 4', 'Citation 5', 'Citation 6']));
      expect(containers[2]?.text).toMatch(locale === 'fr' ? /QG ne traite pas ce sujet/u : /QG does not cover this topic/u);
      expect(cardFooter(body(reply))).toMatch(locale === 'fr' ? /^-# 6 extraits trouvés/u : /^-# 6 excerpts matched/u);
    });
  }

  it('WHEN the card is over its limits THEN the lowest-ranked excerpts go first and each covering outlet keeps its best', () => {
    // Twenty 6 000-character excerpts per outlet: more than 40 components or 4 000 characters hold, however tight and cut.
    const perOutlet = 20;
    const reply = render(comparison(perOutlet), 'en', 'sapeurs');
    expectSafe(reply);
    const containers = containersIn(reply);
    const ofColor = (color: number | undefined) => containers.find((c) => c.color === color);
    const kept = (c: ContainerView | undefined) => excerptsIn(c?.texts ?? []).map((e) => Number(/^(\d+)/u.exec(e.name)?.[1]));
    const afp = kept(ofColor(COLORS.afp));
    const rt = kept(ofColor(COLORS['rt-fr']));
    expect(afp[0]).toBe(1);
    expect(rt[0]).toBe(perOutlet + 1);
    // Ranks are positions within an outlet: no excerpt kept may rank below one dropped.
    const all = [...afp, ...rt];
    const rank = (n: number) => (n - 1) % perOutlet;
    const dropped = Array.from({ length: 2 * perOutlet }, (_, i) => i + 1).filter((n) => !all.includes(n));
    expect(dropped.length).toBeGreaterThan(0);
    expect(Math.max(...all.map(rank))).toBeLessThanOrEqual(Math.min(...dropped.map(rank)));
    // A dropped excerpt leaves no button behind; every kept one keeps its Citation button.
    const labels = buttons(reply).map((b) => b.label);
    for (const n of dropped) {
      expect(labels).not.toContain(`Full paragraph ${n}`);
      expect(labels).not.toContain(`Citation ${n}`);
    }
    for (const n of all) expect(labels).toContain(`Citation ${n}`);
  });
});

describe('fitEmbeds', () => {
  it('GIVEN ranked fields over the total WHEN fitted THEN the highest rank is dropped first, unranked fields stay', () => {
    const big = (n: number) => shown(`${'mot '.repeat(255)}${n}`);
    const drafts: DraftEmbed[] = [{ title: shown('titre'), fields: [0, 1, 2, 3, 4, 5, 6].map((rank) => ({ name: shown(`n${rank}`), value: big(rank), rank })).concat([{ name: shown('fixe'), value: big(99) }] as never[]) }];
    const { embeds } = fitEmbeds(drafts);
    const names = (embeds[0]?.fields ?? []).map((f) => f.name);
    expect(names).toContain('fixe');
    expect(names).toContain('n0');
    expect(names).not.toContain('n6');
    expect(embedLength(embeds[0] as APIEmbed)).toBeLessThanOrEqual(EMBED.TOTAL_MAX);
  });

  it('GIVEN more than 10 embeds and 25 fields WHEN fitted THEN they are capped', () => {
    const drafts: DraftEmbed[] = Array.from({ length: 12 }, () => ({ title: shown('t'), fields: Array.from({ length: 30 }, (_, i) => ({ name: shown(`f${i}`), value: shown('v') })) }));
    const { embeds } = fitEmbeds(drafts);
    expect(embeds).toHaveLength(MESSAGE.EMBEDS_MAX);
    for (const e of embeds) expect(e.fields?.length).toBeLessThanOrEqual(EMBED.FIELDS_MAX);
  });
});

describe('GIVEN several dates quoted from the same paragraph', () => {
  it('WHEN rendered THEN each paragraph gets one button (Discord refuses duplicate custom ids)', () => {
    const e = excerptOf('En 2024 puis en 2025, les sapeurs sont arrivés.');
    const answer: WhenAnswer = {
      kind: 'when',
      query: 'sapeurs',
      dates: ['2024', '2025'].map((iso) => ({ iso, precision: 'year' as const, wording: iso, relative: false, afterPublication: false, sortKey: iso, excerpt: e })),
    };
    const reply = answerReply(answer, { locale: 'fr', page: 0, ephemeral: true, command: 'when', query: 'sapeurs', colorOf });
    expectSafe(reply);
    const ids = buttons(reply).map((b) => b.custom_id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(reply.ephemeral).toBe(true);
  });
});

describe('Buttons and notices', () => {
  const source: Source = { id: 'afp', name: 'AFP @everyone', short: 'AFP', kind: 'k', ownership: 'o', color: '#1F5FAD' };
  const article: Article = { id: 'a', source: 'afp', title: `Titre ${HOSTILE}`, published: '2025-06-17', language: 'fr', paragraphs: [], file: 'a.md', url: 'https://example.org/a_(b)' };

  it('GIVEN a 6 000-character hostile paragraph WHEN shown in full THEN it is cut at a word within 4 096, ephemeral', () => {
    const reply = paragraphReply(article, source, { n: 3, text: longHostileText() }, 'fr');
    expectSafe(reply);
    expect(reply.ephemeral).toBe(true);
    const description = reply.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(EMBED.DESCRIPTION_MAX);
    expect(description.endsWith('…')).toBe(true);
    expect(reply.embeds[0]?.footer?.text).toBe('AFP, 17 juin 2025, ¶3');
  });

  it('GIVEN a 6 000-character hostile excerpt WHEN its citation is asked THEN a closed code block within 2 000, no preview, ephemeral', () => {
    const reply = citationReply({ ...excerptOf(`${longHostileText()} \`\`\` fin`), cutEnd: false }, 'en');
    expectSafe(reply);
    expect(reply.content?.length).toBeLessThanOrEqual(MESSAGE.CONTENT_MAX);
    expect(reply.content).toMatch(/^```\n« [^`]*\n```$/u);
    expect(reply.suppressEmbeds).toBe(true);
    expect(reply.ephemeral).toBe(true);
  });

  it('GIVEN hostile text WHEN sent as a notice THEN it is escaped, unpinging and without previews', () => {
    const reply = noticeReply(`${HOSTILE} https://example.org`);
    expectSafe(reply);
    expect(reply.suppressEmbeds).toBe(true);
    expect(reply.embeds).toEqual([]);
  });

  it('GIVEN a cooldown refusal WHEN its notice is built THEN it is ephemeral, in the language asked, with a live Discord timestamp rounded up', () => {
    const retryAt = new Date(Date.UTC(2025, 5, 17, 12, 0, 7, 200));
    const en = cooldownReply(retryAt, 'en');
    const fr = cooldownReply(retryAt, 'fr');
    for (const reply of [en, fr]) {
      expectSafe(reply);
      expect(reply.ephemeral).toBe(true);
      expect(reply.components).toEqual([]);
    }
    expect(en.content).toBe('You are sending commands a little fast. Please try again <t:1750161608:R>.');
    expect(fr.content).toBe('Vous envoyez des commandes un peu vite. Réessayez <t:1750161608:R>.');
  });
});
