// Figure 5: every stats endpoint over 1,000,000 stored events. The events are seeded by the bench seeder (the
// collector's validation, normalisation and Queue consumer, on the collector's own D1, so every rollup trigger
// runs), the rows each request reads come from D1's `meta.rows_read`, and the timings from the real collector
// (wrangler dev with the collector's wrangler.jsonc) answering over loopback HTTP.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, createSite } from './lib/admin.mjs';
import { summary } from './lib/stats.mjs';
import { applyMigrations, COLLECTOR_DIR, startWorker } from './lib/wrangler.mjs';

const SEEDER_DIR = fileURLToPath(new URL('./seeder/', import.meta.url));
const HOUR = 3_600_000;
/** Events per seeding request: a few seconds of work each. */
const SEED_CHUNK = 25_000;
/**
 * Times a chunk may be sent again after the worker failed it, waiting 1, 2, 4, … s in between; a chunk that went
 * through resets the count. On a busy machine wrangler dev's proxy can drop a POST on a keep-alive connection it is
 * closing, with a 503 "Your worker restarted mid-request" though the worker never restarted (workers-sdk#14641).
 */
const MAX_CHUNK_RETRIES = 6;
/** The bytes of the local D1 files under `dir` (the SQLite database and its write-ahead log). */
const databaseBytes = (/** @type {string} */ dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.sqlite(-wal)?$/.test(entry.name))
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);

/** Calls before the timed ones, so that isolates and SQLite's page cache are warm. */
const WARM_UP = 5;

/** The stats endpoints, with the query each is timed with; impact compares whole windows and has no series. */
const ENDPOINTS = [
  ...['nps', 'csat', 'ces', 'surveys', 'ingest', 'friction', 'vitals', 'errors', 'forms', 'funnels'].flatMap((name) => [
    { name, query: '' },
    { name, query: '?interval=day' },
  ]),
  { name: 'impact', query: '' },
  // Segments: a breakdown by a trait and a filter on one, with a daily series.
  { name: 'nps', query: '?by=trait.plan&interval=day' },
  { name: 'nps', query: '?trait.plan=pro&interval=day' },
  { name: 'surveys', query: '?by=locale&interval=day' },
];

/** The endpoints the 10× check times again once the database holds ten times the events. */
const SCALE_ENDPOINTS = ENDPOINTS.filter(({ name }) => name === 'nps' || name === 'friction').slice(0, 4);

/**
 * Seeds visits through the seeding worker in chunks, from visit `from` on, until `stored` reaches `target` or
 * `deadline` (performance.now()) passes. A failed chunk is sent again, waiting 1, 2, 4, … s: its ids are the same
 * every time and storage is idempotent by id, so the seeding resumes exactly where it stopped.
 * @param {{ url: string, output: () => string }} seeder
 * @param {{ site: string, window: { start: number, end: number }, from: number, stored: number, target: number,
 *   deadline?: number, log: (line: string) => void }} progress
 */
const seed = async (seeder, { site, window, from, stored, target, deadline = Infinity, log }) => {
  let retries = 0;
  let chunkRetries = 0;
  let consumerMs = 0;
  let rowsWritten = 0;
  const first = stored;
  while (stored < target && performance.now() < deadline) {
    // A connection the worker cut is a failed chunk like a 5xx.
    const response = await fetch(`${seeder.url}/__bench/seed`, {
      method: 'POST',
      body: JSON.stringify({ site, from, limit: Math.min(SEED_CHUNK, target - stored), ...window }),
    }).catch((/** @type {Error} */ error) => error);
    if (response instanceof Error || !response.ok) {
      const reason =
        response instanceof Error ? String(response.cause ?? response) : `${response.status} ${await response.text()}`;
      if (++chunkRetries > MAX_CHUNK_RETRIES) throw new Error(`seeding failed: ${reason}\n${seeder.output()}`);
      retries++;
      const wait = 1000 * 2 ** (chunkRetries - 1);
      log(`  seeding a chunk failed (${reason.slice(0, 120)}); sending it again in ${wait / 1000} s`);
      await new Promise((resume) => setTimeout(resume, wait));
      continue;
    }
    chunkRetries = 0;
    const chunk = await response.json();
    stored += chunk.events;
    from = chunk.next;
    consumerMs += chunk.consumerMs;
    rowsWritten += chunk.rowsWritten;
    if (stored % 200_000 < SEED_CHUNK) log(`  seeded ${stored.toLocaleString('en')} events`);
  }
  const added = stored - first;
  return {
    from,
    stored,
    retries,
    consumer: { eventsPerSecond: Math.round(added / (consumerMs / 1000)), rowsWrittenPerEvent: rowsWritten / added },
  };
};

/**
 * The rows D1 says each endpoint read, through the seeding worker.
 * @param {{ url: string }} seeder
 * @param {string} site
 * @param {string} readKey
 * @param {{ name: string, query: string }[]} endpoints
 */
