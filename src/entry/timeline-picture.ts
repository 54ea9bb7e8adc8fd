/**
 * `npm run docs:timeline [-- TOPIC...] [--data DIR] [--out FILE] [--lang fr|en]`: writes the
 * timeline picture the bot attaches on Discord, as PNG, to a file (by default the seeds' picture
 * shown in the README, `docs/timeline-seeds.png`). Prints where it wrote and how long rendering took.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusError } from '../corpus/load.js';
import { loadEngine } from '../load-engine.js';
import { isLocale, messages } from '../render/messages.js';
import { timelinePng } from '../render/timeline-png.js';
import { timelineWords } from '../render/timeline-words.js';

const USAGE = 'usage: npm run docs:timeline -- [TOPIC...] [--data DIR] [--out FILE] [--lang fr|en]';

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string', default: 'data' }, out: { type: 'string', default: 'docs/timeline-seeds.png' }, lang: { type: 'string', default: 'fr' } },
  });
  if (!isLocale(values.lang)) throw new UsageError('--lang must be en or fr');
  const engine = await loadEngine(values.data);
  const topic = positionals.join(' ');
  const answer = engine.timeline(topic);
  if (answer.kind !== 'timeline' || answer.events.length === 0) {
    console.error(`recoupe: ${answer.kind === 'no-evidence' ? messages(values.lang).noEvidence(answer.query) : timelineWords(values.lang).noEvents}`);
    process.exit(1);
  }
  const started = performance.now();
  const png = timelinePng(answer, values.lang);
  const ms = performance.now() - started;
  await mkdir(path.dirname(values.out), { recursive: true });
  await writeFile(values.out, png);
  console.log(`${timelineWords(values.lang).pictureWritten(values.out)} (${png.length} bytes, ${ms.toFixed(0)} ms)`);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`recoupe: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof CorpusError ? error.message : error);
  process.exit(1);
});
