/** A bounded in-isolate cache whose entries expire after a fixed time. */
export interface TtlCache<T> {
  /** The value stored under `key` while it is fresh; undefined when missing or expired. */
  get(key: string, now: number): { value: T } | undefined;
  /** Stores a value until `now` plus the cache's lifetime. */
  set(key: string, value: T, now: number): void;
  /** Forgets the keys whose value `matches`, and the keys given. */
  forget(keys: string[], matches?: (value: T) => boolean): void;
}

/**
 * Creates a cache for one isolate: entries live `ttlMs`, and past `maxSize` keys (a flood of made-up keys) it starts
 * afresh rather than grow.
 */
export const ttlCache = <T>(ttlMs: number, maxSize: number): TtlCache<T> => {
  const entries = new Map<string, { value: T; until: number }>();
  return {
    get: (key, now) => {
      const entry = entries.get(key);
      return entry && entry.until > now ? { value: entry.value } : undefined;
    },
    set: (key, value, now) => {
      if (entries.size >= maxSize) entries.clear();
      entries.set(key, { value, until: now + ttlMs });
    },
    forget: (keys, matches) => {
      for (const key of keys) entries.delete(key);
      if (matches) for (const [key, entry] of entries) if (matches(entry.value)) entries.delete(key);
    },
  };
};
