/**
 * Structured answers: what every command returns, before any rendering. Plain serialisable data
 * (this is what `npm run ask -- --json` prints), with no wording of the bot's own: renderers add
 * headings and sentences in the reader's language, excerpts stay in the articles' language.
 */
import type { Span } from '../text/sentences.js';
import type { DatePrecision } from '../text/dates.js';
import type { EntityKind } from '../text/entities.js';
import type { WordingAnswer } from './wording-types.js';
import type { CheckAnswer } from './check-claim-types.js';

/** The kind of question asked, which decides what an excerpt should preferably hold. */
export type QuestionKind = 'who' | 'when' | 'howmany' | 'where' | 'other';

/** Where an excerpt comes from: enough for a reader to find and check it. */
export interface Citation {
  readonly sourceId: string;
  /** Short outlet name used in citations, e.g. `AFP`. */
  readonly outlet: string;
  readonly outletName: string;
  readonly articleId: string;
  readonly title: string;
  /** `YYYY-MM-DD`. */
  readonly published: string;
  /** 1-based paragraph number, as in the article file. */
  readonly paragraph: number;
  readonly url?: string;
}

/** A verbatim excerpt of one paragraph. */
export interface Excerpt {
  readonly citation: Citation;
  /** The article's own words: `paragraphText.slice(start, end)`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The paragraph has words before the excerpt: show `…` before it. */
  readonly cutStart: boolean;
  /** The paragraph has words after the excerpt: show `…` after it. */
  readonly cutEnd: boolean;
  /** Words to highlight, as offsets into {@link text}. */
  readonly highlights: readonly Span[];
  /**
   * The matched words as written in the excerpt, each once (for highlighting elsewhere, e.g. a
   * footer); the index terms they match are `ExcerptSpan.matchedTerms` (search/excerpt-span.ts).
   */
  readonly matched: readonly string[];
  /** Relevance; only comparable within one answer. */
  readonly score: number;
}

/** `ask`: the best excerpts for a question. */
export interface AskAnswer {
  readonly kind: 'ask';
  readonly query: string;
  readonly questionKind: QuestionKind;
  readonly excerpts: readonly Excerpt[];
  /** How many paragraphs clear the relevance floors in all (excerpts may be fewer). */
  readonly total: number;
}

/** A role as an article states it, with where it says so. */
export interface StatedRole {
  readonly text: string;
  readonly citation: Citation;
}

/** A person or organisation and how the corpus names them. */
export interface EntitySummary {
  readonly name: string;
  readonly kind: EntityKind;
  /** Other spellings found (merged into this entity). */
  readonly variants: readonly string[];
  readonly roles: readonly StatedRole[];
  /** Mentions per outlet (short name), most first. */
  readonly mentions: readonly { readonly outlet: string; readonly count: number }[];
  readonly total: number;
}

/** `who`: people and organisations, all or those matching a name or a question. */
export interface WhoAnswer {
  readonly kind: 'who';
  readonly query?: string;
  readonly people: readonly EntitySummary[];
  readonly organisations: readonly EntitySummary[];
  /** Where the asked-about entity (or the question) is found. Empty for the full list. */
  readonly excerpts: readonly Excerpt[];
  /** People and organisations in all, when the list was cut at {@link LIST_LIMIT}. */
  readonly total?: number;
}

/** Longest list an answer carries (people, timeline): renderers page within it. */
export const LIST_LIMIT = 50;

/** A date expression found in an article, normalised. */
export interface DatedExcerpt {
  /** ISO day `2025-06-17`, month `2025-06`, year `2024`, season `2025-spring`, week (its Monday). */
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly part?: 'early' | 'mid' | 'late';
  /** The wording in the article, e.g. `l'an dernier`. */
  readonly wording: string;
  /** True when resolved against the publication date. */
  readonly relative: boolean;
  /**
   * The period starts after the article's publication date (`mercredi` resolved to the day after
   * it): a later event, a plan, or a date the resolution got wrong. Renderers say so.
   */
  readonly afterPublication: boolean;
  /** First day of the period, for sorting. */
  readonly sortKey: string;
  readonly excerpt: Excerpt;
}

/** `when`: dates about an event, or the whole timeline, oldest first. */
export interface WhenAnswer {
  readonly kind: 'when';
  readonly query?: string;
  readonly dates: readonly DatedExcerpt[];
  /** Dates in all, when the timeline was cut at {@link LIST_LIMIT}. */
  readonly total?: number;
}

