/**
 * The fact matrix as the terminal and Discord show it, in both languages: one line (terminal) or
 * one field (Discord) per row, each cell its outlet, mark, own words and paragraph; absences in
 * true words. On Discord, through the one reply path: a real comparison and a hostile matrix as
 * long as the engine makes them stay within every limit, mentions off.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { MATRIX_ROWS_MAX } from '../../src/answers/fact-matrix.js';
import type { CompareAnswer, FactMatrix, MatrixRow } from '../../src/answers/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { COMPONENTS_V2 } from '../../src/discord/limits.js';
import { flattenComponents } from '../../src/discord/render/component-tree.js';
import { answerReply, replyViolations } from '../../src/discord/render/payload.js';
import { loadEngine } from '../../src/load-engine.js';
import { renderText } from '../../src/terminal/render.js';
import { CITATION, HOSTILE, cardTexts, containersOf, excerptOf, liveMentions, longHostileText, payloadStrings } from '../discord/support.js';
import { STORIES_DIR } from '../fixtures/stories/truth.js';

let seeds: Engine;
let stories: Engine;
beforeAll(async () => {
  seeds = await loadEngine('data');
  stories = Engine.build(await loadCorpus(STORIES_DIR));
});

function compared(engine: Engine, topic: string): CompareAnswer {
  const a = engine.compare(topic);
  if (a.kind !== 'compare' || !a.matrix) throw new Error(`${topic}: no matrix`);
  return a;
}

const colorOf = () => 0x123456;

describe('GIVEN a comparison with a fact matrix, WHEN rendered for the terminal', () => {
  it('THEN in English one line per row: outlet, mark, its words and paragraph, after the legend and the articles read', () => {
    const text = renderText(compared(seeds, 'aide fraternelle'), { locale: 'en' });
    expect(text).toContain('\nFact by fact:\n');
    expect(text).toContain('  ✓ states it (figures, counts, dates: as most outlets do, or as the first one on a tie) · ≠ states something different · — does not say');
    expect(text).toContain("  Over each outlet's whole articles on the topic: AFP 1 article, RT 1 article.");
    expect(text).toContain('  Figure — sapeurs │ AFP ✓ “1.000 sapeurs” ¶2 │ RT ✓ “1 000 sapeurs” ¶3');
    expect(text).toContain('  Count — visite │ AFP ✓ “deuxième fois en moins de quinze jours” ¶3 │ RT ≠ “deuxième en deux semaines” ¶8, “troisième en quatre mois” ¶8');
    expect(text).toContain('  Quoted — Sergueï Choïgou │ AFP ✓ “l\'aide fraternelle” ¶3 │ RT ✓ in other words: “C’est une véritable assistance fraternelle” ¶3');
    // The matrix states what the differences did: they are not repeated.
    expect(text).not.toContain('What differs');
  });

  it('THEN in French, with French typography, different values and true absences', () => {
    const text = renderText(compared(stories, 'déraillement du train de fret'), { locale: 'fr' });
    expect(text).toContain('\nFait par fait\u00a0:\n');
    expect(text).toMatch(/^ {2}Chiffre — wagons │ AHP ✓ “12 wagons” ¶1 │ OPF ✓ “douze wagons” ¶1 │ Courrier ✓ “12 wagons” ¶2 │ Le Fil ≠ “14 wagons” ¶2$/mu);
    expect(text).toMatch(/^ {2}Chiffre — mètres │ AHP ✓ “300 mètres” ¶4 │ OPF \? aucun chiffre correspondant trouvé │ Courrier ≠ “400 mètres” ¶2 │ Le Fil \? aucun chiffre correspondant trouvé$/mu);
    expect(text).toMatch(/^ {2}Personne — Yannick Morvan │ AHP — ne la nomme pas │ OPF — ne la nomme pas │ Courrier — ne la nomme pas │ Le Fil ✓ nommée ¶4$/mu);
  });

  it('THEN a date row shows each outlet\'s own wording of the date', () => {
    const text = renderText(compared(stories, 'visite de Tchelnokov à Paris'), { locale: 'en' });
    expect(text).toMatch(/^ {2}Date — …Affaires étrangères, Radoslav Tchelnokov, a entamé mardi à Paris… │ AHP ✓ “mardi” ¶1 │ OPF ✓ “mardi” ¶1 │ VDI ✓ “cette semaine” ¶1 │ Le Fil ✓ “mardi” ¶1$/mu);
  });
});

describe('GIVEN a comparison with a fact matrix, WHEN replied on Discord', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`THEN in ${locale} the matrix is one container after the outlets’ containers, a bold line per row then every cell and its paragraph, within every limit`, () => {
      const answer = compared(stories, 'rupture du barrage de Combe-Noire');
      const reply = answerReply(answer, { locale, page: 0, ephemeral: false, command: 'compare', query: answer.topic, colorOf });
      expectCardWithinLimits(reply);
      const containers = containersOf({ components: reply.card });
      const heading = `### ${locale === 'fr' ? 'Fait par fait' : 'Fact by fact'}`;
      const matrices = containers.filter((c) => c.texts[0]?.startsWith(heading));
      expect(matrices).toHaveLength(1);
      const matrix = matrices[0]?.text ?? '';
      expect(matrix).toContain(locale === 'fr' ? '— n’en dit rien' : '— does not say');
      expect(rowOf(matrix, locale === 'fr' ? 'Chiffre — morts' : 'Figure — morts')).toEqual(['AHP ✓ “trois morts” ¶1', 'OPF ✓ “trois morts” ¶1', 'Courrier ≠ “quatre morts” ¶1', 'Le Fil ✓ “3 morts” ¶2']);
      // The outlets' containers stay first, the matrix after them.
      const headings = containers.flatMap((c) => /^### (.*)$/mu.exec(c.text)?.[1] ?? []);
      expect(headings.slice(0, 4)).toEqual(answer.outlets.slice(0, 4).map((o) => `${o.outletName} (${o.outlet})`));
      expect(headings.indexOf(heading.slice(4))).toBe(answer.outlets.length);
    });
  }

  it('THEN a hostile matrix as long as the engine makes one stays within every limit, mentions broken, the first rows kept', () => {
    const answer = compared(seeds, 'aide fraternelle');
    const outlets = ['AFP', 'RT', 'A3', 'A4', 'A5'];
    const row = (i: number): MatrixRow => ({
      kind: i % 2 ? 'statement' : 'figure',
      label: `${i} ${HOSTILE}`,
      reference: 'AFP',
      differs: true,
      cells: outlets.map((outlet, j) => ({ outlet: `${outlet} @everyone`, state: j === 0 ? 'same' : 'different', values: [{ text: longHostileText(300), excerpt: excerptOf(longHostileText(), 'sapeurs', { ...CITATION, paragraph: j + 1 }), value: j }] })),
    });
    const matrix: FactMatrix = { outlets, articles: outlets.map(() => ['a']), rows: Array.from({ length: MATRIX_ROWS_MAX }, (_, i) => row(i)), total: MATRIX_ROWS_MAX + 3 };
    for (const locale of ['en', 'fr'] as const) {
      const reply = answerReply({ ...answer, matrix }, { locale, page: 0, ephemeral: false, command: 'compare', query: answer.topic, colorOf });
      expectCardWithinLimits(reply);
      expect(liveMentions(payloadStrings(reply))).toEqual([]);
      const shown = containersOf({ components: reply.card }).find((c) => c.texts[0]?.startsWith(`### ${locale === 'fr' ? 'Fait par fait' : 'Fact by fact'}`));
      const rows = (shown?.text ?? '').split('\n').filter((line) => line.startsWith('**'));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]).toMatch(locale === 'fr' ? /^\*\*Chiffre — 0 /u : /^\*\*Figure — 0 /u);
    }
  });
});

/** A card (sent with the Components V2 flag), valid, within its 40 components and 4 000 characters, mentions off. */
function expectCardWithinLimits(reply: ReturnType<typeof answerReply>): void {
  expect(replyViolations(reply)).toEqual([]);
  expect(reply.allowedMentions).toEqual({ parse: [] });
  expect(reply.card?.length).toBeGreaterThan(0);
  expect(reply.embeds).toEqual([]);
  expect(flattenComponents(reply.card ?? []).length).toBeLessThanOrEqual(COMPONENTS_V2.COMPONENTS_MAX);
  expect(cardTexts({ components: reply.card }).join('').length).toBeLessThanOrEqual(COMPONENTS_V2.TEXT_TOTAL_MAX);
}

/** The cells of the row named `name` in a matrix container's text: the lines after its bold name, up to the next row. */
function rowOf(text: string, name: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(`**${name}**`);
  if (at < 0) return [];
  const next = lines.findIndex((line, i) => i > at && line.startsWith('**'));
  return lines.slice(at + 1, next < 0 ? undefined : next);
}
