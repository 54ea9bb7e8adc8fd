/**
 * End to end: `/wording` (`/termes`) through the real bot and the Discord double, in French and
 * English, on the seeds (AFP and RT on the North Korean workers for Koursk) and on the invented
 * stories: each outlet's words for a referent, counted, each phrase's paragraph quoted verbatim
 * with its outlet, date and paragraph; every body valid per Discord's schema and within its
 * limits, mentions off, the first response within the acknowledgement deadline; "More" pages on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WordingAnswer } from '../../../src/answers/wording-types.js';
import { dispatch } from '../../../src/commands/table.js';
import { INTERACTION } from '../../../src/discord/limits.js';
import { WORDING_PAGE_SIZE } from '../../../src/discord/render/wording.js';
import { loadEngine } from '../../../src/load-engine.js';
import { shortReference } from '../../../src/render/format.js';
import type { RecordedMessage } from '../double/index.js';
import { buttonsOf, cardFooter } from '../support.js';
import { STORIES_DIR } from '../../fixtures/stories/truth.js';
import { expectCardWithinLimits } from './card-checks.js';
import { final, readable, startHarness, type Harness } from './harness.js';

type Locale = 'fr' | 'en-US';

async function run(h: Harness, topic: string, locale: Locale) {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'wording', options: { topic }, locale }));
  const callback = await handle.waitForCallback();
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  return { callback, message: final(await handle.waitForMessage()) };
}

function wordingOf(h: Harness, topic: string): WordingAnswer {
  const answer = dispatch(h.engine, 'wording', topic);
  if (answer.kind !== 'wording') throw new Error(`expected wording, got ${answer.kind}`);
  return answer;
}


/** The page's phrases are in the message with their paragraph's reference. */
function expectPageCited(message: RecordedMessage, answer: WordingAnswer, page: number, lang: 'fr' | 'en'): void {
  const text = readable(message);
  const phrases = answer.referents.slice(page * WORDING_PAGE_SIZE, (page + 1) * WORDING_PAGE_SIZE).flatMap((r) => r.outlets.flatMap((o) => o.phrases));
  expect(phrases.length).toBeGreaterThan(0);
  for (const p of phrases) {
    expect(text).toContain(p.text);
    expect(text).toContain(shortReference(p.excerpt.citation, lang));
  }
}

describe('GIVEN the bot on the seed articles', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [locale, lang, title, afp, rt] of [
    ['fr', 'fr', /Termes employés sur « Corée du Nord Koursk »/u, 'AFP écrit « ouvriers » (2×)', 'RT écrit « militaires bâtisseurs » (1×)'],
    ['en-US', 'en', /Wording on “Corée du Nord Koursk”/u, 'AFP writes “ouvriers” (2×)', 'RT writes “militaires bâtisseurs” (1×)'],
  ] as const) {
    it(`WHEN /wording is used in ${locale} THEN each outlet's words for the 5 000 workers come, counted and cited`, async () => {
      const { callback, message } = await run(h, 'Corée du Nord Koursk', locale);
      expect(callback.type).toBe(4);
      expectCardWithinLimits(message);
      const text = readable(message);
      expect(text).toMatch(title);
      expect(text).toContain(afp);
      expect(text).toContain(rt);
      expectPageCited(message, wordingOf(h, 'Corée du Nord Koursk'), 0, lang);
    });
  }

  it('WHEN "More" is pressed THEN the next referents come, still in the asker’s language', async () => {
    const answer = wordingOf(h, 'Corée du Nord Koursk');
    expect(answer.referents.length).toBeGreaterThan(WORDING_PAGE_SIZE);
    const { message } = await run(h, 'Corée du Nord Koursk', 'en-US');
    const more = buttonsOf(message).find((b) => b.label === 'More');
    if (!more?.custom_id) throw new Error('no More button');
    const handle = await h.double.sendInteraction(
      h.double.fixtures.button({ customId: more.custom_id, locale: 'en-US', message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...((message.components ?? []) as never[])], content: '' } }),
    );
    expect((await handle.waitForCallback()).type).toBe(7);
    const next = final(await handle.waitForMessage());
    expectCardWithinLimits(next);
    expect(cardFooter(next)).toMatch(/page 2\/\d/u);
    expectPageCited(next, answer, 1, 'en');
  });

  it('WHEN a topic nothing covers is asked THEN "no evidence", in the asker’s language', async () => {
    const { message } = await run(h, 'xylophone quantique', 'fr');
    expectCardWithinLimits(message);
    expect(readable(message)).toMatch(/Aucun élément dans le corpus/u);
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

  for (const [locale, lang, spelled, none] of [
    ['fr', 'fr', 'Le Fil écrit « Rémy Establet » (1×)', 'VDI : aucun terme trouvé pour cela'],
    ['en-US', 'en', 'Le Fil writes “Rémy Establet” (1×)', 'VDI: no wording found for it'],
  ] as const) {
    it(`WHEN /wording on the wildfire is used in ${locale} THEN each spelling is given per outlet, and an outlet without any is said to have none`, async () => {
      const { message } = await run(h, 'incendie des Vaudrettes', locale);
      expectCardWithinLimits(message);
      const text = readable(message);
      expect(text).toContain(spelled);
      expect(text).toContain(none);
      expectPageCited(message, wordingOf(h, 'incendie des Vaudrettes'), 0, lang);
    });
  }
});
