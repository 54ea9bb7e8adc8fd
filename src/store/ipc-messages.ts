/**
 * The messages of the store over an IPC channel. The channel is shared (discord.js's
 * ShardingManager talks to its shards on it too), so each of ours carries {@link IPC_TAG} and
 * anything without it is someone else's.
 */
import { StoreError, type CorpusStore, type StoreErrorCode } from './types.js';

/** The key that marks a message as the store's. */
export const IPC_TAG = 'recoupeStore';

/** What a child may ask: every method of the store but `subscribe` and `close`, which are the child's own. */
export const REMOTE_METHODS = ['saveDraft', 'draft', 'updateDraft', 'deleteDraft', 'publishArticle', 'removeArticle', 'addSource', 'article', 'articles', 'sources', 'collections', 'changesSince', 'lastChangeId', 'audit', 'recordVote', 'recordUnanswered', 'gaps'] as const satisfies readonly (keyof CorpusStore)[];
export type RemoteMethod = (typeof REMOTE_METHODS)[number];

/** A child's request; `subscribe` and `unsubscribe` turn forwarding of changes on and off. */
export type IpcRequest =
  | { readonly [IPC_TAG]: 1; readonly type: 'call'; readonly id: number; readonly method: RemoteMethod; readonly args: readonly unknown[] }
  | { readonly [IPC_TAG]: 1; readonly type: 'subscribe' | 'unsubscribe'; readonly id: number }
  | { readonly [IPC_TAG]: 1; readonly type: 'hello' };

/** The owner's answer to a request, a change notification, or the back-end it serves. */
export type IpcReply =
  | { readonly [IPC_TAG]: 1; readonly type: 'result'; readonly id: number; readonly value?: unknown }
  | { readonly [IPC_TAG]: 1; readonly type: 'error'; readonly id: number; readonly code?: StoreErrorCode; readonly message: string }
  | { readonly [IPC_TAG]: 1; readonly type: 'change' }
  | { readonly [IPC_TAG]: 1; readonly type: 'hello'; readonly backend: CorpusStore['backend'] };

/** Whether a message on the channel is the store's. */
export const isStoreMessage = (message: unknown): message is { [IPC_TAG]: 1; type: string } => typeof message === 'object' && message !== null && (message as Record<string, unknown>)[IPC_TAG] === 1;

/**
 * The channel as both ends see it: `ChildProcess` in the owner, `process` in a child. `send` is
 * optional because `process.send` exists only in a process started with an IPC channel.
 */
export interface IpcChannel {
  send?(message: unknown, callback?: (error: Error | null) => void): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
}

/** Sends without throwing: a peer that has gone away is noticed by its `disconnect`, not here. */
export function post(channel: IpcChannel, message: IpcRequest | IpcReply): void {
  try {
    channel.send?.(message, () => {});
  } catch {
    // The channel closed between the check and the send.
  }
}

/** An error as it crosses the channel: a StoreError keeps its code, its message loses the prefix the constructor adds back. */
export function errorReply(id: number, error: unknown): IpcReply {
  if (error instanceof StoreError) return { [IPC_TAG]: 1, type: 'error', id, code: error.code, message: error.message.replace(/^recoupe: /u, '') };
  return { [IPC_TAG]: 1, type: 'error', id, message: error instanceof Error ? error.message : String(error) };
}

/** The error a child rejects with. */
export function errorOf(reply: Extract<IpcReply, { type: 'error' }>): Error {
  return reply.code ? new StoreError(reply.code, reply.message) : new Error(reply.message);
}
