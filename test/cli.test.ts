/**
 * The terminal surfaces as a user runs them: `npm run ask` (src/cli.ts) and the console that
 * `npm start` opens without a token (src/main.ts), as real child processes.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';

const run = (script: string, args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, DISCORD_TOKEN: '', RECOUPE_LOCALE: '', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });

/** The quoted excerpts of a plain-text answer, without the ellipses marking cuts. */
const quotes = (text: string) => [...text.matchAll(/^\s*(?:\d+\. )?« (.*) »$/gmu)].map((m) => (m[1] ?? '').replace(/^…|…$/g, ''));

describe('npm run ask', () => {
  it('GIVEN who Poutine THEN prints his role and exits 0', () => {
    const r = run('src/cli.ts', ['who', 'Poutine']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Vladimir Poutine');
    expect(r.stdout).toContain('président russe');
  });

  it('GIVEN every command THEN every printed excerpt is verbatim article text', async () => {
    const corpus = await loadCorpus('data');
    const paragraphs = corpus.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    let seen = 0;
    for (const args of [['ask', 'Quelle distance parcourt le train ?'], ['who', 'Choïgou'], ['when'], ['compare', 'sapeurs'], ['cite', 'rétablir la confiance']]) {
      const r = run('src/cli.ts', args);
      expect(r.status, args.join(' ')).toBe(0);
      for (const q of quotes(r.stdout)) {
        expect(paragraphs.some((p) => p.includes(q)), q).toBe(true);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('GIVEN --json THEN prints the structured answer', () => {
    const r = run('src/cli.ts', ['--json', 'cite', 'rétablir', 'la', 'confiance']);
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ kind: 'cite', excerpt: { citation: { outlet: 'AFP', published: '2025-06-17' } } });
  });

  it('GIVEN a topic the corpus lacks THEN says there is no evidence and still exits 0', () => {
    const r = run('src/cli.ts', ['ask', 'championnat', 'de', 'football']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No evidence in the corpus/);
  });

  it('GIVEN --lang fr THEN the bot’s own words are French and the excerpts unchanged', () => {
    const r = run('src/cli.ts', ['--lang', 'fr', 'ask', 'football']);
    expect(r.stdout).toMatch(/Aucun élément dans le corpus/);
  });

  it.each([
    [['frobnicate'], /unknown command/],
    [[], /a command is required/],
    [['ask'], /Please tell me what to look for/],
    [['--lang', 'de', 'who'], /--lang must be en or fr/],
  ])('GIVEN a usage error %j THEN exits 2 with a usage line', (args, message) => {
    const r = run('src/cli.ts', args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: npm run ask --/);
  });
});

describe('npm start without a token', () => {
  it('GIVEN commands on standard input THEN answers each, after one line on connecting Discord', () => {
    const r = run('src/main.ts', [], '/who Choïgou\n/sources\nnonsense\nexit\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/DISCORD_TOKEN/);
    expect(r.stdout).toContain('Sergueï Choïgou');
    expect(r.stdout).toContain('2 articles, 30 paragraphs indexed.');
    expect(r.stdout).toMatch(/Unknown command “nonsense”/);
  });
});