const rowsOf = async (seeder, site, readKey, endpoints) => {
  /** @type {{ endpoint: string, status: number, rowsRead: number, statements: { sql: string, rowsRead: number }[] }[]} */
  const rows = [];
  for (const { name, query } of endpoints) {
    const path = `/v1/sites/${site}/stats/${name}${query}`;
    const response = await fetch(`${seeder.url}/__bench/rows?path=${encodeURIComponent(path)}`, {
      headers: { Authorization: `Bearer ${readKey}` },
    });
    rows.push({ endpoint: `${name}${query}`, ...(await response.json()) });
  }
  return rows;
};

/**
 * Times each endpoint on the real collector: `calls` calls after a warm-up, with the rows D1 said it read.
 * @param {{ url: string }} collector
 * @param {string} site
 * @param {string} readKey
 * @param {{ name: string, query: string }[]} endpoints
 * @param {Awaited<ReturnType<typeof rowsOf>>} rows
 * @param {number} calls
 */
const timings = async (collector, site, readKey, endpoints, rows, calls) => {
  const headers = { Authorization: `Bearer ${readKey}` };
  const results = [];
  for (const { name, query } of endpoints) {
    const url = `${collector.url}/v1/sites/${site}/stats/${name}${query}`;
    const times = [];
    for (let call = 0; call < WARM_UP + calls; call++) {
      const started = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      if (call >= WARM_UP) times.push(performance.now() - started);
    }
    const read = rows.find((row) => row.endpoint === `${name}${query}`);
    results.push({
      endpoint: `GET /stats/${name}${query}`,
      ms: summary(times),
      rowsRead: read?.rowsRead,
      statements: read?.statements,
    });
  }
  return results;
};

/** Events the collector says it stored for the site. */
const storedCount = async (
  /** @type {{ url: string }} */ collector,
  /** @type {string} */ site,
  /** @type {string} */ readKey,
) =>
  (
    await (
      await fetch(`${collector.url}/v1/sites/${site}/stats/ingest`, { headers: { Authorization: `Bearer ${readKey}` } })
    ).json()
  ).stored;

/**
 * @param {{ stateDir: string, seederPort: number, collectorPort: number, events: number, calls: number,
 *   scaleEvents: number, scaleSeconds: number, log: (line: string) => void }} options
 */
export const measureQueries = async ({
  stateDir,
  seederPort,
  collectorPort,
  events,
  calls,
  scaleEvents,
  scaleSeconds,
  log,
}) => {
  rmSync(stateDir, { recursive: true, force: true });
  await applyMigrations(stateDir);
  const vars = { ADMIN_TOKEN };
  const site = 'bench-queries';
  const now = Date.now();
  // Visits spread over the 30 days before the last two hours, so that every event is in the default window.
  const window = { start: now - 30 * 24 * HOUR + 2 * HOUR, end: now - 2 * HOUR };
  const start = (/** @type {string} */ cwd, /** @type {number} */ port) =>
    startWorker({ cwd, port, stateDir, vars, ready: '/v1/openapi.json' });

  let seeder = await start(SEEDER_DIR, seederPort);
  let keys;
  let seeded;
  let seedSeconds = 0;
  let rows;
  try {
    keys = await createSite(seeder.url, { id: site });
    const started = performance.now();
    seeded = await seed(seeder, { site, window, from: 0, stored: 0, target: events, log });
    seedSeconds = (performance.now() - started) / 1000;
    rows = await rowsOf(seeder, site, keys.readKey, ENDPOINTS);
  } finally {
    await seeder.stop();
  }

  let collector = await start(COLLECTOR_DIR, collectorPort);
  let stored;
  let results;
  let bytes;
  try {
    stored = await storedCount(collector, site, keys.readKey);
    results = await timings(collector, site, keys.readKey, ENDPOINTS, rows, calls);
    bytes = databaseBytes(stateDir);
  } finally {
    await collector.stop();
  }

  // The 10× check: more of the same visits in the same window, then the NPS and friction queries again.
  let scale;
  if (scaleEvents > events) {
    log(`  10× check: seeding up to ${scaleEvents.toLocaleString('en')} events, for at most ${scaleSeconds} s`);
    seeder = await start(SEEDER_DIR, seederPort);
    let scaleRows;
    const started = performance.now();
    let more;
    try {
      more = await seed(seeder, {
        site,
        window,
        from: seeded.from,
        stored: seeded.stored,
        target: scaleEvents,
        deadline: started + scaleSeconds * 1000,
        log,
      });
      scaleRows = await rowsOf(seeder, site, keys.readKey, SCALE_ENDPOINTS);
    } finally {
      await seeder.stop();
    }
    collector = await start(COLLECTOR_DIR, collectorPort);
    try {
      scale = {
        stored: await storedCount(collector, site, keys.readKey),
        seedSeconds: Math.round((performance.now() - started) / 1000),
        results: await timings(collector, site, keys.readKey, SCALE_ENDPOINTS, scaleRows, calls),
        retries: more.retries,
      };
    } finally {
      await collector.stop();
    }
  }
  return {
    events,
    stored,
    seedSeconds: Math.round(seedSeconds),
    seedRetries: seeded.retries,
    consumer: seeded.consumer,
    databaseBytes: bytes,
    calls,
    results,
    scale,
  };
};
