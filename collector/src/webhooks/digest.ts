import { errorCounts } from '../aggregates/errors/queries';
import { frictionStats } from '../aggregates/friction/friction';
import { frictionCounts } from '../aggregates/friction/queries';
import { ces } from '../aggregates/scores/ces';
import { csat } from '../aggregates/scores/csat';
import { npsOfScores } from '../aggregates/scores/nps';
import { scoreCounts } from '../aggregates/scores/queries';
import { bucketStart, type StatsWindow, windowMillis } from '../aggregates/window';
import { isDetractor } from './payload';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Pages need this many page views in the week to be ranked by friction. */
const MIN_PAGEVIEWS = 20;

/** A score of the week beside the week before: `n`, the score (CES: the mean) and its interval, and the change. */
export interface DigestScore {
  n: number;
  score: number | null;
  ci95: [number, number] | null;
  previous: { n: number; score: number | null };
  change: number | null;
}

/** What `digest.weekly` holds: the week's scores, the worst pages and elements, the largest errors, recent verbatims. */
export interface WeeklyDigest {
  week: { from: string; to: string };
  scores: { nps: DigestScore; csat: DigestScore; ces: DigestScore };
  pages: { path: string; pageviews: number; rate: number | null }[];
  elements: { path: string; target: string; label: string | null; rage_click: number; dead_click: number }[];
  errors: { message: string; file: string | null; events: number; sessions: number }[];
  verbatims: { survey: string; text: string; path: string; at: string; detractor: boolean }[];
}

/** The Monday 00:00 UTC that starts the week `now` is in, as an hour since the epoch. */
export const weekStartHour = (now: number) => bucketStart(Math.floor(now / HOUR), 'week');

/** A score over two windows, this one and the one before, with the change between them. */
const compare = (
  current: { n: number; value: number | null; ci95: [number, number] | null },
  previous: { n: number; value: number | null },
): DigestScore => ({
  n: current.n,
  score: current.value,
  ci95: current.ci95,
  previous: { n: previous.n, score: previous.value },
  change: current.value === null || previous.value === null ? null : current.value - previous.value,
});

/** The three most recent free-text answers of the week, those of detractors first (the rule is `isDetractor`'s). */
const verbatims = async (db: D1Database, site: string, window: StatsWindow) => {
  const { results: texts } = await db
    .prepare(
      `SELECT response, survey, text, path, ts FROM events
       WHERE site = ? AND type = 'survey_answer' AND ts >= ? AND ts < ? AND kind = 'text' AND text IS NOT NULL
       ORDER BY ts DESC, id DESC LIMIT 50`,
    )
    .bind(site, ...windowMillis(window))
    .all<{ response: string; survey: string; text: string; path: string; ts: number }>();
  if (!texts.length) return [];
  const responses = [...new Set(texts.map((row) => row.response))];
  const { results: scores } = await db
    .prepare(
      `SELECT response, kind, value FROM events WHERE site = ? AND type = 'survey_answer' AND value IS NOT NULL
       AND response IN (${responses.map(() => '?').join(', ')})`,
    )
    .bind(site, ...responses)
    .all<{ response: string; kind: string; value: number }>();
  const detracting = new Set(scores.filter(isDetractor).map((row) => row.response));
  return texts
    .map((row) => ({
      survey: row.survey,
      text: row.text,
      path: row.path,
      at: new Date(row.ts).toISOString(),
      detractor: detracting.has(row.response),
    }))
    .sort((a, b) => Number(b.detractor) - Number(a.detractor))
    .slice(0, 3);
};

/** The digest of the week before the one `now` is in, for one site. Reads the rollups, and at most 50 answers. */
export const weeklyDigest = async (db: D1Database, site: string, now: number): Promise<WeeklyDigest> => {
  const toHour = weekStartHour(now);
  const week: StatsWindow = { fromHour: toHour - 168, toHour };
  const before: StatsWindow = { fromHour: toHour - 336, toHour: toHour - 168 };
  const scoresOf = async (window: StatsWindow) => {
    const [n, c, e] = await Promise.all([
      scoreCounts(db, 'nps', site, window, {}),
      scoreCounts(db, 'csat', site, window, {}),
      scoreCounts(db, 'ces', site, window, {}),
    ]);
    const nps = npsOfScores(n.total);
    const sat = csat(c.total);
    const effort = ces(e.total);
    return {
      nps: { n: nps.n, value: nps.score, ci95: nps.ci95 },
      csat: { n: sat.n, value: sat.score, ci95: sat.ci95 },
      ces: { n: effort.n, value: effort.mean, ci95: effort.ci95 },
    };
  };
  const [now7, before7, friction, errors, texts] = await Promise.all([
    scoresOf(week),
    scoresOf(before),
    frictionCounts(db, site, week, {}),
    errorCounts(db, site, week, {}),
    verbatims(db, site, week),
  ]);
  const stats = frictionStats(week, true, friction.counts, friction.elements, friction.words, undefined);
  return {
    week: { from: new Date(week.fromHour * HOUR).toISOString(), to: new Date(week.toHour * HOUR).toISOString() },
    scores: {
      nps: compare(now7.nps, before7.nps),
      csat: compare(now7.csat, before7.csat),
      ces: compare(now7.ces, before7.ces),
    },
    pages: stats.pages
      .filter((page) => page.pageviews >= MIN_PAGEVIEWS)
      .slice(0, 3)
      .map(({ path, pageviews, rate }) => ({ path, pageviews, rate })),
    elements: friction.elements
      .slice(0, 3)
      .map(({ path, target, label, rage_click, dead_click }) => ({ path, target, label, rage_click, dead_click })),
    errors: errors.groups
      .slice(0, 3)
      .map(({ message, file, events, sessions }) => ({ message, file, events, sessions })),
    verbatims: texts,
  };
};

/** Whether the weekly digest is due at `now`: on Mondays (UTC), from the first hourly run of the day. */
export const digestDue = (now: number) => new Date(now).getUTCDay() === 1 && now - weekStartHour(now) * HOUR < DAY;
