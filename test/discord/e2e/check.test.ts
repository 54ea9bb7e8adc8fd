/**
 * End to end: "Check this claim" through the real bot and the Discord double, as the message
 * menu ("Check this claim", « Vérifier l’affirmation ») and as `/check` (`/verifier`), in French
 * and English, on the seeds and on the invented stories: per outlet, the same, something
 * different or nothing for each item, each passage quoted verbatim with its reference; never a
 * verdict; every body valid per Discord's schema and within its limits, mentions off, the first
 * response within the acknowledgement deadline; a message without text refused shortly.
 */
import { embedLength } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckAnswer } from '../../../src/answers/check-claim-types.js';
import { dispatch } from '../../../src/commands/table.js';
import { CHECK_MENU } from '../../../src/discord/commands.js';
import { parseSlashArgs } from '../../../src/discord/parse-input.js';
import { EMBED, INTERACTION, MESSAGE } from '../../../src/discord/limits.js';
import { loadEngine } from '../../../src/load-engine.js';
import { shortReference } from '../../../src/render/format.js';
import type { RecordedMessage } from '../double/index.js';
import { STORIES_DIR } from '../../fixtures/stories/truth.js';
import { final, messageBodies, readable, startHarness, type Harness } from './harness.js';

type Locale = 'fr' | 'en-US';

function expectWithinLimits(message: RecordedMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(message.embeds.length).toBeLessThanOrEqual(MESSAGE.EMBEDS_MAX);
  expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(EMBED.TOTAL_MAX);
  for (const e of message.embeds) expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED.FIELDS_MAX);
}

function checkOf(h: Harness, claim: string): CheckAnswer {
  const answer = dispatch(h.engine, 'check', claim);
  if (answer.kind !== 'check') throw new Error(`expected check, got ${answer.kind}`);
  return answer;
}

/** Every outlet's first passage of every item is in the message, with its reference. */
function expectPassagesCited(message: RecordedMessage, answer: CheckAnswer, lang: 'fr' | 'en'): void {
  const text = readable(message);
  const passages = answer.items.flatMap((i) => i.checks.flatMap((c) => c.evidence.slice(0, 1)));
  expect(passages.length).toBeGreaterThan(0);
  for (const p of passages) {
    expect(text).toContain(p.text.replace(/[\s,;:]+$/u, ''));
    expect(text).toContain(shortReference(p.excerpt.citation, lang));
  }
}

async function viaMenu(h: Harness, content: string, locale: Locale) {
  const handle = await h.double.sendInteraction(h.double.fixtures.messageContext({ name: CHECK_MENU.name, locale, targetMessage: { content } }));
  const callback = await handle.waitForCallback();
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  return { callback, message: final(await handle.waitForMessage()) };
}

async function viaSlash(h: Harness, claim: string, locale: Locale) {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'check', options: { claim }, locale }));
  const callback = await handle.waitForCallback();
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  return { callback, message: final(await handle.waitForMessage()) };
}

describe('GIVEN the bot on the seed articles', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const claim = 'Pyongyang envoie 1 000 sapeurs à Koursk, selon Sergueï Choïgou, secrétaire du Conseil de sécurité.';
  for (const [locale, lang, title, same, notVerdict] of [
    ['fr', 'fr', 'Ce que dit chaque source', 'AFP ✓ donne le même chiffre', 'Ceci ne dit pas si l’affirmation est vraie'],
    ['en-US', 'en', 'What each source says', 'AFP ✓ gives the same figure', 'This does not say whether the claim is true'],
  ] as const) {
    it(`WHEN "Check this claim" is used on a message in ${locale} THEN each outlet's passages on its figure and role come, ephemeral, never a verdict`, async () => {
      const { callback, message } = await viaMenu(h, `<@1180000000000000300> ${claim} https://x.example/post`, locale);
      expect(callback.ephemeral).toBe(true);
      expectWithinLimits(message);
      const text = readable(message);
      expect(text).toContain(title);
      expect(text).toContain(same);
      expect(text).toContain(notVerdict);
      // What this is not is said once; nothing else says true or false.
      expect(text.replace(notVerdict, '')).not.toMatch(/\b(?:faux|fausse|vraie?|true|false)\b/iu);
      expectPassagesCited(message, checkOf(h, claim), lang);
    });
  }

  it('WHEN /verifier is used in French THEN the same answer comes, shown in the channel', async () => {
    const { callback, message } = await viaSlash(h, claim, 'fr');
    expect(callback.ephemeral).toBe(false);
    expectWithinLimits(message);
    expect(readable(message)).toContain('RT ✓ donne le même chiffre');
    expectPassagesCited(message, checkOf(h, claim), 'fr');
  });

  it('WHEN "Check this claim" is used on a message without text THEN a short ephemeral error with its code', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.messageContext({ name: CHECK_MENU.name, locale: 'en-US', targetMessage: { content: '<@1180000000000000300> https://x.example/a' } }));
    const message = final(await handle.waitForMessage());
    expect(message.ephemeral).toBe(true);
    expect(readable(message)).toMatch(/\[empty-message\]$/u);
  });

  it('WHEN the claim is longer than a slash option takes THEN a polite refusal, nothing run', () => {
    expect(() => parseSlashArgs('check', { claim: 'x'.repeat(1_001) })).toThrow(/query-too-long|1000/u);
  });

  it('THEN every request was valid per Discord’s OpenAPI spec and every message turned mentions off', () => {
    expect(h.double.violations).toEqual([]);
    expect(h.double.unhandledRequests).toEqual([]);
    const bodies = messageBodies(h.double);
    expect(bodies.length).toBeGreaterThan(3);
    for (const { body } of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('GIVEN the bot on the invented stories', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ engine: await loadEngine(STORIES_DIR, { cacheDir: false }) });
  });
  afterAll(async () => {
    await h?.close();
  });

  const claim = 'Vu sur un groupe : le barrage de Combe-Noire a fait quatre morts 😢';
  for (const [locale, lang, same, different, outside] of [
    ['fr', 'fr', 'Courrier ✓ donne le même chiffre', 'AHP ≠ donne un autre chiffre', 'Aucun article dans ce sujet\u00a0: VDI.'],
    ['en-US', 'en', 'Courrier ✓ gives the same figure', 'AHP ≠ gives another figure', 'No article in this story: VDI.'],
  ] as const) {
    it(`WHEN a death toll is checked in ${locale} THEN the outlet giving it, those giving another, and the outlet without an article in the story are said`, async () => {
      const { message } = await viaMenu(h, claim, locale);
      expectWithinLimits(message);
      const text = readable(message);
      expect(text).toContain(same);
      expect(text).toContain(different);
      expect(text).toContain(outside);
      expectPassagesCited(message, checkOf(h, claim), lang);
    });
  }

  it('THEN every request was valid per Discord’s OpenAPI spec', () => {
    expect(h.double.violations).toEqual([]);
    expect(h.double.unhandledRequests).toEqual([]);
  });
});
