/**
 * End to end: the real bot, logged in to the Discord double, answers every command in French and
 * English, autocomplete, the three buttons and the context menu; every request it sends is valid
 * per Discord's OpenAPI spec, turns mentions off, and the first response comes within 3 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Excerpt } from '../../../src/answers/types.js';
import { COMMAND_NAMES, dispatch } from '../../../src/commands/table.js';
import { CHECK_MENU, CITE_MENU } from '../../../src/discord/commands.js';
import { decodeButton } from '../../../src/discord/custom-id.js';
import { COMPONENTS_V2, INTERACTION } from '../../../src/discord/limits.js';
import { pasteCitation, shortReference } from '../../../src/render/format.js';
import { snowflake, type RecordedCallback, type RecordedMessage } from '../double/index.js';
import { buttonsOf, cardFooter, containersOf, excerptsOf } from '../support.js';
import { final, messageBodies, readable, startHarness, type Harness } from './harness.js';

let h: Harness;
const acks: number[] = [];
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  const sorted = [...acks].sort((a, b) => a - b);
  console.info(`acknowledgements: ${acks.length}, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`);
  await h?.close();
});

/** Sends a slash command and returns its first response and final message. */
async function run(name: string, options: Record<string, string | boolean>, locale: 'fr' | 'en-US') {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, locale }));
  const callback = await handle.waitForCallback();
  acks.push(callback.afterMs);
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  return { callback, message: final(await handle.waitForMessage()) };
}

/** Every excerpt quoted verbatim in the message, with its outlet, date and paragraph. */
function expectQuoted(message: RecordedMessage, excerpts: readonly Excerpt[], locale: 'fr' | 'en') {
  const text = readable(message);
  expect(excerpts.length).toBeGreaterThan(0);
  for (const e of excerpts) {
    expect(text).toContain(e.text);
    expect(text).toContain(shortReference(e.citation, locale));
  }
}

const CASES: Array<{ name: string; options: Record<string, string>; fr: RegExp; en: RegExp }> = [
  { name: 'ask', options: { question: 'Quelle distance parcourt le train ?' }, fr: /Question · combien/u, en: /Question · how many/u },
  { name: 'who', options: {}, fr: /Personnes/u, en: /People/u },
  { name: 'who', options: { query: 'Choïgou' }, fr: /Fonctions|Aussi écrit/u, en: /Also written/u },
  { name: 'when', options: {}, fr: /Chronologie/u, en: /Timeline/u },
  { name: 'when', options: { query: 'accord de défense mutuelle' }, fr: /Dates pour « accord de défense mutuelle »/u, en: /Dates for “accord de défense mutuelle”/u },
  { name: 'compare', options: { topic: 'sapeurs' }, fr: /Ce que dit chaque média/u, en: /What each outlet says/u },
  { name: 'cite', options: { query: 'aide fraternelle' }, fr: /17 juin 2025, ¶3/u, en: /17 June 2025, ¶3/u },
  { name: 'sources', options: {}, fr: /paragraphes indexés/u, en: /paragraphs indexed/u },
  { name: 'help', options: {}, fr: /\/demander <question>/u, en: /\/ask <question>/u },
];

