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

/**
 * @param {{ stateDir: string, seederPort: number, collectorPort: number, events: number, calls: number,
 *   log: (line: string) => void }} options
 */
export const measureQueries = async ({ stateDir, seederPort, collectorPort, events, calls, log }) => {
  rmSync(stateDir, { recursive: true, force: true });
  await applyMigrations(stateDir);
  const vars = { ADMIN_TOKEN };
  const site = 'bench-queries';

  const seeder = await startWorker({ cwd: SEEDER_DIR, port: seederPort, stateDir, vars, ready: '/v1/openapi.json' });
  /** @type {{ endpoint: string, status: number, rowsRead: number, statements: { sql: string, rowsRead: number }[] }[]} */
  const rows = [];
  let keys;
  let seedSeconds = 0;
  let seedRetries = 0;
  /** @type {{ eventsPerSecond: number, rowsWrittenPerEvent: number } | undefined} */
  let consumer;
  try {
    keys = await createSite(seeder.url, { id: site });
    const now = Date.now();
    // Visits spread over the 30 days before the last two hours, so that every event is in the default window.
    const window = { start: now - 30 * 24 * HOUR + 2 * HOUR, end: now - 2 * HOUR };
    const started = performance.now();
    let stored = 0;
    let from = 0;
    let retries = 0;
    let chunkRetries = 0;
    let consumerMs = 0;
    let rowsWritten = 0;
    while (stored < events) {
      // A connection the worker cut is a failed chunk like a 5xx.
      const response = await fetch(`${seeder.url}/__bench/seed`, {
        method: 'POST',
        body: JSON.stringify({ site, from, limit: Math.min(SEED_CHUNK, events - stored), ...window }),
      }).catch((/** @type {Error} */ error) => error);
      if (response instanceof Error || !response.ok) {
        // A chunk's ids are the same every time and storage is idempotent by id, so sending it again is exact.
        const reason =
          response instanceof Error
            ? String(response.cause ?? response)
            : `${response.status} ${await response.text()}`;
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
    seedSeconds = (performance.now() - started) / 1000;
    seedRetries = retries;
    consumer = {
      eventsPerSecond: Math.round(stored / (consumerMs / 1000)),
      rowsWrittenPerEvent: rowsWritten / stored,
    };
    for (const { name, query } of ENDPOINTS) {
      const path = `/v1/sites/${site}/stats/${name}${query}`;
      const response = await fetch(`${seeder.url}/__bench/rows?path=${encodeURIComponent(path)}`, {
        headers: { Authorization: `Bearer ${keys.readKey}` },
      });
      rows.push({ endpoint: `${name}${query}`, ...(await response.json()) });
    }
  } finally {
    await seeder.stop();
  }

  const collector = await startWorker({
    cwd: COLLECTOR_DIR,
    port: collectorPort,
    stateDir,
    vars,
    ready: '/v1/openapi.json',
  });
  try {
    const headers = { Authorization: `Bearer ${keys.readKey}` };
    const ingest = await (await fetch(`${collector.url}/v1/sites/${site}/stats/ingest`, { headers })).json();
    const results = [];
    for (const { name, query } of ENDPOINTS) {
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
    return {
      events,
      stored: ingest.stored,
      seedSeconds: Math.round(seedSeconds),
      seedRetries,
      consumer,
      databaseBytes: databaseBytes(stateDir),
      calls,
      results,
    };
  } finally {
    await collector.stop();
  }
};
