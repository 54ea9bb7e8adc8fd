/**
 * `npm run ask -- COMMAND [TEXT...] [--json] [--lang en|fr] [--data DIR]`: one answer, printed,
 * exit 0 (also when there is no evidence). Exit 2 with a usage line on a usage error.
 */
import { parseArgs } from 'node:util';
import { COMMAND_NAMES } from './answers/types.js';
import { isCommandName } from './answers/engine.js';
import { CorpusError } from './corpus/load.js';
import { loadEngine } from './load-engine.js';
import { ansiBold } from './render/text.js';
import { runCommand } from './terminal/run-command.js';

const USAGE = `usage: npm run ask -- <${COMMAND_NAMES.join('|')}> [text...] [--json] [--lang en|fr] [--data DIR]`;

function usage(message?: string): never {
  if (message) console.error(`recoupe: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, lang: { type: 'string', default: process.env.RECOUPE_LOCALE || 'en' }, data: { type: 'string', default: process.env.DATA_DIR || 'data' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command, ...words] = positionals;
  if (!command) usage('a command is required');
  if (!isCommandName(command.replace(/^\//, '').toLowerCase())) usage(`unknown command "${command}"`);
  if (values.lang !== 'en' && values.lang !== 'fr') usage('--lang must be en or fr');

  const engine = await loadEngine(values.data);
  const result = runCommand(engine, command, words.join(' '), { locale: values.lang, ...(process.stdout.isTTY && !values.json ? { highlight: ansiBold } : {}) });
  if (!result.ok) usage(result.text);
  console.log(values.json ? JSON.stringify(result.answer, null, 2) : result.text);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof CorpusError ? error.message : error);
  process.exit(1);
});
