/**
 * The command table, the one place a command is defined: every command named and described in
 * both languages within Discord's limits, the Discord definitions derived from it unchanged from
 * what was registered before the table existed (the snapshot), and every surface's list (the
 * terminal's usage, `/help` in text and in Discord) listing every command of the table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { HelpAnswer } from '../../src/answers/types.js';
import { CLAIM_READ_MAX } from '../../src/answers/check-claim-read.js';
import { QUERY_MAX } from '../../src/commands/define.js';
import { COMMANDS, COMMAND_NAMES, dispatch, resolveCommand, usageOf } from '../../src/commands/table.js';
import { UserError } from '../../src/commands/user-error.js';
import { CONTEXT_MENUS, EVERYWHERE, commandDefinitions } from '../../src/discord/commands.js';
import { COMMAND } from '../../src/discord/limits.js';
import { textDisplaysOf } from '../../src/discord/render/component-tree.js';
import { answerReply } from '../../src/discord/render/payload.js';
import { renderText } from '../../src/terminal/render.js';
import { usageText } from '../../src/terminal/usage.js';
import { sourceFiles } from './support.js';

/** Discord's rule for command and option names (interactions/application-commands), lowercase. */
const NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** What the bot registered with Discord before the command table, taken from the code of then. */
const SNAPSHOT = JSON.parse(readFileSync('test/discord/fixtures/commands.snapshot.json', 'utf8')) as { name: string }[];

const help: HelpAnswer = { kind: 'help', commands: COMMAND_NAMES };

describe('GIVEN the command table', () => {
  for (const c of COMMANDS) {
    it(`THEN /${c.name.en} has names and descriptions in English and French within Discord's limits`, () => {
      for (const name of [c.name.en, c.name.fr]) expect(name).toMatch(NAME);
      for (const text of [c.description.en, c.description.fr, c.summary.en, c.summary.fr]) {
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(COMMAND.DESCRIPTION_MAX);
      }
      if ('argument' in c) {
        for (const name of [c.argument.name.en, c.argument.name.fr]) expect(name).toMatch(NAME);
        for (const text of [c.argument.description.en, c.argument.description.fr]) expect(text.length).toBeGreaterThan(0);
        for (const text of [c.argument.description.en, c.argument.description.fr]) expect(text.length).toBeLessThanOrEqual(COMMAND.DESCRIPTION_MAX);
        expect(c.argument.maxLength).toBeLessThanOrEqual(COMMAND.STRING_OPTION_MAX);
      }
    });
  }

  it('THEN no name, in either language, names two commands (a typed name has one meaning)', () => {
    const owners = new Map<string, Set<string>>();
    for (const c of COMMANDS) for (const name of [c.name.en, c.name.fr]) owners.set(name, (owners.get(name) ?? new Set()).add(c.name.en));
    expect([...owners].filter(([, commands]) => commands.size > 1)).toEqual([]);
  });

  it('THEN the Discord definitions of the commands registered before the table are exactly the snapshot, installable everywhere since (same JSON, same key order)', () => {
    const derived = commandDefinitions() as unknown as { name: string }[];
    const known = new Set(SNAPSHOT.map((d) => d.name));
    // A command added since keeps the snapshot true for the others; one removed or changed does not.
    // The one change made on purpose: every one of them is installable by users too (issue 15).
    expect(JSON.stringify(derived.filter((d) => known.has(d.name)))).toBe(JSON.stringify(SNAPSHOT.map((d) => ({ ...d, ...EVERYWHERE }))));
    const added = [...COMMAND_NAMES, ...CONTEXT_MENUS.map((m) => m.definition.name)] as readonly string[];
    expect(derived.filter((d) => !known.has(d.name)).map((d) => d.name).every((name) => added.includes(name))).toBe(true);
  });

  it('THEN the terminal usage lists every command, with its argument and its French name', () => {
    const usage = usageText();
    for (const name of COMMAND_NAMES) {
      const line = usage.split('\n').find((l) => l.trim().startsWith(usageOf(name, 'en').slice(1)));
      expect(line, name).toBeDefined();
      expect(line).toContain(`fr: ${COMMANDS.find((c) => c.name.en === name)?.name.fr}`);
    }
  });

  it('THEN /help lists every command in the reader’s language, in the terminal and in Discord', () => {
    for (const locale of ['en', 'fr'] as const) {
      const text = renderText(help, { locale });
      const reply = answerReply(help, { locale, page: 0, ephemeral: false, command: 'help', query: '', colorOf: () => undefined });
      // The card's lines as a reader sees them: Discord's markdown escapes undone; each command a bold line, then its summary.
      const lines = textDisplaysOf(reply.card ?? []).flatMap((t) => t.split('\n')).map((l) => l.replace(/\\(.)/gu, '$1'));
      for (const c of COMMANDS) {
        expect(text).toContain(`${usageOf(c.name.en, locale)} — ${c.summary[locale]}`);
        const at = lines.indexOf(`**${usageOf(c.name.en, locale)}**`);
        expect(at, c.name.en).toBeGreaterThanOrEqual(0);
        expect(lines[at + 1]).toBe(c.summary[locale]);
      }
    }
    expect(usageOf('ask', 'fr')).toBe('/demander <question>');
    expect(usageOf('who', 'en')).toBe('/who [query]');
    expect(usageOf('sources', 'fr')).toBe('/sources');
  });

  it('THEN every text argument is limited to the query maximum, a claim to what the claim reader reads', () => {
    for (const c of COMMANDS) if ('argument' in c) expect(c.argument.maxLength, c.name.en).toBe(c.name.en === 'check' ? CLAIM_READ_MAX : QUERY_MAX);
  });
});

describe('resolveCommand', () => {
  it('GIVEN a name typed in English or French, with or without a slash, in any case THEN the command', () => {
    expect(['who', '/who', 'qui', '/qui', 'QUI', '/Qui'].map(resolveCommand)).toEqual(Array(6).fill('who'));
    expect(resolveCommand('/aide')).toBe('help');
    expect(resolveCommand('demander')).toBe('ask');
  });

  it('GIVEN anything else THEN undefined', () => {
    expect(['', '/', 'frobnicate', '//who', 'who ', 'quoi'].map(resolveCommand)).toEqual(Array(6).fill(undefined));
  });
});

describe('dispatch', () => {
  // Only the refusals are tested here: they happen before the engine is asked anything.
  const engine = {} as Engine;
  const refusal = (name: string, text?: string) => {
    try {
      dispatch(engine, name, text);
    } catch (error) {
      return error instanceof UserError ? `${error.code}: ${error.detail}` : 'other';
    }
    return 'none';
  };

  it('GIVEN a name not in the table (a French name included: interactions carry English ones) THEN unknown-command', () => {
    expect(refusal('frobnicate')).toBe('unknown-command: frobnicate');
    expect(refusal('qui', 'Poutine')).toBe('unknown-command: qui');
  });

  it('GIVEN a command whose text is required and blank THEN missing-argument, naming the command', () => {
    for (const c of COMMANDS) if ('argument' in c && c.argument.required) expect(refusal(c.name.en, '  \n ')).toBe(`missing-argument: ${c.name.en}`);
  });
});

describe('GIVEN the source of src/commands', () => {
  it('THEN it imports neither discord.js nor a surface (Discord, terminal, renderers)', () => {
    const offenders = sourceFiles('src/commands').filter((f) => /from '(?:discord\.js|@discordjs\/[^']+|\.\.\/(?:discord|terminal|render)\/[^']*)'/u.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
