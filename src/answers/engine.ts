/**
 * The answering engine: one object built from a corpus, one method per answer. Plain data in,
 * plain data out; the Discord adapter and the terminal both call {@link Engine.run}, which runs a
 * command of the table (`src/commands/table.ts`) by name.
 */
import { dispatch } from '../commands/table.js';
import type { Corpus } from '../corpus/types.js';
import { ask } from './ask.js';
import { cite } from './cite.js';
import { compare } from './compare.js';
import { buildKnowledgeBase, type KnowledgeBase } from './facts.js';
import { sources } from './sources.js';
import { COMMAND_NAMES, type Answer } from './types.js';
import { when } from './when.js';
import { who } from './who.js';

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

  help(): Answer {
    return { kind: 'help', commands: COMMAND_NAMES };
  }

  /**
   * Runs a command of the table by its canonical name. Throws `UserError` (src/commands/user-error.ts)
   * for an unknown command or a missing required argument; never for what the argument says.
   */
  run(command: string, text = ''): Answer {
    return dispatch(this, command, text);
  }
}
