/**
 * Rules of the layout that the compiler cannot see: the engine knows nothing of Discord, and one
 * module sends every message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('GIVEN the source tree', () => {
  it('THEN the engine (answers, search, text, corpus) never imports discord.js', () => {
    const offenders = ['src/answers', 'src/search', 'src/text', 'src/corpus'].flatMap(files).filter((f) => /from '(discord\.js|@discordjs\/[^']+)'/u.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('THEN only src/discord/respond.ts answers interactions (reply, editReply, update, followUp, defer, respond)', () => {
    const senders = [...files('src/discord'), ...files('src/render')].filter((f) => /\.(reply|editReply|followUp|deferReply|deferUpdate|respond)\(|\.update\(\{/u.test(readFileSync(f, 'utf8')));
    expect(senders).toEqual(['src/discord/respond.ts']);
  });

  it('THEN nothing retries a Discord request by itself: discord.js does (429 after retry-after, 5xx 3 times), 10062/40060 never are', () => {
    // Code only: comments may well say "never retried".
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
    const retrying = [...files('src/discord'), ...files('src/render'), ...files('src/health')].filter((f) => /\b(?:retry|retries|retrying|attempts?|backoff)\b/iu.test(code(f)) || /catch\s*(?:\([^)]*\))?\s*\{[^}]*\b(?:reply|editReply|followUp|update|send|answerWithin)\(/u.test(code(f)));
    expect(retrying).toEqual([]);
  });

  it('THEN every source file of the adapter stays small enough to read in one sitting', () => {
    for (const f of [...files('src/discord'), ...files('src/render/discord')]) expect(readFileSync(f, 'utf8').split('\n').length, f).toBeLessThan(300);
  });
});
