/**
 * Starting a worker thread on one of the project's modules, from the TypeScript sources (`npm
 * start`, tests, benchmarks: run through tsx) or from compiled JavaScript alike.
 */
import { Worker } from 'node:worker_threads';

/**
 * A worker running the module `source` (a `.ts` file's URL): the file itself through tsx when the
 * caller `from` is TypeScript too, else the compiled `.js` file beside it.
 */
export function startModuleWorker(source: URL, from: string): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(source.href.replace(/\.ts$/, '.js')));
  // A worker does not inherit tsx's loader from `--import tsx` (measured with Node 20 and tsx 4):
  // it registers it, then loads the entry.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(boot, { eval: true });
}
