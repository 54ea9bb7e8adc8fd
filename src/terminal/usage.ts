/**
 * The usage text of `recoupe` (`npm run ask`), derived from the command table so that it lists
 * every command, with its argument and its French name.
 */
import { COMMAND_NAMES, commandSpec, usageOf } from '../commands/table.js';

/** The first line: how the command line is built. */
export const USAGE_LINE = 'usage: recoupe <command> [text...] [--json] [--lang en|fr] [--data DIR]';

/** The whole usage text: the usage line, then one line per command (`who [query]   (fr: qui)`). */
export function usageText(): string {
  const rows = COMMAND_NAMES.map((name) => [usageOf(name, 'en').slice(1), commandSpec(name).name.fr] as const);
  const width = Math.max(...rows.map(([usage]) => usage.length));
  return [
    USAGE_LINE,
    '       (in a clone: ./bin/recoupe.js, or npm run -s ask -- …; -s keeps npm’s banner off standard output)',
    'commands (also with a slash, or by their French name):',
    ...rows.map(([usage, fr]) => `  ${usage.padEnd(width)}  fr: ${fr}`),
  ].join('\n');
}
