/**
 * `npm start`: with `DISCORD_TOKEN` set, the Discord bot; without, the terminal console over the
 * same engine, after one line on how to connect Discord.
 *
 * The bot exits 0 after SIGTERM or SIGINT (replies in flight are finished first, then the gateway
 * is closed), and 1 with a one-line reason when Discord refuses the token.
 */
import type { Engine } from '../answers/engine.js';
import { ConfigError, healthPortOfThisShard, loadConfig, type Config } from '../config.js';
import { CorpusError } from '../corpus/load.js';
import { BotFatalError, startBot, type Bot } from '../discord/bot.js';
import { createLogger } from '../discord/logger.js';
import { loadEngine } from '../load-engine.js';
import { StoreError } from '../store/types.js';
import { botHealth } from './bot-health.js';
import { startLivingCorpus, type LivingCorpus } from './living-corpus.js';
import { stopOnSignals } from './shutdown.js';
import { runConsole } from '../terminal/console.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await loadEngine(config.DATA_DIR);
  if (!config.DISCORD_TOKEN) {
    console.error('No DISCORD_TOKEN set: starting the terminal console. To connect Discord, put DISCORD_TOKEN in .env (see README.md, "Connect a Discord application").');
    await runConsole(engine, config.RECOUPE_LOCALE);
    return;
  }
  await runBot(config, engine);
}

/** The Discord bot until SIGTERM/SIGINT (exit 0 once in-flight replies are done) or a fatal gateway close (exit 1). */
async function runBot(config: Config, engine: Engine): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const exitFatal = (error: Error) => {
    logger.fatal(error.message);
    console.error(error.message);
    process.exit(1);
  };
  let bot: Bot | undefined;
  const opened: { living?: LivingCorpus } = {};
  // Installed before logging in, so that a SIGTERM during start-up also exits cleanly; the
  // store closes after the last reply, so that a publish in flight commits or not as a whole.
  stopOnSignals({ logger, stop: async () => {
    await bot?.stop();
    await opened.living?.close();
  } });
  const living = (opened.living = await startLivingCorpus(config, engine, logger));
  try {
    bot = await startBot({ config: { ...config, HEALTH_PORT: healthPortOfThisShard(config) }, engines: living.live, moderation: living.moderation, feedback: living.store, logger, onFatal: exitFatal, ...botHealth() });
  } catch (error) {
    if (error instanceof BotFatalError) exitFatal(error);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof CorpusError || error instanceof StoreError ? error.message : error);
  process.exit(1);
});
