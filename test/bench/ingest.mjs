// Figure 4: the write path under load. The collector (wrangler dev with its own wrangler.jsonc, as `npm start` runs
// it) and a no-op worker on the same runtime take the same 20-event batches from autocannon over loopback, one
// after the other at each concurrency; afterwards the collector's stored count must equal what it accepted.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ADMIN_TOKEN, createSite } from './lib/admin.mjs';
import { seeded, uuidv7, visitEvents } from './lib/events.mjs';
import { applyMigrations, COLLECTOR_DIR, startWorker } from './lib/wrangler.mjs';

const NOOP_DIR = fileURLToPath(new URL('./noop/', import.meta.url));
const BATCH = 20;
/** A browser's User-Agent: the collector answers bots and headless browsers without storing anything. */
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/**
 * Request bodies of `size` realistic events each (page views, vitals, friction, answers, in visit order), every
 * event with a fresh UUIDv7 and the current time, so that no request repeats another's ids.
 * @param {string} site the write key
 * @param {number} size
 */
const bodies = (site, size) => {
  const random = seeded(8);
  const pool = [];
  while (pool.length < 5000) pool.push(...visitEvents(random, { start: 0, id: (ts) => uuidv7(ts, random) }));
  let next = 0;
  const fresh = () => Math.random();
  return () => {
    const now = Date.now();
    const events = [];
    for (let index = 0; index < size; index++, next = (next + 1) % pool.length)
      events.push({ ...pool[next], id: uuidv7(now, fresh), ts: now - (size - index) * 50 });
    return JSON.stringify({ site, events });
  };
};

/**
 * One autocannon run of `seconds` against `url`: requests/s, events/s, latency and errors. Until `seconds - tail`
 * it sends `counted` batches (20 events); after that, `spill` batches of 19 events to another site, so that the
 * requests cut off in flight when autocannon stops are never ones that were counted. A 202 that accepted 20
 * events answers a counted batch: their sum is what the collector must store for the counted site.
 * @param {{ url: string, connections: number, seconds: number, tail: number, counted?: () => string,
 *   spill: () => string, origin: string }} options
 */
const load = ({ url, connections, seconds, tail, counted, spill, origin }) =>
  new Promise((done, fail) => {
    const deadline = performance.now() + (seconds - tail) * 1000;
    let accepted = 0;
    let counts = 0;
    autocannon(
      {
        url: `${url}/v1/events`,
        method: 'POST',
        connections,
        duration: seconds,
        headers: { 'content-type': 'text/plain', 'user-agent': USER_AGENT, origin },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: counted && performance.now() < deadline ? counted() : spill(),
            }),
            onResponse: (status, body) => {
              if (status !== 202) return;
              const events = JSON.parse(body).accepted;
              accepted += events;
              if (events === BATCH) counts += events;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return fail(error);
        const elapsed = result.duration || seconds;
        done({
          requestsPerSecond: Math.round(result['2xx'] / elapsed),
          eventsPerSecond: Math.round(accepted / elapsed),
          latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
          requests: result['2xx'],
          errors: result.errors + result.timeouts + result.non2xx,
          counted: counts,
          // Every counted batch was answered before autocannon stopped only if no answer took longer than the tail.
          countable: result.latency.max < tail * 1000,
        });
      },
    );
  });

/** Seconds at the end of each run whose batches go to the spill site (more than any answer takes). */
const TAIL = 3;

/**
 * @param {{ stateDir: string, collectorPort: number, noopPort: number, origin: string, seconds: number,
 *   warmUpSeconds: number, concurrency: number[], log: (line: string) => void }} options
 */
export const measureIngest = async ({
  stateDir,
  collectorPort,
  noopPort,
  origin,
  seconds,
  warmUpSeconds,
  concurrency,
  log,
}) => {
  rmSync(stateDir, { recursive: true, force: true });
  await applyMigrations(stateDir);
  const collector = await startWorker({
    cwd: COLLECTOR_DIR,
    port: collectorPort,
    stateDir,
    vars: { ADMIN_TOKEN },
    ready: '/v1/openapi.json',
  });
  let noop;
  try {
    noop = await startWorker({ cwd: NOOP_DIR, port: noopPort, ready: '/' });
    // Both sites turn the per-IP and per-site limits off: every request comes from one loopback address.
    const limits = { site: 0, visitor: 0 };
    const site = await createSite(collector.url, { id: 'bench-ingest', rateLimits: limits });
    const spillSite = await createSite(collector.url, { id: 'bench-spill', rateLimits: limits });
    const counted = bodies(site.writeKey, BATCH);
    const spill = bodies(spillSite.writeKey, BATCH - 1);
    let sent = 0;
    let countable = true;
    const runs = [];
    for (const connections of concurrency) {
      /** @type {Record<string, any>} */
      const run = { connections };
      for (const [name, url] of /** @type {const} */ ([
        ['noop', noop.url],
        ['collector', collector.url],
      ])) {
        await load({ url, connections, seconds: warmUpSeconds, tail: TAIL, spill, origin });
        const measured = await load({ url, connections, seconds, tail: TAIL, counted, spill, origin });
        if (name === 'collector') {
          sent += measured.counted;
          countable &&= measured.countable;
        }
        run[name] = measured;
        log(`  ${name} at ${connections} connections: ${measured.requestsPerSecond} requests/s`);
      }
      run.ratio = Math.round((run.collector.requestsPerSecond / run.noop.requestsPerSecond) * 100) / 100;
      runs.push(run);
    }
    await noop.stop();
    const stored = await drained(collector.url, site.readKey, sent, log);
    return { seconds, warmUpSeconds, tailSeconds: TAIL, batch: BATCH, runs, sent, countable, ...stored };
  } finally {
    await noop?.stop();
    await collector.stop();
  }
};

/**
 * Waits until the Queue consumer has stored what the write path accepted (or stops making progress for 30 s), and
 * returns the stored count with the time the queue took to drain.
 * @param {string} collector
 * @param {string} readKey
 * @param {number} sent
 * @param {(line: string) => void} log
 */
const drained = async (collector, readKey, sent, log) => {
  const started = performance.now();
  let stored = -1;
  let progressAt = started;
  while (performance.now() - progressAt < 30_000 && performance.now() - started < 300_000) {
    const response = await fetch(`${collector}/v1/sites/bench-ingest/stats/ingest`, {
      headers: { Authorization: `Bearer ${readKey}` },
    });
    const counts = await response.json();
    if (counts.stored !== stored) progressAt = performance.now();
    stored = counts.stored;
    if (stored >= sent) break;
    await new Promise((next) => setTimeout(next, 1000));
  }
  const drainSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`  stored ${stored} of ${sent} accepted events, ${drainSeconds} s after the load stopped`);
  return { stored, drainSeconds };
};
