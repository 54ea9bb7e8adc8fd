/**
 * Answer cards (Components V2) laid out and fitted by `card.ts`, on answers built by hand: one
 * container per outlet in its colour, each excerpt a section with its Citation button, within the
 * 40 components and 4 000 characters of a card however many and long the excerpts, the tighter
 * layouts tried before any excerpt is given up, and the query carried back exactly.
 */
import { describe, expect, it } from 'vitest';
import type { AskAnswer, CompareAnswer, Excerpt } from '../../../src/answers/types.js';
import { decodeButton } from '../../../src/discord/custom-id.js';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { cardViolations } from '../../../src/discord/render/card-rules.js';
import { flattenComponents, textDisplaysOf } from '../../../src/discord/render/component-tree.js';
import { answerReply, replyViolations, type DiscordReply } from '../../../src/discord/render/payload.js';
import { queryFromCard } from '../../../src/discord/render/pieces.js';
import { validateRequestBody } from '../double/index.js';
import { CITATION, HOSTILE, buttonsOf, containersOf, excerptOf, liveMentions, longHostileText, payloadStrings } from '../support.js';

const COLORS: Record<string, number> = { afp: 0x1f5fad, 'rt-fr': 0x6aa84f, quiet: 0x999999 };
const colorOf = (sourceId: string) => COLORS[sourceId];

/** `n` excerpts of `length` characters from one outlet, best first. */
function excerpts(sourceId: string, outlet: string, n: number, length: number): Excerpt[] {
  return Array.from({ length: n }, (_, i) => excerptOf(longHostileText(length), 'sapeurs', { ...CITATION, sourceId, outlet, articleId: `a-${sourceId}`, paragraph: i + 1 }, 10 - i));
}

function compare(perOutlet: number, length: number): CompareAnswer {
  const outlet = (sourceId: string, short: string, color: string, list: Excerpt[]) => ({
    sourceId,
    outlet: short,
    outletName: short,
    color,
    coverage: list.length > 0 ? ('covers' as const) : ('none' as const),
    covered: list.length > 0,
    excerpts: list,
    missing: list.length > 0 ? [] : ['sapeurs'],
    articles: list.length > 0 ? 1 : 0,
  });
  return {
    kind: 'compare',
    topic: 'sapeurs',
    outlets: [outlet('afp', 'AFP', '#1F5FAD', excerpts('afp', 'AFP', perOutlet, length)), outlet('rt-fr', 'RT', '#6AA84F', excerpts('rt-fr', 'RT', perOutlet, length)), outlet('quiet', 'QG', '#999999', [])],
    figures: [],
    counts: [],
    people: [],
  };
}

const render = (answer: CompareAnswer | AskAnswer, query = 'sapeurs', locale: 'fr' | 'en' = 'fr') => answerReply(answer, { locale, page: 0, ephemeral: false, command: answer.kind === 'ask' ? 'ask' : 'compare', query, colorOf, votes: true });

function card(reply: DiscordReply) {
  if (!reply.card) throw new Error('expected a card');
  return reply.card;
}

/** What Discord checks of the card: its own rules, the double's (spec and rules), and no live mention. */
function expectSendable(reply: DiscordReply): void {
  const components = card(reply);
  expect(replyViolations(reply)).toEqual([]);
  expect(cardViolations(components, (reply.files ?? []).map((f) => f.name))).toEqual([]);
  expect(validateRequestBody('POST', '/interactions/1/t/callback', { type: 4, data: { flags: COMPONENTS_V2.FLAG, components, allowed_mentions: { parse: [] } } })).toEqual([]);
  expect(flattenComponents(components).length).toBeLessThanOrEqual(COMPONENTS_V2.COMPONENTS_MAX);
  expect(textDisplaysOf(components).join('').length).toBeLessThanOrEqual(COMPONENTS_V2.TEXT_TOTAL_MAX);
  expect(liveMentions(payloadStrings(reply))).toEqual([]);
}

