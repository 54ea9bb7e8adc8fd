import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cooldowns, cooldownsFrom } from '../../src/discord/cooldown.js';

describe('per-user cooldown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-17T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GIVEN a limit of 3 per 10 s WHEN a user sends 5 commands at once THEN the first 3 pass and the rest are refused with the time to wait', () => {
    const cooldowns = new Cooldowns({ limit: 3, windowMs: 10_000 });
    const decisions = Array.from({ length: 5 }, () => cooldowns.take('alice'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterMs: 10_000, firstRefusal: true });
    expect(decisions[4]).toMatchObject({ allowed: false, firstRefusal: false });
  });

  it('GIVEN a user in cooldown THEN other users are unaffected', () => {
    const cooldowns = new Cooldowns({ limit: 1, windowMs: 10_000 });
    cooldowns.take('alice');
    expect(cooldowns.take('alice').allowed).toBe(false);
    expect(cooldowns.take('bob').allowed).toBe(true);
  });

  it('GIVEN time passes THEN the window slides and the user may run commands again', () => {
    const cooldowns = new Cooldowns({ limit: 2, windowMs: 10_000 });
    cooldowns.take('alice');
    vi.advanceTimersByTime(4_000);
    cooldowns.take('alice');
    const refused = cooldowns.take('alice');
    expect(refused).toEqual({ allowed: false, retryAfterMs: 6_000, firstRefusal: true });
    vi.advanceTimersByTime(6_000);
    expect(cooldowns.take('alice').allowed).toBe(true);
    expect(cooldowns.take('alice')).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it('GIVEN an injected clock THEN it is the only source of time', () => {
    let now = 0;
    const cooldowns = new Cooldowns({ limit: 1, windowMs: 1_000 }, () => now);
    cooldowns.take('carol');
    expect(cooldowns.take('carol')).toMatchObject({ allowed: false, retryAfterMs: 1_000 });
    now = 999;
    expect(cooldowns.take('carol')).toMatchObject({ allowed: false, retryAfterMs: 1 });
    now = 1_000;
    expect(cooldowns.take('carol').allowed).toBe(true);
  });

  it('GIVEN thousands of users who went quiet THEN their entries are swept', () => {
    const cooldowns = new Cooldowns({ limit: 1, windowMs: 1_000 });
    for (let i = 0; i < 10_000; i++) cooldowns.take(`user${i}`);
    vi.advanceTimersByTime(1_000);
    cooldowns.take('late');
    expect(cooldowns.size).toBe(1);
  });

  it('GIVEN the configuration WHEN COOLDOWN_LIMIT is 0 THEN there is no cooldown; otherwise its window is in seconds', () => {
    expect(cooldownsFrom(0, 10)).toBeUndefined();
    let now = 0;
    const cooldowns = cooldownsFrom(1, 30, () => now);
    cooldowns?.take('dave');
    expect(cooldowns?.take('dave')).toMatchObject({ allowed: false, retryAfterMs: 30_000 });
    now = 30_000;
    expect(cooldowns?.take('dave').allowed).toBe(true);
  });

  it.each([
    [{ limit: 0, windowMs: 1_000 }, /limit must be a whole number/],
    [{ limit: 2, windowMs: 0 }, /window must be > 0/],
  ])('GIVEN a bad policy %j THEN says which setting is wrong', (policy, message) => {
    expect(() => new Cooldowns(policy)).toThrow(message);
  });
});
