/**
 * One embedded store shared with child processes over their IPC channel, as the shards share the
 * manager's: real forked children (tsx), the parent owning a PGlite database.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStoreOverIpc, serveStoreOverIpc } from '../../src/store/ipc-store.js';
import type { IpcChannel } from '../../src/store/ipc-messages.js';
import { openStore } from '../../src/store/open-store.js';
import { StoreError, type CorpusStore } from '../../src/store/types.js';
import { article, eventually, GUILD, MODERATOR, source } from './samples.js';

const CHILD = fileURLToPath(new URL('./fixtures/ipc-child.ts', import.meta.url));

/** A forked child and a way to run one of its steps. */
interface Child {
  readonly process: ChildProcess;
  readonly received: unknown[];
  run(step: string, ...args: unknown[]): Promise<{ result?: unknown; error?: { isStoreError: boolean; code?: string; message: string } }>;
}

async function start(): Promise<Child> {
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const received: unknown[] = [];
  let next = 1;
  const waiting = new Map<number, (reply: never) => void>();
  child.on('message', (message: { test?: string; id?: number }) => {
    received.push(message);
    if (message.test === 'done') waiting.get(message.id!)?.(message as never);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { test?: string }) => m.test === 'ready' && resolve());
  });
  return {
    process: child,
    received,
    run(step, ...args) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.send({ test: 'do', id, step, args });
      });
    },
  };
}

describe('GIVEN a PGlite store served to two child processes', () => {
  let store: CorpusStore;
  let children: Child[];
  let stops: (() => Promise<void>)[];

  beforeAll(async () => {
    store = await openStore({ dir: 'memory://' });
    children = await Promise.all([start(), start()]);
    stops = children.map((c) => serveStoreOverIpc(store, c.process));
  }, 120_000);

  afterAll(async () => {
    // A child closes its store and disconnects: it has no reply to give, it exits.
    await Promise.all(
      (children ?? []).map(async (child) => {
        const exited = new Promise((resolve) => child.process.once('exit', resolve));
        if (child.process.connected) void child.run('close');
        await exited;
      }),
    );
    await Promise.all((stops ?? []).map((stop) => stop()));
    await store?.close();
  });

  it('WHEN a child publishes THEN the owner has the article, and the child reads it back whole', async () => {
    const [a] = children;
    expect((await a!.run('backend')).result).toBe('pglite');
    const published = await a!.run('publish', GUILD, article('ipc-1'), MODERATOR);
    expect(published.result).toMatchObject({ kind: 'article-published', target: 'ipc-1' });
    expect((await store.article(GUILD, 'ipc-1'))?.article).toEqual(article('ipc-1'));
    expect((await a!.run('article', GUILD, 'ipc-1')).result).toMatchObject({ guildId: GUILD, article: article('ipc-1'), publishedBy: MODERATOR });
    expect((await a!.run('article', GUILD, 'absent')).result).toBeUndefined();
  });

  it('WHEN a child’s write is refused THEN it rejects in the child with a StoreError of the same code', async () => {
    const [, b] = children;
    await store.publishArticle(GUILD, article('ipc-dup'), MODERATOR);
    const refused = await b!.run('publish', GUILD, article('ipc-dup'), MODERATOR);
    expect(refused.error).toMatchObject({ isStoreError: true, code: 'article-exists', message: `recoupe: server ${GUILD} already has an article ipc-dup` });
  });

  it('WHEN both children subscribe THEN a change by anyone reaches both; one that stops is no longer told', async () => {
    const [a, b] = children;
    await a!.run('subscribe');
    await b!.run('subscribe');
    await store.addSource(GUILD, source('lemonde'), MODERATOR);
    await eventually(async () => (await a!.run('notified')).result === 1 && (await b!.run('notified')).result === 1, 'both children notified of the owner’s change');
    await b!.run('publish', GUILD, article('ipc-2'), MODERATOR);
    await eventually(async () => (await a!.run('notified')).result === 2 && (await b!.run('notified')).result === 2, 'both children notified of a child’s change');
    await b!.run('unsubscribe');
    await a!.run('publish', GUILD, article('ipc-3'), MODERATOR);
    await eventually(async () => (await a!.run('notified')).result === 3, 'the subscribed child notified');
    expect((await b!.run('notified')).result).toBe(2);
  });

  it('WHEN other messages share the channel THEN neither end answers them: each child got only its own test replies', () => {
    for (const child of children) {
      expect(child.received.every((m) => typeof m === 'object' && m !== null && ('test' in m || 'recoupeStore' in m))).toBe(true);
    }
  });
});

describe('GIVEN a child whose owner goes away', () => {
  /** Both ends of an in-process channel. */
  function channelPair(): [IpcChannel & EventEmitter, IpcChannel & EventEmitter] {
    const left = new EventEmitter() as IpcChannel & EventEmitter;
    const right = new EventEmitter() as IpcChannel & EventEmitter;
    left.send = (message, callback) => (setImmediate(() => right.emit('message', structuredClone(message))), callback?.(null), true);
    right.send = (message, callback) => (setImmediate(() => left.emit('message', structuredClone(message))), callback?.(null), true);
    return [left, right];
  }

  it('WHEN the channel disconnects with a call pending THEN the call rejects as unreachable', async () => {
    const [, child] = channelPair();
    const remote = connectStoreOverIpc(child);
    const pending = remote.lastChangeId();
    child.emit('disconnect');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('unreachable');
  });

  it('WHEN the owner stops serving THEN its messages listener is gone and the owner’s store stays open', async () => {
    const [owner, child] = channelPair();
    const store = await openStore({ dir: 'memory://' });
    const stop = serveStoreOverIpc(store, owner);
    const remote = connectStoreOverIpc(child);
    expect(await remote.lastChangeId()).toBe(0);
    await stop();
    expect(owner.listenerCount('message')).toBe(0);
    expect(await store.lastChangeId()).toBe(0);
    await remote.close();
    expect(child.listenerCount('message')).toBe(0);
    await store.close();
  });
});
