/** A background worker lowers its own priority, and only its own. */
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from '../../src/threads/background-priority.js';
import { startModuleWorker } from '../../src/threads/module-worker.js';

/** A thread's nice value: field 19 of its stat line, counted after the command name in parentheses. */
function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe.runIf(process.platform === 'linux')('lowerThisThreadPriority', () => {
  it('WHEN a worker calls it THEN that thread runs at the background nice value and the main thread keeps its own', async () => {
    const before = niceOf(process.pid);
    const worker = startModuleWorker(new URL('./fixtures-lower-priority.ts', import.meta.url), import.meta.url);
    const [{ tid }] = (await once(worker, 'message')) as [{ tid: number | null }];
    try {
      expect(tid).not.toBeNull();
      expect(tid).not.toBe(process.pid);
      expect(niceOf(tid as number)).toBe(Math.max(before, BACKGROUND_NICE));
      expect(niceOf(process.pid)).toBe(before);
    } finally {
      await worker.terminate();
    }
  });
});