describe('GIVEN the bot logged in to the Discord double', () => {
  it('THEN it registered its commands once, on the guild, as defined', () => {
    expect(h.double.registrations).toHaveLength(1);
    expect(h.double.registrations[0]).toMatchObject({ method: 'PUT', scope: 'guild', status: 200 });
    expect(h.double.commands('1180000000000000100').map((c) => c.name).sort()).toEqual([...COMMAND_NAMES, CITE_MENU.name, CHECK_MENU.name].sort());
  });

  for (const locale of ['fr', 'en-US'] as const) {
    const lang = locale === 'fr' ? 'fr' : 'en';
    for (const c of CASES) {
      it(`WHEN /${c.name} ${JSON.stringify(c.options)} is used in ${locale} THEN the answer is quoted verbatim, in ${lang}, within 3 s`, async () => {
        const { callback, message } = await run(c.name, c.options, locale);
        expect(callback.type).toBe(4);
        expect(callback.ephemeral).toBe(false);
        expect(message.allowedMentions).toEqual({ parse: [] });
        expect(readable(message)).toMatch(lang === 'fr' ? c.fr : c.en);
        const answer = dispatch(h.engine, c.name, Object.values(c.options)[0] ?? '');
        // Only the first page is shown: three excerpts, five dates.
        const shown = excerptsOf(answer).slice(0, answer.kind === 'when' ? 5 : answer.kind === 'compare' ? 99 : 3);
        if (shown.length > 0) expectQuoted(message, shown, lang);
      });
    }
  }

  it('WHEN /compare is used THEN there is one container per outlet in its colour and the footer counts excerpts', async () => {
    const { message } = await run('compare', { topic: 'sapeurs' }, 'fr');
    expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(message.embeds).toEqual([]);
    const containers = containersOf(message);
    expect(containers.slice(0, 2).map((c) => c.color)).toEqual([0x1f5fad, 0x6aa84f]);
    for (const color of [0x1f5fad, 0x6aa84f]) expect(containers.filter((c) => c.color === color)).toHaveLength(1);
    expect(containers.slice(0, 2).map((c) => /^### (.*)$/mu.exec(c.text)?.[1])).toEqual(['Agence France-Presse (AFP)', 'RT en français (RT)']);
    expect(cardFooter(message)).toMatch(/^-# 3 extraits trouvés/u);
  });

  it('WHEN hide:true is given THEN the answer is ephemeral (flags 64)', async () => {
    const { callback } = await run('who', { query: 'Kim', hide: true }, 'fr');
    expect(callback.ephemeral).toBe(true);
    expect(callback.flags & 64).toBe(64);
  });

  it('WHEN /who is autocompleted THEN people come first, within 25 choices', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'who', options: { query: 'cho' }, focused: 'query' }));
    const callback = await handle.waitForCallback();
    acks.push(callback.afterMs);
    expect(callback.type).toBe(8);
    const choices = (callback.data as { choices: Array<{ name: string; value: string }> }).choices;
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('Sergueï Choïgou');
  });

  it('WHEN /compare is autocompleted on an empty field THEN frequent topics are offered', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'compare', options: { topic: '' }, focused: 'topic' }));
    const callback = await handle.waitForCallback();
    expect((callback.data as { choices: unknown[] }).choices.length).toBeGreaterThan(5);
  });
});

