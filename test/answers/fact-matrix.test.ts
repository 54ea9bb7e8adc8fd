/**
 * The fact matrix of `/compare` against the truth written beside the fixtures: on the seeds, the
 * issue's example; on the invented stories, EVERY cell of every row of every comparison asked is
 * consistent with the stories' truth (figures with `quantities`, people with `people`, counts and
 * dates with truth/matrix/matrix.yaml); on the quotations set, every statement row carries one
 * statement of truth.yaml. Then, independently of the statements, a property: no `silent` cell's
 * outlet has a paragraph, in the articles the matrix says it read, that gives what it is said not to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import type { CompareAnswer, FactMatrix, MatrixCell, MatrixRow } from '../../src/answers/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { loadEngine } from '../../src/load-engine.js';
import { fold } from '../../src/text/fold.js';
import { loadQuoteTruth, QUOTES_DIR } from '../fixtures/quotes/truth.js';
import { loadMatrixTruth, periodOf } from '../fixtures/stories/truth/matrix/truth.js';
import { loadTruth, peopleOf, STORIES_DIR, type Truth } from '../fixtures/stories/truth.js';

const truths: Truth[] = loadTruth();
const matrixTruth = loadMatrixTruth();

function matrixOf(engine: Engine, topic: string): { answer: CompareAnswer; matrix: FactMatrix } | undefined {
  const answer = engine.compare(topic);
  if (answer.kind !== 'compare' || !answer.matrix) return undefined;
  return { answer, matrix: answer.matrix };
}

/** Folded, every kind of space made one plain space. */
const norm = (s: string) => fold(s).replace(/[\s\u00a0\u202f]+/gu, ' ').trim();

const giving = (c: MatrixCell) => c.state === 'same' || c.state === 'different';

describe('GIVEN the two seed articles', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine('data');
  });

  it('WHEN comparing "aide fraternelle" THEN the sapeurs row is the same for AFP ¶2 and RT ¶3, with their own words', () => {
    const m = matrixOf(engine, 'aide fraternelle')?.matrix;
    expect(m?.outlets).toEqual(['AFP', 'RT']);
    const sapeurs = m?.rows.find((r) => r.kind === 'figure' && r.label === 'sapeurs');
    expect(sapeurs?.differs).toBe(false);
    expect(sapeurs?.cells.map((c) => [c.outlet, c.state, c.values.map((v) => [v.text, v.value, v.excerpt.citation.paragraph])])).toEqual([
      ['AFP', 'same', [['1.000 sapeurs', 1000, 2]]],
      ['RT', 'same', [['1 000 sapeurs', 1000, 3]]],
    ]);
  });

  it('WHEN comparing "aide fraternelle" THEN Choïgou\'s statement is carried by both, RT in other words', () => {
    const row = matrixOf(engine, 'aide fraternelle')?.matrix.rows.find((r) => r.kind === 'statement');
    expect(row?.label).toBe('Sergueï Choïgou');
    expect(row?.cells.map((c) => [c.outlet, c.state, c.reworded ?? false, c.values[0]?.excerpt.citation.paragraph])).toEqual([
      ['AFP', 'same', false, 3],
      ['RT', 'same', true, 3],
    ]);
  });

  it("WHEN comparing Choïgou's visits THEN RT's counts differ from AFP's, each cell showing its own", () => {
    const row = matrixOf(engine, 'visites de Choïgou en Corée du Nord')?.matrix.rows.find((r) => r.kind === 'count');
    expect(row?.differs).toBe(true);
    expect(row?.reference).toBe('AFP');
    expect(row?.cells.map((c) => [c.outlet, c.state, c.values.map((v) => v.value)])).toEqual([
      ['AFP', 'same', [2]],
      ['RT', 'different', [2, 3]],
    ]);
    // Differences first.
    expect(matrixOf(engine, 'visites de Choïgou en Corée du Nord')?.matrix.rows[0]).toEqual(row);
  });

  it('WHEN one outlet only covers a topic THEN there is no matrix', () => {
    const a = engine.compare('Corée du Sud');
    expect(a.kind === 'compare' && a.matrix).toBeFalsy();
  });
});

