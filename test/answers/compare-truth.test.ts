/**
 * The truth issue's examples on the two seed articles: what `compare` states about the outlets
 * holds over their whole articles. Each test names the false statement the engine used to make.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { CompareAnswer } from '../../src/answers/types.js';
import { loadEngine } from '../../src/load-engine.js';
import { fold } from '../../src/text/fold.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine('data');
});

function compared(topic: string): CompareAnswer {
  const a = engine.compare(topic);
  if (a.kind !== 'compare') throw new Error(`compare ${topic}: ${a.kind}`);
  return a;
}

const outlet = (a: CompareAnswer, short: string) => a.outlets.find((o) => o.outlet === short);

describe('GIVEN the two seed articles, WHEN comparing', () => {
  it('Kim Jong Un THEN never says Poutine is named by RT only (AFP ¶4 and ¶14 name him)', () => {
    const a = compared('Kim Jong Un');
    expect(a.people.find((p) => p.name === 'Vladimir Poutine')).toBeUndefined();
  });

  it('train liaisons ferroviaires THEN never says Choïgou is named by RT only, and both outlets cover it', () => {
    const a = compared('train liaisons ferroviaires');
    expect(a.people.find((p) => fold(p.name).includes('choigou'))).toBeUndefined();
    expect(outlet(a, 'AFP')?.covered && outlet(a, 'RT')?.covered).toBe(true);
  });

  it('aide fraternelle THEN says both give 1 000 sapeurs (AFP ¶2 "1.000 sapeurs"), never "not given by AFP"', () => {
    const a = compared('aide fraternelle');
    const sapeurs = a.figures.find((f) => f.quantity === 'sapeurs');
    expect(sapeurs?.kind).toBe('same');
    expect(sapeurs?.notGivenBy).toEqual([]);
    expect(sapeurs?.values.map((v) => [v.outlet, v.value, v.excerpt.citation.paragraph])).toEqual([
      ['AFP', 1000, 2],
      ['RT', 1000, 3],
    ]);
  });

  it('Koursk reprise par les forces russes THEN no figure from a bare number word ("deux mois", "deux capitales", "deux fois par mois")', () => {
    const a = compared('Koursk reprise par les forces russes');
    for (const f of a.figures) {
      for (const v of f.values) expect(v.text).not.toMatch(/^deux\b/iu);
    }
    expect(a.figures.map((f) => f.quantity)).not.toContain('mois');
  });

  it('Corée du Sud THEN RT does not cover it (its North Korea paragraphs are not about South Korea), and says which words it lacks', () => {
    const a = compared('Corée du Sud');
    expect(outlet(a, 'RT')).toMatchObject({ covered: false, excerpts: [], missing: ['Corée du Sud'] });
    const afp = outlet(a, 'AFP');
    expect(afp?.covered).toBe(true);
    expect(afp?.excerpts.map((e) => e.citation.paragraph)).toEqual(expect.arrayContaining([16]));
  });

  it('mémoriaux soldats nord-coréens THEN shows no AFP paragraph without memorials, and RT ¶4', () => {
    const a = compared('mémoriaux soldats nord-coréens');
    for (const e of outlet(a, 'AFP')?.excerpts ?? []) expect(fold(e.text)).toMatch(/memoria/u);
    expect(outlet(a, 'AFP')?.covered).toBe(false);
    expect(outlet(a, 'RT')?.excerpts[0]?.citation.paragraph).toBe(4);
  });

  it("Choïgou's visits THEN lines up how each outlet counts them (AFP: 2nd; RT: 2nd and 3rd) with their paragraphs", () => {
    const a = compared('visites de Choïgou en Corée du Nord');
    const visits = a.counts.find((c) => c.counted === 'visite');
    expect(visits?.counts.map((c) => [c.outlet, c.ordinal, c.periodDays, c.excerpt.citation.paragraph])).toEqual([
      ['AFP', 2, 15, 3],
      ['RT', 2, 14, 8],
      ['RT', 3, 120, 8],
    ]);
    expect(visits?.kind).toBe('different');
  });

  it('the workers THEN AFP covers them (AFP ¶16 is about North Korean workers abroad)', () => {
    const a = compared('travailleurs nord-coréens');
    expect(outlet(a, 'AFP')?.covered).toBe(true);
  });
});

describe('GIVEN the two seed articles, WHEN any statement is made on a range of topics', () => {
  const topics = ['Kim Jong Un', 'Poutine', 'sapeurs', 'train', 'Koursk', 'aide fraternelle', 'poste', 'vols commerciaux', 'accord de défense mutuelle', 'Choïgou'];

  it('THEN every "named by" and "not named by" holds over the whole articles on the topic', () => {
    for (const topic of topics) {
      const a = engine.compare(topic);
      if (a.kind !== 'compare') continue;
      for (const p of a.people) {
        const surname = fold(p.name).split(/\s+/).pop() ?? '';
        for (const n of p.namedBy) expect(fold(engine.kb.paragraph(n.excerpt.citation.articleId, n.excerpt.citation.paragraph)?.paragraph.text ?? '')).toContain(surname);
        for (const short of p.notNamedBy) {
          const texts = engine.corpus.articles.filter((art) => engine.corpus.sources.find((s) => s.id === art.source)?.short === short).flatMap((art) => art.paragraphs.map((x) => fold(x.text)));
          expect(texts.some((t) => t.includes(surname)), `${topic}: ${p.name} not named by ${short}`).toBe(false);
        }
      }
    }
  });

  it('THEN every stated value is the figure its excerpt gives, verbatim', () => {
    for (const topic of topics) {
      const a = engine.compare(topic);
      if (a.kind !== 'compare') continue;
      for (const f of a.figures) for (const v of f.values) expect(engine.kb.paragraph(v.excerpt.citation.articleId, v.excerpt.citation.paragraph)?.paragraph.text).toContain(v.text);
      for (const c of a.counts) for (const n of c.counts) expect(engine.kb.paragraph(n.excerpt.citation.articleId, n.excerpt.citation.paragraph)?.paragraph.text).toContain(n.text);
    }
  });
});
