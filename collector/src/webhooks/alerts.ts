import { csat } from '../aggregates/scores/csat';
import { npsOfScores } from '../aggregates/scores/nps';
import { csatCounts, npsCounts } from '../aggregates/scores/queries';
import type { StatsWindow } from '../aggregates/window';
import type { WebhookJob } from './jobs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The rules of `score.alert`: the windows compared, the answers each needs, and how long before it fires again. */
export const SCORE_ALERT = {
  recentDays: 7,
  baselineDays: 28,
  /** Answers each window needs: eleven detractors in a quiet week are not a drop anyone can read. */
  minAnswers: 30,
  cooldownDays: 7,
} as const;

/** One window of a score: its bounds, answers, score and 95 % interval. */
interface ScoreWindow {
  from: string;
  to: string;
  n: number;
  score: number | null;
  ci95: [number, number] | null;
}

/** What a `score.alert` says: the survey, the metric, both windows, and the test that fired it. */
export interface ScoreAlert {
  survey: string;
  metric: 'nps' | 'csat';
  recent: ScoreWindow;
  baseline: ScoreWindow;
  test: string;
}

/** The surveys of a site with NPS or CSAT answers since `fromHour`. */
const surveysSince = async (db: D1Database, site: string, fromHour: number) =>
  (
    await db
      .prepare(
        `SELECT survey, 'nps' AS metric FROM nps_hourly WHERE site = ? AND hour >= ? GROUP BY survey
         UNION SELECT survey, 'csat' AS metric FROM csat_hourly WHERE site = ? AND hour >= ? GROUP BY survey`,
      )
      .bind(site, fromHour, site, fromHour)
      .all<{ survey: string; metric: 'nps' | 'csat' }>()
  ).results;

/** A window of whole hours, as ISO bounds. */
const bounds = (window: StatsWindow) => ({
  from: new Date(window.fromHour * HOUR).toISOString(),
  to: new Date(window.toHour * HOUR).toISOString(),
});

/**
 * The score alerts due at `now`: each survey's NPS or CSAT whose 95 % interval over the last 7 days lies wholly below
 * the previous 28 days' score, both windows with at least `minAnswers` answers. Reads the hourly rollups only.
 */
export const scoreAlerts = async (db: D1Database, site: string, now: number): Promise<ScoreAlert[]> => {
  const toHour = Math.floor(now / HOUR);
  const recent: StatsWindow = { fromHour: toHour - SCORE_ALERT.recentDays * 24, toHour };
  const baseline: StatsWindow = { fromHour: recent.fromHour - SCORE_ALERT.baselineDays * 24, toHour: recent.fromHour };
  const alerts: ScoreAlert[] = [];
  for (const { survey, metric } of await surveysSince(db, site, baseline.fromHour)) {
    const read = async (window: StatsWindow) => {
      const result =
        metric === 'nps'
          ? npsOfScores((await npsCounts(db, site, window, { survey })).total)
          : csat((await csatCounts(db, site, window, { survey })).total);
      return { ...bounds(window), n: result.n, score: result.score, ci95: result.ci95 };
    };
    const [now7, before28] = await Promise.all([read(recent), read(baseline)]);
    if (now7.n < SCORE_ALERT.minAnswers || before28.n < SCORE_ALERT.minAnswers) continue;
    if (!now7.ci95 || before28.score === null || now7.ci95[1] >= before28.score) continue;
    alerts.push({
      survey,
      metric,
      recent: now7,
      baseline: before28,
      test: `the 95 % interval of the last ${SCORE_ALERT.recentDays} days (${now7.ci95[0].toFixed(1)} to ${now7.ci95[1].toFixed(1)}) lies wholly below the previous ${SCORE_ALERT.baselineDays} days' score (${before28.score.toFixed(1)})`,
    });
  }
  return alerts;
};

/** Records an alert as fired unless its cool-down is still running: true when it may go out now. */
const claim = async (db: D1Database, site: string, rule: string, key: string, now: number, cooldownMs: number) => {
  const result = await db
    .prepare(
      `INSERT INTO webhook_alerts (site, rule, key, fired_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (site, rule, key) DO UPDATE SET fired_at = excluded.fired_at WHERE fired_at <= ?`,
    )
    .bind(site, rule, key, now, now - cooldownMs)
    .run();
  return result.meta.changes > 0;
};

/** The sites with an enabled endpoint that subscribes to `type`. */
const sitesSubscribedTo = async (db: D1Database, type: string) =>
  (
    await db
      .prepare('SELECT DISTINCT site FROM webhook_endpoints WHERE disabled_at IS NULL AND events LIKE ?')
      .bind(`%"${type}"%`)
      .all<{ site: string }>()
  ).results.map((row) => row.site);

/**
 * The alert cron: evaluates the score rule for every site that subscribes to it and queues each alert due (past its
 * cool-down) for fan-out. Returns how many it queued.
 */
export const runAlerts = async (db: D1Database, queue: Queue<WebhookJob>, now: number): Promise<number> => {
  const jobs: WebhookJob[] = [];
  for (const site of await sitesSubscribedTo(db, 'score.alert'))
    for (const alert of await scoreAlerts(db, site, now)) {
      const key = `${alert.metric}:${alert.survey}`;
      if (await claim(db, site, 'score.alert', key, now, SCORE_ALERT.cooldownDays * DAY))
        jobs.push({
          kind: 'alert',
          site,
          type: 'score.alert',
          key: `${key}:${now}`,
          survey: alert.survey,
          data: alert,
        });
    }
  if (jobs.length) await queue.sendBatch(jobs.map((body) => ({ body })));
  return jobs.length;
};