describe('GIVEN the invented stories and their truth', () => {
  let corpus: Corpus;
  let engine: Engine;
  beforeAll(async () => {
    corpus = await loadCorpus(STORIES_DIR);
    engine = Engine.build(corpus);
  });
  const idOf = (short: string) => corpus.sources.find((s) => s.short === short)?.id ?? short;
  const storyOf = (articleId: string) => truths.find((t) => t.articles.includes(articleId));
  const queries = [...new Set([...truths.flatMap((t) => t.topics.map((x) => x.query)), ...matrixTruth.queries])];

  /** Every comparison asked, with its rows and the one story they are about. */
  function compared(): Array<{ query: string; matrix: FactMatrix; truth: Truth }> {
    const out: Array<{ query: string; matrix: FactMatrix; truth: Truth }> = [];
    for (const query of queries) {
      const found = matrixOf(engine, query);
      if (!found) continue;
      const stories = new Set(found.matrix.articles.flat().map((a) => storyOf(a)?.story));
      expect([...stories], query).toHaveLength(1);
      out.push({ query, matrix: found.matrix, truth: storyOf(found.matrix.articles[0]?.[0] ?? '') as Truth });
    }
    return out;
  }

  /** Why a row is not consistent with the truth, or undefined when it is. */
  function inconsistency(row: MatrixRow, truth: Truth): string | undefined {
    const ref = row.cells.find((c) => c.outlet === row.reference);
    switch (row.kind) {
      case 'figure': {
        // The truth quantities each giving cell's words belong to; the row must be one of them.
        const candidates = row.cells.filter(giving).flatMap((c) => c.values.map((v) => new Set(truth.quantities.filter((q) => {
          const w = q.wordings?.[idOf(c.outlet)];
          return w !== undefined && (norm(w).includes(norm(v.text)) || norm(v.text).includes(norm(w)));
        }).map((q) => q.id))));
        const common = [...(candidates[0] ?? new Set<string>())].filter((id) => candidates.every((s) => s.has(id)));
        if (common.length === 0) return 'cells of different quantities (or none of the truth)';
        const fits = common.some((id) => {
          const q = truth.quantities.find((x) => x.id === id);
          if (!q) return false;
          const refValue = ref ? q.values[idOf(ref.outlet)] : undefined;
          return row.cells.every((c) => {
            const value = q.values[idOf(c.outlet)];
            if (c.state === 'silent') return value === undefined;
            if (c.state === 'unknown') return true;
            if (!c.values.every((v) => v.value === value)) return false;
            return c.state === 'same' ? value === refValue : value !== refValue;
          });
        });
        return fits ? undefined : `values or states against ${common.join(', ')}`;
      }
      case 'person': {
        const person = peopleOf(truth, truths).find((p) => [p.name, ...p.spellings].some((s) => norm(s) === norm(row.label)));
        if (!person) return 'no such person';
        const bad = row.cells.find((c) => (c.state === 'same' && !person.namedBy.includes(idOf(c.outlet))) || (c.state === 'silent' && person.namedBy.includes(idOf(c.outlet))) || c.state === 'different');
        return bad ? `${bad.outlet} ${bad.state}` : undefined;
      }
      case 'count': {
        const count = matrixTruth.counts.find((c) => c.story === truth.story && c.counted === row.label);
        if (!count) return 'no such count';
        const key = (outlet: string) => [...(count.ordinals[idOf(outlet)] ?? [])].sort().join(',');
        const bad = row.cells.find((c) => {
          if (c.state === 'silent') return count.ordinals[idOf(c.outlet)] !== undefined;
          if (c.state === 'unknown') return false;
          if ([...new Set(c.values.map((v) => v.value))].sort().join(',') !== key(c.outlet)) return true;
          return (c.state === 'same') !== (key(c.outlet) === key(ref?.outlet ?? ''));
        });
        return bad ? `${bad.outlet} ${bad.state}` : undefined;
      }
      case 'date': {
        const events = matrixTruth.dates.filter((d) => d.story === truth.story && d.words.every((w) => norm(row.label).includes(w)));
        if (events.length !== 1) return `${events.length} events of the truth match`;
        const event = events[0] as (typeof events)[number];
        const bad = row.cells.find((c) => {
          if (c.state === 'silent' || c.state === 'different') return true; // every outlet dating it dates it alike
          if (c.state === 'unknown') return false;
          const told = event.dates[idOf(c.outlet)];
          const v = c.values[0]?.date;
          return told === undefined || !v || periodOf(told).iso !== v.iso || periodOf(told).precision !== v.precision;
        });
        return bad ? `${bad.outlet} ${bad.state}` : undefined;
      }
      case 'statement':
        return row.cells.some((c) => c.state !== 'same' && c.state !== 'unknown') ? 'a statement cell neither same nor unknown' : undefined;
    }
  }

  it('WHEN compared on every topic THEN every cell of every row is consistent with the truth (100 %)', () => {
    const failures: string[] = [];
    let cells = 0;
    for (const { query, matrix, truth } of compared()) {
      for (const row of matrix.rows) {
        cells += row.cells.length;
        const why = inconsistency(row, truth);
        if (why) failures.push(`${query} / ${row.kind} ${row.label}: ${why}`);
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(100);
  });

  it('WHEN compared THEN rows of every kind but quotations come, differences first, and every giving cell cites its own paragraph', () => {
    const all = compared();
    expect(new Set(all.flatMap((x) => x.matrix.rows.map((r) => r.kind)))).toEqual(new Set(['figure', 'count', 'date', 'person']));
    for (const { query, matrix } of all) {
      const firstSame = matrix.rows.findIndex((r) => !r.differs);
      if (firstSame >= 0) expect(matrix.rows.slice(firstSame).some((r) => r.differs), query).toBe(false);
      expect(matrix.outlets.length).toBeGreaterThanOrEqual(2);
      for (const row of matrix.rows) {
        expect(row.cells.map((c) => c.outlet), query).toEqual(matrix.outlets);
        for (const c of row.cells.filter(giving)) {
          expect(c.values.length, `${query} ${row.label} ${c.outlet}`).toBeGreaterThan(0);
          for (const v of c.values) {
            expect(v.excerpt.citation.outlet).toBe(c.outlet);
            const article = corpus.articles.find((a) => a.id === v.excerpt.citation.articleId);
            expect(matrix.articles[matrix.outlets.indexOf(c.outlet)]).toContain(article?.id);
            expect(article?.paragraphs.find((p) => p.n === v.excerpt.citation.paragraph)?.text).toContain(v.excerpt.text);
          }
        }
        for (const c of row.cells.filter((x) => !giving(x))) expect(c.values).toEqual([]);
      }
    }
  });

  it('WHEN a cell says "does not say" THEN, checked on the engine\'s own facts, no paragraph of that outlet\'s articles read gives it', () => {
    let silent = 0;
    for (const { query, matrix, truth } of compared()) {
      for (const row of matrix.rows) {
        const given = new Set(row.cells.flatMap((c) => c.values.map((v) => v.value)));
        for (const [i, c] of row.cells.entries()) {
          if (c.state !== 'silent') continue;
          silent += 1;
          expect(['figure', 'count', 'person'], `${query}: ${row.kind} is never silent`).toContain(row.kind);
          const paragraphs = (matrix.articles[i] ?? []).flatMap((id) => corpus.articles.find((a) => a.id === id)?.paragraphs.map((p) => ({ id, p })) ?? []);
          const docs = paragraphs.map(({ id, p }) => engine.kb.paragraph(id, p.n)).filter((d) => d !== undefined);
          if (row.kind === 'figure') {
            // No figure with the noun and a value another outlet gives.
            const noun = norm(row.label).slice(0, 5);
            for (const d of docs) {
              for (const f of engine.kb.factsOf(d.id).figures) {
                const after = norm(d.paragraph.text.slice(f.end, f.end + 40));
                expect(given.has(f.value) && after.includes(noun), `${query}: ${c.outlet} ¶${d.paragraph.n} gives ${f.value} ${row.label}`).toBe(false);
              }
            }
          } else if (row.kind === 'count') {
            for (const d of docs) expect(/(?:i[eè]me|premi[eè]re?)\b/iu.test(d.paragraph.text), `${query}: ${c.outlet} ¶${d.paragraph.n}`).toBe(false);
          } else {
            const person = peopleOf(truth, truths).find((p) => norm(p.name) === norm(row.label));
            const surnames = (person?.spellings ?? [row.label]).map((s) => norm(s).split(' ').pop() ?? '');
            for (const d of docs) {
              expect(engine.kb.entitiesOf(d.id).some((m) => norm(m.entity.name) === norm(row.label)), `${query}: ${c.outlet} ¶${d.paragraph.n}`).toBe(false);
              expect(surnames.some((s) => norm(d.paragraph.text).includes(s)), `${query}: ${c.outlet} ¶${d.paragraph.n} writes ${row.label}`).toBe(false);
            }
          }
        }
      }
    }
    expect(silent).toBeGreaterThan(0);
  });
});

describe('GIVEN the quotations set and its truth', () => {
  let engine: Engine;
  const quotations = loadQuoteTruth();
  beforeAll(async () => {
    engine = Engine.build(await loadCorpus(QUOTES_DIR));
  });

  it('WHEN compared THEN every statement row\'s quoting cells carry one statement of the truth, reworded exactly where the words differ', () => {
    let rows = 0;
    for (const topic of ['Varenko à Valbrune', 'main tendue', 'crue de la Lérèze à Montferrand']) {
      const m = matrixOf(engine, topic)?.matrix;
      for (const row of m?.rows.filter((r) => r.kind === 'statement') ?? []) {
        rows += 1;
        const quoting = row.cells.filter((c) => c.state === 'same');
        expect(quoting.length, `${topic} ${row.label}`).toBeGreaterThanOrEqual(2);
        const groups = quoting.map((c) => {
          const e = c.values[0]?.excerpt;
          return quotations.find((q) => q.article === e?.citation.articleId && q.paragraph === e.citation.paragraph && norm(e.text).includes(norm(q.pieces[0] ?? '')))?.group;
        });
        expect(groups[0], `${topic} ${row.label}`).toBeDefined();
        expect(new Set(groups), `${topic} ${row.label}`).toEqual(new Set([groups[0]]));
        const reference = quoting.find((c) => c.outlet === row.reference)?.values[0]?.text;
        for (const c of quoting) expect(c.reworded === true, `${topic} ${row.label} ${c.outlet}`).toBe(norm(c.values[0]?.text ?? '') !== norm(reference ?? ''));
      }
    }
    expect(rows).toBeGreaterThanOrEqual(3);
  });
});
