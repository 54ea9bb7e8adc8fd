/**
 * One embedded database shared by the shards. A PGlite folder can be open in one process only,
 * and `npm run start:sharded` runs one process per shard: the manager's process owns the store
 * and serves it on each shard's IPC channel; a shard uses it as if it were its own. Calls are
 * requests with ids answered in any order; changes are forwarded to every child that subscribed.
 */
import { errorOf, errorReply, IPC_TAG, isStoreMessage, post, REMOTE_METHODS, type IpcChannel, type IpcReply, type IpcRequest, type RemoteMethod } from './ipc-messages.js';
import { StoreError, type CorpusStore } from './types.js';

export type { IpcChannel } from './ipc-messages.js';

/** A request before it is given its id (distributed over the union, which `Omit` is not). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * In the owning process: answers the store requests of the process at the other end of `channel`
 * (a `ChildProcess`), until the channel disconnects or the result is called. Leaves every other
 * message to its other listeners. Does not close `store`.
 */
export function serveStoreOverIpc(store: CorpusStore, channel: IpcChannel): () => Promise<void> {
  let forwarding: Promise<() => Promise<void>> | undefined;
  // Subscribe and unsubscribe in the order they came, so that the last one asked wins.
  let subscriptions: Promise<unknown> = Promise.resolve();

  const stopForwarding = async () => {
    const stop = forwarding;
    forwarding = undefined;
    if (stop) await (await stop.catch(() => async () => {}))();
  };

  const answer = (id: number, work: () => Promise<unknown>) => {
    work().then(
      (value) => post(channel, { [IPC_TAG]: 1, type: 'result', id, value }),
      (error: unknown) => post(channel, errorReply(id, error)),
    );
  };

  const onMessage = (message: unknown) => {
    if (!isStoreMessage(message)) return;
    const request = message as IpcRequest;
    if (request.type === 'hello') return post(channel, { [IPC_TAG]: 1, type: 'hello', backend: store.backend });
    if (request.type === 'subscribe') {
      const turn = subscriptions.then(async () => {
        forwarding ??= store.subscribe(() => post(channel, { [IPC_TAG]: 1, type: 'change' }));
        await forwarding.catch((error: unknown) => {
          forwarding = undefined;
          throw error;
        });
      });
      subscriptions = turn.catch(() => {});
      return answer(request.id, () => turn);
    }
    if (request.type === 'unsubscribe') {
      const turn = subscriptions.then(stopForwarding);
      subscriptions = turn.catch(() => {});
      return answer(request.id, () => turn);
    }
    if (request.type === 'call') {
      if (!(REMOTE_METHODS as readonly string[]).includes(request.method)) return post(channel, errorReply(request.id, new Error(`recoupe: no store method ${String(request.method)}`)));
      // JSON turns an `undefined` argument into `null`; no method gives `null` a meaning of its own.
      const args = request.args.map((a) => (a === null ? undefined : a));
      const method = store[request.method] as (...args: unknown[]) => Promise<unknown>;
      return answer(request.id, () => method.apply(store, args));
    }
  };

  const stop = async () => {
    channel.off('message', onMessage);
    channel.off('disconnect', onDisconnect);
    await subscriptions;
    await stopForwarding();
  };
  const onDisconnect = () => void stop();

  channel.on('message', onMessage);
  channel.on('disconnect', onDisconnect);
  // The child may be listening already; if not, it asks with its own hello.
  post(channel, { [IPC_TAG]: 1, type: 'hello', backend: store.backend });
  return stop;
}

/**
 * In a child process: the store served by its parent on `channel` (`process`). `backend` is the
 * parent's once its hello has arrived (`pglite` until then, what sharing over IPC is for).
 * `close` stops this child's use of it, not the parent's store; calls still pending when the
 * channel disconnects reject with `unreachable`.
 */
export function connectStoreOverIpc(channel: IpcChannel): CorpusStore {
  let backend: CorpusStore['backend'] = 'pglite';
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<{ onChange: () => void }>();
  let remote: Promise<unknown> | undefined;
  let closed = false;

  const request = (message: WithoutId<Extract<IpcRequest, { id: number }>>): Promise<unknown> => {
    if (closed) return Promise.reject(new StoreError('unreachable', 'the store over IPC is closed'));
    if (!channel.send) return Promise.reject(new StoreError('unreachable', 'this process has no IPC channel to its store'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post(channel, { ...message, id } as IpcRequest);
    });
  };
  const call = (method: RemoteMethod, args: readonly unknown[]) => request({ [IPC_TAG]: 1, type: 'call', method, args });

  const onMessage = (message: unknown) => {
    if (!isStoreMessage(message)) return;
    const reply = message as IpcReply;
    if (reply.type === 'hello') backend = reply.backend;
    else if (reply.type === 'change') for (const listener of [...listeners]) listener.onChange();
    else {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.type === 'result') waiting?.resolve(reply.value);
      else waiting?.reject(errorOf(reply));
    }
  };
  const onDisconnect = () => {
    for (const waiting of pending.values()) waiting.reject(new StoreError('unreachable', 'the process owning the store has gone'));
    pending.clear();
  };
  channel.on('message', onMessage);
  channel.on('disconnect', onDisconnect);
  post(channel, { [IPC_TAG]: 1, type: 'hello' });

  const remoteMethods = Object.fromEntries(REMOTE_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)])) as unknown as Pick<CorpusStore, RemoteMethod>;

  return {
    get backend() {
      return backend;
    },
    ...remoteMethods,
    async subscribe(onChange) {
      const listener = { onChange };
      listeners.add(listener);
      remote ??= request({ [IPC_TAG]: 1, type: 'subscribe' });
      try {
        await remote;
      } catch (error) {
        listeners.delete(listener);
        remote = undefined;
        throw error;
      }
      return async () => {
        if (!listeners.delete(listener) || listeners.size > 0 || !remote) return;
        remote = undefined;
        await request({ [IPC_TAG]: 1, type: 'unsubscribe' });
      };
    },
    async close() {
      if (closed) return;
      if (listeners.size > 0 && remote) await request({ [IPC_TAG]: 1, type: 'unsubscribe' }).catch(() => {});
      listeners.clear();
      closed = true;
      channel.off('message', onMessage);
      channel.off('disconnect', onDisconnect);
    },
  };
}
