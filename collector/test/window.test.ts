import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bucketSql, bucketStart } from '../src/aggregates/window';

describe('time buckets', () => {
  it('are the same in SQL as in TypeScript, for every hour of five weeks and hours across the years', async () => {
    const monday = Date.UTC(2026, 10, 2) / 3_600_000;
    const hours = [
      ...Array.from({ length: 5 * 168 }, (_, index) => monday - 168 + index),
      ...Array.from({ length: 200 }, (_, index) => index * 3_011),
    ];
    for (const interval of ['hour', 'day', 'week'] as const) {
      const { results } = await env.DB.prepare(
        `SELECT hour, ${bucketSql(interval)} AS bucket FROM (SELECT key, value AS hour FROM json_each(?)) ORDER BY key`,
      )
        .bind(JSON.stringify(hours))
        .all<{ hour: number; bucket: number }>();
      expect(results.map((row) => row.bucket)).toEqual(hours.map((hour) => bucketStart(hour, interval)));
    }
    // Weeks start on Monday, 00:00 UTC.
    expect(new Date(bucketStart(monday + 100, 'week') * 3_600_000).toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });
});
