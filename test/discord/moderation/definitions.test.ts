/**
 * The moderators' commands as registered: `/article add|remove|list` and `/source add|list`,
 * localised, for moderators (Manage Messages) in servers only, valid per Discord's spec; only
 * registered by a bot that has a moderation service.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../src/commands/table.js';
import { CHECK_MENU, CITE_MENU, commandDefinitions } from '../../../src/discord/commands.js';
import { COMMAND } from '../../../src/discord/limits.js';
import { MODERATOR_COMMANDS, isModeratorCommand, moderatorAction } from '../../../src/discord/moderation/definitions.js';
import { validateRequestBody } from '../double/index.js';

/** Discord's rule for command and option names, lower case (interactions/application-commands). */
const NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Option = { name: string; name_localizations?: { fr?: string }; description: string; description_localizations?: { fr?: string }; options?: Option[]; type: number; required?: boolean };

function everyOption(options: readonly Option[] = []): Option[] {
  return options.flatMap((o) => [o, ...everyOption(o.options)]);
}

describe('GIVEN the moderators’ commands', () => {
  it('THEN they are registered only with moderation, after the others', () => {
    expect(commandDefinitions().map((d) => d.name)).toEqual([...COMMAND_NAMES, CITE_MENU.name, CHECK_MENU.name]);
    expect(commandDefinitions({ moderation: true }).map((d) => d.name)).toEqual([...COMMAND_NAMES, CITE_MENU.name, CHECK_MENU.name, 'article', 'source', 'gaps']);
  });

  it('THEN the whole registration is valid per Discord’s spec and rules', () => {
    expect(validateRequestBody('put', '/applications/1/guilds/2/commands', commandDefinitions({ moderation: true }))).toEqual([]);
  });

  it('THEN they are for Manage Messages ("8192"), guild install and guild context only', () => {
    for (const c of MODERATOR_COMMANDS) expect([c.default_member_permissions, c.integration_types, c.contexts]).toEqual(['8192', [0], [0]]);
  });

  it('THEN every name and description is localised in French, within Discord’s limits', () => {
    for (const c of MODERATOR_COMMANDS) {
      for (const o of [c as unknown as Option, ...everyOption((c.options ?? []) as unknown as Option[])]) {
        for (const name of [o.name, o.name_localizations?.fr ?? '']) expect([o.name, name]).toEqual([o.name, expect.stringMatching(NAME)]);
        for (const d of [o.description, o.description_localizations?.fr ?? '']) {
          expect(d.length).toBeGreaterThan(0);
          expect(d.length).toBeLessThanOrEqual(COMMAND.DESCRIPTION_MAX);
        }
      }
    }
    const subcommands = MODERATOR_COMMANDS.map((c) => ((c.options ?? []) as unknown as Option[]).map((o) => `${o.name}/${o.name_localizations?.fr}`));
    expect(subcommands).toEqual([
      ['add/ajouter', 'remove/retirer', 'list/liste'],
      ['add/ajouter', 'list/liste'],
      [],
    ]);
  });

  it('THEN /article add takes an optional file and address, /article remove a required, completed article', () => {
    const [add, remove] = (MODERATOR_COMMANDS[0].options ?? []) as unknown as Option[];
    expect(add?.options?.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ['file', 11, false],
      ['url', 3, false],
      ['title', 3, false],
      ['outlet', 3, false],
      ['date', 3, false],
    ]);
    expect(remove?.options?.map((o) => [o.name, o.required, (o as { autocomplete?: boolean }).autocomplete])).toEqual([['article', true, true]]);
  });

  it('THEN an interaction’s command and subcommand name an action, and nothing else does', () => {
    expect(moderatorAction('article', 'add')).toEqual({ command: 'article', subcommand: 'add' });
    expect(moderatorAction('source', 'list')).toEqual({ command: 'source', subcommand: 'list' });
    expect(moderatorAction('source', 'remove')).toBeUndefined();
    expect(moderatorAction('article', null)).toBeUndefined();
    expect(moderatorAction('ask', 'add')).toBeUndefined();
    expect([isModeratorCommand('article'), isModeratorCommand('ask'), isModeratorCommand('toString')]).toEqual([true, false, false]);
  });
});
