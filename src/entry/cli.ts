/**
 * `recoupe COMMAND [TEXT...] [--json] [--lang en|fr] [--data DIR]` (also `npm run -s ask -- …`):
 * one answer, printed, exit 0 (also when there is no evidence). The command is named as in
 * Discord, in English or French, with or without its slash (`who`, `/qui`). Exit 2 with the usage
 * on a usage error, 1 when the configuration or the data is invalid. Standard output holds only
 * the answer, so `--json` can be piped.
 */
import { parseArgs } from 'node:util';
import { resolveCommand } from '../commands/table.js';
import { ConfigError, loadConfig } from '../config.js';
import { CorpusError } from '../corpus/load.js';
import { loadEngine } from '../load-engine.js';
import { isLocale } from '../render/messages.js';
import { ansiBold } from '../terminal/render.js';
import { runCommand } from '../terminal/run-command.js';
import { usageText } from '../terminal/usage.js';

function usage(message?: string): never {
  if (message) console.error(`recoupe: ${message}`);
  console.error(usageText());
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, lang: { type: 'string', default: config.RECOUPE_LOCALE }, data: { type: 'string', default: config.DATA_DIR }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usageText());
    return;
  }
  const [command, ...words] = positionals;
  if (!command) usage('a command is required');
  if (!resolveCommand(command)) usage(`unknown command "${command}"`);
  if (!isLocale(values.lang)) usage('--lang must be en or fr');

  const engine = await loadEngine(values.data);
  const result = runCommand(engine, command, words.join(' '), { locale: values.lang, ...(process.stdout.isTTY && !values.json ? { highlight: ansiBold } : {}) });
  if (!result.ok) usage(result.text);
  console.log(values.json ? JSON.stringify(result.answer, null, 2) : result.text);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof CorpusError ? error.message : error);
  process.exit(1);
});
