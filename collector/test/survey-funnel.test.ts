import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { PulseEvent } from '@pulse/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyStats } from '../src/aggregates/surveys/schema';
import { insertEvents } from '../src/db/events';
import { ADMIN, before0012, call, createSite, delivery, npsAnswer, readStats, store } from './helpers';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 2, 10, 0);
const window = `?from=${new Date(start - HOUR).toISOString()}&to=${new Date(start + 30 * HOUR).toISOString()}`;
let keys: { readKey: string };

/** A survey event of response `r-<n>`, by visitor `v-<n>`, `n` hours after the start. */
const event = (type: string, n: number, extra: Record<string, unknown> = {}) =>
  ({
    ...npsAnswer(9, { survey: 'nps', response: `r-${n}`, visitor: `vf-${n}`, ts: start + (n % 24) * HOUR }),
    type,
    ...extra,
  }) as unknown as PulseEvent;

/**
 * The worked example: shown 50 times; 30 answered the score (r-0 to r-29); 18 of them answered the follow-up
 * (r-0 to r-17) and 6 more skipped it (r-18 to r-23), so 24 completed; 6 closed it at the follow-up (r-24 to r-29)
 * and 6 at the score (r-30 to r-35), so 12 dismissed; the other 14 left the page with it open.
 */
const example = (): PulseEvent[] => {
  const events: PulseEvent[] = [];
  for (let n = 0; n < 50; n++) events.push(event('survey_shown', n));
  for (let n = 0; n < 30; n++) events.push(event('survey_answer', n, { question: 'score', kind: 'nps', value: 3 }));
  for (let n = 0; n < 18; n++)
    events.push(event('survey_answer', n, { question: 'score.followup', kind: 'text', value: 'Too slow' }));
  for (let n = 0; n < 24; n++) events.push(event('survey_completed', n));
  for (let n = 24; n < 30; n++) events.push(event('survey_dismissed', n, { question: 'score.followup' }));
  for (let n = 30; n < 36; n++) events.push(event('survey_dismissed', n, { question: 'score' }));
  return events.map((one) => ({ ...one, id: crypto.randomUUID().replace(/^(.{14})./, '$17') }) as PulseEvent);
};

/** Wilson's 95 % interval of k/n in percent, worked out here from its formula. */
const wilson = (k: number, n: number) => {
  const z2 = 1.96 ** 2;
  const centre = (k + z2 / 2) / (n + z2);
  const half = (1.96 * Math.sqrt((k * (n - k)) / n + z2 / 4)) / (n + z2);
  return [100 * (centre - half), 100 * (centre + half)];
};

const read = async (query = window) =>
  (await readStats<SurveyStats>('survey-funnel', keys.readKey, 'surveys', query)).body;

describe('GET /v1/sites/:site/stats/surveys', () => {
  let events: PulseEvent[];
  beforeAll(async () => {
    keys = await createSite('survey-funnel');
    events = example();
    // Stored twice: a redelivery counts nothing again.
    for (let round = 0; round < 2; round++)
      for (let from = 0; from < events.length; from += 50)
        await store('survey-funnel', events.slice(from, from + 50), start + 30 * HOUR);
  });

  it('counts the worked example: shown 50, started 30, completed 24, dismissed 12, with Wilson intervals', async () => {
    const [nps] = (await read()).surveys;
    expect(nps).toMatchObject({
      survey: 'nps',
      shown: 50,
      started: 30,
      completed: 24,
      dismissed: 12,
      lowSample: false,
    });
    expect(nps!.responseRate.value).toBe(60);
    expect(nps!.completionRate.value).toBe(80);
    for (const [rate, k, n] of [
      [nps!.responseRate, 30, 50],
      [nps!.completionRate, 24, 30],
    ] as const)
      for (const [index, bound] of rate.ci95!.entries()) expect(bound).toBeCloseTo(wilson(k, n)[index]!, 6);
    expect(nps!.questions).toEqual([
      { question: 'score', answered: 30, reached: 36, left: 6 },
      { question: 'score.followup', answered: 18, reached: 24, left: 6 },
    ]);
  });

  it('gives the funnel per interval, and says when there are too few showings to read the rates', async () => {
    const [nps] = (await read(`${window}&interval=day`)).surveys;
    expect(nps!.series!.reduce((sum, point) => sum + point.shown, 0)).toBe(50);
    expect(nps!.series!.map((point) => point.lowSample)).toEqual(nps!.series!.map((point) => point.shown < 30));
    expect(nps!.series!.some((point) => point.lowSample)).toBe(true);
    const [filtered] = (await read(`${window}&device=mobile`)).surveys;
    expect(filtered).toBeUndefined();
  });

  it('forgets an erased respondent everywhere', async () => {
    expect((await call('/v1/sites/survey-funnel/respondents/vf-0', { method: 'DELETE', headers: ADMIN })).status).toBe(
      200,
    );
    const [nps] = (await read()).surveys;
    expect(nps).toMatchObject({ shown: 49, started: 29, completed: 23, dismissed: 12 });
    expect(nps!.questions[0]).toEqual({ question: 'score', answered: 29, reached: 35, left: 6 });
  });
});

describe('migration 0009 (the survey funnel)', () => {
  it('backfills the rollups from the stored events as the triggers count them', async () => {
    const db = env.SURVEY_MIGRATION_DB;
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((migration) => migration.name < '0009'),
    );
    const sent = example();
    const { events } = await delivery('m', sent, start + 30 * HOUR);
    // Inserted as the code of that time did, then migrated.
    await db.batch(insertEvents(before0012(db), 'm', start + 30 * HOUR, events));
    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    const rollups = async (database: D1Database, site: string) =>
      Promise.all(
        ['survey_hourly', 'survey_questions_hourly'].map(async (table) =>
          (
            await database
              .prepare(`SELECT * FROM ${table} WHERE site = ? ORDER BY 2, 3, 4, 5, 6`)
              .bind(site)
              .all<Record<string, unknown>>()
          ).results.map(({ site: _, ...row }) => row),
        ),
      );
    // The same events stored after the migration, through its triggers, on a site of their own.
    await env.DB.batch(insertEvents(env.DB, 'm-after', start + 30 * HOUR, events));
    expect(await rollups(db, 'm')).toEqual(await rollups(env.DB, 'm-after'));
  });
});
