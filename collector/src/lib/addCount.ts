/** Adds `count` under `key` in a map of counts. */
export const addCount = <K>(counts: Map<K, number>, key: K, count: number) =>
  counts.set(key, (counts.get(key) ?? 0) + count);
