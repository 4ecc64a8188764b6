/** A bounded in-isolate cache whose entries expire after a fixed time. */
export interface TtlCache<T> {
  /**
   * The value under `key`: from the cache while fresh, else from `read`, which is kept unless a `forget` ran while it
   * was reading (its answer may predate the change that the `forget` announced).
   */
  load(key: string, now: number, read: () => Promise<T>): Promise<T>;
  /** Forgets the keys given, and those whose value `matches`. */
  forget(keys: string[], matches?: (value: T) => boolean): void;
}

/**
 * Creates a cache for one isolate: entries live `ttlMs`, and past `maxSize` keys (a flood of made-up keys) it starts
 * afresh rather than grow.
 */
export const ttlCache = <T>(ttlMs: number, maxSize: number): TtlCache<T> => {
  const entries = new Map<string, { value: T; until: number }>();
  let forgets = 0;
  return {
    load: async (key, now, read) => {
      const entry = entries.get(key);
      if (entry && entry.until > now) return entry.value;
      const before = forgets;
      const value = await read();
      if (forgets === before) {
        if (entries.size >= maxSize) entries.clear();
        entries.set(key, { value, until: now + ttlMs });
      }
      return value;
    },
    forget: (keys, matches) => {
      forgets++;
      for (const key of keys) entries.delete(key);
      if (matches) for (const [key, entry] of entries) if (matches(entry.value)) entries.delete(key);
    },
  };
};
