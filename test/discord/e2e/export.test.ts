/**
 * End to end: the Export button under an answer, through the real bot and the Discord double, in
 * French and English. Pressing it answers the presser alone with two files, Markdown and CSV,
 * uploaded as multipart and validated against Discord's spec: every citation of the answer, all
 * its pages, the articles' own words. Answers without a citation carry no Export button.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/commands/table.js';
import { COMPONENTS_V2, INTERACTION, UPLOAD } from '../../../src/discord/limits.js';
import { loadEngine } from '../../../src/load-engine.js';
import { exportedCitations } from '../../../src/render/citations-export.js';
import type { RecordedMessage } from '../double/index.js';
import { buttonsOf, cardFooter } from '../support.js';
import { final, readable, startHarness, type Harness } from './harness.js';
import { isEphemeral } from './moderation-support.js';


let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  expect(h.double.violations).toEqual([]);
  await h.close();
});

async function ask(name: string, options: Record<string, string>, locale: 'fr' | 'en-US'): Promise<RecordedMessage> {
  const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name, options, locale }));
  return final(await handle.waitForMessage());
}

async function press(message: RecordedMessage, label: string, locale: 'fr' | 'en-US') {
  const button = buttonsOf(message).find((b) => b.label === label);
  expect(button, `${label} among ${buttonsOf(message).map((b) => b.label).join(', ')}`).toBeDefined();
  const handle = await h.double.sendInteraction(h.double.fixtures.button({ customId: button?.custom_id ?? '', locale, message: { id: message.id, flags: message.flags, embeds: [...message.embeds], components: [...(message.components as never[])] } }));
  const callback = await handle.waitForCallback();
  expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
  return callback;
}

describe('GIVEN an answer of /compare, in French and in English', () => {
  it.each([
    ['fr', 'Exporter', /citations? : média, titre, date, paragraphe, adresse et extrait, en Markdown et en CSV/u, /juin 2025/u],
    ['en-US', 'Export', /citations?: outlet, title, date, paragraph, address and excerpt, as Markdown and as CSV/u, /June 2025/u],
  ] as const)('WHEN %s Export is pressed THEN the presser alone gets every citation as Markdown and CSV files', async (locale, label, said, month) => {
    const topic = 'sapeurs nord-coréens';
    const message = await ask('compare', { topic }, locale);
    expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    const callback = await press(message, label, locale);
    expect(callback.type).toBe(4);
    const data = (callback.body as { data: { flags?: number; content?: string; allowed_mentions?: unknown } }).data;
    expect(isEphemeral(data)).toBe(true);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content?.replace(/\\(.)/gu, '$1')).toMatch(said);
    expect(callback.files.map((f) => f.filename)).toEqual(['recoupe-compare-citations.md', 'recoupe-compare-citations.csv']);
    for (const f of callback.files) {
      expect(f.size).toBe(f.data.byteLength);
      expect(f.size).toBeLessThanOrEqual(UPLOAD.FILE_MAX_BYTES);
    }
    const [md, csv] = callback.files.map((f) => new TextDecoder().decode(f.data)) as [string, string];
    // The same rows as the answer holds, whatever page the message shows.
    const expected = exportedCitations(dispatch(await seeds(), 'compare', topic));
    const records = parse(csv.replace(/^\uFEFF/u, '')) as string[][];
    expect(records.slice(1).map((r) => [r[6], r[4], r[7]])).toEqual(expected.map((e) => [e.citation.articleId, String(e.citation.paragraph), e.excerpt]));
    expect(md).toMatch(locale === 'fr' ? /^# \/comparer sapeurs nord-coréens\n/u : /^# \/compare sapeurs nord-coréens\n/u);
    expect(md).toMatch(month);
    expect(md.match(/^> — /gmu)).toHaveLength(expected.length);
  });

  it('WHEN the question is too long to travel in the button THEN Export still finds it (in the answer’s footer)', async () => {
    const question = `Qui a annoncé l'envoi de sapeurs et d'ouvriers nord-coréens dans la région de Koursk, et quand ${'exactement '.repeat(12)}?`;
    const message = await ask('ask', { question }, 'en-US');
    const button = buttonsOf(message).find((b) => b.label === 'Export');
    expect(button?.custom_id).toMatch(/^x1:ask:en:#/u);
    // The card carries the whole question in its footer's query line, where Export reads it back.
    expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(cardFooter(message).split('\n').at(-1)?.replace(/\\(.)/gu, '$1')).toBe(`-# 🔎 ${question}`);
    const callback = await press(message, 'Export', 'en-US');
    expect(callback.files).toHaveLength(2);
    const csv = new TextDecoder().decode(callback.files[1]?.data);
    const expected = exportedCitations(dispatch(await seeds(), 'ask', question));
    expect(expected.length).toBeGreaterThan(0);
    expect((parse(csv.replace(/^\uFEFF/u, '')) as string[][]).length - 1).toBe(expected.length);
    expect(readable(message)).not.toBe('');
  });

  it('WHEN the answer cites nothing (/help) THEN it has no Export button', async () => {
    const help = await ask('help', {}, 'en-US');
    expect(buttonsOf(help).map((b) => b.label)).not.toContain('Export');
  });
});

let loaded: Awaited<ReturnType<typeof loadEngine>> | undefined;
async function seeds() {
  loaded ??= await loadEngine('data');
  return loaded;
}
