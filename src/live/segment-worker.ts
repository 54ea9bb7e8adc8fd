/**
 * The segment worker thread: builds the segments of published articles (segment-thread.ts) at a
 * lower priority than the serving thread, and sends them back in their saved form.
 */
import { parentPort } from 'node:worker_threads';
import { segmentSteps } from '../knowledge/knowledge-segment.js';
import { saveSegment } from '../knowledge/saved-segment.js';
import type { TextTable } from '../knowledge/text-table.js';
import type { SpellingGroup } from '../text/entities.js';
import { finishNow } from '../text/stepwise.js';
import { lowerThisThreadPriority } from '../threads/background-priority.js';
import type { SegmentReply, SegmentRequest, TableData } from './segment-thread-messages.js';

const port = parentPort;
if (!port) throw new Error('recoupe: segment-worker.ts runs as a worker thread (see segment-thread.ts)');

lowerThisThreadPriority();

const bases = new Map<number, { readonly aliases: readonly SpellingGroup[]; readonly before: readonly string[] }>();
const send = (reply: SegmentReply) => port.postMessage(reply);
const tableData = (table: TextTable): TableData => ({ bytes: table.bytes, offsets: table.offsets });

port.on('message', (request: SegmentRequest) => {
  if (request.op === 'base') {
    bases.set(request.base, { aliases: request.aliases, before: request.before });
    return;
  }
  try {
    const base = bases.get(request.base);
    if (!base) throw new Error(`recoupe: segment worker: no base ${request.base}`);
    const saved = saveSegment(finishNow(segmentSteps(request.articles, request.sources, base.aliases, base.before)));
    send({ id: request.id, segment: { index: saved.index, facts: tableData(saved.facts), timeline: saved.timeline, names: { firstPass: saved.names.firstPass, known: saved.names.known, read: tableData(saved.names.read) } } });
  } catch (error) {
    send({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