describe('GIVEN an answer with buttons', () => {
  let answer: RecordedMessage;
  const buttonIds = () => buttonsOf(answer);
  const press = async (customId: string, message: Partial<RecordedMessage> & { id: string } = answer, locale: 'fr' | 'en-US' = 'en-US') => {
    const handle = await h.double.sendInteraction(
      h.double.fixtures.button({ customId, locale, message: { id: message.id, flags: message.flags ?? 0, embeds: [...(message.embeds ?? [])], components: [...((message.components ?? []) as never[])], content: '' } }),
    );
    const callback: RecordedCallback = await handle.waitForCallback();
    acks.push(callback.afterMs);
    return { callback, transcript: await handle.waitForMessage() };
  };

  /** A question with more than one page of excerpts (three per page). */
  const QUESTION = 'Pyongyang Moscou';
  beforeAll(async () => {
    expect(excerptsOf(dispatch(h.engine, 'ask', QUESTION)).length).toBeGreaterThan(3);
    answer = (await run('ask', { question: QUESTION }, 'fr')).message;
  });

  it('WHEN "Full paragraph 1" is pressed THEN the whole paragraph comes, ephemeral, in the presser’s language', async () => {
    const button = buttonIds().find((b) => b.label === 'Paragraphe entier 1');
    const action = decodeButton(button?.custom_id ?? '');
    if (action?.kind !== 'paragraph' || !('text' in action.article)) throw new Error('no paragraph button');
    const { callback, transcript } = await press(button?.custom_id ?? '');
    expect(callback.type).toBe(4);
    expect(callback.ephemeral).toBe(true);
    const doc = h.engine.kb.paragraph(action.article.text, action.paragraph);
    expect(readable(final(transcript))).toContain(doc?.paragraph.text);
    expect(readable(final(transcript))).toMatch(/17 June 2025, ¶\d+/u);
  });

  it('WHEN "Citation 1" is pressed THEN the ready-to-paste citation comes in a code block, ephemeral', async () => {
    const button = buttonIds().find((b) => b.label === 'Citation 1');
    const first = excerptsOf(dispatch(h.engine, 'ask', QUESTION))[0];
    if (!button || !first) throw new Error('no citation button');
    const { callback, transcript } = await press(button.custom_id ?? '');
    expect(callback.ephemeral).toBe(true);
    expect(callback.flags & 4).toBe(4); // no link previews
    expect(final(transcript).content).toBe(`\`\`\`\n${pasteCitation({ ...first, highlights: [] }, 'en')}\n\`\`\``);
  });

  it('WHEN "More" is pressed THEN the same message shows the next page, still in French', async () => {
    const more = buttonIds().find((b) => b.label === 'Plus');
    if (!more) throw new Error('no More button');
    const { callback, transcript } = await press(more.custom_id ?? '');
    expect(callback.type).toBe(7);
    const next = final(transcript);
    expect(next.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(cardFooter(next)).toMatch(/page 2\/\d/u);
    expect(readable(next)).toMatch(/^4\. /mu);
    const fourth = excerptsOf(dispatch(h.engine, 'ask', QUESTION))[3];
    expect(readable(next)).toContain(fourth?.text);
    expect(containersOf(next)[0]?.texts[0]).toMatch(/^-# Question · /u);
    expect(readable(next)).toMatch(/juin 2025/u);
  });

  it('WHEN a button of an answer older than 15 minutes is pressed THEN a polite ephemeral "ask again"', async () => {
    const old = { ...answer, id: snowflake(Date.now() - INTERACTION.TOKEN_LIFETIME_MS - 60_000) };
    const { callback, transcript } = await press(buttonIds()[0]?.custom_id ?? '', old);
    expect(callback.ephemeral).toBe(true);
    expect(readable(final(transcript))).toMatch(/more than 15 minutes old.*ask again.*\[expired-button\]/u);
  });

  it('WHEN a button we never made is pressed THEN an ephemeral "ask again", not an error', async () => {
    const { callback, transcript } = await press('legacy:42');
    expect(callback.ephemeral).toBe(true);
    expect(readable(final(transcript))).toContain('[unknown-button]');
  });
});

describe('GIVEN a message in the channel', () => {
  for (const [locale, name] of [
    ['fr', 'Cite sources'],
    ['en-US', 'Cite sources'],
  ] as const) {
    it(`WHEN "Cite sources" is used on it in ${locale} THEN excerpts supporting it come, ephemeral`, async () => {
      const content = '<@1180000000000000300> Pyongyang va envoyer 5 000 travailleurs pour reconstruire Koursk';
      const handle = await h.double.sendInteraction(h.double.fixtures.messageContext({ name, locale, targetMessage: { content } }));
      const callback = await handle.waitForCallback();
      acks.push(callback.afterMs);
      expect(callback.ephemeral).toBe(true);
      const message = final(await handle.waitForMessage());
      const expected = excerptsOf(dispatch(h.engine, 'ask', 'Pyongyang va envoyer 5 000 travailleurs pour reconstruire Koursk')).slice(0, 3);
      expectQuoted(message, expected, locale === 'fr' ? 'fr' : 'en');
    });
  }

  it('WHEN "Cite sources" is used on a message without text THEN a short ephemeral error with its code', async () => {
    const handle = await h.double.sendInteraction(h.double.fixtures.messageContext({ name: 'Cite sources', targetMessage: { content: '' } }));
    const message = final(await handle.waitForMessage());
    expect(message.ephemeral).toBe(true);
    expect(readable(message)).toBe('Ce message n’a pas de texte à rechercher. [empty-message]');
  });
});

describe('GIVEN everything the bot sent in this file', () => {
  it('THEN every request was valid per Discord’s OpenAPI spec and every message turned mentions off', () => {
    expect(h.double.violations).toEqual([]);
    expect(h.double.unhandledRequests).toEqual([]);
    const bodies = messageBodies(h.double);
    expect(bodies.length).toBeGreaterThan(20);
    for (const { body } of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('THEN the logs hold neither the bot token, nor an interaction token, nor a query at info', () => {
    const text = JSON.stringify(h.logs);
    expect(text).not.toContain(h.double.token);
    for (const r of h.double.requests) {
      const token = /\/interactions\/\d+\/([^/]+)\/callback/u.exec(r.path)?.[1];
      if (token) expect(text).not.toContain(token);
    }
    const info = h.logs.filter((l) => (l.level as number) >= 30);
    expect(JSON.stringify(info)).not.toContain('Quelle distance parcourt le train');
    expect(info.some((l) => l.msg === 'interaction' && typeof l.queryLength === 'number' && typeof l.ackMs === 'number')).toBe(true);
  });
});
