/**
 * `npm run ingest -- INPUT [options]`: one article (or every item of a feed) from a file, `-`
 * (standard input) or a URL into `data/articles/`. The command itself is
 * `src/corpus/ingest-command.ts`; this entry gives it the environment after `.env` is read, so
 * `DATA_DIR` there counts as it does for every other command.
 */
import { ConfigError, loadConfig } from '../config.js';
import { runIngest } from '../corpus/ingest-command.js';

try {
  const config = loadConfig();
  process.exitCode = await runIngest(process.argv.slice(2), { ...process.env, DATA_DIR: config.DATA_DIR }, process);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
