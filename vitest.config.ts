import { defineConfig } from 'vitest/config';

/**
 * End-to-end suites that hold whichever way Discord delivers interactions: run a second time
 * with the bot in HTTP interactions mode (`startHttpBot`, every interaction POSTed to its
 * endpoint, signed). Left out: the suites about the gateway itself (faults, sharding, health,
 * lifecycle, load), about REST callback faults (errors, logs), and those asserting that a reply
 * with files is the first response (export, gaps, timeline), which the HTTP mode defers and then
 * edits in (`src/discord/http/first-responses.ts`; `http-interactions.test.ts` covers them).
 */
const BOTH_MODES = ['commands', 'moderation', 'live-moderation', 'feedback', 'mentions', 'check', 'quotes', 'wording', 'stories', 'hostile', 'cooldown', 'engines'].map((name) => `test/discord/e2e/${name}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'recoupe', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'http-mode', include: BOTH_MODES, env: { RECOUPE_E2E_MODE: 'http' } } },
    ],
  },
});
