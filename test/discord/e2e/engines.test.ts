/**
 * Each interaction is answered by the engine of its own server: slash commands, autocomplete,
 * the buttons of an answer (More runs the request again there) and the context menu all ask the
 * engine source for the interaction's server; outlet colours follow that engine; DMs get the
 * shared collection's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/answers/engine.js';
import type { EngineSource } from '../../../src/live/engine-source.js';
import { loadEngine } from '../../../src/load-engine.js';
import { DEFAULT_GUILD_ID, type RecordedMessage } from '../double/index.js';
import { buttonsOf, containersOf, hostileEngine } from '../support.js';
import { readable, startHarness, type Harness } from './harness.js';

/** Server A gets the hostile corpus (three outlets, Quiet Gazette among them); every other place the seed corpus. Every request is recorded. */
class RecordingSource implements EngineSource {
  readonly asked: Array<string | null | undefined> = [];
  constructor(
    readonly shared: Engine,
    private readonly serverA: Engine,
  ) {}
  engineFor(guildId?: string | null): Engine {
    this.asked.push(guildId);
    return guildId === DEFAULT_GUILD_ID ? this.serverA : this.shared;
  }
}

let h: Harness;
let source: RecordingSource;
let other: string;
beforeAll(async () => {
  source = new RecordingSource(await loadEngine('data'), hostileEngine());
  h = await startHarness({ engines: source, double: { guilds: [{}, {}] } });
  other = h.double.guilds[1]?.id ?? '';
});
afterAll(async () => {
  expect(h.double.violations).toEqual([]);
  await h.close();
});

/** What the engine source was asked while `run` ran. */
async function askedDuring(run: () => Promise<unknown>): Promise<Array<string | null | undefined>> {
  const from = source.asked.length;
  await run();
  return [...new Set(source.asked.slice(from))];
}

const slash = async (name: string, options: Record<string, string>, guildId: string | null = DEFAULT_GUILD_ID): Promise<RecordedMessage> => {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, guildId }));
  return (await handle.waitForMessage()).original as RecordedMessage;
};

/** The outlet heading (`### Name (SHORT)`) of each top-level container of a card, with its accent colour. */
const outletContainers = (message: RecordedMessage) => containersOf(message).map((c) => ({ title: /^### (.*)$/mu.exec(c.text)?.[1], color: c.color }));

describe('GIVEN two servers with different collections', () => {
  it('WHEN /sources and /compare are used in each THEN each answers from its own, in its own outlets’ colours', async () => {
    expect(readable(await slash('sources', {}))).toContain('Quiet Gazette');
    expect(readable(await slash('sources', {}, other))).not.toContain('Quiet Gazette');
    const compare = await slash('compare', { topic: 'sapeurs' });
    expect(outletContainers(compare).find((c) => c.title === 'Quiet Gazette (QG)')?.color).toBe(0x999999);
    const elsewhere = outletContainers(await slash('compare', { topic: 'sapeurs' }, other));
    expect(elsewhere.filter((c) => c.title !== undefined).length).toBeGreaterThan(0);
    expect(elsewhere.map((c) => c.title)).not.toContain('Quiet Gazette (QG)');
  });

  it('WHEN a command comes from a DM THEN the shared collection answers', async () => {
    expect(await askedDuring(() => slash('sources', {}, null))).toEqual([null]);
  });

  it('WHEN autocomplete, a button or the context menu is used THEN the engine of the interaction’s server is the one asked', async () => {
    expect(
      await askedDuring(async () => {
        const typed = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'compare', options: { topic: 'mét' }, focused: 'topic', guildId: other }));
        await typed.waitForCallback();
      }),
    ).toEqual([other]);
    const answer = await slash('ask', { question: 'Pyongyang Moscou' }, other);
    const more = buttonsOf(answer).find((b) => b.label === 'Plus');
    expect(more).toBeDefined();
    expect(
      await askedDuring(async () => {
        const press = await h.double.sendInteraction(h.double.fixtures.button({ customId: more?.custom_id ?? '', guildId: other, message: { id: answer.id, flags: answer.flags, embeds: [...answer.embeds], components: [...(answer.components as never[])] } }));
        await press.waitForMessage((t) => (t.original?.editCount ?? 0) > 0);
      }),
    ).toEqual([other]);
    expect(
      await askedDuring(async () => {
        const cite = await h.double.sendInteraction(h.double.fixtures.messageContext({ name: 'Cite sources', targetMessage: { content: 'La météo sera douce sur la côte' } }));
        expect(readable((await cite.waitForMessage()).original)).toContain('La météo de la semaine sera douce');
      }),
    ).toEqual([DEFAULT_GUILD_ID]);
  });
});

describe('GIVEN recoupe installed by a user to their account (user install)', () => {
  const from = async (options: { install: 'user' | 'both'; guildId: string | null; place?: 'private-channel'; locale?: 'fr' | 'en-US' }) => {
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'sources', options: {}, ...options }));
    return (await handle.waitForMessage()).original as RecordedMessage;
  };

  it('WHEN it is used in a server that did not install the bot THEN the shared collection answers, not that server’s', async () => {
    let answer: RecordedMessage | undefined;
    expect(await askedDuring(async () => (answer = await from({ install: 'user', guildId: DEFAULT_GUILD_ID })))).toEqual([null]);
    expect(readable(answer)).not.toContain('Quiet Gazette');
    expect(readable(answer)).toMatch(/AFP/u);
  });

  it('WHEN the server also installed the bot THEN the server’s collection answers', async () => {
    let answer: RecordedMessage | undefined;
    expect(await askedDuring(async () => (answer = await from({ install: 'both', guildId: DEFAULT_GUILD_ID })))).toEqual([DEFAULT_GUILD_ID]);
    expect(readable(answer)).toContain('Quiet Gazette');
  });

  it('WHEN it is used in a private channel between users THEN the shared collection answers, in French and in English', async () => {
    for (const locale of ['fr', 'en-US'] as const) {
      let answer: RecordedMessage | undefined;
      expect(await askedDuring(async () => (answer = await from({ install: 'user', guildId: null, place: 'private-channel', locale })))).toEqual([null]);
      expect(readable(answer)).toMatch(locale === 'fr' ? /paragraphes indexés/u : /paragraphs indexed/u);
      expect(readable(answer)).not.toContain('Quiet Gazette');
    }
  });

  it('WHEN its autocomplete and its context menu are used in a server that did not install the bot THEN the shared collection is the one asked', async () => {
    expect(
      await askedDuring(async () => {
        const typed = await h.double.sendInteraction(h.double.fixtures.autocomplete({ name: 'compare', options: { topic: 'sap' }, focused: 'topic', install: 'user' }));
        await typed.waitForCallback();
      }),
    ).toEqual([null]);
    expect(
      await askedDuring(async () => {
        const cite = await h.double.sendInteraction(h.double.fixtures.messageContext({ name: 'Cite sources', targetMessage: { content: 'La météo sera douce sur la côte' }, install: 'user' }));
        expect(readable((await cite.waitForMessage()).original)).not.toContain('La météo de la semaine sera douce');
      }),
    ).toEqual([null]);
  });
});
