import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitMessage, rateLimitRepeatMessage } from '../../src/discord/rate-limit.js';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('RateLimiter', () => {
  it('allows up to the limit within the window, then refuses with the time to wait', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 10_000, now: c.now });
    expect([1, 2, 3].map(() => limiter.take('u').ok)).toEqual([true, true, true]);
    c.advance(4000);
    const refused = limiter.take('u');
    expect(refused).toEqual({ ok: false, retryAfterMs: 6000 });
  });
  it('lets requests through again as old ones leave the window (sliding)', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000, now: c.now });
    limiter.take('u');
    c.advance(600);
    limiter.take('u');
    expect(limiter.take('u').ok).toBe(false);
    c.advance(400);
    expect(limiter.take('u').ok).toBe(true);
    expect(limiter.take('u').ok).toBe(false);
  });
  it('counts each user separately', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000, now: () => 0 });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('b').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });
  it('forgets idle users so memory stays bounded', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 100, now: c.now, maxKeys: 10 });
    for (let i = 0; i < 10; i++) limiter.take(`u${i}`);
    c.advance(200);
    limiter.take('new');
    expect(limiter.size).toBe(1);
    for (let i = 0; i < 50; i++) limiter.take(`busy${i}`);
    expect(limiter.size).toBeLessThanOrEqual(10);
  });
  it('rejects nonsensical settings', () => {
    expect(() => new RateLimiter({ limit: 0, windowMs: 1 })).toThrow(RangeError);
  });
});

describe('rateLimitMessage', () => {
  it('is friendly and says how long to wait, rounded up to whole seconds', () => {
    expect(rateLimitMessage(1200)).toContain('please wait 2 seconds');
    expect(rateLimitMessage(10)).toContain('please wait 1 second ');
  });
});

describe('rateLimitRepeatMessage', () => {
  it('is terse for a refusal already explained in this window', () => {
    expect(rateLimitRepeatMessage(11_200)).toBe('⏳ 12 s');
  });
});

describe('shouldNotify', () => {
  it('says yes once per window per key', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 100, now: c.now });
    expect(limiter.shouldNotify('u:command')).toBe(true);
    expect(limiter.shouldNotify('u:command')).toBe(false);
    expect(limiter.shouldNotify('u')).toBe(true);
    c.advance(100);
    expect(limiter.shouldNotify('u:command')).toBe(true);
  });
});
