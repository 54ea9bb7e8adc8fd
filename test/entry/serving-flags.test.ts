import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVING_NODE_FLAGS } from '../../src/entry/serving-flags.js';

const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the flags of serving processes', () => {
  it('are flags this Node accepts', () => {
    // A misspelt V8 flag makes node exit at once with "bad option".
    const run = spawnSync(process.execPath, [...SERVING_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(['start', 'bench:latency', 'bench:load', 'bench:publish'])('are passed by `npm run %s`', (name) => {
    const script = scripts[name] ?? '';
    expect(script.startsWith('tsx ')).toBe(true);
    for (const flag of SERVING_NODE_FLAGS) expect(script.split(' ')).toContain(flag);
  });
});
