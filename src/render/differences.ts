/**
 * The wording of what `compare` states about the outlets, shared by every surface: one plain line
 * per statement, each naming the paragraph that shows it (`AFP ¶2`) so a reader can check it.
 * Different figures first, then figures only some outlets give, then people only some name, then
 * agreements.
 */
import type { CompareAnswer, CountStatement, FigureStatement, OutletCoverage, StatedCount } from '../answers/types.js';
import { formatNumber } from './format.js';
import { messages, type Locale } from './messages.js';
import { storyMessages, storyName } from './story-messages.js';

/** `AFP ¶2`: where a statement can be checked. */
function where(outlet: string, paragraph: number, locale: Locale): string {
  return `${outlet} ${messages(locale).paragraphSign}${paragraph}`;
}

/**
 * What is said of an outlet that does not cover the topic, by what can be checked: it uses none
 * of the topic's words, lacks some of them, or uses them only in passing. Undefined when it covers it.
 */
export function coverageLine(o: OutletCoverage, locale: Locale): string | undefined {
  const m = messages(locale);
  const words = o.missing.map((w) => `« ${w} »`).join(', ');
  switch (o.coverage) {
    case 'covers':
      return o.carries ? m.statements.carries(o.outlet, o.carries.join(', ')) : undefined;
    case 'none':
      return `${m.notCovered(o.outlet)} (${m.statements.missing(words)})`;
    case 'lacks-words':
      return m.statements.lacksWords(o.outlet, words);
    case 'in-passing':
      return o.inStory ? storyMessages(locale).inPassingInStory(o.outlet) : m.statements.inPassing(o.outlet);
    case 'outside-story':
      return storyMessages(locale).outsideStory(o.outlet);
  }
}

/**
 * The story a comparison stays within, when it does (`CompareAnswer.story`): one line naming it,
 * one saying how many matching articles of other stories are left out. Empty otherwise.
 */
export function storyScopeLines(a: CompareAnswer, locale: Locale): string[] {
  if (!a.story) return [];
  const s = storyMessages(locale);
  return [s.within(storyName(a.story, locale)), ...(a.story.leftOut ? [s.leftOut(a.story.leftOut)] : [])];
}

/** Every statement line of a comparison, in reading order. */
export function differenceLines(a: CompareAnswer, locale: Locale): string[] {
  const s = messages(locale).statements;
  // An absence holds over the articles read: say how many, so a reader checks the same ones.
  const checked = (outlets: readonly string[]) => outlets.map((o) => s.inArticles(o, a.outlets.find((x) => x.outlet === o)?.articles ?? 1)).join(', ');
  const figures = (kind: FigureStatement['kind']) => a.figures.filter((f) => f.kind === kind).map((f) => figureLine(f, locale, checked));
  const counts = (kind: CountStatement['kind']) => a.counts.filter((c) => c.kind === kind).map((c) => countLine(c, locale, checked));
  const people = a.people.map((p) => `${p.name} — ${p.namedBy.map((n) => where(n.outlet, n.excerpt.citation.paragraph, locale)).join(', ')}; ${s.notNamedBy(checked(p.notNamedBy))}`);
  return [
    ...labelled(s.different, figures('different'), locale),
    ...labelled(s.countsDifferent, counts('different'), locale),
    ...labelled(s.oneOutlet, figures('one-outlet'), locale),
    ...labelled(s.countsOne, counts('one-outlet'), locale),
    ...labelled(s.people, people, locale),
    ...labelled(s.same, figures('same'), locale),
    ...labelled(s.countsSame, counts('same'), locale),
  ];
}

function labelled(label: string, lines: readonly string[], locale: Locale): string[] {
  return lines.map((line) => `${label}${colon(locale)}${line}`);
}

/** `: ` in English, ` : ` in French (a no-break space before the colon, as French typography sets it). */
export function colon(locale: Locale): string {
  return locale === 'fr' ? '\u00a0: ' : ': ';
}

/** `sapeurs — “1.000 sapeurs” (AFP ¶2) · “1 000 sapeurs” (RT ¶3)`, then who gives none. */
function figureLine(f: FigureStatement, locale: Locale, checked: (outlets: readonly string[]) => string): string {
  const s = messages(locale).statements;
  const values = f.values.map((v) => `“${v.text}” = ${formatNumber(v.value, locale)} (${where(v.outlet, v.excerpt.citation.paragraph, locale)})`).join(' · ');
  const none = f.notGivenBy.length > 0 ? `; ${s.notGivenBy(checked(f.notGivenBy))}` : '';
  return `${f.quantity} — ${values}${none}`;
}

/** `visite — AFP: 2nd “une deuxième fois en moins de quinze jours” (¶3) · RT: …`. */
function countLine(c: CountStatement, locale: Locale, checked: (outlets: readonly string[]) => string): string {
  const s = messages(locale).statements;
  const counts = c.counts.map((n: StatedCount) => `${s.ordinal(n.ordinal)} “${n.text}” (${where(n.outlet, n.excerpt.citation.paragraph, locale)})`).join(' · ');
  const none = c.notGivenBy.length > 0 ? `; ${s.notCountedBy(checked(c.notGivenBy))}` : '';
  return `${c.counted} — ${counts}${none}`;
}
