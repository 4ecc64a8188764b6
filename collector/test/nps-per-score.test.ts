import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { RollupFilters } from '../src/aggregates/rollupFilter';
import { type NpsCounts, nps, npsOfScores } from '../src/aggregates/scores/nps';
import { scoreCounts } from '../src/aggregates/scores/queries';
import type { StatsWindow } from '../src/aggregates/window';
import { insertEvents } from '../src/db/events';
import { deleteExpiredChunk } from '../src/db/retention';
import { before0012, delivery, npsAnswer } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The aggregates as the class-counting rollup of migrations 0001–0006 gave them, straight from its SQL. */
const before = async (db: D1Database, window: StatsWindow, filters: RollupFilters) => {
  const clauses = ['site = ?', 'hour >= ?', 'hour < ?'];
  const bindings: (string | number)[] = ['m', window.fromHour, window.toHour];
  for (const [column, value] of Object.entries(filters)) {
    clauses.push(`${column} = ?`);
    bindings.push(value);
  }
  const sums = 'SUM(promoters) AS promoters, SUM(passives) AS passives, SUM(detractors) AS detractors';
  const where = clauses.join(' AND ');
  const total = await db
    .prepare(`SELECT ${sums} FROM nps_hourly WHERE ${where}`)
    .bind(...bindings)
    .first<NpsCounts>();
  const series = await db
    .prepare(`SELECT hour / 24 AS day, ${sums} FROM nps_hourly WHERE ${where} GROUP BY day ORDER BY day`)
    .bind(...bindings)
    .all<NpsCounts>();
  const zero = { promoters: 0, passives: 0, detractors: 0 };
  return {
    total: nps({ ...zero, ...total }),
    series: series.results.map(({ promoters, passives, detractors }) => nps({ promoters, passives, detractors })),
  };
};

/** The same aggregates through the route's own query and the TypeScript rule, without the answers per score. */
const after = async (db: D1Database, window: StatsWindow, filters: RollupFilters) => {
  const { total, series } = await scoreCounts(db, 'nps', 'm', window, filters);
  const strip = ({ distribution: _, ...result }: ReturnType<typeof npsOfScores>) => result;
  return { total: strip(npsOfScores(total)), series: series!.map((row) => strip(npsOfScores(row))) };
};

describe('migration 0007 (NPS rolled up per score)', () => {
  it('gives the same aggregates as the class counts before it, with the raw answers retention has deleted', async () => {
    const db = env.NPS_MIGRATION_DB;
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((migration) => migration.name < '0007'),
    );
    const now = Date.now();
    const start = now - 20 * DAY;
    // 66 answers over 20 days, every score 0–10 six times, on two surveys, two paths and two device classes.
    const answers = Array.from({ length: 66 }, (_, index) =>
      npsAnswer(index % 11, {
        ts: start + index * 7 * HOUR,
        survey: index % 3 ? 'nps' : 'nps-checkout',
        url: index % 2 ? '/pricing' : '/checkout',
        device: index % 5 ? 'desktop' : 'mobile',
      }),
    );
    // Each received when it was answered: the write path takes a capture time up to 8 days old only.
    const events = (await Promise.all(answers.map((answer) => delivery('m', [answer], answer.ts)))).flatMap(
      (sent) => sent.events,
    );
    await db.batch(insertEvents(before0012(db), 'm', now, events));
    // Retention deletes the raw answers of the first 5 days and, as it must, leaves the rollup as it was.
    expect(await deleteExpiredChunk(db, 'm', start + 5 * DAY)).toBe(18);

    const window = {
      fromHour: Math.floor((start - DAY) / HOUR),
      toHour: Math.ceil((now + HOUR) / HOUR),
      interval: 'day' as const,
    };
    const cuts: RollupFilters[] = [
      {},
      { survey: 'nps' },
      { survey: 'nps-checkout' },
      { path: '/pricing' },
      { device: 'mobile' },
    ];
    const old = await Promise.all(cuts.map((filters) => before(db, window, filters)));
    expect(old[0]!.total).toMatchObject({ n: 66, promoters: 12, passives: 12, detractors: 42 });

    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    expect(await Promise.all(cuts.map((filters) => after(db, window, filters)))).toEqual(old);

    // The stored answers are counted per score; the expired ones keep only their class.
    const { total } = await scoreCounts(db, 'nps', 'm', window, {});
    const stored = events.filter((event) => event.ts >= start + 5 * DAY);
    const perScore = Object.fromEntries(
      Array.from({ length: 11 }, (_, score) => [score, stored.filter((event) => event.value === score).length]),
    );
    expect(npsOfScores(total).distribution).toEqual(perScore);
    expect(total.legacy_promoters + total.legacy_passives + total.legacy_detractors).toBe(18);

    // The new triggers: an answer adds to its score, its erasure takes it away.
    const late = await delivery('m', [npsAnswer(7, { visitor: 'v-late' })], now);
    await db.batch(insertEvents(db, 'm', now, late.events));
    const added = (await scoreCounts(db, 'nps', 'm', window, {})).total;
    expect(added.s7).toBe(total.s7 + 1);
    await db.prepare("DELETE FROM events WHERE site = 'm' AND visitor = 'v-late'").run();
    expect((await scoreCounts(db, 'nps', 'm', window, {})).total).toEqual(total);
  });
});
