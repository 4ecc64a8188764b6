import { describe, expect, it } from 'vitest';
import { ttlCache } from '../src/lib/ttlCache';

describe('ttlCache', () => {
  it('reads once while fresh, and again once the entry expired', async () => {
    const cache = ttlCache<number>(1_000, 10);
    let reads = 0;
    const read = async () => ++reads;
    expect(await cache.load('k', 0, read)).toBe(1);
    expect(await cache.load('k', 999, read)).toBe(1);
    expect(await cache.load('k', 1_000, read)).toBe(2);
  });

  it('does not keep an answer read while a forget ran: it may predate the change', async () => {
    const cache = ttlCache<string>(1_000, 10);
    let answer!: (value: string) => void;
    const slow = cache.load('k', 0, () => new Promise((resolve) => (answer = resolve)));
    cache.forget(['k']);
    answer('before the change');
    expect(await slow).toBe('before the change');
    expect(await cache.load('k', 1, async () => 'after the change')).toBe('after the change');
  });

  it('forgets by key and by value', async () => {
    const cache = ttlCache<{ site: string }>(1_000, 10);
    await cache.load('a', 0, async () => ({ site: 's' }));
    await cache.load('b', 0, async () => ({ site: 's' }));
    await cache.load('c', 0, async () => ({ site: 't' }));
    cache.forget([], (value) => value.site === 's');
    const reread = async () => ({ site: 'new' });
    expect(await cache.load('a', 1, reread)).toEqual({ site: 'new' });
    expect(await cache.load('b', 1, reread)).toEqual({ site: 'new' });
    expect(await cache.load('c', 1, reread)).toEqual({ site: 't' });
  });

  it('starts afresh past its size instead of growing', async () => {
    const cache = ttlCache<number>(1_000, 2);
    await cache.load('a', 0, async () => 1);
    await cache.load('b', 0, async () => 2);
    await cache.load('c', 0, async () => 3);
    expect(await cache.load('a', 1, async () => 4)).toBe(4);
  });
});
