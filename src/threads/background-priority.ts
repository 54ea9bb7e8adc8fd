/**
 * Background threads at a lower scheduling priority than the threads that answer members. On this
 * project's 2-core machines a publish's segment build ran beside the queries of the same process
 * and of its other shards, and took the cores from them; at a higher nice value the kernel
 * gives the cores to the serving threads first and the build uses what they leave.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';

/** The nice value of background threads (0 is the default, 19 the lowest priority). */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's priority to {@link BACKGROUND_NICE}; returns its thread id, or
 * undefined where that cannot be done (outside Linux, where a thread has its own nice value and
 * `/proc/thread-self` names it). Call it only from a worker thread: on the main thread it would
 * lower the serving thread itself.
 */
export function lowerThisThreadPriority(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    // `/proc/thread-self` links to `<pid>/task/<tid>`; setpriority on a thread id sets that thread's nice value alone.
    const tid = Number.parseInt(path.basename(readlinkSync('/proc/thread-self')), 10);
    if (!Number.isInteger(tid)) return undefined;
    setPriority(tid, BACKGROUND_NICE);
    return tid;
  } catch {
    return undefined;
  }
}
