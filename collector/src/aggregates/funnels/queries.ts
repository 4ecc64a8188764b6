import type { StatsWindow } from '../window';
import type { Funnel } from './schema';

/** A funnel step in the form migration 0003's trigger matches: a GLOB pattern over the path, or an event name. */
export interface CompiledStep {
  kind: 'url' | 'event';
  value: string;
  /** SQLite GLOB pattern over the page's path (url steps). */
  pattern: string | null;
  /** Slashes the path must have, where a single-segment `*` may not cross `/`; null for no constraint. */
  slashes: number | null;
}

/** Escapes GLOB's special characters so that they match themselves. */
const literal = (text: string) => text.replace(/[*?[]/g, (char) => `[${char}]`);

/**
 * Compiles a step to a GLOB pattern with the semantics of the SDK's URL rules: exact, prefix, contains, and
 * globs where `*` is any run but `/` and `**` any run at all. GLOB's `*` crosses `/`, so a glob with single
 * stars also requires the path to have as many slashes as the pattern: then no star can have crossed one.
 */
export const compileStep = (step: Funnel['steps'][number]): CompiledStep => {
  if ('event' in step) return { kind: 'event', value: step.event, pattern: null, slashes: null };
  const { match, value } = step.url;
  if (match !== 'glob') {
    const pattern =
      match === 'exact' ? literal(value) : match === 'prefix' ? `${literal(value)}*` : `*${literal(value)}*`;
    return { kind: 'url', value, pattern, slashes: null };
  }
  const pattern = value.split(/\*+/).map(literal).join('*');
  const anyRun = value.includes('**');
  return { kind: 'url', value, pattern, slashes: anyRun ? null : value.split('/').length - 1 };
};

/** The page's path from an event's `url` (path and query), in SQL. */
const pathOf = (alias: string) => `substr(${alias}.url, 1, instr(${alias}.url || '?', '?') - 1)`;

/** The SQL test of whether event `e` matches step `s`: the trigger of migration 0003 applies the same one. */
const MATCHES = `((s.kind = 'event' AND e.type = 'track' AND s.value = json_extract(e.data, '$.name'))
  OR (s.kind = 'url' AND e.type = 'pageview' AND ${pathOf('e')} GLOB s.pattern
    AND (s.slashes IS NULL OR length(${pathOf('e')}) - length(replace(${pathOf('e')}, '/', '')) = s.slashes)))`;

/**
 * The statements that count a funnel again from the raw events still stored: sessions enter step 1 at their
 * first matching event and reach each next step at their first matching event after the previous step.
 */
const recount = (db: D1Database, site: string, funnel: string, steps: number): D1PreparedStatement[] => [
  db
    .prepare(
      `INSERT INTO funnel_progress (site, funnel, session, step, event, ts, entry_hour, device)
       SELECT e.site, s.funnel, e.session, 1, MIN(e.id), e.ts, e.hour, e.device
       FROM events e JOIN funnel_steps s ON s.site = e.site AND s.funnel = ? AND s.step = 1
       WHERE e.site = ? AND e.type IN ('pageview', 'track') AND ${MATCHES}
       GROUP BY e.session`,
    )
    .bind(funnel, site),
  ...Array.from({ length: steps - 1 }, (_, index) =>
    db
      .prepare(
        `INSERT INTO funnel_progress (site, funnel, session, step, event, ts, entry_hour, device)
         SELECT e.site, s.funnel, e.session, s.step, MIN(e.id), e.ts, p.entry_hour, p.device
         FROM events e
         JOIN funnel_progress p ON p.site = e.site AND p.funnel = ? AND p.session = e.session AND p.step = ?
         JOIN funnel_steps s ON s.site = e.site AND s.funnel = p.funnel AND s.step = p.step + 1
         WHERE e.site = ? AND e.type IN ('pageview', 'track') AND e.ts >= p.ts AND e.id <> p.event AND ${MATCHES}
         GROUP BY e.session`,
      )
      .bind(funnel, index + 1, site),
  ),
];

/** The funnel definitions of a site, by id. */
export const listFunnels = async (db: D1Database, site: string): Promise<Funnel[]> => {
  const { results } = await db
    .prepare('SELECT definition FROM funnels WHERE site = ? ORDER BY id')
    .bind(site)
    .all<{ definition: string }>();
  return results.map((row) => JSON.parse(row.definition) as Funnel);
};

/** Statements that forget a funnel's steps and counts. */
const forget = (db: D1Database, site: string, funnel: string) =>
  ['funnel_steps', 'funnel_progress', 'funnel_hourly'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE site = ? AND funnel = ?`).bind(site, funnel),
  );

/**
 * Creates or replaces a funnel and counts it from the raw events still stored, in one transaction; tells
 * whether it existed. Events stored later advance it through migration 0003's trigger.
 */
export const putFunnel = async (db: D1Database, site: string, funnel: Funnel): Promise<boolean> => {
  const existed = await db.prepare('SELECT 1 FROM funnels WHERE site = ? AND id = ?').bind(site, funnel.id).first();
  await db.batch([
    db
      .prepare(
        'INSERT INTO funnels (site, id, definition, updated_at) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (site, id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at',
      )
      .bind(site, funnel.id, JSON.stringify(funnel), Date.now()),
    ...forget(db, site, funnel.id),
    ...funnel.steps.map((step, index) => {
      const { kind, value, pattern, slashes } = compileStep(step);
      return db
        .prepare(
          'INSERT INTO funnel_steps (site, funnel, step, kind, value, pattern, slashes) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .bind(site, funnel.id, index + 1, kind, value, pattern, slashes);
    }),
    ...recount(db, site, funnel.id, funnel.steps.length),
  ]);
  return existed !== null;
};

/** Deletes a funnel with its counts; tells whether it existed. */
export const deleteFunnel = async (db: D1Database, site: string, funnel: string): Promise<boolean> => {
  const [deleted] = await db.batch([
    db.prepare('DELETE FROM funnels WHERE site = ? AND id = ?').bind(site, funnel),
    ...forget(db, site, funnel),
  ]);
  return (deleted?.meta.changes ?? 0) > 0;
};

/** Sessions of a funnel that reached a step, by the hour they entered step 1. */
export interface FunnelCountRow {
  funnel: string;
  hour: number;
  step: number;
  sessions: number;
}

/** Sessions per funnel and step reached, for sessions that entered step 1 inside the window; per interval too. */
export const funnelCounts = async (
  db: D1Database,
  site: string,
  window: StatsWindow,
  filters: { funnel?: string; device?: string },
) => {
  // The counts' key starts with (site, funnel, hour): naming the funnels lets D1 seek to the window in each,
  // instead of scanning every hour the site has.
  const clauses = ['site = ?', 'funnel IN (SELECT id FROM funnels WHERE site = ?)', 'hour >= ?', 'hour < ?'];
  const bindings: (string | number)[] = [site, site, window.fromHour, window.toHour];
  for (const column of ['funnel', 'device'] as const) {
    if (filters[column] === undefined) continue;
    clauses.push(`${column} = ?`);
    bindings.push(filters[column]);
  }
  const { results } = await db
    .prepare(
      `SELECT funnel, hour, step, SUM(sessions) AS sessions FROM funnel_hourly WHERE ${clauses.join(' AND ')}
       GROUP BY funnel, hour, step ORDER BY funnel, hour, step`,
    )
    .bind(...bindings)
    .all<FunnelCountRow>();
  return results;
};
