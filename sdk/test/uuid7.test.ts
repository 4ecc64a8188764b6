import { describe, expect, it } from 'vitest';
import { uuid7 } from '../src/lib/uuid7';

describe('uuid7', () => {
  it('has the UUIDv7 layout: version 7, variant 10', () => {
    expect(uuid7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carries the capture time in its first 48 bits', () => {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0, 123);
    const id = uuid7(now);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
  });

  it('sorts by capture time, as the outbox relies on', () => {
    const ids = [3, 1, 2].map((offset) => uuid7(1_700_000_000_000 + offset * 1000));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('sorts ids made within the same millisecond in the order they were made', () => {
    const ids = Array.from({ length: 1_000 }, () => uuid7(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
  });

  it('is unique', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuid7(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
