/**
 * Draft embeds of the answers that span outlets: `compare` (one embed per outlet, in its colour,
 * then what differs), `sources` (one embed per outlet) and `help`.
 */
import type { CompareAnswer, HelpAnswer, SourceListing, SourcesAnswer } from '../../answers/types.js';
import { commandSpec, isCommandName, usageOf } from '../../commands/table.js';
import { CHECK_MENU, CITE_MENU } from '../commands.js';
import { EMBED, MESSAGE } from '../limits.js';
import { coverageLine, differenceLines } from '../../render/differences.js';
import { formatDay } from '../../render/format.js';
import { messages } from '../../render/messages.js';
import { withFooter, type RenderContext } from './draft.js';
import { matrixDraft } from './matrix.js';
import type { DraftEmbed, DraftField } from './fit.js';
import { NEUTRAL_COLOR, bareLink, footer, parseHexColor, lines, numberedReference, quote, safeUrl, shown, unformatted } from './pieces.js';

/**
 * `compare`: one embed per outlet in the outlet's colour, its excerpts numbered across the whole
 * message; an outlet with nothing on the topic says so instead of being left out. Then what
 * differs (figures, people), and the footer with how many excerpts matched.
 */
export function compareDrafts(a: CompareAnswer, ctx: RenderContext): DraftEmbed[] {
  const m = messages(ctx.locale);
  let n = 0;
  // One embed is kept for the differences, so that they are never the part cut away.
  const drafts: DraftEmbed[] = a.outlets.slice(0, MESSAGE.EMBEDS_MAX - 1).map((o, i) => ({
    ...(i === 0 ? { author: unformatted(m.compareOn(a.topic)) } : {}),
    title: shown(`${o.outletName} (${o.outlet})`),
    color: parseHexColor(o.color) ?? ctx.colorOf(o.sourceId) ?? NEUTRAL_COLOR,
    ...(coverageLine(o, ctx.locale) ? { description: shown(coverageLine(o, ctx.locale) ?? '') } : {}),
    fields: o.excerpts.slice(0, EMBED.FIELDS_MAX).map((excerpt, j): DraftField => {
      n += 1;
      return { name: numberedReference(n, excerpt.citation, ctx.locale), value: quote(excerpt), rank: j, excerpt: { number: n, excerpt } };
    }),
  }));
  const differences = differenceLines(a, ctx.locale);
  const covered = a.outlets.filter((o) => o.covered).length;
  // The fact matrix, when there is one, states all the differences say, outlet by outlet.
  if (a.matrix && a.matrix.rows.length > 0) drafts.push(matrixDraft(a.matrix, ctx));
  else if (differences.length > 0) drafts.push({ title: shown(m.differences), color: NEUTRAL_COLOR, description: lines(differences), fields: [] });
  else if (covered > 1) drafts.push({ color: NEUTRAL_COLOR, description: shown(m.noDifference), fields: [] });
  return withFooter(drafts, footer(m.discord.excerptsMatched(n), a.topic));
}

/**
 * `sources`: one embed per outlet (kind, ownership, articles), in its colour; totals in the footer.
 * Each article of the server's own collection says so, and the footer how many there are (the
 * others being the shared collection), so that every listed article's collection is stated.
 */
export function sourcesDrafts(a: SourcesAnswer, ctx: RenderContext): DraftEmbed[] {
  const m = messages(ctx.locale);
  const drafts: DraftEmbed[] = a.outlets.slice(0, MESSAGE.EMBEDS_MAX).map((s) => {
    const url = safeUrl(s.url);
    const link = bareLink(s.url);
    return {
      title: shown(`${s.outletName} (${s.outlet})`),
      ...(url ? { url } : {}),
      color: parseHexColor(s.color) ?? NEUTRAL_COLOR,
      description: lines([`${s.kind}; ${s.ownership}`, ...(link ? [{ rendered: link }] : [])]),
      fields: listedArticles(s.articles).map((art, i): DraftField => {
        const artLink = bareLink(art.url);
        const own = art.collection === 'server';
        return {
          name: shown(`${formatDay(art.published, ctx.locale)} — ${art.title}`),
          value: lines([own ? `${m.paragraphs(art.paragraphs)} — ${m.serverArticle}` : m.paragraphs(art.paragraphs), ...(artLink ? [{ rendered: artLink }] : [])]),
          // When the 6 000 characters run short, the shared collection's lines go first: the
          // server's own articles are what its moderators come here to check.
          rank: own ? i : EMBED.FIELDS_MAX + i,
        };
      }),
    };
  });
  if (drafts.length === 0) drafts.push({ description: shown(m.corpusTotal(0, 0)), fields: [] });
  const totals = [m.corpusTotal(a.articleCount, a.paragraphCount), ...(a.serverArticleCount > 0 ? [m.serverTotal(a.serverArticleCount)] : [])];
  return withFooter(drafts, footer(totals.join('\n'), undefined));
}

/**
 * The articles of one outlet that get a field (an embed holds 25), newest first as given: all of
 * them when they fit, else the server's own first, then the newest of the shared collection.
 */
function listedArticles<T extends SourceListing['articles'][number]>(articles: readonly T[]): readonly T[] {
  if (articles.length <= EMBED.FIELDS_MAX) return articles;
  const own = articles.filter((art) => art.collection === 'server').slice(0, EMBED.FIELDS_MAX);
  const kept = new Set([...own, ...articles.filter((art) => art.collection !== 'server').slice(0, EMBED.FIELDS_MAX - own.length)]);
  return articles.filter((art) => kept.has(art));
}

/** `help`: each command as the user's locale names it, with its options, and the context menu. */
export function helpDrafts(a: HelpAnswer, ctx: RenderContext): DraftEmbed[] {
  const m = messages(ctx.locale);
  const fields: DraftField[] = a.commands.filter(isCommandName).map((name) => ({ name: shown(usageOf(name, ctx.locale)), value: shown(commandSpec(name).summary[ctx.locale]) }));
  fields.push({ name: shown(ctx.locale === 'fr' ? CITE_MENU.name_localizations.fr : CITE_MENU.name), value: shown(m.discord.contextMenuHelp) });
  fields.push({ name: shown(ctx.locale === 'fr' ? CHECK_MENU.name_localizations.fr : CHECK_MENU.name), value: shown(m.discord.checkMenuHelp) });
  return [{ title: shown(m.help), description: shown(m.discord.hideHelp), color: NEUTRAL_COLOR, fields, footer: footer(m.helpFooter, undefined) }];
}
