/**
 * Child process of `bench:publish`: another process serving the same application (a second shard,
 * or a second machine when `DATABASE_URL` is set). It restores the shared base from the start-up
 * cache, follows the store (the parent's over IPC, as a shard does under `start:sharded`, or the
 * PostgreSQL server of `DATABASE_URL`), and for every article the parent names, reports the wall
 * time at which it answers from it, confirmed by a `/cite` of the article's own phrase.
 */
import { dispatch } from '../../src/commands/table.js';
import { loadKnowledge } from '../../src/knowledge/knowledge-cache.js';
import { LiveCorpus } from '../../src/live/live-corpus.js';
import { connectStoreOverIpc, type IpcChannel } from '../../src/store/ipc-store.js';
import { openStore } from '../../src/store/open-store.js';
import { FOLLOWER_TAG, type FollowerReport, type FollowerRequest } from './publish-messages.js';

const [dataDir, cacheDir, guild] = process.argv.slice(2);
if (!dataDir || !cacheDir || !guild || !process.send) {
  console.error('usage: a child forked by bench/publish.ts with DATA_DIR CACHE_DIR GUILD');
  process.exit(2);
}
const send = (report: FollowerReport) => process.send?.(report);
const { kb } = await loadKnowledge(dataDir, { dir: cacheDir });
const databaseUrl = process.env.DATABASE_URL;
const store = databaseUrl ? await openStore({ databaseUrl }) : connectStoreOverIpc(process as unknown as IpcChannel);
const live = await LiveCorpus.start(kb, store, { logger: { warn: (details, message) => console.error(message, details) } });

process.on('message', (message: unknown) => {
  const request = message as Partial<FollowerRequest> | null;
  if (request?.[FOLLOWER_TAG] !== 1) return;
  if (request.type === 'stop') {
    void live
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
    return;
  }
  const { articleId, marker } = request as Extract<FollowerRequest, { type: 'watch' }>;
  void (async () => {
    while (!live.collectionOf(guild)?.has(articleId)) await new Promise((resolve) => setTimeout(resolve, 1));
    const at = performance.timeOrigin + performance.now();
    const cited = JSON.stringify(dispatch(live.engineFor(guild), 'cite', marker)).includes(articleId);
    send({ [FOLLOWER_TAG]: 1, type: 'held', articleId, at, cited });
  })();
});
await live.whenWarm();
send({ [FOLLOWER_TAG]: 1, type: 'ready' });
