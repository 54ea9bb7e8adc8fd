/**
 * Logs never hold a token: neither the bot's nor an interaction's (found in callback URLs).
 */
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeError, redactTokens } from '../../src/discord/logger.js';

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
