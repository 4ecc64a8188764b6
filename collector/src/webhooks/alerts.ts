import { countsByPage } from '../aggregates/friction/friction';
import { frictionCounts } from '../aggregates/friction/queries';
import { FRICTION_SIGNALS } from '../aggregates/friction/signals';
import { csat } from '../aggregates/scores/csat';
import { npsOfScores } from '../aggregates/scores/nps';
import { scoreCounts } from '../aggregates/scores/queries';
import type { StatsWindow } from '../aggregates/window';
import { digestDue, weeklyDigest, weekStartHour } from './digest';
import type { WebhookJob } from './jobs';
import type { AlertSettings } from './schema';

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

/** The score rule's settings, a site's overrides on the defaults. */
type ScoreRules = { -readonly [K in keyof typeof SCORE_ALERT]: number };

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
export const scoreAlerts = async (
  db: D1Database,
  site: string,
  now: number,
  rules: ScoreRules = SCORE_ALERT,
): Promise<ScoreAlert[]> => {
  const toHour = Math.floor(now / HOUR);
  const recent: StatsWindow = { fromHour: toHour - SCORE_ALERT.recentDays * 24, toHour };
  const baseline: StatsWindow = { fromHour: recent.fromHour - SCORE_ALERT.baselineDays * 24, toHour: recent.fromHour };
  const alerts: ScoreAlert[] = [];
  for (const { survey, metric } of await surveysSince(db, site, baseline.fromHour)) {
    const read = async (window: StatsWindow) => {
      const result =
        metric === 'nps'
          ? npsOfScores((await scoreCounts(db, 'nps', site, window, { survey })).total)
          : csat((await scoreCounts(db, 'csat', site, window, { survey })).total);
      return { ...bounds(window), n: result.n, score: result.score, ci95: result.ci95 };
    };
    const [now7, before28] = await Promise.all([read(recent), read(baseline)]);
    if (now7.n < rules.minAnswers || before28.n < rules.minAnswers) continue;
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

/**
 * Records an alert as fired unless its cool-down is still running. When it may go out now, returns the statement
 * that takes the claim back (the time it fired before, or no record), for an alert the Queue then refuses.
 */
const claim = async (db: D1Database, site: string, rule: string, key: string, now: number, cooldownMs: number) => {
  const before = await db
    .prepare('SELECT fired_at FROM webhook_alerts WHERE site = ? AND rule = ? AND key = ?')
    .bind(site, rule, key)
    .first<{ fired_at: number }>();
  const result = await db
    .prepare(
      `INSERT INTO webhook_alerts (site, rule, key, fired_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (site, rule, key) DO UPDATE SET fired_at = excluded.fired_at WHERE fired_at <= ?`,
    )
    .bind(site, rule, key, now, now - cooldownMs)
    .run();
  if (!result.meta.changes) return undefined;
  return before
    ? db
        .prepare('UPDATE webhook_alerts SET fired_at = ? WHERE site = ? AND rule = ? AND key = ? AND fired_at = ?')
        .bind(before.fired_at, site, rule, key, now)
    : db
        .prepare('DELETE FROM webhook_alerts WHERE site = ? AND rule = ? AND key = ? AND fired_at = ?')
        .bind(site, rule, key, now);
};

/** A site's overrides of the alert rules (the admin API's `alerts`). */
const settingsOf = async (db: D1Database, site: string): Promise<AlertSettings> =>
  JSON.parse(
    (await db.prepare('SELECT alert_settings FROM sites WHERE id = ?').bind(site).first<{ alert_settings: string }>())
      ?.alert_settings ?? '{}',
  );

/** The sites with an enabled endpoint that subscribes to `type`. */
const sitesSubscribedTo = async (db: D1Database, type: string) =>
  (
    await db
      .prepare('SELECT DISTINCT site FROM webhook_endpoints WHERE disabled_at IS NULL AND events LIKE ?')
      .bind(`%"${type}"%`)
      .all<{ site: string }>()
  ).results.map((row) => row.site);

/** The rules of `friction.alert`: the windows, the minimum evidence, the test's level, and the cool-down. */
export const FRICTION_ALERT = {
  baselineDays: 14,
  /** Page views the recent window needs, and the baseline. */
  minPageviews: 100,
  minBaselinePageviews: 500,
  /** Events of the signal the recent window needs, whatever the test says. */
  minEvents: 5,
  /** One-sided: the chance of so many events at the baseline rate must be below 1 %. */
  pValue: 0.01,
  cooldownHours: 24,
} as const;

/** The friction rule's settings, a site's overrides on the defaults. */
type FrictionRules = { -readonly [K in keyof typeof FRICTION_ALERT]: number };

/** What a `friction.alert` says: the page, the signal, both windows and the test that fired it. */
export interface FrictionAlert {
  path: string;
  signal: string;
  window: 'hour' | 'day';
  recent: { from: string; to: string; pageviews: number; events: number; rate: number };
  baseline: { from: string; to: string; pageviews: number; events: number; rate: number };
  pValue: number;
  test: string;
}

/**
 * P(X ≥ k) for X ~ Poisson(λ), summed exactly in log space (each term from the one before), so a large λ neither
 * overflows nor underflows the sum that matters.
 */
export const poissonUpperTail = (k: number, lambda: number): number => {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let logTerm = -lambda;
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.max(0, 1 - below);
};

/** Counts by path and type over a window, page views included; the whole-site rows left out. */
const countsByPath = async (db: D1Database, site: string, window: StatsWindow) =>
  countsByPage((await frictionCounts(db, site, window, {})).counts);

/**
 * The friction alerts due at `now`: a page whose rate of a friction signal over the last hour or day is above its
 * own rate over the 14 days before beyond chance. Under the baseline rate r (with half an event added, so that a page
 * that never had the signal is not alarmed by one), the recent window's count is Poisson with mean r × its page
 * views; the alert fires when P(X ≥ count) < 1 %, with at least 100 page views and 5 events in the window and 500
 * page views in the baseline. Reads the rollups only.
 */
export const frictionAlerts = async (
  db: D1Database,
  site: string,
  now: number,
  rules: FrictionRules = FRICTION_ALERT,
): Promise<FrictionAlert[]> => {
  const toHour = Math.floor(now / HOUR);
  const day: StatsWindow = { fromHour: toHour - 24, toHour };
  const baseline: StatsWindow = { fromHour: day.fromHour - FRICTION_ALERT.baselineDays * 24, toHour: day.fromHour };
  const hour: StatsWindow = { fromHour: toHour - 1, toHour };
  const [before, lastDay, lastHour] = await Promise.all(
    [baseline, day, hour].map((window) => countsByPath(db, site, window)),
  );
  const alerts = new Map<string, FrictionAlert>();
  for (const [name, window, recentCounts] of [
    ['day', day, lastDay],
    ['hour', hour, lastHour],
  ] as const)
    for (const [path, types] of recentCounts) {
      const pageviews = types.get('pageview') ?? 0;
      const base = before.get(path);
      const basePageviews = base?.get('pageview') ?? 0;
      if (pageviews < rules.minPageviews || basePageviews < rules.minBaselinePageviews) continue;
      for (const signal of FRICTION_SIGNALS) {
        const events = types.get(signal) ?? 0;
        if (events < rules.minEvents || alerts.has(`${signal}:${path}`)) continue;
        const baseEvents = base?.get(signal) ?? 0;
        const rate = (baseEvents + 0.5) / basePageviews;
        const pValue = poissonUpperTail(events, rate * pageviews);
        if (pValue >= rules.pValue) continue;
        const per100 = (count: number, views: number) => (100 * count) / views;
        alerts.set(`${signal}:${path}`, {
          path,
          signal,
          window: name,
          recent: { ...bounds(window), pageviews, events, rate: per100(events, pageviews) },
          baseline: {
            ...bounds(baseline),
            pageviews: basePageviews,
            events: baseEvents,
            rate: per100(baseEvents, basePageviews),
          },
          pValue,
          test: `one-sided Poisson test at ${100 * (1 - rules.pValue)} %: ${events} events in ${pageviews} page views, where the 14 days before (${baseEvents} in ${basePageviews}) predict ${(rate * pageviews).toFixed(1)}; p = ${pValue.toPrecision(2)}`,
        });
      }
    }
  return [...alerts.values()];
};

/** The rule of `error.new`: a group first seen this recently, once it has reached this many sessions. */
export const NEW_ERROR_ALERT = { withinDays: 7, minSessions: 3 } as const;

/** What an `error.new` says: the group, when it was first seen, and how far it has reached. */
export interface NewErrorAlert {
  fingerprint: string;
  message: string;
  file: string | null;
  firstSeen: string;
  sessions: number;
  events: number;
  test: string;
}

/** The error groups first seen on the site in the last 7 days that have reached 3 sessions. */
export const newErrorAlerts = async (
  db: D1Database,
  site: string,
  now: number,
  minSessions: number = NEW_ERROR_ALERT.minSessions,
): Promise<NewErrorAlert[]> => {
  const { results } = await db
    .prepare(
      `SELECT g.fingerprint, g.message, g.file, g.first_seen, SUM(h.sessions) AS sessions, SUM(h.events) AS events
       FROM error_groups g JOIN error_hourly h ON h.site = g.site AND h.fingerprint = g.fingerprint
       WHERE g.site = ? AND g.first_seen >= ?
       GROUP BY g.fingerprint HAVING SUM(h.sessions) >= ?`,
    )
    .bind(site, now - NEW_ERROR_ALERT.withinDays * DAY, minSessions)
    .all<{
      fingerprint: string;
      message: string;
      file: string | null;
      first_seen: number;
      sessions: number;
      events: number;
    }>();
  return results.map((row) => ({
    fingerprint: row.fingerprint,
    message: row.message,
    file: row.file,
    firstSeen: new Date(row.first_seen).toISOString(),
    sessions: row.sessions,
    events: row.events,
    test: `first seen ${new Date(row.first_seen).toISOString()}, never before on this site, and in ${row.sessions} sessions since (${minSessions} needed)`,
  }));
};

/**
 * The alert cron: evaluates each rule for every site that subscribes to it and queues each alert due (past its
 * cool-down) for fan-out, and on Mondays the weekly digest, once per site and week. Returns how many it queued. When
 * the Queue refuses them, the alerts' claims are taken back, so that the next run sends them, and the error is thrown.
 */
export const runAlerts = async (db: D1Database, queue: Queue<WebhookJob>, now: number): Promise<number> => {
  const jobs: WebhookJob[] = [];
  const claims: D1PreparedStatement[] = [];
  /** Claims an alert (see `claim`) and keeps the statement that takes it back: true when it may go out now. */
  const due = async (...args: Parameters<typeof claim>) => {
    const release = await claim(...args);
    if (release) claims.push(release);
    return release !== undefined;
  };
  for (const site of await sitesSubscribedTo(db, 'score.alert')) {
    const rules = { ...SCORE_ALERT, ...(await settingsOf(db, site)).score };
    for (const alert of await scoreAlerts(db, site, now, rules)) {
      const key = `${alert.metric}:${alert.survey}`;
      if (await due(db, site, 'score.alert', key, now, rules.cooldownDays * DAY))
        jobs.push({
          kind: 'alert',
          site,
          type: 'score.alert',
          key: `${key}:${now}`,
          survey: alert.survey,
          path: null,
          data: alert,
        });
    }
  }
  for (const site of await sitesSubscribedTo(db, 'friction.alert')) {
    const rules = { ...FRICTION_ALERT, ...(await settingsOf(db, site)).friction };
    for (const alert of await frictionAlerts(db, site, now, rules)) {
      const key = `${alert.signal}:${alert.path}`;
      if (await due(db, site, 'friction.alert', key, now, rules.cooldownHours * HOUR))
        jobs.push({
          kind: 'alert',
          site,
          type: 'friction.alert',
          key: `${key}:${now}`,
          survey: null,
          path: alert.path,
          data: alert,
        });
    }
  }
  for (const site of await sitesSubscribedTo(db, 'error.new')) {
    const minSessions = (await settingsOf(db, site)).newError?.minSessions ?? NEW_ERROR_ALERT.minSessions;
    // Once per group, ever: a cool-down longer than any retention.
    for (const alert of await newErrorAlerts(db, site, now, minSessions))
      if (await due(db, site, 'error.new', alert.fingerprint, now, 100 * 365 * DAY))
        jobs.push({
          kind: 'alert',
          site,
          type: 'error.new',
          key: alert.fingerprint,
          survey: null,
          path: null,
          data: alert,
        });
  }
  if (digestDue(now))
    for (const site of await sitesSubscribedTo(db, 'digest.weekly')) {
      const week = new Date(weekStartHour(now) * HOUR).toISOString();
      const digest = await weeklyDigest(db, site, now);
      if (await due(db, site, 'digest.weekly', week, now, 6 * DAY))
        jobs.push({
          kind: 'alert',
          site,
          type: 'digest.weekly',
          key: `week:${week}`,
          survey: null,
          path: null,
          data: digest,
        });
    }
  if (!jobs.length) return 0;
  try {
    await queue.sendBatch(jobs.map((body) => ({ body })));
  } catch (error) {
    await db.batch(claims);
    throw error;
  }
  return jobs.length;
};
