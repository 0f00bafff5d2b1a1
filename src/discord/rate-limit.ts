/**
 * Per-user sliding-window rate limit: at most `limit` requests in any `windowMs`.
 * Pure and synchronous; the clock is injectable for tests.
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Forget idle users once this many are tracked (memory bound). */
  maxKeys?: number;
}

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #now: () => number;
  readonly #maxKeys: number;
  readonly #hits = new Map<string, number[]>();
  readonly #noticed = new Map<string, number>();

  constructor(options: RateLimitOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0)) throw new RangeError('limit ≥ 1 and windowMs > 0 required');
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.#now = options.now ?? Date.now;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  /** Records a request by `key` if allowed; otherwise says how long until the next one is. */
  take(key: string): RateDecision {
    const now = this.#now();
    const recent = (this.#hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.#hits.set(key, recent);
      const oldest = recent[0] as number;
      return { ok: false, retryAfterMs: Math.max(1, oldest + this.windowMs - now) };
    }
    recent.push(now);
    this.#hits.delete(key);
    this.#hits.set(key, recent);
    if (this.#hits.size > this.#maxKeys) this.#prune(now);
    return { ok: true, remaining: this.limit - recent.length };
  }

  /**
   * Whether a refusal of `key` should be told to the user: once per window, so that someone sending a burst
   * hears it once and the bot never amplifies the burst with notices of its own.
   */
  shouldNotify(key: string): boolean {
    const now = this.#now();
    const last = this.#noticed.get(key);
    if (last !== undefined && now - last < this.windowMs) return false;
    this.#noticed.set(key, now);
    if (this.#noticed.size > this.#maxKeys) {
      for (const [k, t] of this.#noticed) if (now - t >= this.windowMs) this.#noticed.delete(k);
    }
    return true;
  }

  /** Number of users currently tracked. */
  get size(): number {
    return this.#hits.size;
  }

  #prune(now: number): void {
    for (const [key, times] of this.#hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.#hits.delete(key);
    }
    // Still too many active users: drop the least recently seen (Map keeps insertion order).
    for (const key of this.#hits.keys()) {
      if (this.#hits.size <= this.#maxKeys) break;
      this.#hits.delete(key);
    }
  }
}

/** "Please wait 12 seconds": friendly text for a refused request. */
export function rateLimitMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up — please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
}

/**
 * The refusal for a command refused again within the same window: Discord needs an answer to every
 * interaction (else the user sees "The application did not respond"), so it is one private reply still,
 * but a terse one — the explanation was given once already.
 */
export function rateLimitRepeatMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `⏳ ${seconds} s`;
}
