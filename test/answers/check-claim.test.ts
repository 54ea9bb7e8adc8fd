/**
 * "Check this claim" against the truth written beside the fixtures. On the invented stories:
 * every claim of truth/claims/claims.yaml (written by reading the articles whole), and one claim
 * per figure of every story's `quantities` (the figure as an outlet words it, after the story's
 * title) and per person of its `people` (a role given after a copula). Every state the engine
 * gives is held against the truth: "the same" only where the outlet gives it, "something
 * different" only where it gives another, "does not say" only where it gives nothing; "nothing
 * found" is always allowed, and how often it is said is measured (recall). On the seeds, the
 * issue's example. Never a verdict: the answer holds no `true`/`false` anywhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import type { CheckAnswer, ClaimItem, ClaimState } from '../../src/answers/check-claim-types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { loadEngine } from '../../src/load-engine.js';
import { periodOf } from '../../src/text/date-period.js';
import { checkLines } from '../../src/render/check-text.js';
import { fold } from '../../src/text/fold.js';
import { loadClaimsTruth, type ClaimTruthItem } from '../fixtures/stories/truth/claims/truth.js';
import { loadTruth, STORIES_DIR, type Truth } from '../fixtures/stories/truth.js';

type Said = 'same' | 'different' | 'absent';

/** What a truth state allows the engine to say: its own state, or that nothing was found. */
const ALLOWED: Readonly<Record<Said, readonly ClaimState[]>> = { same: ['same', 'unknown'], different: ['different', 'unknown'], absent: ['silent', 'unknown'] };

function checkOf(engine: Engine, claim: string): CheckAnswer {
  const answer = engine.check(claim);
  if (answer.kind !== 'check') throw new Error(`expected check for "${claim}", got ${answer.kind}`);
  return answer;
}

const norm = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The engine's item for a truth item; undefined when the claim reading did not find it. */
function itemFor(answer: CheckAnswer, truth: ClaimTruthItem): ClaimItem | undefined {
  return answer.items.find((i) => {
    switch (truth.kind) {
      case 'figure':
        return i.kind === 'figure' && i.figure?.value === truth.value;
      case 'count':
        return i.kind === 'count' && i.count?.ordinal === truth.ordinal;
      case 'date': {
        if (i.kind !== 'date' || !i.date) return false;
        const [from, to] = periodOf({ sortKey: i.date.iso.length === 10 ? i.date.iso : `${i.date.iso.slice(0, 7)}-01`, precision: i.date.precision, text: i.text, ...(i.date.part ? { part: i.date.part } : {}) });
        const [day] = periodOf({ sortKey: truth.day, precision: 'day', text: '' });
        return day >= from && day <= to;
      }
      case 'role':
        return i.kind === 'role' && norm(i.person ?? '').includes(norm(truth.person).split(' ').at(-1) ?? '');
      case 'quote':
        return i.kind === 'quote' && (norm(i.text).includes(norm(truth.words)) || norm(truth.words).includes(norm(i.text)));
    }
  });
}

interface Tally {
  pairs: number;
  said: number;
  wrong: string[];
  missingItems: string[];
}

/** Holds one claim's answer against its truth, outlet by outlet. */
function hold(tally: Tally, engine: Engine, text: string, items: readonly ClaimTruthItem[], outlets: readonly string[]): void {
  const answer = checkOf(engine, text);
  for (const o of answer.outlets) {
    if (o.coverage === 'outside-story' && outlets.includes(o.sourceId)) tally.wrong.push(`${text}: ${o.sourceId} said to have no article in the story`);
  }
  for (const truth of items) {
    const item = itemFor(answer, truth);
    if (!item) {
      tally.missingItems.push(`${text} [${truth.kind}]`);
      tally.pairs += Object.keys(truth.says).length;
      continue;
    }
    for (const [outlet, said] of Object.entries(truth.says)) {
      tally.pairs += 1;
      const check = item.checks.find((c) => c.sourceId === outlet);
      const state: ClaimState = check?.state ?? 'unknown';
      if (!ALLOWED[said].includes(state)) tally.wrong.push(`${text} [${truth.kind}] ${outlet}: truth ${said}, engine ${state} ${check?.evidence.map((e) => `“${e.text}” ¶${e.excerpt.citation.paragraph}`).join(', ') ?? ''}`);
      else if (state !== 'unknown') tally.said += 1;
    }
  }
}

