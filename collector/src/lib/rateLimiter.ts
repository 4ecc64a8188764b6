/**
 * Counts requests per key in fixed windows, in the isolate's memory. It is approximate by design, as every edge
 * limit is: each isolate counts on its own, so a fleet of isolates lets through up to a few times the limit.
 */
export class RateLimiter {
  private _window = 0;
  private readonly _counts = new Map<string, number>();

  constructor(
    private readonly _windowMs = 60_000,
    /** More keys than this in one window (a flood from many addresses) and counting starts afresh. */
    private readonly _maxKeys = 100_000,
  ) {}

  /** Counts a request under `key`: 0 when it is within `limit` (0 means no limit), else the seconds until the window ends. */
  hit(key: string, limit: number, now: number): number {
    if (limit <= 0) return 0;
    const window = Math.floor(now / this._windowMs);
    if (window !== this._window || this._counts.size >= this._maxKeys) {
      this._window = window;
      this._counts.clear();
    }
    const count = (this._counts.get(key) ?? 0) + 1;
    this._counts.set(key, count);
    return count > limit ? Math.max(1, Math.ceil(((window + 1) * this._windowMs - now) / 1000)) : 0;
  }
}
