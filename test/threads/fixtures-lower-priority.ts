/** Worker fixture: lowers its own priority and says which thread it was. */
import { parentPort } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../../src/threads/background-priority.js';

parentPort?.postMessage({ tid: lowerThisThreadPriority() ?? null });
