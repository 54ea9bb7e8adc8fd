/**
 * The fact matrix's date rows when outlets date one event differently, on the inline bridge story
 * (../fixtures/bridge-story.ts): ALP and GAM date the collapse 10 March, RBE 11 March. The row is
 * measured against the date most outlets give, and the differing cell shows its own words and
 * paragraph. Then the case where no difference may be said: ALP also gives 11 March elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import type { Article } from '../../src/corpus/types.js';
import type { FactMatrix, MatrixRow } from '../../src/answers/types.js';
import { matrixLines } from '../../src/render/matrix-text.js';
import { article, SOURCES, STORY } from '../fixtures/bridge-story.js';

const TOPIC = 'pont suspendu de Vernasque effondré';

function matrixOf(articles: readonly Article[]): FactMatrix {
  const answer = Engine.build({ sources: SOURCES, aliases: [], counted: [], articles: [...articles] }).compare(TOPIC);
  if (answer.kind !== 'compare' || !answer.matrix) throw new Error(`expected a comparison with a matrix, got ${answer.kind}`);
  return answer.matrix;
}

const collapseRows = (m: FactMatrix): MatrixRow[] => m.rows.filter((r) => r.kind === 'date' && r.label.includes('effondré'));
const cellsOf = (row: MatrixRow | undefined) => row?.cells.map((c) => [c.outlet, c.state, c.values.map((v) => [v.text, v.date?.iso, v.excerpt.citation.articleId, v.excerpt.citation.paragraph])]);

describe('GIVEN the bridge collapse, dated 10 March by ALP and GAM and 11 March by RBE', () => {
  const matrix = matrixOf(STORY);

  it('WHEN compared THEN one date row, measured against 10 March, says RBE dates it otherwise, with its own words and paragraph', () => {
    const [row, ...others] = collapseRows(matrix);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ kind: 'date', reference: 'ALP', differs: true });
    expect(cellsOf(row)).toEqual([
      ['ALP', 'same', [['le 10 mars', '2026-03-10', 'alp-1', 1]]],
      ['RBE', 'different', [['le 11 mars', '2026-03-11', 'rbe-1', 1]]],
      ['GAM', 'same', [['le 10 mars', '2026-03-10', 'gam-1', 1]]],
    ]);
  });

  it('THEN the row comes first (differences first) and reads as such in English and French', () => {
    expect(matrix.rows[0]).toBe(collapseRows(matrix)[0]);
    const line = "Date — Le pont suspendu de Vernasque s'est effondré le 10 mars… │ ALP ✓ “le 10 mars” ¶1 │ RBE ≠ “le 11 mars” ¶1 │ GAM ✓ “le 10 mars” ¶1";
    expect(matrixLines(matrix, 'en')).toContain(line);
    expect(matrixLines(matrix, 'fr')).toContain(line);
    expect(matrixLines(matrix, 'fr')).not.toEqual(matrixLines(matrix, 'en'));
  });

  it('THEN each differing value is in the paragraph it cites', () => {
    for (const cell of collapseRows(matrix)[0]?.cells ?? []) {
      for (const v of cell.values) {
        const paragraph = STORY.find((a) => a.id === v.excerpt.citation.articleId)?.paragraphs.find((p) => p.n === v.excerpt.citation.paragraph)?.text ?? '';
        expect(paragraph).toContain(v.excerpt.text);
        expect(v.excerpt.text).toContain(v.text);
      }
    }
  });
});

describe('GIVEN ALP also dates the collapse 11 March in a second article', () => {
  const both = [...STORY, article('alp-2', 'alp', '2026-03-13', ["Le pont suspendu de Vernasque s'est effondré le 11 mars sous le poids d'un convoi exceptionnel, a rappelé la préfète Odile Marchetti."])];

  it('WHEN compared THEN no cell says a date differs: each dating is a row of its own, and RBE is never said to date it otherwise', () => {
    const matrix = matrixOf(both);
    const rows = collapseRows(matrix);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.differs && r.cells.every((c) => c.state !== 'different' && c.state !== 'silent'))).toBe(true);
    expect(rows.find((r) => r.label.includes('11 mars'))?.cells.find((c) => c.outlet === 'RBE')?.state).toBe('same');
  });
});
