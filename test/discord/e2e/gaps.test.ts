/**
 * End to end: `/gaps` (`/lacunes`) through the real bot, the Discord double, the real moderation
 * service and a real store (PGlite in memory), in French and English. Members ask questions that
 * get no evidence and vote answers down; a moderator sees both lists with their counts, privately,
 * and exports them as Markdown and CSV. A member without Manage Messages, a DM, and a user install
 * in a server that did not install the bot are refused.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveCorpus } from '../../../src/live/live-corpus.js';
import { loadEngine } from '../../../src/load-engine.js';
import { createModerationService } from '../../../src/moderation/service.js';
import { GAPS_CSV_COLUMNS } from '../../../src/render/gaps-export.js';
import { openStore } from '../../../src/store/open-store.js';
import type { CorpusStore } from '../../../src/store/types.js';
import type { RecordedMessage } from '../double/index.js';
import { buttonsOf } from '../support.js';
import { final, readable, startHarness, type Harness } from './harness.js';
import { MEMBER, Moderator, isEphemeral, said } from './moderation-support.js';


let h: Harness;
let store: CorpusStore;
let live: LiveCorpus;
let as: Moderator;

beforeAll(async () => {
  store = await openStore({ dir: 'memory://' });
  live = await LiveCorpus.start((await loadEngine('data')).kb, store);
  h = await startHarness({ engines: live, bot: { moderation: createModerationService({ live, store }), feedback: store } });
  as = new Moderator(h.double);
}, 60_000);
afterAll(async () => {
  expect(h.double.violations).toEqual([]);
  await h.close();
  await live.close();
  await store.close();
});

async function member(name: string, options: Record<string, string>): Promise<RecordedMessage> {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, memberPermissions: MEMBER }));
  return final(await handle.waitForMessage());
}

async function voteDown(message: RecordedMessage, userId: string): Promise<void> {
  const down = buttonsOf(message).find((b) => b.emoji?.name === '👎');
  expect(down?.custom_id, '👎 on the answer').toBeDefined();
  const handle = await h.double.sendInteraction(h.double.fixtures.button({ customId: down?.custom_id ?? '', user: { id: userId }, message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...(message.components as never[])] } }));
  await handle.waitForMessage();
}

describe('GIVEN nothing asked yet', () => {
  it('WHEN a moderator runs /lacunes THEN a short private notice says there is nothing to report', async () => {
    const reply = await as.final(await as.slash('gaps', undefined, {}, { locale: 'fr' }));
    expect(said(reply)).toMatch(/^Rien à signaler pour l’instant/u);
    expect(isEphemeral(reply)).toBe(true);
  });
});

describe('GIVEN members asked questions without evidence and voted an answer down', () => {
  let voted: RecordedMessage;
  beforeAll(async () => {
    for (const q of ['Quel est le prix du zorglub ?', 'quel est le prix du ZORGLUB ?', 'Quel est le prix du zorglub ?', 'Combien pèse la zorglubine bleue ?']) await member('ask', { question: q });
    voted = await member('ask', { question: 'Qui a annoncé l’envoi de sapeurs ?' });
    await voteDown(voted, '1180000000000000301');
    await voteDown(voted, '1180000000000000302');
  });

  it('WHEN a moderator runs /gaps in English THEN both lists come with their counts, most first, privately', async () => {
    const reply = await as.final(await as.slash('gaps', undefined, {}, { locale: 'en-US' }));
    expect(isEphemeral(reply)).toBe(true);
    const text = readable(reply);
    expect(text).toContain('Asked, and answered “no evidence”');
    expect(text).toContain('3× /ask “Quel est le prix du zorglub ?”');
    expect(text).toContain('1× /ask “Combien pèse la zorglubine bleue ?”');
    expect(text.indexOf('3× /ask')).toBeLessThan(text.indexOf('1× /ask'));
    expect(text).toContain('👎 2 · 👍 0 — /ask “Qui a annoncé l’envoi de sapeurs ?”');
    expect(text).toMatch(/\d+ excerpts? shown/u);
    expect(buttonsOf(reply).map((b) => b.label)).toEqual(['Export']);
  });

  it('WHEN the moderator presses Export THEN both lists arrive as Markdown and CSV files, privately', async () => {
    const reply = await as.final(await as.slash('gaps', undefined, {}, { locale: 'fr' }));
    const pressed = await as.press(reply, buttonsOf(reply)[0]?.custom_id ?? '', { locale: 'fr' });
    const callback = await pressed.waitForCallback();
    expect(callback.files.map((f) => f.filename)).toEqual(['recoupe-gaps.md', 'recoupe-gaps.csv']);
    const [md, csv] = callback.files.map((f) => new TextDecoder().decode(f.data)) as [string, string];
    expect(md).toMatch(/^# Les lacunes des réponses de ce serveur\n/u);
    expect(md).toContain('3× /ask « Quel est le prix du zorglub ? »');
    const rows = parse(csv.replace(/^\uFEFF/u, '')) as string[][];
    expect(rows[0]).toEqual([...GAPS_CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3] || r[5]])).toEqual([
      ['unanswered', 'Quel est le prix du zorglub ?', '3'],
      ['unanswered', 'Combien pèse la zorglubine bleue ?', '1'],
      ['voted-down', 'Qui a annoncé l’envoi de sapeurs ?', '2'],
    ]);
    expect(rows[3]?.[7]).toBe(voted.id);
  });

  it('WHEN a member without Manage Messages, a DM or a user install elsewhere asks for /gaps THEN each is refused privately', async () => {
    expect(said(await as.final(await as.slash('gaps', undefined, {}, { locale: 'en-US', permissions: MEMBER })))).toMatch(/\[not-moderator\]$/u);
    expect(said(await as.final(await as.slash('gaps', undefined, {}, { locale: 'en-US', guildId: null })))).toMatch(/\[not-in-guild\]$/u);
    expect(said(await as.final(await as.slash('gaps', undefined, {}, { locale: 'en-US', install: 'user' })))).toMatch(/\[not-in-guild\]$/u);
  });

  it('THEN /gaps is registered for moderators only, in servers, with its French name', () => {
    const gaps = h.double.commands(h.double.guilds[0]?.id).find((c) => c.name === 'gaps');
    expect(gaps).toMatchObject({ name_localizations: { fr: 'lacunes' }, default_member_permissions: '8192', integration_types: [0], contexts: [0] });
  });
});
