/**
 * `npm run deploy [-- --force]`: registers the slash commands and the context menu, without
 * logging in to the gateway, for operators who prefer registration as a separate step. Like the
 * bot at start-up it only writes when what Discord has differs from the definitions (`--force`
 * writes anyway). Uses DISCORD_TOKEN, DISCORD_GUILD_ID (else global) and DISCORD_API_URL.
 */
import { parseArgs } from 'node:util';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { ConfigError, loadConfig } from '../config.js';
import { BAD_TOKEN_MESSAGE } from '../discord/bot.js';
import { createLogger } from '../discord/logger.js';
import { syncCommands } from '../discord/registration.js';

async function deploy(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { force: { type: 'boolean', default: false } } });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    console.error('recoupe: DISCORD_TOKEN is not set (see .env.example).');
    process.exit(2);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  // The application the token belongs to: no need to configure its id separately.
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const target = { applicationId: application.id, ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}) };
  const result = await syncCommands(rest, target, createLogger(config.LOG_LEVEL), values.force);
  const where = config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global; may take a while to appear)';
  console.error(result === 'registered' ? `recoupe: commands registered for ${where}.` : `recoupe: commands already up to date for ${where}; nothing sent.`);
}

deploy(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof DiscordAPIError && error.status === 401) console.error(`recoupe: ${BAD_TOKEN_MESSAGE}`);
  else console.error('recoupe: deploy failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
