/**
 * A build worker thread (parallel-build.ts): reads one part of a corpus the way a one-piece build
 * reads it (the same steps, on its own paragraphs), keeps the part's paragraphs between its two
 * readings, and sends back plain data.
 */
import { parentPort } from 'node:worker_threads';
import { collectIndexSteps, documentsOf, type IndexedParagraph } from '../search/index-segment.js';
import { finishNow } from '../text/stepwise.js';
import type { BuildPartReply, BuildPartRequest, PartReading } from './build-part-messages.js';
import { factsSteps } from './knowledge-segment.js';
import { encodeRead } from './saved-names.js';
import { encodeFacts } from './saved-segment.js';
import { firstReadingSteps, secondReadingSteps } from './segment-names.js';
import { TextTable } from './text-table.js';
import { timelineOf } from './timeline.js';

const port = parentPort;
if (!port) throw new Error('recoupe: build-worker.ts runs as a worker thread (see parallel-build.ts)');

/** The part's paragraphs, kept from its first reading for its second. */
let docs: readonly IndexedParagraph[] = [];

function firstReading(request: Extract<BuildPartRequest, { op: 'read' }>): PartReading {
  docs = documentsOf(request.articles, request.sources);
  const { postings, vocabulary } = finishNow(collectIndexSteps(docs));
  const facts = finishNow(factsSteps(docs));
  const timeline = timelineOf(docs, (id) => facts[id]?.dates ?? []);
  const timelineKeys: string[] = [];
  const timelineStarts = new Int32Array(timeline.length / 2);
  for (let e = 0; e < timelineStarts.length; e++) {
    const mention = facts[timeline[2 * e] as number]?.dates[timeline[2 * e + 1] as number];
    if (!mention) throw new Error('recoupe: build worker: a timeline entry has no date');
    timelineKeys.push(mention.sortKey);
    timelineStarts[e] = mention.start;
  }
  return {
    postings: postings.build(),
    vocabulary: vocabulary.collected(),
    facts: TextTable.of(facts.map(encodeFacts)).data(),
    timeline,
    timelineKeys,
    timelineStarts,
    firstPass: [...finishNow(firstReadingSteps(docs))],
  };
}

port.on('message', (request: BuildPartRequest) => {
  try {
    if (request.op === 'read') {
      const reading = firstReading(request);
      const { postings, timeline, timelineStarts } = reading;
      // Arrays made here for the reply alone move rather than copy. A text table's bytes may be
      // a slice of Node's shared buffer pool, which must not be detached: they are copied.
      const transfer = [postings.offsets, postings.docs, postings.freqs, postings.fieldLengths, timeline, timelineStarts].map((a) => a.buffer as ArrayBuffer);
      port.postMessage({ id: request.id, reading } satisfies BuildPartReply, transfer);
    } else {
      const read = TextTable.of(finishNow(secondReadingSteps(docs, request.known)).map(encodeRead));
      port.postMessage({ id: request.id, read: read.data() } satisfies BuildPartReply);
    }
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies BuildPartReply);
  }
});
