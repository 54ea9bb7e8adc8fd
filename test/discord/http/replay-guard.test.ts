import { describe, expect, it } from 'vitest';
import { ReplayGuard } from '../../../src/discord/http/replay-guard.js';

describe('GIVEN the replay guard with a five-minute window', () => {
  let now = 1_765_000_000_000;
  const guard = new ReplayGuard({ maxAgeS: 300, now: () => now });
  const seconds = (ms: number) => String(Math.floor(ms / 1_000));

  it('WHEN a fresh interaction comes THEN it is taken, and the same id again is a replay', () => {
    expect(guard.take(seconds(now), '1')).toBeNull();
    expect(guard.take(seconds(now + 1_000), '1')).toBe('replayed');
    expect(guard.take(seconds(now), '2')).toBeNull();
  });

  it.each([
    ['six minutes old', -360_000],
    ['six minutes ahead', 360_000],
  ])('WHEN the signed timestamp is %s THEN it is stale', (_what, offset) => {
    expect(guard.take(seconds(now + offset), '3')).toBe('stale-timestamp');
  });

  it.each(['', 'soon', '1.5', '-1', '9'.repeat(20)])('WHEN the timestamp is %j THEN it is stale', (timestamp) => {
    expect(guard.take(timestamp, '4')).toBe('stale-timestamp');
  });

  it('WHEN the window has passed THEN old ids are forgotten (an old replay is refused by its timestamp instead)', () => {
    const first = now;
    expect(guard.take(seconds(now), '5')).toBeNull();
    now += 301_000;
    expect(guard.take(seconds(first), '5')).toBe('stale-timestamp');
    expect(guard.take(seconds(now), '5')).toBeNull();
  });
});
