/**
 * Hostile queries and hostile article text through the engine: never a throw, and every excerpt
 * still the article's own words. (What reaches Discord is checked in test/discord.)
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answers/engine.js';
import { UserError } from '../../src/commands/user-error.js';
import { type Answer } from '../../src/answers/types.js';
import type { Corpus } from '../../src/corpus/types.js';
import { loadEngine } from '../../src/load-engine.js';
import { excerptsOf } from './support.js';
import { COMMAND_NAMES, dispatch } from '../../src/commands/table.js';

/** Strings people paste to break bots. */
export const HOSTILE_FIXED = [
  '',
  '   \t\n ',
  'a'.repeat(6_000),
  'Koursk '.repeat(900),
  '\u0000\u0001\u0007\u001b[31m',
  '\ud800 lone surrogates \udfff',
  '\u202e\u202d RTL override \u200f',
  'e\u0301'.repeat(2_000),
  'Z̸̢̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ̕̚ͅ͏͓͔͕͖͙͚͘͜͟͢͝͞͠͡',
  '🇫🇷🇷🇺🦀👩‍👩‍👧‍👦 Pyongyang 🚂',
  '**gras** __souligné__ ~~barré~~ ||spoiler|| `code` > citation',
  '```js\nconsole.log("fence")\n```',
  '@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678> <#123456789012345678>',
  '[cliquez ici](https://evil.example/phish_ing_url) https://example.com/a_b_c',
  'Qui ? Quand ? Combien ? Où ?',
  "l' d' qu' jusqu' -- ' ’ -",
  '1 000 1.000 1000 10 000 000',
];

let seeds: Engine;
beforeAll(async () => {
  seeds = await loadEngine('data', { cacheDir: false });
});

function checkVerbatim(engine: Engine, answer: Answer): void {
  for (const e of excerptsOf(answer)) {
    const article = engine.corpus.articles.find((a) => a.id === e.citation.articleId);
    const paragraph = article?.paragraphs.find((p) => p.n === e.citation.paragraph);
    expect(paragraph?.text.slice(e.start, e.end)).toBe(e.text);
    expect(e.text.length).toBeLessThanOrEqual(300);
  }
}

/** Runs a command as a user would; a refusal must be a UserError (a polite, coded one). */
function runSafely(engine: Engine, command: string, query: string): Answer | undefined {
  try {
    return dispatch(engine, command, query);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return undefined;
  }
}

describe('GIVEN hostile queries', () => {
  it.each(HOSTILE_FIXED.map((q) => [JSON.stringify(q).slice(0, 60), q]))('WHEN %s goes through every command THEN no throw and excerpts stay verbatim', (_label, query) => {
    for (const command of COMMAND_NAMES) {
      const answer = runSafely(seeds, command, query);
      if (answer) checkVerbatim(seeds, answer);
    }
  });

  it('WHEN random strings (fast-check) go through every command THEN no throw and excerpts stay verbatim', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMAND_NAMES), fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...HOSTILE_FIXED)), (command, query) => {
        const answer = runSafely(seeds, command, query);
        if (answer) checkVerbatim(seeds, answer);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GIVEN an article whose own text is hostile', () => {
  const hostileCorpus: Corpus = {
    sources: [{ id: 'x', name: 'Source X', short: 'X', kind: 'site', ownership: 'inconnu', color: '#000000' }],
    aliases: [],
    articles: [
      {
        id: 'hostile',
        source: 'x',
        title: '@everyone **titre** <@123>',
        published: '2025-06-17',
        language: 'fr',
        file: 'articles/hostile.md',
        paragraphs: HOSTILE_FIXED.filter((t) => t.trim() !== '').map((text, i) => ({ n: i + 1, text: `Le 17 juin 2025, Sergueï Choïgou a dit : ${text} à Pyongyang.` })),
      },
    ],
  };
  const engine = Engine.build(hostileCorpus);

  it('WHEN every command runs on it THEN no throw and excerpts stay verbatim', () => {
    for (const command of COMMAND_NAMES) {
      for (const query of ['', 'everyone', 'Choïgou', 'spoiler code', 'evil phish', '17 juin', '1 000', ...HOSTILE_FIXED]) {
        const answer = runSafely(engine, command, query);
        if (answer) checkVerbatim(engine, answer);
      }
    }
  });
});
