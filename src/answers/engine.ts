/**
 * The answering engine: one object built from a corpus, one method per command. Plain data in,
 * plain data out; the Discord adapter and the terminal both call {@link Engine.run}.
 */
import type { Corpus } from '../corpus/types.js';
import { ask } from './ask.js';
import { cite } from './cite.js';
import { compare } from './compare.js';
import { buildKnowledgeBase, type KnowledgeBase } from './facts.js';
import { sources } from './sources.js';
import { COMMAND_NAMES, type Answer, type CommandName } from './types.js';
import { when } from './when.js';
import { who } from './who.js';

/** Commands that need text, and the name of that text in usage lines. */
export const COMMAND_ARGUMENT: Readonly<Record<CommandName, { readonly name: string; readonly required: boolean } | undefined>> = {
  ask: { name: 'question', required: true },
  who: { name: 'query', required: false },
  when: { name: 'query', required: false },
  compare: { name: 'topic', required: true },
  cite: { name: 'query', required: true },
  sources: undefined,
  help: undefined,
};

/** A user-facing problem with a command's input; `code` is stable and localised by renderers. */
export class UserInputError extends Error {
  constructor(
    readonly code: 'missing-argument' | 'unknown-command',
    readonly detail: string,
  ) {
    super(`recoupe: ${code}: ${detail}`);
    this.name = 'UserInputError';
  }
}

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
   * Runs a command by name. Throws {@link UserInputError} for an unknown command or a missing
   * required argument; never for what the argument says.
   */
  run(command: string, text = ''): Answer {
    if (!isCommandName(command)) throw new UserInputError('unknown-command', command);
    const argument = text.trim();
    if (COMMAND_ARGUMENT[command]?.required && argument === '') throw new UserInputError('missing-argument', command);
    switch (command) {
      case 'ask':
        return this.ask(argument);
      case 'who':
        return this.who(argument);
      case 'when':
        return this.when(argument);
      case 'compare':
        return this.compare(argument);
      case 'cite':
        return this.cite(argument);
      case 'sources':
        return this.sources();
      case 'help':
        return this.help();
    }
  }
}

/** Narrows a string to a command name. */
export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}
