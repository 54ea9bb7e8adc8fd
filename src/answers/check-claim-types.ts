/**
 * The answer of `check` ("Check this claim"): what a claim states, item by item (a figure, a date,
 * a person's role, quoted words, or else its main sentence), and for each item what every outlet
 * covering the claim's topic says of it. Never whether the claim is true: only what each source
 * says, with the paragraph that says it. Plain serialisable data, like every answer (types.ts).
 */
import type { DatePrecision } from '../text/dates.js';
import type { Excerpt, StoryRef } from './types.js';

/**
 * What one item of a claim is: a counted figure, an ordinal count (`sa troisième visite`), a date,
 * a role, quoted words, or its main sentence.
 */
export type ClaimItemKind = 'figure' | 'count' | 'date' | 'role' | 'quote' | 'statement';

/**
 * What one outlet's articles on the topic say of one item:
 * - `same`: a passage states what the claim states (the same value, the same rank over about the
 *   same period, a date within the claim's, the same role, the same quoted words, the same words);
 * - `different`: a passage states something else for it (another value for the same quantity,
 *   another date for the same event, another role for the person, other quoted words or another
 *   speaker for them, the same words negated) and none states the same;
 * - `silent`: over the outlet's whole articles on the topic, it does not state it at all (said only
 *   where that holds under any wording: see each item's module);
 * - `unknown`: no matching passage found; the outlet may say it in words the engine does not match.
 */
export type ClaimState = 'same' | 'different' | 'silent' | 'unknown';

/** How one passage relates to the item: it states the same, something different, or part of it (a wider date, a shorter role). */
export type ClaimRelation = 'same' | 'different' | 'partial';

/** A normalised date, as the claim or a passage gives it. */
export interface ClaimDate {
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly part?: 'early' | 'mid' | 'late';
}

/** One passage of an outlet about an item, as evidence of its state. */
export interface ClaimEvidence {
  readonly relation: ClaimRelation;
  /** The words that give it, as written: `1.000 sapeurs`, `ce 17 juin 2025`, the role, the quotation. */
  readonly text: string;
  readonly excerpt: Excerpt;
  /** Figures: the value the passage gives; ordinal counts: the rank. */
  readonly value?: number;
  /** Dates: the date the passage gives. */
  readonly date?: ClaimDate;
  /** Quotations: who the passage says speaks them, when it says so. */
  readonly speaker?: string;
}

/** One outlet's side of one item. */
export interface ClaimCheck {
  readonly sourceId: string;
  readonly outlet: string;
  readonly state: ClaimState;
  /**
   * The passages behind the state, those that decide it first: with `same`, the matching ones,
   * then any that give something else; with `different`, the differing ones; with `unknown`, the
   * closest partial ones, if any. None with `silent`.
   */
  readonly evidence: readonly ClaimEvidence[];
}

/** One thing the claim states, and what every covering outlet says of it. */
export interface ClaimItem {
  readonly kind: ClaimItemKind;
  /** As the claim writes it: `1 000 sapeurs`, `le 17 juin`, the role, the quoted words, the sentence. */
  readonly text: string;
  /** Figures: the value and what it counts (`sapeurs`, the first noun of its counted.yaml group). */
  readonly figure?: { readonly value: number; readonly quantity: string };
  /**
   * Ordinal counts (`sa troisième visite en un an`): the rank, what is counted (its counted.yaml
   * group's noun), and the period in days when the claim gives one.
   */
  readonly count?: { readonly ordinal: number; readonly noun: string; readonly periodDays?: number };
  /** Dates: the date, resolved against the newest article read when the claim leaves the year open. */
  readonly date?: ClaimDate;
  /** Dates: the words of the claim's sentence that say what is dated, without the date. */
  readonly event?: string;
  /** Roles: the person; quotations: the speaker the claim names, if any. */
  readonly person?: string;
  /** Roles: the role the claim gives them. */
  readonly role?: string;
  /** One per outlet covering the topic, in corpus order; empty when none does. */
  readonly checks: readonly ClaimCheck[];
}

/**
 * Whether an outlet's articles were read for the claim: `covers` (it has paragraphs about the
 * claim's topic: its articles on it are read whole), `outside-story` (the check keeps to one
 * story, in which the outlet has no article), `carries` (its articles on the topic republish another
 * outlet's text, whose statements count once, as the original's), `not-found` (no paragraph of it about the topic was
 * found: nothing more is claimed).
 */
export type ClaimCoverageKind = 'covers' | 'carries' | 'outside-story' | 'not-found';

/** One outlet of the corpus, and whether its articles were read. */
export interface ClaimCoverage {
  readonly sourceId: string;
  readonly outlet: string;
  readonly outletName: string;
  readonly color: string;
  readonly coverage: ClaimCoverageKind;
  /** Articles read whole (`covers`), else 0. */
  readonly articles: number;
  /** `carries`: the outlets whose text it republishes. */
  readonly carries?: readonly string[];
}

/**
 * `check CLAIM`: the items of the claim and what each outlet says of each. `items` is empty when
 * the text states nothing the engine can check (no figure, date, role or quotation, and no
 * outlet's articles about its words): the renderers say what can be checked.
 */
export interface CheckAnswer {
  readonly kind: 'check';
  /** The claim as given (the text the command ran on). */
  readonly claim: string;
  /** Only the start of a long claim was read (see check-claim.ts `CLAIM_READ_MAX`). */
  readonly cut?: true;
  /** The story the check keeps to, when the claim's paragraphs belong to several stories. */
  readonly story?: StoryRef;
  /** Every outlet of the corpus, in corpus order. */
  readonly outlets: readonly ClaimCoverage[];
  readonly items: readonly ClaimItem[];
}
