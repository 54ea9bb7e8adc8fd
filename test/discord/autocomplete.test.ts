/**
 * Autocomplete on the real articles: people and organisations for /who, the word being typed
 * completed from the index for the others; always within 25 choices of 100 characters.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { suggest } from '../../src/discord/autocomplete.js';
import type { SlashName } from '../../src/discord/commands.js';
import { COMMAND } from '../../src/discord/limits.js';
import { loadEngine } from '../../src/load-engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine('data');
});

const within = (choices: ReturnType<typeof suggest>) => {
  expect(choices.length).toBeLessThanOrEqual(COMMAND.AUTOCOMPLETE_CHOICES_MAX);
  for (const c of choices) {
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(COMMAND.CHOICE_NAME_MAX);
    expect(c.value.length).toBeLessThanOrEqual(COMMAND.CHOICE_VALUE_MAX);
  }
};

describe('GIVEN the seed articles', () => {
  it('WHEN /who is focused empty THEN the most mentioned people come first', () => {
    const choices = suggest(engine, 'who', '');
    within(choices);
    expect(choices[0]?.value).toBe('Sergueï Choïgou');
  });

  it('WHEN /who gets "cho" or "shoigu"-less accents THEN Choïgou is offered', () => {
    expect(suggest(engine, 'who', 'cho').map((c) => c.value)).toContain('Sergueï Choïgou');
    expect(suggest(engine, 'who', 'choig').map((c) => c.value)).toContain('Sergueï Choïgou');
    expect(suggest(engine, 'who', 'KCNA').map((c) => c.value)).toContain('KCNA');
  });

  it('WHEN /compare gets a phrase THEN its last word is completed from the index, the rest kept', () => {
    const values = suggest(engine, 'compare', 'la reconstr').map((c) => c.value);
    expect(values).toContain('la reconstruction');
  });

  it('WHEN /ask gets an elided word THEN the article stays', () => {
    expect(suggest(engine, 'cite', "l'arm").map((c) => c.value)).toContain("l'armée");
  });

  it('WHEN /when is focused empty THEN people and frequent words are offered', () => {
    const choices = suggest(engine, 'when', '');
    within(choices);
    expect(choices.length).toBeGreaterThan(5);
  });

  it('WHEN /ask gets the first letter of a word of a person\'s name THEN every such person comes first, most mentioned first', () => {
    const people = engine.kb.entities.filter((e) => e.kind === 'person').sort((a, b) => b.occurrences.length - a.occurrences.length || a.name.localeCompare(b.name));
    const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    let shared = 0;
    for (const person of people.slice(0, 6)) {
      for (const word of person.name.split(/[\s'’-]+/u).filter((w) => w.length >= 3)) {
        const typed = word.slice(0, 1);
        const expected = people.filter((p) => [p.name, ...p.variants].some((n) => folded(n).split(/[\s'’-]+/u).some((w) => w.startsWith(folded(typed))))).map((p) => p.name);
        expect(expected).toContain(person.name);
        const values = suggest(engine, 'ask', `qui est ${typed}`).map((c) => c.value);
        const shown = expected.slice(0, COMMAND.AUTOCOMPLETE_CHOICES_MAX);
        expect(values.slice(0, shown.length), typed).toEqual(shown.map((name) => `qui est ${name}`));
        if (shown.length >= 2) shared++;
      }
    }
    // Some first letters are shared by several people: their order is checked too.
    expect(shared).toBeGreaterThan(0);
  });

  it('WHEN the text is over 100 characters THEN nothing is offered (a choice could not hold it)', () => {
    expect(suggest(engine, 'ask', 'x'.repeat(101))).toEqual([]);
  });

  it('WHEN anything is typed into any command THEN it never throws and stays within limits', () => {
    const commands: SlashName[] = ['ask', 'who', 'when', 'compare', 'cite'];
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.string({ unit: 'grapheme', maxLength: 120 }), (command, typed) => {
        within(suggest(engine, command, typed));
      }),
      { numRuns: 300 },
    );
  });
});
