/**
 * The answering engine: one object built from a corpus, one method per answer. Plain data in,
 * plain data out. The surfaces run a command by name through the command table
 * (`dispatch` in `src/commands/table.ts`), which calls these methods: the engine knows no command.
 */
import type { Corpus } from '../corpus/types.js';
import { buildKnowledgeBase } from '../knowledge/build.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { finishNow, type Stepwise } from '../text/stepwise.js';
import { ask } from './ask.js';
import { checkClaim } from './check-claim.js';
import { cite } from './cite.js';
import { compare } from './compare.js';
import { readEveryArticleSteps } from './quote-index.js';
import { quotes } from './quotes.js';
import { sources } from './sources.js';
import { groupsOf } from './statements.js';
import { prepareStoriesSteps } from './stories.js';
import { storiesAnswer } from './story-list.js';
import type { Answer } from './types.js';
import { eventTimeline } from './timeline.js';
import { when } from './when.js';
import { who } from './who.js';
import { wording } from './wording.js';
import { partiesOf } from './wording-parties.js';

/** Answers every command over one corpus. Build once; every method is synchronous and pure. */
export class Engine {
  private constructor(readonly kb: KnowledgeBase) {}

  /** Derives the index and facts from a loaded corpus. */
  static build(corpus: Corpus): Engine {
    return new Engine(buildKnowledgeBase(corpus));
  }

  /** An engine over an already derived knowledge base (e.g. restored from the start-up cache). */
  static of(kb: KnowledgeBase): Engine {
    return new Engine(kb);
  }

  /**
   * Works out ahead what the first answers over the knowledge base would otherwise pay for: its
   * stories, which `compare`, `quotes` and `stories` keep to. A server's engine is composed again
   * at every publish, and its first `/compare` would otherwise group the new articles while a
   * member waits. Returns the engine.
   */
  prepare(): this {
    finishNow(this.prepareSteps());
    return this;
  }

  /** {@link prepare} in steps, to run cooperatively before the engine is put in place. */
  prepareSteps(): Stepwise<void> {
    return prepareStoriesSteps(this.kb);
  }

  /**
   * What answers would read on first need and is too long to do before serving (every article's
   * quotations: seconds at 100 000 paragraphs), as steps to run cooperatively while serving.
   */
  warmUpSteps(): Stepwise<void> {
    return warmUp(this.kb);
  }

  get corpus(): Corpus {
    return this.kb.corpus;
  }

  ask(question: string): Answer {
    return ask(this.kb, question);
  }

  who(query?: string): Answer {
    return who(this.kb, query);
  }

  when(query?: string): Answer {
    return when(this.kb, query);
  }

  compare(topic: string): Answer {
    return compare(this.kb, topic);
  }

  cite(query: string): Answer {
    return cite(this.kb, query);
  }

  sources(): Answer {
    return sources(this.kb.corpus);
  }

  /** The articles grouped by event, most recent first, with the outlets that cover each and those that do not. */
  stories(): Answer {
    return storiesAnswer(this.kb);
  }

  /** The events the articles date, across outlets, oldest first; on a topic, or the head of the whole timeline. */
  timeline(topic?: string): Answer {
    return eventTimeline(this.kb, topic);
  }

  /** The verbatim quotations with their speakers, the same statement across outlets grouped: all (most quoted first), a person's, or a topic's. */
  quotes(query?: string): Answer {
    return quotes(this.kb, query);
  }

  /** For each referent of a topic (a figure, a name, a quoted statement), the words each outlet uses, counted, with where. */
  wording(topic: string): Answer {
    return wording(this.kb, topic);
  }

  /** What each outlet covering a claim's topic says of each figure, date, role and quotation the claim states: the same, something different, nothing. Never whether it is true. */
  check(claim: string): Answer {
    return checkClaim(this.kb, claim);
  }

}

/**
 * The data files answers compile (countries, counted nouns: the built-in ones are read from disk
 * and validated on first use, over a hundred milliseconds), every article's quotations, then the
 * list of stories, read ahead of the members who ask.
 */
function* warmUp(kb: KnowledgeBase): Stepwise<void> {
  partiesOf(kb);
  groupsOf(kb);
  yield;
  yield* readEveryArticleSteps(kb);
  yield;
  storiesAnswer(kb);
}
