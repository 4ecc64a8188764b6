// `pnpm bench`: Pulse beside its peers, measured the same way every run. Prints one table and writes the same
// figures to test/bench/results.json. Everything stays on loopback; every loop is bounded. Build first (the root
// script does): the figures are those of whatever sdk/dist and the collector's sources hold.
//
//   node bench/run.mjs            the full run (about 30 minutes on 2 cores, 10 of them the 10× check)
//   node bench/run.mjs --quick    a smoke run with small counts, written to results.quick.json
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBytes } from './bytes.mjs';
import { measureIngest } from './ingest.mjs';
import { stopAllWorkers } from './lib/wrangler.mjs';
import { measureLighthouse } from './lighthouse.mjs';
import { measureInteractions, measureLoads, measureWidget } from './page.mjs';
import { measureQueries } from './queries.mjs';
import { serveBench } from './server.mjs';
import { printTable } from './table.mjs';

const quick = process.argv.includes('--quick');
const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));

/** Loopback ports: 886x for the workers, 887x for the pages, 888x for the no-op baseline. */
const PORTS = { collector: 8861, queriesCollector: 8862, seeder: 8863, page: 8871, assets: 8872, noop: 8881 };

/** How much of each figure a run measures. */
const PLAN = quick
  ? {
      loads: 3,
      lighthouse: 1,
      widget: 3,
      interactions: 100,
      ingestSeconds: 5,
      warmUpSeconds: 1,
      events: 100_000,
      calls: 10,
      scaleEvents: 200_000,
      scaleSeconds: 30,
    }
  : {
      loads: 15,
      lighthouse: 5,
      widget: 15,
      interactions: 1000,
      ingestSeconds: 10,
      warmUpSeconds: 2,
      events: 1_000_000,
      calls: 100,
      // The 10× check: 10,000,000 events, or as many as 10 minutes of seeding store.
      scaleEvents: 10_000_000,
      scaleSeconds: 600,
    };

const log = (/** @type {string} */ line) => console.error(line);

const interrupted = () => {
  stopAllWorkers();
  process.exit(130);
};
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

const started = Date.now();
const loadBefore = loadavg()[0];
/** @type {Record<string, unknown>} */
const results = {};
/** @type {Record<string, number>} */
const phaseSeconds = {};
let phaseStarted = Date.now();
const phaseDone = (/** @type {string} */ name) => {
  phaseSeconds[name] = Math.round((Date.now() - phaseStarted) / 1000);
  phaseStarted = Date.now();
};
try {
  log('1/5 bytes');
  results.bytes = await measureBytes();
  phaseDone('bytes');

  const server = await serveBench({ pagePort: PORTS.page, assetPort: PORTS.assets });
  try {
    log(`2/5 page cost: ${PLAN.loads} rounds of no SDK, Pulse and PostHog at 1× and 4× CPU`);
    results.pageCost = await measureLoads({ page: server.page, iterations: PLAN.loads, rates: [1, 4], log });
    phaseDone('pageCost');
    log(`    Lighthouse mobile: ${PLAN.lighthouse} rounds of no SDK and Pulse`);
    results.lighthouse = await measureLighthouse({ page: server.page, runs: PLAN.lighthouse, log });
    phaseDone('lighthouse');
    log(`    opening the survey: ${PLAN.widget} times each`);
    results.widget = await measureWidget({ page: server.page, iterations: PLAN.widget, rates: [1] });
    phaseDone('widget');
    log(`3/5 per-interaction cost: ${PLAN.interactions} events of each kind`);
    results.interactions = await measureInteractions({ page: server.page, events: PLAN.interactions });
    phaseDone('interactions');
  } finally {
    await server.close();
  }

  log(`4/5 ingest: ${PLAN.ingestSeconds} s runs at 16 and 64 connections`);
  results.ingest = await measureIngest({
    stateDir: here('./.state/ingest'),
    collectorPort: PORTS.collector,
    noopPort: PORTS.noop,
    origin: `http://127.0.0.1:${PORTS.page}`,
    seconds: PLAN.ingestSeconds,
    warmUpSeconds: PLAN.warmUpSeconds,
    concurrency: [16, 64],
    log,
  });
  phaseDone('ingest');

  log(`5/5 queries: seeding ${PLAN.events.toLocaleString('en')} events, then ${PLAN.calls} calls per endpoint`);
  results.queries = await measureQueries({
    stateDir: here('./.state/queries'),
    seederPort: PORTS.seeder,
    collectorPort: PORTS.queriesCollector,
    events: PLAN.events,
    calls: PLAN.calls,
    scaleEvents: PLAN.scaleEvents,
    scaleSeconds: PLAN.scaleSeconds,
    log,
  });
  phaseDone('queries');
} finally {
  stopAllWorkers();
}

const cpu = cpus();
const output = {
  date: new Date(started).toISOString(),
  quick,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  phaseSeconds,
  machine: {
    cores: cpu.length,
    cpu: cpu[0]?.model.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    chromium: /** @type {any} */ (results.pageCost).chromium,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  },
  ...results,
};
const file = here(quick ? './results.quick.json' : './results.json');
writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
printTable(output);
log(`\nWritten to ${file} in ${output.durationSeconds} s.`);