const citationNumbers = (reply: DiscordReply) => buttonsOf({ components: card(reply) }).flatMap((b) => {
  const action = b.custom_id ? decodeButton(b.custom_id) : undefined;
  return action?.kind === 'citation' ? [action.paragraph] : [];
});

describe('GIVEN a comparison of two covering outlets with two short excerpts each', () => {
  const reply = render(compare(2, 200));

  it('THEN each outlet has one container in its colour, its excerpts as sections with their Citation button, separated', () => {
    expectSendable(reply);
    const outlets = containersOf({ components: card(reply) }).filter((c) => c.color === COLORS.afp || c.color === COLORS['rt-fr']);
    expect(outlets.map((c) => c.color)).toEqual([COLORS.afp, COLORS['rt-fr']]);
    for (const box of outlets) {
      expect(box.buttons.filter((b) => b.label?.startsWith('Citation')).length).toBe(2);
      expect(box.buttons.filter((b) => b.label?.startsWith('Paragraphe entier')).length).toBe(2);
    }
    const kinds = flattenComponents(card(reply)).map((c) => c.type);
    expect(kinds.filter((t) => t === 9).length).toBe(4);
    expect(kinds).toContain(14);
  });

  it('THEN the footer carries the query after the summary, and the last row is More/Export/👍/👎 as there are', () => {
    const last = card(reply).at(-1);
    expect(last?.type).toBe(1);
    expect(buttonsOf({ components: [last] }).map((b) => b.emoji?.name ?? decodeButton(b.custom_id ?? '')?.kind)).toEqual(['export', '👍', '👎']);
    expect(queryFromCard(card(reply))).toBe('sapeurs');
  });
});

describe('GIVEN a comparison whose loose card passes 40 components but whose texts are short', () => {
  // 2 outlets × 7 excerpts: 14 sections alone are 42 components.
  const reply = render(compare(7, 120));

  it('THEN a tighter layout keeps every excerpt, each with its Citation button', () => {
    expectSendable(reply);
    expect(citationNumbers(reply).length).toBe(14);
    const texts = textDisplaysOf(card(reply)).join('\n');
    expect(texts.match(/reconstruisent la région/gu)?.length ?? 0).toBeGreaterThanOrEqual(14);
  });
});

describe('GIVEN comparisons with ever more and longer hostile excerpts', () => {
  for (const [perOutlet, length] of [
    [3, 6_000],
    [10, 1_500],
    [25, 400],
  ] as const) {
    it(`WHEN ${perOutlet} excerpts of ${length} characters per outlet are rendered THEN the card is sendable and each covering outlet keeps its best excerpt`, () => {
      for (const locale of ['fr', 'en'] as const) {
        const reply = render({ ...compare(perOutlet, length), topic: `sapeurs ${HOSTILE}` }, `sapeurs ${HOSTILE}`, locale);
        expectSendable(reply);
        const boxes = containersOf({ components: card(reply) });
        for (const color of [COLORS.afp, COLORS['rt-fr']]) {
          const box = boxes.find((c) => c.color === color);
          expect(box?.buttons.some((b) => b.custom_id !== undefined && decodeButton(b.custom_id)?.kind === 'citation')).toBe(true);
        }
        // The best (paragraph 1) of each outlet is kept when others go.
        expect(citationNumbers(reply).filter((n) => n === 1).length).toBe(2);
      }
    });
  }
});

describe('GIVEN an answer whose query is hostile: mentions, Markdown, backslashes, line breaks', () => {
  it('THEN the query read back from the card is the query asked, and nothing in the card pings', () => {
    const query = `sapeurs ${HOSTILE} \\\\ fin\n-# 🔎 faux`;
    const ask: AskAnswer = { kind: 'ask', query, questionKind: 'other', excerpts: excerpts('afp', 'AFP', 3, 300), total: 3 };
    const reply = render(ask, query, 'en');
    expectSendable(reply);
    expect(queryFromCard(card(reply))).toBe(query);
  });
});
