/**
 * The core issue's acceptance, on the two real seed articles as committed in data/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { argumentOf, COMMAND_NAMES, dispatch } from '../../src/commands/table.js';
import { loadEngine } from '../../src/load-engine.js';
import { excerptsOf } from './support.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine('data');
});

describe('GIVEN the two seed articles', () => {
  it('WHEN asked who Poutine is THEN names him with the role an article gives him', () => {
    const a = engine.who('Poutine');
    expect(a.kind).toBe('who');
    if (a.kind !== 'who') return;
    expect(a.people[0]?.name).toBe('Vladimir Poutine');
    expect(a.people[0]?.roles.map((r) => r.text)).toContain('président russe');
    expect(a.excerpts.length).toBeGreaterThan(0);
  });

  it('WHEN asked who without argument THEN lists the people of both articles', () => {
    const a = engine.who();
    if (a.kind !== 'who') throw new Error(a.kind);
    const names = a.people.map((p) => p.name);
    for (const name of ['Sergueï Choïgou', 'Kim Jong Un', 'Vladimir Poutine', 'Hong Min', 'Lee Jae-myung', 'Mikhaïl Volkov']) expect(names).toContain(name);
    expect(names[0]).toBe('Sergueï Choïgou');
  });

  it('WHEN asked when the mutual defence agreement was signed THEN resolves "l\'an dernier" to 2024', () => {
    const a = engine.when('accord de défense mutuelle');
    if (a.kind !== 'when') throw new Error(a.kind);
    const first = a.dates[0];
    expect(first?.iso).toBe('2024');
    expect(first?.wording).toMatch(/l'an dernier/);
    expect(first?.excerpt.citation.outlet).toBe('AFP');
  });

  it('WHEN asked for the timeline THEN it runs oldest first and includes August 2024 and 17 June 2025', () => {
    const a = engine.when();
    if (a.kind !== 'when') throw new Error(a.kind);
    const isos = a.dates.map((d) => d.iso);
    expect(isos).toContain('2024-08');
    expect(isos).toContain('2025-06-17');
    const keys = a.dates.map((d) => d.sortKey);
    expect([...keys].sort()).toEqual(keys);
  });

  it('WHEN comparing rail links THEN shows AFP on rail links being restored and RT on the direct train', () => {
    const a = engine.compare('train liaisons ferroviaires');
    if (a.kind !== 'compare') throw new Error(a.kind);
    const afp = a.outlets.find((o) => o.outlet === 'AFP');
    const rt = a.outlets.find((o) => o.outlet === 'RT');
    expect(afp?.covered && rt?.covered).toBe(true);
    expect(afp?.excerpts.map((e) => e.text).join(' ')).toMatch(/liaisons ferroviaires .* en cours de restauration/);
    expect(rt?.excerpts.map((e) => e.text).join(' ')).toMatch(/train (international )?direct/);
  });

  it('WHEN asked the train distance THEN cites "10 000 kilomètres"', () => {
    const a = engine.ask('Quelle distance parcourt le train ?');
    if (a.kind !== 'ask') throw new Error(a.kind);
    expect(a.questionKind).toBe('howmany');
    expect(a.excerpts[0]?.text).toContain('10 000 kilomètres');
  });

  it('WHEN asked who fought Ukrainian forces THEN cites the North Korean contingent', () => {
    const a = engine.ask('Qui a participé aux combats contre les forces ukrainiennes ?');
    if (a.kind !== 'ask') throw new Error(a.kind);
    expect(a.excerpts[0]?.text).toMatch(/contingent de soldats nord-coréens/);
  });

  it('WHEN citing "rétablir la confiance" THEN gives the AFP sentence with outlet, date and paragraph', () => {
    const a = engine.cite('rétablir la confiance');
    if (a.kind !== 'cite') throw new Error(a.kind);
    expect(a.excerpt.text).toContain('s\'est engagé à "rétablir la confiance"');
    expect(a.excerpt.citation).toMatchObject({ outlet: 'AFP', published: '2025-06-17' });
    expect(a.excerpt.citation.paragraph).toBeGreaterThan(1);
  });

  it('WHEN a topic is absent THEN says there is no evidence instead of guessing', () => {
    const a = engine.ask('championnat de football');
    expect(a.kind).toBe('no-evidence');
  });

  it('WHEN a word is misspelt THEN suggests close words of the corpus', () => {
    const a = engine.compare('xylophones');
    expect(a.kind).toBe('no-evidence');
    const b = engine.ask('Pyongyng');
    // A typo on a long name is tolerated by fuzzy matching.
    expect(b.kind).toBe('ask');
  });
});

describe('GIVEN every command on the seeds', () => {
  const queries = ['', 'Choïgou', 'Shoigu', 'Kim Jong-un', 'Koursk', 'Kursk', 'train', 'Qui a annoncé l’envoi de sapeurs ?', 'Quand le train a-t-il repris ?', 'Combien de sapeurs ?', 'Où se trouve Khabarovsk ?', 'poste', 'mémoriaux', 'cookies', 'rétablir la confiance', 'KCNA'];

  it('THEN every excerpt is a verbatim substring of its cited paragraph, at most 300 characters', () => {
    let checked = 0;
    for (const command of COMMAND_NAMES) {
      for (const q of queries) {
        if (q === '' && argumentOf(command)?.required) continue;
        const answer = dispatch(engine, command, q);
        for (const e of excerptsOf(answer)) {
          const article = engine.corpus.articles.find((a) => a.id === e.citation.articleId);
          const paragraph = article?.paragraphs.find((p) => p.n === e.citation.paragraph);
          expect(paragraph, `${command} ${q}`).toBeDefined();
          expect(paragraph?.text.slice(e.start, e.end)).toBe(e.text);
          expect(paragraph?.text).toContain(e.text);
          expect(e.text.length).toBeLessThanOrEqual(300);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
