/**
 * Logs never hold a token: neither the bot's nor an interaction's (found in callback URLs).
 */
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { addSecret, createLogger, describeError, redactTokens } from '../../src/discord/logger.js';

const BOT_TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.double.test-token-not-a-secret';

describe('redactTokens', () => {
  it('GIVEN callback and webhook URLs WHEN redacted THEN the interaction tokens are gone, the ids stay', () => {
    const url = 'http://127.0.0.1:1/api/v10/interactions/123/aW50ZXJhY3Rpb246MTIzOnNlY3JldA/callback and /webhooks/456/aW50ZXJhY3Rpb24/messages/@original';
    expect(redactTokens(url)).toBe('http://127.0.0.1:1/api/v10/interactions/123/[token]/callback and /webhooks/456/[token]/messages/@original');
  });

  it('GIVEN a bot token in a message WHEN redacted THEN it is gone', () => {
    expect(redactTokens(`login with ${BOT_TOKEN} failed`)).toBe('login with [token] failed');
  });
});

describe('describeError', () => {
  it('GIVEN a DiscordAPIError on a callback WHEN described THEN code, status and method stay, the token does not', () => {
    const error = new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', 'https://discord.com/api/v10/interactions/1/secret-token/callback', { body: { type: 4 } });
    const described = describeError(error);
    expect(described).toMatchObject({ code: 10062, status: 404, method: 'POST', url: 'https://discord.com/api/v10/interactions/1/[token]/callback' });
    expect(JSON.stringify(described)).not.toContain('secret-token');
  });
});

describe('createLogger, read back from its output stream', () => {
  /** The bot's logger writing into an array, at `debug`. */
  function capture() {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    return { logger, lines, text: () => lines.join('') };
  }
  const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTE4MDAwMDAwMDAwMDAwMDk5OTpmYWtlLXNlY3JldA';
  const CALLBACK = `https://discord.com/api/v10/interactions/1180000000000000999/${INTERACTION_TOKEN}/callback?with_response=false`;
  const WEBHOOK = `https://discord.com/api/v10/webhooks/1180000000000000001/${INTERACTION_TOKEN}/messages/@original`;

  it('GIVEN a DiscordAPIError on a callback, with the request body, logged as err THEN neither token nor body reach the output', () => {
    const { logger, text } = capture();
    const error = new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', CALLBACK, { body: { type: 4, data: { content: `a secret question ${BOT_TOKEN}` } } });
    logger.warn({ err: error }, 'interaction no longer answerable');
    const out = JSON.parse(text()) as { err: Record<string, unknown> };
    expect(out.err).toMatchObject({ code: 10062, status: 404, method: 'POST', url: 'https://discord.com/api/v10/interactions/1180000000000000999/[token]/callback?with_response=false' });
    expect(text()).not.toContain(INTERACTION_TOKEN);
    expect(text()).not.toContain(BOT_TOKEN);
    expect(text()).not.toContain('secret question');
  });

  it('GIVEN tokens anywhere in a line (message, arguments, nested fields, other error keys, child bindings) THEN all are redacted', () => {
    const { logger, lines } = capture();
    logger.child({ url: WEBHOOK }).info({ request: { path: CALLBACK, headers: { authorization: `Bot ${BOT_TOKEN}` } }, cause: new Error(`failed at ${WEBHOOK}`) }, `login with ${BOT_TOKEN}`);
    logger.info('edit of %s failed', WEBHOOK);
    logger.error({ config: { DISCORD_TOKEN: BOT_TOKEN }, token: INTERACTION_TOKEN, list: [CALLBACK] }, 'with Authorization: Bot %s', BOT_TOKEN);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(INTERACTION_TOKEN);
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).toContain('[token]');
    }
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'login with [token]', url: expect.stringContaining('/webhooks/1180000000000000001/[token]/'), cause: { name: 'Error' } });
  });

  it('GIVEN a secret of any shape registered with addSecret THEN it is censored too', () => {
    const odd = 'not-a-discord-shaped-token-0123456789';
    addSecret(odd);
    const { logger, text } = capture();
    logger.info({ note: `value ${odd}` }, odd);
    expect(text()).not.toContain(odd);
  });
});
