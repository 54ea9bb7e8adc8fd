/**
 * `npm start`: with `DISCORD_TOKEN` set, the Discord bot; without, the terminal console over the
 * same engine, after one line on how to connect Discord.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { CorpusError } from './corpus/load.js';
import { loadEngine } from './load-engine.js';
import { runConsole } from './terminal/console.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await loadEngine(config.DATA_DIR);
  if (!config.DISCORD_TOKEN) {
    console.error('No DISCORD_TOKEN set: starting the terminal console. To connect Discord, put DISCORD_TOKEN in .env (see README.md, "Connect a Discord application").');
    await runConsole(engine, config.RECOUPE_LOCALE);
    return;
  }
  console.error('DISCORD_TOKEN is set, but this build has no Discord adapter yet.');
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof CorpusError ? error.message : error);
  process.exit(1);
});