/** One date an event is given, with the outlets that give it. */
export interface TimelineDating {
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly part?: 'early' | 'mid' | 'late';
  /** First day of the period. */
  readonly sortKey: string;
  /** Each outlet's first sentence giving the event this date (one per outlet, in timeline order). */
  readonly mentions: readonly DatedExcerpt[];
}

/**
 * One dated event: sentences of one or more outlets that tell the same thing (the same rare words
 * and people) and date it. When {@link differs} is false every dating is compatible (`mars 2026`
 * holds `10 mars 2026`); when true, the outlets date it incompatibly, and over their whole articles
 * no outlet gives it the other's date.
 */
export interface TimelineEvent {
  /** The event's date for ordering: its most precise dating, or the earliest when they differ. */
  readonly sortKey: string;
  /** A few words of the event's first sentence, verbatim, with `…` where cut (the picture's label). */
  readonly label: string;
  /** Oldest first. */
  readonly datings: readonly TimelineDating[];
  /** Short names of the outlets that date it, in order of their first dating. */
  readonly outlets: readonly string[];
  /** Outlets give it incompatible dates (`AHP: 10 mars, OPF: 11 mars`). */
  readonly differs: boolean;
}

/** An outlet appearing in a timeline, with its colour (`sources.yaml`), for the picture's legend. */
export interface TimelineOutlet {
  readonly sourceId: string;
  readonly outlet: string;
  readonly outletName: string;
  readonly color: string;
}

/** `timeline`: the events the articles date, across outlets, oldest first. */
export interface TimelineAnswer {
  readonly kind: 'timeline';
  readonly query?: string;
  readonly events: readonly TimelineEvent[];
  readonly outlets: readonly TimelineOutlet[];
  /** Events in all, when the list was cut at {@link LIST_LIMIT}. */
  readonly total?: number;
}

/**
 * How far an outlet covers a topic, each a statement a reader can check:
 * - `covers`: paragraphs about the topic (see answers/coverage.ts), shown;
 * - `in-passing`: its articles use every word of the topic, but no paragraph is about it; the
 *   closest paragraph is shown;
 * - `lacks-words`: its articles never use some words of the topic ({@link OutletCoverage.missing});
 *   nothing more is claimed;
 * - `none`: its articles use none of the topic's words: it does not cover the topic.
 * - `outside-story`: the comparison is within one story ({@link CompareAnswer.story}) and the
 *   outlet has no article in it, though its articles use the topic's words (about other events).
 */
export type CoverageKind = 'covers' | 'in-passing' | 'lacks-words' | 'none' | 'outside-story';

/** One outlet's side of a comparison. */
export interface OutletCoverage {
  readonly sourceId: string;
  readonly outlet: string;
  readonly outletName: string;
  readonly color: string;
  readonly coverage: CoverageKind;
  /** `coverage === 'covers'`. False when the outlet has nothing on the topic: say so, never fill in. */
  readonly covered: boolean;
  /** Paragraphs about the topic (`covers`), or the closest one (`in-passing`); else none. */
  readonly excerpts: readonly Excerpt[];
  /**
   * Words of the topic that none of the outlet's articles holds, in any form (no word even
   * begins like them): what makes `lacks-words` and `none` checkable.
   */
  readonly missing: readonly string[];
  /** How many of the outlet's articles cover the topic: the articles the statements below are about. */
  readonly articles: number;
  /**
   * Outlets whose text this outlet's articles on the topic republish (syndication): the
   * statements count that text once, as the original outlet's.
   */
  readonly carries?: readonly string[];
  /** `in-passing` within the comparison's story: said of its articles in that story only. */
  readonly inStory?: true;
}

/** One outlet's value for a quantity, with the paragraph that gives it. */
export interface StatedValue {
  readonly outlet: string;
  readonly value: number;
  /** The figure and its noun as written, e.g. `1.000 sapeurs`. */
  readonly text: string;
  readonly excerpt: Excerpt;
}

/**
 * How the outlets covering a topic state one quantity: `same` (every outlet giving it gives the
 * same values, maybe worded differently), `different` (they give different values), `one-outlet`
 * (only some give it: the others' articles on the topic give no figure for it at all).
 */
export type StatementKind = 'same' | 'different' | 'one-outlet';

