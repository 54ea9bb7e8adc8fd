/**
 * `npm run start:http`: the bot as Discord's Interactions Endpoint URL, without a gateway
 * connection (`src/discord/http/`). Needs `DISCORD_TOKEN` and `DISCORD_PUBLIC_KEY`; listens on
 * `HTTP_HOST:HTTP_PORT` (default `0.0.0.0:8080`). Serves the living corpus like `npm start` (the
 * PostgreSQL server of `DATABASE_URL` when several processes serve one application). Exits 0
 * after SIGTERM or SIGINT once the interactions in flight are answered, 1 with a one-line reason
 * when the configuration or Discord refuses it.
 */
import { ConfigError, loadConfig } from '../config.js';
import { CorpusError } from '../corpus/load.js';
import { BotFatalError } from '../discord/bot.js';
import { startHttpBot, type HttpBot } from '../discord/http/http-bot.js';
import { createLogger } from '../discord/logger.js';
import { loadEngine } from '../load-engine.js';
import { StoreError } from '../store/types.js';
import { startLivingCorpus, type LivingCorpus } from './living-corpus.js';
import { botHealth } from './bot-health.js';
import { stopOnSignals } from './shutdown.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const missing = (['DISCORD_TOKEN', 'DISCORD_PUBLIC_KEY'] as const).filter((key) => !config[key]);
  if (missing.length > 0) throw new ConfigError(missing.map((key) => ({ key, message: 'is required by npm run start:http (see README.md, "HTTP interactions mode")' })));
  const logger = createLogger(config.LOG_LEVEL);
  const opened: { bot?: HttpBot; living?: LivingCorpus } = {};
  stopOnSignals({ logger, stop: async () => {
    await opened.bot?.stop();
    await opened.living?.close();
  } });
  const engine = await loadEngine(config.DATA_DIR);
  const living = (opened.living = await startLivingCorpus(config, engine, logger));
  opened.bot = await startHttpBot({ config, engines: living.live, moderation: living.moderation, feedback: living.store, logger, ...botHealth() });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof CorpusError || error instanceof StoreError || error instanceof BotFatalError;
  console.error(known ? error.message : error);
  process.exit(1);
});
