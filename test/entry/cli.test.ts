/**
 * The terminal surfaces as a user runs them: `recoupe` (bin/recoupe.js, also `npm run ask`, over
 * src/entry/cli.ts) and the console that `npm start` opens without a token (src/entry/main.ts), as real child
 * processes, never through npm (whose banner would be on standard output).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, argumentOf } from '../../src/commands/table.js';
import { loadCorpus } from '../../src/corpus/load.js';

const run = (script: string, args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, DISCORD_TOKEN: '', RECOUPE_LOCALE: '', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });

/** The quoted excerpts of a plain-text answer, without the ellipses marking cuts. */
const quotes = (text: string) => [...text.matchAll(/^\s*(?:\d+\. )?« (.*) »$/gmu)].map((m) => (m[1] ?? '').replace(/^…|…$/g, ''));

/**
 * The `recoupe` launcher started as an executable, as a shell would (its shebang finds this
 * `node`). RECOUPE_LOCALE and DATA_DIR are left unset, so that a `.env` in `cwd` can set them.
 */
const recoupe = (args: string[], cwd = process.cwd()) => {
  const { RECOUPE_LOCALE: _locale, DATA_DIR: _data, ...env } = process.env;
  return spawnSync(resolve('bin/recoupe.js'), args, {
    cwd,
    encoding: 'utf8',
    env: { ...env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, DISCORD_TOKEN: '', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
};

describe('recoupe', () => {
  it('GIVEN who Poutine THEN prints his role and exits 0', () => {
    const r = run('src/entry/cli.ts', ['who', 'Poutine']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Vladimir Poutine');
    expect(r.stdout).toContain('président russe');
  });

  it('GIVEN every command THEN every printed excerpt is verbatim article text', async () => {
    const corpus = await loadCorpus('data');
    const paragraphs = corpus.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    let seen = 0;
    for (const args of [['ask', 'Quelle distance parcourt le train ?'], ['who', 'Choïgou'], ['when'], ['compare', 'sapeurs'], ['cite', 'rétablir la confiance']]) {
      const r = run('src/entry/cli.ts', args);
      expect(r.status, args.join(' ')).toBe(0);
      for (const q of quotes(r.stdout)) {
        expect(paragraphs.some((p) => p.includes(q)), q).toBe(true);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('GIVEN --json THEN prints the structured answer', () => {
    const r = run('src/entry/cli.ts', ['--json', 'cite', 'rétablir', 'la', 'confiance']);
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ kind: 'cite', excerpt: { citation: { outlet: 'AFP', published: '2025-06-17' } } });
  });

  it('GIVEN a topic the corpus lacks THEN says there is no evidence and still exits 0', () => {
    const r = run('src/entry/cli.ts', ['ask', 'championnat', 'de', 'football']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No evidence in the corpus/);
  });

  it('GIVEN --lang fr THEN the bot’s own words are French and the excerpts unchanged', () => {
    const r = run('src/entry/cli.ts', ['--lang', 'fr', 'ask', 'football']);
    expect(r.stdout).toMatch(/Aucun élément dans le corpus/);
  });

  it.each([
    [['frobnicate'], /unknown command/],
    [[], /a command is required/],
    [['ask'], /Please tell me what to look for/],
    [['--lang', 'de', 'who'], /--lang must be en or fr/],
  ])('GIVEN a usage error %j THEN exits 2 with a usage line', (args, message) => {
    const r = run('src/entry/cli.ts', args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^usage: recoupe <command>/mu);
  });

  it('GIVEN a French command name, with or without its slash THEN it runs as the English one', () => {
    const french = run('src/entry/cli.ts', ['qui', 'Poutine']);
    expect(french.status).toBe(0);
    expect(french.stdout).toBe(run('src/entry/cli.ts', ['who', 'Poutine']).stdout);
    expect(run('src/entry/cli.ts', ['/aide']).stdout).toContain('/ask <question>');
  });
});

describe('GIVEN the package', () => {
  it('THEN its bin `recoupe` is the launcher, executable, started by node', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin?: Record<string, string> };
    expect(pkg.bin).toEqual({ recoupe: 'bin/recoupe.js' });
    expect(statSync('bin/recoupe.js').mode & 0o111).not.toBe(0);
    expect(readFileSync('bin/recoupe.js', 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('WHEN `recoupe --json` runs each command of the table THEN standard output is only the JSON answer', () => {
    for (const command of COMMAND_NAMES) {
      const r = recoupe(['--json', command, ...(argumentOf(command) ? ['Choïgou'] : [])]);
      expect(r.status, `${command}: ${r.stderr}`).toBe(0);
      const answer = JSON.parse(r.stdout) as { kind: string };
      expect(['no-evidence', command]).toContain(answer.kind);
    }
    // One process start per command (about 2.5 s on a loaded 2-core machine): the table grows.
  }, 10_000 + COMMAND_NAMES.length * 5_000);

  it('WHEN `recoupe` is started from another folder THEN it runs, configured by --data or by that folder’s .env', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'recoupe-cli-'));
    try {
      const r = recoupe(['--json', '--data', resolve('data'), 'sources'], elsewhere);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'sources', articleCount: 2 });
      writeFileSync(join(elsewhere, '.env'), `DATA_DIR=${resolve('data')}\nRECOUPE_LOCALE=fr\n`);
      const configured = recoupe(['ask', 'football'], elsewhere);
      expect(configured.status, configured.stderr).toBe(0);
      expect(configured.stdout).toMatch(/Aucun élément dans le corpus/u);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('npm start without a token', () => {
  it('GIVEN commands on standard input THEN answers each, after one line on connecting Discord', () => {
    const r = run('src/entry/main.ts', [], '/qui Choïgou\n/sources\n/nonsense\nQuelle distance parcourt le train ?\nexit\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/DISCORD_TOKEN/);
    expect(r.stdout).toContain('Sergueï Choïgou');
    expect(r.stdout).toContain('2 articles, 30 paragraphs indexed.');
    expect(r.stdout).toContain('I do not know that command. Try /help.');
    // A line without a slash is a question.
    expect(r.stdout).toContain('10 000 kilomètres');
  });
});