/** A figure on the topic, compared over the whole articles of the outlets that cover it. */
export interface FigureStatement {
  readonly kind: StatementKind;
  /** What is counted, e.g. `sapeurs` (the first noun of its counted.yaml group). */
  readonly quantity: string;
  readonly values: readonly StatedValue[];
  readonly givenBy: readonly string[];
  /** Outlets covering the topic whose articles on it give no figure for this quantity. */
  readonly notGivenBy: readonly string[];
}

/** One outlet's ordinal count (`la troisième visite en quatre mois`). */
export interface StatedCount {
  readonly outlet: string;
  readonly ordinal: number;
  /** The period counted over, in days, when the text gives one. */
  readonly periodDays?: number;
  readonly text: string;
  readonly excerpt: Excerpt;
}

/** How the outlets count one thing with ordinals (`deuxième visite`), compared like figures. */
export interface CountStatement {
  readonly kind: StatementKind;
  /** What is counted, e.g. `visite`. */
  readonly counted: string;
  readonly counts: readonly StatedCount[];
  readonly givenBy: readonly string[];
  readonly notGivenBy: readonly string[];
}

/** A person on the topic named by some outlets only, over the whole articles on the topic. */
export interface PersonStatement {
  readonly name: string;
  /** Each naming outlet with the first paragraph that names the person. */
  readonly namedBy: readonly { readonly outlet: string; readonly excerpt: Excerpt }[];
  /** Outlets covering the topic none of whose articles on it names the person, under any spelling. */
  readonly notNamedBy: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// The fact matrix of a comparison (src/answers/fact-matrix.ts)
// ---------------------------------------------------------------------------------------------

/**
 * What one outlet's articles on the topic say of one row of the fact matrix:
 * - `same`: they state what the row's reference states (see {@link MatrixRow.reference});
 * - `different`: they state it otherwise (another value, another date), shown;
 * - `silent`: over their whole articles on the topic, they do not state it at all;
 * - `unknown`: none found, though they may state it in words the engine does not match: nothing is claimed.
 */
export type MatrixCellState = 'same' | 'different' | 'silent' | 'unknown';

/** What a row of the fact matrix is about. */
export type MatrixRowKind = 'figure' | 'count' | 'date' | 'person' | 'statement';

/** One value an outlet gives for a row, as written, with the paragraph that gives it. */
export interface MatrixValue {
  /** The words as written: `1.000 sapeurs`, `deuxième visite`, `10 mars`, the quotation. */
  readonly text: string;
  readonly excerpt: Excerpt;
  /** Figures: the number; counts: the ordinal. */
  readonly value?: number;
  /** Dates: the normalised date. */
  readonly date?: { readonly iso: string; readonly precision: DatePrecision; readonly part?: 'early' | 'mid' | 'late' };
}

/** One outlet's cell in a row: its state and, when it states something, what and where. */
export interface MatrixCell {
  readonly outlet: string;
  readonly state: MatrixCellState;
  /** Every value the outlet gives for the row (`same`, `different`); none otherwise. */
  readonly values: readonly MatrixValue[];
  /** Statement rows: the same statement quoted in other words (the wording is shown). */
  readonly reworded?: true;
}

/** One row of the fact matrix: one fact, one cell per column (outlet), in column order. */
export interface MatrixRow {
  readonly kind: MatrixRowKind;
  /** The quantity, the thing counted, the event (its first words), the person, the speaker. */
  readonly label: string;
  /**
   * The outlet whose statement the others are measured against: for figures, counts and dates,
   * the one whose value the most outlets give (ties: the first such column); for a person, the
   * first naming them; for a quotation, the oldest, whose words the others' are compared with.
   */
  readonly reference?: string;
  /** Some cell is `different`. */
  readonly differs: boolean;
  readonly cells: readonly MatrixCell[];
}

/** Rows are facts of the topic, columns the outlets covering it, each cell what that outlet says. */
export interface FactMatrix {
  /** The covering outlets (short names), in corpus order. */
  readonly outlets: readonly string[];
  /** Per column, the ids of the articles read whole: what `silent` is said of. */
  readonly articles: readonly (readonly string[])[];
  /** Differences first, at most `MATRIX_ROWS_MAX` (fact-matrix.ts). */
  readonly rows: readonly MatrixRow[];
  /** Rows in all, before the cut. */
  readonly total: number;
}

/** `compare`: each outlet's best excerpts on a topic, then what the outlets state differently. */
export interface CompareAnswer {
  readonly kind: 'compare';
  readonly topic: string;
  /**
   * The story the comparison is restricted to, when paragraphs about the topic belong to several
   * stories: everything below is about that story's articles only, never mixing two events.
   */
  readonly story?: StoryRef;
  readonly outlets: readonly OutletCoverage[];
  readonly figures: readonly FigureStatement[];
  readonly counts: readonly CountStatement[];
  readonly people: readonly PersonStatement[];
  /** The same statements and more (dates, quotations), outlet by outlet; only when several outlets cover the topic. */
  readonly matrix?: FactMatrix;
}

/** `cite`: one ready-to-paste citation. */
export interface CiteAnswer {
  readonly kind: 'cite';
  readonly query: string;
  readonly excerpt: Excerpt;
}

/** One outlet and its indexed articles. */
export interface SourceListing {
  readonly sourceId: string;
  readonly outlet: string;
  readonly outletName: string;
  readonly kind: string;
  readonly ownership: string;
  readonly color: string;
  readonly url?: string;
  readonly articles: readonly {
    readonly id: string;
    readonly title: string;
    readonly published: string;
    readonly paragraphs: number;
    /** `shared`: the operator's files, answered everywhere; `server`: published by this server's moderators. */
    readonly collection: 'shared' | 'server';
    readonly url?: string;
  }[];
}

/** `sources`: what the corpus holds. */
export interface SourcesAnswer {
  readonly kind: 'sources';
  readonly outlets: readonly SourceListing[];
  readonly articleCount: number;
  /** How many of the articles are this server's own (the rest are the shared collection). */
  readonly serverArticleCount: number;
  readonly paragraphCount: number;
}

/** A story as other answers name it: the words its articles share, its span and size. */
export interface StoryRef {
  /** Its number in the knowledge base's stories (stable while the corpus does not change). */
  readonly id: number;
  /** The words most of its articles share, as the articles usually write them. */
  readonly words: readonly string[];
  /** `YYYY-MM-DD` of its oldest and newest articles. */
  readonly from: string;
  readonly to: string;
  readonly articleCount: number;
  /** Articles matching the topic in other stories, left out of the answer (only with a topic). */
  readonly leftOut?: number;
}

/** One outlet's articles in a story, with one of them to read. */
export interface StoryOutlet {
  readonly sourceId: string;
  readonly outlet: string;
  readonly outletName: string;
  readonly color: string;
  /** How many of its articles are in the story. */
  readonly articles: number;
  /** Its first article in the story. */
  readonly first: { readonly articleId: string; readonly title: string; readonly published: string; readonly url?: string };
}

/** One story of the collection. */
export interface StorySummary extends StoryRef {
  /** People named in several of its articles, most named first. */
  readonly people: readonly string[];
  /** The outlets with articles in it, most articles first. */
  readonly outlets: readonly StoryOutlet[];
  /** Short names of the collection's outlets with no article in it at all. */
  readonly notCoveredBy: readonly string[];
}

/** `stories`: the articles grouped by event, most recent first. */
export interface StoriesAnswer {
  readonly kind: 'stories';
  /** Stories of two articles or more, at most {@link LIST_LIMIT}. */
  readonly stories: readonly StorySummary[];
  /** Stories of two articles or more in all. */
  readonly total: number;
  /** Articles alone in their story, not listed. */
  readonly single: number;
  /** Outlets of the collection (with at least one article). */
  readonly outletCount: number;
}

/** `help`: the commands (the renderer words their descriptions). */
export interface HelpAnswer {
  readonly kind: 'help';
  /** Canonical command names, in the order the command table lists them. */
  readonly commands: readonly string[];
}

/** Who the text says speaks a quotation (src/text/quotes.ts). */
export interface QuoteSpeaker {
  /** As answers show them: the engine's name for the person or organisation, else the text's words (`le porte-parole du ministère`). */
  readonly name: string;
  /** As the text writes them where it attributes the words (`Le responsable russe`, `Choïgou`), or the name before a pronoun. */
  readonly written: string;
  /** `name`; `role` (a role only, or one the article gives a person it names); `pronoun` (`a-t-il ajouté`: the speaker named before). */
  readonly by: 'name' | 'role' | 'pronoun';
  /** What the engine knows them as, when it does. */
  readonly kind?: EntityKind;
  /** The same key is the same speaker: the engine's entity key, else the text's words folded. */
  readonly key: string;
}

/** One quotation of one article. */
export interface QuoteExcerpt {
  /** The quoted words as they stand, from the first quoted word to the last (an incise between pieces included), without the marks. */
  readonly excerpt: Excerpt;
  /** The quoted words, piece by piece, verbatim (two pieces around an incise). */
  readonly pieces: readonly string[];
  /** Absent: the text attributes the words to no one. */
  readonly speaker?: QuoteSpeaker;
  /** Who relays the words, as written (`les agences russes`, `l'agence russe Ria Novosti`). */
  readonly reportedBy?: string;
  /** The words come through someone else: {@link reportedBy}, or a source that is a medium (`selon les agences russes`). */
  readonly secondHand: boolean;
  /** Quoted inside another quotation (`« Le ministre m'a dit : "jamais" »`). */
  readonly nested: boolean;
}

/** Two wordings of one statement where they differ: verbatim stretches, each of its own quotation, with a shared word around. */
export interface WordingChange {
  /** As the group's first quotation words it. */
  readonly reference: string;
  /** As the other quotation words it. */
  readonly other: string;
}

/**
 * One statement: a quotation, and the same statement as other articles carry it (same speaker,
 * most of the shorter one's words shared, within one story).
 */
export interface QuoteGroup {
  readonly speaker?: QuoteSpeaker;
  /** Once per article carrying it, oldest first. */
  readonly quotations: readonly QuoteExcerpt[];
  /** `changes[i]`: how `quotations[i]` words it differently from `quotations[0]` (empty: the same words; `changes[0]` is always empty). */
  readonly changes: readonly (readonly WordingChange[])[];
}

/** How often one speaker is quoted, per outlet. */
export interface SpeakerTally {
  readonly speaker: QuoteSpeaker;
  readonly quotations: number;
  /** Per outlet (short name), most first. */
  readonly outlets: readonly { readonly outlet: string; readonly count: number }[];
}

/**
 * `quotes`: the verbatim quotations of the articles with their speakers, the same statement
 * carried by several articles grouped. `scope` says what was read: every article (`all`), the
 * articles naming a person or organisation (`speaker`), or a topic's articles (`topic`).
 */
export interface QuotesAnswer {
  readonly kind: 'quotes';
  readonly query?: string;
  readonly scope: 'all' | 'speaker' | 'topic';
  /** The person or organisation asked about (`speaker` scope), with the spellings the engine knows. */
  readonly person?: { readonly name: string; readonly variants: readonly string[] };
  /** The story a topic's articles were kept within, when the topic's paragraphs span several. */
  readonly story?: StoryRef;
  /** Most quoted first (attributed quotations only), at most {@link LIST_LIMIT}. */
  readonly speakers: readonly SpeakerTally[];
  /** The statements: for a person, theirs; otherwise the most quoted speakers' first, unattributed last. */
  readonly groups: readonly QuoteGroup[];
  /** Quotations found in the articles read (each article's own, nested ones included). */
  readonly quotations: number;
  /** Of those, attributed to no one. */
  readonly unattributed: number;
  /** Articles read. */
  readonly articles: number;
  /** Statements in all, when {@link groups} was cut at {@link LIST_LIMIT}. */
  readonly total?: number;
}

/** Nothing in the corpus supports an answer: said plainly, with close words when there are. */
export interface NoEvidenceAnswer {
  readonly kind: 'no-evidence';
  readonly command: AnsweringCommand;
  readonly query: string;
  /** Words of the corpus close to the query's words ("did you mean"). */
  readonly suggestions: readonly string[];
}

/** The engine's answers that can find no evidence. */
export type AnsweringCommand = 'ask' | 'who' | 'when' | 'compare' | 'cite' | 'timeline' | 'quotes' | 'wording' | 'check';

/** Every answer the engine gives. */
export type Answer = AskAnswer | WhoAnswer | WhenAnswer | CompareAnswer | CiteAnswer | SourcesAnswer | HelpAnswer | NoEvidenceAnswer | TimelineAnswer | StoriesAnswer | QuotesAnswer | WordingAnswer | CheckAnswer;

/** The commands, derived from their table (src/commands/table.ts), where each one is defined. */
