/**
 * End to end: the real bot, logged in to the Discord double and answering from the invented
 * multi-outlet stories, lists the stories in French (`/affaires`) and English (`/stories`), each
 * with the outlets that have no article in it, within every limit, mentions off; "More" shows
 * the next stories; `/compare` on a topic several stories share says which one it stays within.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoriesAnswer } from '../../../src/answers/types.js';
import { COMMAND_NAMES } from '../../../src/commands/table.js';
import { INTERACTION } from '../../../src/discord/limits.js';
import { parseHexColor } from '../../../src/discord/render/pieces.js';
import { formatDay } from '../../../src/render/format.js';
import { loadEngine } from '../../../src/load-engine.js';
import type { RecordedMessage } from '../double/index.js';
import { buttonsOf, cardFooter, containersOf } from '../support.js';
import { STORIES_DIR } from '../../fixtures/stories/truth.js';
import { expectCardWithinLimits } from './card-checks.js';
import { final, readable, startHarness, type Harness } from './harness.js';

let h: Harness;
let answer: StoriesAnswer;
beforeAll(async () => {
  h = await startHarness({ engine: await loadEngine(STORIES_DIR, { cacheDir: false }) });
  const a = h.engine.stories();
  if (a.kind !== 'stories') throw new Error(a.kind);
  answer = a;
});
afterAll(async () => {
  await h?.close();
});

async function run(name: string, options: Record<string, string>, locale: 'fr' | 'en-US') {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, locale }));
  const callback = await handle.waitForCallback();
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  return { callback, message: final(await handle.waitForMessage()) };
}


/** The stories a page shows: one container each, titled `### N. …`. */
const storyContainers = (message: RecordedMessage) => containersOf(message).filter((c) => /^### \d+\\?\. /u.test(c.texts[0] ?? ''));

describe('GIVEN the bot answering from the invented stories', () => {
  it('THEN /stories is registered with the other commands, French name affaires', () => {
    expect(COMMAND_NAMES).toContain('stories');
    const registered = h.double.commands('1180000000000000100').find((c) => c.name === 'stories') as { name_localizations?: Record<string, string> } | undefined;
    expect(registered?.name_localizations?.fr).toBe('affaires');
  });

  for (const locale of ['fr', 'en-US'] as const) {
    const lang = locale === 'fr' ? 'fr' : 'en';
    it(`WHEN /stories is used in ${locale} THEN the first stories come, each with its outlets and who has no article in it, in ${lang}, within every limit`, async () => {
      const { callback, message } = await run('stories', {}, locale);
      expect(callback.type).toBe(4);
      expect(callback.ephemeral).toBe(false);
      expect(message.allowedMentions).toEqual({ parse: [] });
      expectCardWithinLimits(message);
      const text = readable(message);
      const containers = storyContainers(message);
      expect(containers.length).toBe(containersOf(message).length);
      const shown = answer.stories.slice(0, containers.length);
      expect(shown.length).toBeGreaterThan(1);
      for (const [i, story] of shown.entries()) {
        // Each story in its own container, in the colour of the outlet with the most articles in it.
        const color = parseHexColor(story.outlets[0]?.color ?? '');
        expect(color).toBeDefined();
        expect(containers[i]?.color).toBe(color);
        for (const word of story.words) expect(text).toContain(word);
        for (const o of story.outlets) expect(text).toContain(o.first.title);
        expect(text).toContain(formatDay(story.to, lang));
        const notCovered = story.notCoveredBy.join(', ');
        expect(text).toContain(lang === 'fr' ? `Aucun article sur cette affaire\u00a0: ${notCovered}.` : `No article in this story from: ${notCovered}.`);
      }
      expect(cardFooter(message)).toMatch(lang === 'fr' ? /^-# 5 affaires couvertes.* · page 1\/2/u : /^-# 5 stories covered.* · page 1\/2/u);
    });
  }

  it('WHEN "More" is pressed on /stories THEN the next stories come in the same message', async () => {
    const { message } = await run('stories', {}, 'en-US');
    const more = buttonsOf(message).find((b) => b.label === 'More');
    if (!more?.custom_id) throw new Error('no More button');
    const handle = await h.double.sendInteraction(
      h.double.fixtures.button({ customId: more.custom_id, locale: 'en-US', message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...(message.components as never[])], content: '' } }),
    );
    expect((await handle.waitForCallback()).type).toBe(7);
    const next = final(await handle.waitForMessage());
    expectCardWithinLimits(next);
    const rest = answer.stories.slice(storyContainers(message).length);
    expect(rest.length).toBeGreaterThan(0);
    for (const story of rest) for (const o of story.outlets) expect(readable(next)).toContain(o.first.title);
    expect(storyContainers(next).length).toBe(rest.length);
    expect(cardFooter(next)).toMatch(/page 2\/2/u);
  });

  it('WHEN /compare is used on a topic several stories share THEN the reply says which story it stays within, first', async () => {
    const { message } = await run('compare', { topic: 'évacuation des habitants' }, 'en-US');
    expectCardWithinLimits(message);
    // First, before any outlet: the heading (`-# What each outlet says…`), then the story it stays within.
    const first = containersOf(message)[0]?.texts[0] ?? '';
    expect(first).toMatch(/^-# What each outlet says[^\n]*\nWithin one story: /u);
    expect(readable(message)).toMatch(/has no article in this story\./u);
  });
});
