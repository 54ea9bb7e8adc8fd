/** Messages between `bench:publish` and its follower process (publish-follower.ts). */

/** Marks the bench's messages on a channel the store's IPC messages share. */
export const FOLLOWER_TAG = 'recoupeBenchFollower';

/** From the bench to the follower. */
export type FollowerRequest =
  | { readonly [FOLLOWER_TAG]: 1; readonly type: 'watch'; readonly articleId: string; readonly marker: string }
  | { readonly [FOLLOWER_TAG]: 1; readonly type: 'stop' };

/** From the follower to the bench; `at` is wall-clock milliseconds (`performance.timeOrigin + performance.now()`). */
export type FollowerReport =
  | { readonly [FOLLOWER_TAG]: 1; readonly type: 'ready' }
  | { readonly [FOLLOWER_TAG]: 1; readonly type: 'held'; readonly articleId: string; readonly at: number; readonly cited: boolean };
