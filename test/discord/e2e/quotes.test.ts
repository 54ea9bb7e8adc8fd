/**
 * End to end: `/quotes` (`/citations`) through the real bot and the Discord double, in French and
 * English, on the invented reports of test/fixtures/quotes (a statement three outlets carry) and
 * on the seeds (a person asked under another spelling): every quotation shown is its article's
 * words with its outlet, date and paragraph, every body is valid per Discord's schema and within
 * its limits, mentions are off, the first response comes within 3 s, and "More" pages on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotesAnswer } from '../../../src/answers/types.js';
import { dispatch } from '../../../src/commands/table.js';
import { INTERACTION } from '../../../src/discord/limits.js';
import { loadEngine } from '../../../src/load-engine.js';
import { shortReference } from '../../../src/render/format.js';
import { QUOTES_PAGE_SIZE } from '../../../src/discord/render/quotes.js';
import type { RecordedMessage } from '../double/index.js';
import { buttonsOf, cardFooter } from '../support.js';
import { QUOTES_DIR } from '../../fixtures/quotes/truth.js';
import { expectCardWithinLimits } from './card-checks.js';
import { final, readable, startHarness, type Harness } from './harness.js';

type Locale = 'fr' | 'en-US';

async function run(h: Harness, options: Record<string, string | boolean>, locale: Locale) {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'quotes', options, locale }));
  const callback = await handle.waitForCallback();
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  return { callback, message: final(await handle.waitForMessage()) };
}

function quotesOf(h: Harness, query = ''): QuotesAnswer {
  const answer = dispatch(h.engine, 'quotes', query);
  if (answer.kind !== 'quotes') throw new Error(`expected quotes, got ${answer.kind}`);
  return answer;
}


/** The first page's quotations are in the message, verbatim, each with its reference. */
function expectFirstPageQuoted(message: RecordedMessage, answer: QuotesAnswer, lang: 'fr' | 'en'): void {
  const text = readable(message);
  const shown = answer.groups.slice(0, QUOTES_PAGE_SIZE).flatMap((g) => g.quotations);
  expect(shown.length).toBeGreaterThan(0);
  for (const q of shown) {
    expect(text).toContain(q.excerpt.text);
    expect(text).toContain(shortReference(q.excerpt.citation, lang));
  }
}

describe('GIVEN the bot on the invented reports of test/fixtures/quotes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ engine: await loadEngine(QUOTES_DIR, { cacheDir: false }) });
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [locale, lang, heading, mostQuoted, carried] of [
    ['fr', 'fr', /Citations/u, /Les plus cités/u, /reprise par AGP, KVX, QdE|reprise par AGP, QdE, KVX/u],
    ['en-US', 'en', /Quotations/u, /Most quoted/u, /carried by AGP, KVX, QdE|carried by AGP, QdE, KVX/u],
  ] as const) {
    it(`WHEN /quotes is used in ${locale} THEN the most quoted come first, then statements with their speakers, verbatim`, async () => {
      const { callback, message } = await run(h, {}, locale);
      expect(callback.type).toBe(4);
      expectCardWithinLimits(message);
      const text = readable(message);
      expect(text).toMatch(heading);
      expect(text).toMatch(mostQuoted);
      expect(text).toContain('Ilia Varenko');
      expect(text).toMatch(carried);
      expectFirstPageQuoted(message, quotesOf(h), lang);
    });
  }

  it('WHEN a person is asked in French THEN their statements come, with the wording differences between outlets', async () => {
    const { message } = await run(h, { query: 'Varenko' }, 'fr');
    expectCardWithinLimits(message);
    const text = readable(message);
    expect(text).toMatch(/Citations d’Ilia Varenko/u);
    expect(text).toMatch(/Formulation/u);
    expect(text).toContain('« tendre une main fraternelle à »');
    expectFirstPageQuoted(message, quotesOf(h, 'Varenko'), 'fr');
  });

  it('WHEN "More" is pressed THEN the next statements come, still in the asker’s language', async () => {
    const { message } = await run(h, {}, 'en-US');
    const more = buttonsOf(message).find((b) => b.label === 'More');
    if (!more?.custom_id) throw new Error('no More button');
    const handle = await h.double.sendInteraction(
      h.double.fixtures.button({ customId: more.custom_id, locale: 'en-US', message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...((message.components ?? []) as never[])], content: '' } }),
    );
    const callback = await handle.waitForCallback();
    expect(callback.type).toBe(7);
    const next = final(await handle.waitForMessage());
    expectCardWithinLimits(next);
    expect(cardFooter(next)).toMatch(/page 2\/\d/u);
    const fourth = quotesOf(h).groups[QUOTES_PAGE_SIZE];
    expect(readable(next)).toContain(fourth?.quotations[0]?.excerpt.text);
  });
});

describe('GIVEN the bot on the seed articles', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [locale, lang, heading] of [
    ['fr', 'fr', /Citations de Sergueï Choïgou/u],
    ['en-US', 'en', /Quotations of Sergueï Choïgou/u],
  ] as const) {
    it(`WHEN /quotes Shoigu is used in ${locale} THEN Choïgou's quotations come, the relayed ones said so`, async () => {
      const { message } = await run(h, { query: 'Shoigu' }, locale);
      expectCardWithinLimits(message);
      const text = readable(message);
      expect(text).toMatch(heading);
      expect(text).toMatch(lang === 'fr' ? /rapporté par l'agence russe Ria Novosti/u : /reported by l'agence russe Ria Novosti/u);
      expect(text).toContain("« l'aide fraternelle »");
      expect(text).toContain('« véritable assistance fraternelle »');
      expectFirstPageQuoted(message, quotesOf(h, 'Shoigu'), lang);
    });
  }

  it('WHEN a topic nothing covers is asked THEN "no evidence", in the asker’s language', async () => {
    const { message } = await run(h, { query: 'xylophone quantique' }, 'fr');
    expectCardWithinLimits(message);
    expect(readable(message)).toMatch(/Aucun élément dans le corpus/u);
  });
});