describe('GIVEN the invented stories and the claims truth', () => {
  let engine: Engine;
  let corpus: Corpus;
  const truths: Truth[] = loadTruth();
  beforeAll(async () => {
    corpus = await loadCorpus(STORIES_DIR);
    engine = Engine.build(corpus);
  });

  const titleOf = (t: Truth) => corpus.articles.find((a) => a.id === t.articles[0])?.title ?? t.story;

  it('WHEN every claim of claims.yaml is checked THEN no state contradicts the truth, and most items get one', () => {
    const tally: Tally = { pairs: 0, said: 0, wrong: [], missingItems: [] };
    const { claims } = loadClaimsTruth();
    for (const c of claims) hold(tally, engine, c.text, c.items, truths.find((t) => t.story === c.story)?.outlets ?? []);
    console.log(`claims.yaml: ${claims.length} claims, ${tally.pairs} outlet×item pairs, ${tally.said} stated (${((100 * tally.said) / tally.pairs).toFixed(0)} %), items not read: ${tally.missingItems.length}`);
    expect(tally.wrong).toEqual([]);
    expect(tally.said / tally.pairs).toBeGreaterThanOrEqual(0.5);
  });

  it('WHEN each story figure is claimed as an outlet words it THEN no state contradicts the quantities', () => {
    const tally: Tally = { pairs: 0, said: 0, wrong: [], missingItems: [] };
    for (const t of truths) {
      for (const q of t.quantities) {
        for (const [outlet, wording] of Object.entries(q.wordings ?? {})) {
          const value = q.values[outlet] as number;
          const says = Object.fromEntries(t.outlets.map((o): [string, Said] => [o, q.values[o] === undefined ? 'absent' : q.values[o] === value ? 'same' : 'different']));
          hold(tally, engine, `${titleOf(t)} : ${wording}`, [{ kind: 'figure', value, noun: q.noun, says }], t.outlets);
        }
      }
    }
    console.log(`quantities: ${tally.pairs} outlet×figure pairs, ${tally.said} stated (${((100 * tally.said) / tally.pairs).toFixed(0)} %), figures not read: ${tally.missingItems.length}`);
    expect(tally.wrong).toEqual([]);
    // A regression guard on how often something is stated (49 % when written): "does not say"
    // holds only where every figure of the outlet counts a known other thing, as in the matrix.
    expect(tally.said / tally.pairs).toBeGreaterThanOrEqual(0.45);
  });

  it('WHEN a role is claimed for each person of a story THEN "does not name them" is said only of outlets that never name them', () => {
    const wrong: string[] = [];
    let silent = 0;
    for (const t of truths) {
      for (const p of t.people) {
        const answer = checkOf(engine, `${titleOf(t)}. ${p.name} est le porte-parole du gouvernement.`);
        const item = answer.items.find((i) => i.kind === 'role');
        for (const c of item?.checks ?? []) {
          if (c.state !== 'silent') continue;
          silent += 1;
          if (p.namedBy.includes(c.sourceId)) wrong.push(`${p.name}: ${c.sourceId} names them, said not to`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(silent).toBeGreaterThan(0);
  });

  it('THEN every passage shown holds the words it is shown for, in the paragraph it cites', () => {
    const { claims } = loadClaimsTruth();
    for (const c of claims) {
      for (const item of checkOf(engine, c.text).items) {
        for (const check of item.checks) {
          for (const e of check.evidence) {
            const article = corpus.articles.find((a) => a.id === e.excerpt.citation.articleId);
            const paragraph = article?.paragraphs.find((p) => p.n === e.excerpt.citation.paragraph)?.text ?? '';
            expect(paragraph).toContain(e.excerpt.text);
            expect(e.excerpt.citation.sourceId).toBe(check.sourceId);
            if (item.kind !== 'quote' && item.kind !== 'statement') expect(paragraph, `${item.kind} ${e.text}`).toContain(e.text);
          }
        }
      }
    }
  });
});

describe('GIVEN the two seed articles', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine('data');
  });

  it('WHEN "1 000 sapeurs" and Choïgou\'s role are checked THEN AFP and RT give the same, each with its own words and paragraph', () => {
    const answer = checkOf(engine, 'Pyongyang envoie 1 000 sapeurs à Koursk, selon Sergueï Choïgou, secrétaire du Conseil de sécurité.');
    const figure = answer.items.find((i) => i.kind === 'figure');
    expect(figure?.checks.map((c) => [c.outlet, c.state, c.evidence[0]?.text, c.evidence[0]?.excerpt.citation.paragraph])).toEqual([
      ['AFP', 'same', '1.000 sapeurs', 2],
      ['RT', 'same', '1 000 sapeurs', 3],
    ]);
    const role = answer.items.find((i) => i.kind === 'role');
    expect(role?.checks.map((c) => [c.outlet, c.state])).toEqual([
      ['AFP', 'same'],
      ['RT', 'same'],
    ]);
  });

  it('WHEN the visit is claimed as the second in two weeks THEN AFP and RT give the same count, each in its words, RT also its count over four months', () => {
    const answer = checkOf(engine, 'Kim Jong-un a reçu Choïgou pour la deuxième visite en deux semaines.');
    const count = answer.items.find((i) => i.kind === 'count');
    expect(count?.count).toEqual({ ordinal: 2, noun: 'visite', periodDays: 14 });
    expect(count?.checks.map((c) => [c.outlet, c.state, c.evidence.map((e) => [e.relation, e.text, e.excerpt.citation.paragraph])])).toEqual([
      ['AFP', 'same', [['same', 'deuxième fois en moins de quinze jours', 3]]],
      ['RT', 'same', [['same', 'deuxième en deux semaines', 8], ['different', 'troisième en quatre mois', 8]]],
    ]);
    expect(checkLines(answer, 'en')).toContain('1. Count — deuxième visite en deux semaines (visite no. 2, within 2 weeks)');
    expect(checkLines(answer, 'fr')).toContain('   RT ✓ donne le même rang\u00a0: “deuxième en deux semaines” ¶8; aussi\u00a0: “troisième en quatre mois” ¶8');
  });

  it('WHEN the visit is claimed as the third in a month THEN both outlets count it otherwise, neither over a month', () => {
    const answer = checkOf(engine, "C'est la troisième visite de Choïgou en Corée du Nord en un mois.");
    const count = answer.items.find((i) => i.kind === 'count');
    expect(count?.checks.map((c) => [c.outlet, c.state, c.evidence.map((e) => e.value)])).toEqual([
      ['AFP', 'different', [2]],
      ['RT', 'different', [2, 3]],
    ]);
  });

  it('WHEN another figure for the sappers is claimed THEN both outlets are said to give another, with theirs', () => {
    const answer = checkOf(engine, 'La Corée du Nord envoie 2 000 sapeurs à Koursk.');
    const figure = answer.items.find((i) => i.kind === 'figure');
    expect(figure?.checks.map((c) => [c.outlet, c.state, c.evidence.map((e) => e.value)])).toEqual([
      ['AFP', 'different', [1000]],
      ['RT', 'different', [1000]],
    ]);
  });

  it('WHEN a message states nothing checkable THEN the closest passages come, and nothing is said of them', () => {
    const answer = checkOf(engine, 'Les sapeurs nord-coréens vont déminer la région de Koursk.');
    expect(answer.items.map((i) => i.kind)).toEqual(['statement']);
    expect(answer.items[0]?.checks.every((c) => c.state === 'unknown' && c.evidence.length === 1)).toBe(true);
  });

  it('WHEN a claim is about nothing in the corpus THEN "no evidence"', () => {
    expect(engine.check('La météo sera douce demain sur la Bretagne').kind).toBe('no-evidence');
  });

  it('WHEN a hostile or huge message is checked THEN only its start is read, and an answer comes', () => {
    const answer = engine.check(`${'@everyone <@123> '.repeat(50)} 1 000 sapeurs ${'« »'.repeat(500)} ${'Koursk '.repeat(1000)}`);
    expect(['check', 'no-evidence']).toContain(answer.kind);
    if (answer.kind === 'check') expect(answer.cut).toBe(true);
  });
});
