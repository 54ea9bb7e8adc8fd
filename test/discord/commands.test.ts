/**
 * Command definitions as Discord receives them (derived from the command table, within Discord's
 * rules, localised), the handlers typed from them, and the validation of what an interaction
 * carries. The registered JSON itself is pinned by test/commands/table.test.ts.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/commands/table.js';
import { UserError } from '../../src/commands/user-error.js';
import { CHECK_MENU, CITE_MENU, SLASH_COMMANDS, commandDefinitions, type SlashArgs } from '../../src/discord/commands.js';
import { requestFor } from '../../src/discord/handlers.js';
import { userErrorText } from '../../src/discord/error-boundary.js';
import { contextQuery, parseSlashArgs } from '../../src/discord/parse-input.js';
import { COMMAND, OURS } from '../../src/discord/limits.js';

/** Discord's rule for command and option names (interactions/application-commands). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe('GIVEN the command definitions', () => {
  it('THEN there is one slash command per command of the table, in its order, plus the context menu last', () => {
    expect(Object.keys(SLASH_COMMANDS)).toEqual([...COMMAND_NAMES]);
    expect(commandDefinitions().map((d) => d.name)).toEqual([...COMMAND_NAMES, CITE_MENU.name, CHECK_MENU.name]);
  });

  for (const def of Object.values(SLASH_COMMANDS)) {
    it(`THEN /${def.name} and its options follow Discord's rules in English and French`, () => {
      for (const name of [def.name, def.name_localizations.fr]) {
        expect(name).toMatch(NAME);
        expect(name).toBe(name.toLowerCase());
      }
      for (const d of [def.description, def.description_localizations.fr]) {
        expect(d.length).toBeGreaterThan(0);
        expect(d.length).toBeLessThanOrEqual(COMMAND.DESCRIPTION_MAX);
      }
      expect(def.options.length).toBeLessThanOrEqual(COMMAND.OPTIONS_MAX);
      expect(def.options.at(-1)?.name).toBe('hide');
      for (const o of def.options) {
        expect(o.name).toMatch(NAME);
        expect(o.name_localizations.fr).toMatch(NAME);
        expect(o.description.length).toBeLessThanOrEqual(COMMAND.DESCRIPTION_MAX);
        expect(o.description_localizations.fr.length).toBeLessThanOrEqual(COMMAND.DESCRIPTION_MAX);
        if ('max_length' in o) expect(o.max_length).toBe(def.name === 'check' ? OURS.CLAIM_MAX : OURS.QUERY_MAX);
      }
      // Discord wants required options first.
      const required = def.options.map((o) => 'required' in o && o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    });
  }

  it('THEN the context menus are "Cite sources" and "Check this claim", in French "Citer les sources" and "Vérifier l’affirmation"', () => {
    expect(CITE_MENU).toMatchObject({ type: 3, name: 'Cite sources', name_localizations: { fr: 'Citer les sources' } });
    expect(CHECK_MENU).toMatchObject({ type: 3, name: 'Check this claim', name_localizations: { fr: 'Vérifier l’affirmation' } });
  });

  it('THEN handler arguments are typed from the definitions', () => {
    expectTypeOf<SlashArgs<'ask'>>().toEqualTypeOf<{ question: string; hide: boolean | undefined }>();
    expectTypeOf<SlashArgs<'who'>>().toEqualTypeOf<{ query: string | undefined; hide: boolean | undefined }>();
    expectTypeOf<SlashArgs<'sources'>>().toEqualTypeOf<{ hide: boolean | undefined }>();
    expect(requestFor('who', { query: undefined, hide: true })).toEqual({ command: 'who', query: '' });
    expect(requestFor('compare', { topic: 'sapeurs', hide: undefined })).toEqual({ command: 'compare', query: 'sapeurs' });
    expect(requestFor('sources', { hide: false })).toEqual({ command: 'sources', query: '' });
  });
});

describe('parseSlashArgs', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return error instanceof UserError ? error.code : 'other';
    }
    return 'none';
  };

  it('GIVEN valid options WHEN parsed THEN text is trimmed and blank optional text is absent', () => {
    expect(parseSlashArgs('ask', { question: '  Qui ?  ', hide: true })).toEqual({ question: 'Qui ?', hide: true });
    expect(parseSlashArgs('who', { query: '   ' })).toEqual({});
  });

  it('GIVEN a blank or missing required text WHEN parsed THEN empty-query', () => {
    expect(code(() => parseSlashArgs('ask', { question: '   ' }))).toBe('empty-query');
    expect(code(() => parseSlashArgs('compare', {}))).toBe('empty-query');
  });

  it('GIVEN text over the option max WHEN parsed THEN query-too-long, with the maximum in the message', () => {
    let error: unknown;
    try {
      parseSlashArgs('cite', { query: 'x'.repeat(OURS.QUERY_MAX + 1) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect(userErrorText(error as UserError, 'fr')).toBe(`C’est trop long : ${OURS.QUERY_MAX} caractères au plus. [query-too-long]`);
    expect(userErrorText(error as UserError, 'en')).toBe(`That is too long: ${OURS.QUERY_MAX} characters at most. [query-too-long]`);
  });

  it('GIVEN an option of the wrong type WHEN parsed THEN invalid-input', () => {
    expect(code(() => parseSlashArgs('ask', { question: 'q', hide: 'yes' }))).toBe('invalid-input');
  });
});

describe('contextQuery', () => {
  it('GIVEN a message with mentions, emoji and links WHEN made a query THEN only its words remain', () => {
    expect(contextQuery('<@123> dit  que <#456> <:ok:789> les sapeurs https://x.example/a arrivent\n à Koursk')).toBe('dit que les sapeurs arrivent à Koursk');
  });

  it('GIVEN a long message WHEN made a query THEN it is cut at a word within the maximum', () => {
    const q = contextQuery('mot '.repeat(200));
    expect(q.length).toBeLessThanOrEqual(OURS.CONTEXT_QUERY_MAX);
    expect(q.endsWith('mot')).toBe(true);
  });

  it('GIVEN a message with nothing to search WHEN made a query THEN empty-message', () => {
    expect(() => contextQuery('  <@123> https://x.example ')).toThrow(UserError);
  });
});
