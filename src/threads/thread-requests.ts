/**
 * Requests to a worker thread, each answered by the reply that repeats its id: the bookkeeping
 * the PGlite worker and the segment worker share. The worker keeps the process alive only while
 * a request waits for it (an idle database or builder does not hold the process up); once it
 * stops, every request waiting and every later one is refused with the reason.
 */
import type { Worker } from 'node:worker_threads';

/** What a message from the worker is: the reply to request `id` (its value, or the error it carries), or something else. */
export type ReadReply = (message: unknown) => { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: Error } | undefined;

/** The requests of one worker. */
export interface ThreadRequests {
  /** Sends the request `make` returns for a new id; resolves with its reply's value. */
  ask<T>(make: (id: number) => unknown): Promise<T>;
  /** Sends a message no reply answers. */
  send(message: unknown): void;
  /** The id the next {@link ask} will use. */
  readonly nextId: () => number;
  /** Why the worker stopped, once it has. */
  readonly stopped: () => Error | undefined;
}

/**
 * The requests of `worker` (`name` says which one in the error once it stops); `readReply` tells
 * replies apart, `other` receives every other message.
 */
export function threadRequests(worker: Worker, name: string, readReply: ReadReply, other: (message: unknown) => void = () => {}): ThreadRequests {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let next = 1;
  let stopped: Error | undefined;
  worker.unref();
  const settle = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  };
  worker.on('message', (message: unknown) => {
    const reply = readReply(message);
    if (!reply) {
      other(message);
      return;
    }
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    settle(reply.id);
    if ('error' in reply) waiting.reject(reply.error);
    else waiting.resolve(reply.value);
  });
  worker.on('error', (error) => (stopped ??= error));
  worker.on('exit', (code) => {
    stopped ??= new Error(`recoupe: the ${name} worker thread stopped (exit code ${code})`);
    for (const [id, waiting] of pending) {
      settle(id);
      waiting.reject(stopped);
    }
  });
  return {
    ask<T>(make: (id: number) => unknown): Promise<T> {
      if (stopped) return Promise.reject(stopped);
      const id = next++;
      if (pending.size === 0) worker.ref();
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage(make(id));
      });
    },
    send: (message) => worker.postMessage(message),
    nextId: () => next,
    stopped: () => stopped,
  };
}

/** The process's one connection to a worker: made on first need, and made again once it has stopped. */
export function processWide<C extends { readonly stopped: () => Error | undefined }>(connect: () => C): () => C {
  let shared: C | undefined;
  return () => {
    if (!shared || shared.stopped()) shared = connect();
    return shared;
  };
}
