/**
 * What each slash command asks of the engine, typed from its definition: a handler receives
 * exactly the options `commands.ts` declares (required ones never undefined). Handlers only say
 * which engine command to run on which text; running it, rendering and replying is the router's,
 * the same for every command, and the "More" button runs the same request again.
 */
import type { CommandName } from '../answers/types.js';
import type { SlashArgs, SlashName } from './commands.js';

/** One run of the engine: `engine.run(command, query)`. */
export interface EngineRequest {
  readonly command: CommandName;
  /** The text searched for; empty for commands without one (`/sources`, or `/who` alone). */
  readonly query: string;
}

/** The handlers, one per slash command. */
export const HANDLERS: { readonly [K in SlashName]: (args: SlashArgs<K>) => EngineRequest } = {
  ask: ({ question }) => ({ command: 'ask', query: question }),
  who: ({ query }) => ({ command: 'who', query: query ?? '' }),
  when: ({ query }) => ({ command: 'when', query: query ?? '' }),
  compare: ({ topic }) => ({ command: 'compare', query: topic }),
  cite: ({ query }) => ({ command: 'cite', query }),
  sources: () => ({ command: 'sources', query: '' }),
  help: () => ({ command: 'help', query: '' }),
};

/** Runs the handler of `name` (a helper so that TypeScript pairs a name with its arguments). */
export function requestFor<K extends SlashName>(name: K, args: SlashArgs<K>): EngineRequest {
  const handler = HANDLERS[name] as (a: SlashArgs<K>) => EngineRequest;
  return handler(args);
}
