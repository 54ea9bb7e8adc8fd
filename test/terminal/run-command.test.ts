/**
 * The terminal takes the commands as Discord does, in English or French, and a console line
 * without a slash is a question: on the seed articles, through the runner both `recoupe` and the
 * console use.
 */
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { COMMANDS } from '../../src/commands/table.js';
import { loadEngine } from '../../src/load-engine.js';
import { runConsole } from '../../src/terminal/console.js';
import { parseLine, runCommand, runLine } from '../../src/terminal/run-command.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine('data');
});

const en = { locale: 'en' } as const;

describe('parseLine', () => {
  it('GIVEN a line starting with a slash THEN its first word is the command and the rest its text', () => {
    expect(parseLine('  /qui   Kim Jong Un ')).toEqual({ command: '/qui', text: 'Kim Jong Un' });
    expect(parseLine('/sources')).toEqual({ command: '/sources', text: '' });
  });

  it('GIVEN a line without a slash THEN all of it is a question for ask, even when it starts with a command’s name', () => {
    expect(parseLine('Quelle distance parcourt le train ?')).toEqual({ command: 'ask', text: 'Quelle distance parcourt le train ?' });
    expect(parseLine('who announced it?')).toEqual({ command: 'ask', text: 'who announced it?' });
  });
});

describe('GIVEN the seed articles', () => {
  it('WHEN every command is typed by its French name THEN the answer is the English name’s, for every command of the table', () => {
    for (const c of COMMANDS) {
      const text = 'argument' in c ? 'Choïgou' : '';
      const french = runLine(engine, `/${c.name.fr} ${text}`, en);
      const english = runLine(engine, `/${c.name.en} ${text}`, en);
      expect(french.ok, c.name.fr).toBe(true);
      expect(french).toEqual(english);
    }
  });

  it('WHEN /qui Poutine is typed THEN Vladimir Poutine with his role', () => {
    const result = runLine(engine, '/qui Poutine', en);
    expect(result.ok && result.answer.kind).toBe('who');
    expect(result.text).toContain('Vladimir Poutine');
    expect(result.text).toContain('président russe');
  });

  it('WHEN a bare question is typed THEN it is answered as /ask would answer it', () => {
    const bare = runLine(engine, 'Quelle distance parcourt le train ?', en);
    expect(bare.ok && bare.answer.kind).toBe('ask');
    expect(bare).toEqual(runLine(engine, '/ask Quelle distance parcourt le train ?', en));
    expect(bare.text).toContain('10 000 kilomètres');
  });

  it('WHEN /aide is typed in French THEN the help lists the French names', () => {
    const result = runLine(engine, '/aide', { locale: 'fr' });
    expect(result.text).toContain('/demander <question> — ');
    expect(result.text).toContain('/qui [recherche] — ');
  });

  it('WHEN an unknown slash command or a required text is missing THEN the user error’s message, not a throw', () => {
    const unknown = runLine(engine, '/frobnicate x', en);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-command' }, text: 'I do not know that command. Try /help.' });
    expect(runLine(engine, '/comparer', { locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'missing-argument' }, text: 'Dites-moi ce qu’il faut chercher.' });
  });

  it('WHEN a command is named without a slash, as `recoupe qui Poutine` does THEN it runs too', () => {
    expect(runCommand(engine, 'qui', 'Poutine', en)).toEqual(runLine(engine, '/who Poutine', en));
  });
});

describe('runConsole', () => {
  it('GIVEN lines on standard input THEN answers each, a bare line as a question, until exit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    input.end('/qui Choïgou\nQuelle distance parcourt le train ?\nexit\n/sources\n');
    await runConsole(engine, 'en', input, output);
    expect(printed).toContain('Sergueï Choïgou');
    expect(printed).toContain('10 000 kilomètres');
    // Nothing after exit is run.
    expect(printed).not.toContain('paragraphs indexed');
  });
});
