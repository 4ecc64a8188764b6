// The local start command: the collector on Miniflare (wrangler dev) with a persistent local D1 and Queue,
// a seeded demo site, and the demo shop served from another origin, as on a real site. Ctrl-C stops it all.
//
// Environment (all optional):
//   PULSE_COLLECTOR_PORT  collector port (8787)
//   PULSE_DEMO_PORT       demo site port (8080)
//   PULSE_ADMIN_TOKEN     the collector's admin token (dev-admin-token)
//   PULSE_STATE_DIR       where the local D1, Queue and the demo keys live (collector/.wrangler/state)
//   PULSE_SAMPLE_DATA     `off` sends no sample data (on: a week of made-up visits, once a week)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.mjs';
import { SAMPLE_MARK, sampleEvents, sendEvents } from './sample.mjs';
import { seedDemo } from './seed.mjs';
import { serveDemo } from './serve.mjs';

const collectorDir = fileURLToPath(new URL('../../collector/', import.meta.url));
const collectorPort = Number(process.env.PULSE_COLLECTOR_PORT || 8787);
const demoPort = Number(process.env.PULSE_DEMO_PORT || 8080);
const adminToken = process.env.PULSE_ADMIN_TOKEN || 'dev-admin-token';
const sampleData = process.env.PULSE_SAMPLE_DATA !== 'off';
const stateDir = resolve(process.env.PULSE_STATE_DIR || `${collectorDir}.wrangler/state`);
const collector = `http://localhost:${collectorPort}`;
const demo = `http://localhost:${demoPort}`;
const wrangler = `${collectorDir}node_modules/.bin/wrangler`;
// No internet: keep wrangler from fetching Request.cf data and from sending metrics.
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/**
 * Runs wrangler to its end, failing loudly.
 * @param {string[]} args
 * @param {string} label
 * @returns {Promise<string>}
 */
const run = (args, label) =>
  new Promise((done, fail) => {
    const child = spawn(wrangler, args, { cwd: collectorDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? done(output) : fail(new Error(`${label} failed:\n${output}`))));
  });

/**
 * Waits until the collector answers.
 * @param {import('node:child_process').ChildProcess} child
 */
const waitForCollector = async (child) => {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the collector exited during start-up');
    try {
      if ((await fetch(`${collector}/v1/openapi.json`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((next) => setTimeout(next, 250));
  }
  throw new Error(`the collector did not answer on ${collector} within 60 s`);
};

try {
  if (!existsSync(`${collectorDir}public/sdk/pulse.js`))
    throw new Error('build first: pnpm build (npm start does it for you)');
  mkdirSync(stateDir, { recursive: true });
  await run(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], 'applying D1 migrations');

  let log = '';
  const worker = spawn(
    wrangler,
    [
      'dev',
      '--local',
      '--ip',
      '127.0.0.1',
      '--port',
      String(collectorPort),
      '--inspector-port',
      String(await freePort()),
      '--persist-to',
      stateDir,
      '--var',
      `ADMIN_TOKEN:${adminToken}`,
      // Local development only: webhooks may reach a receiver on this machine, and their links point here.
      '--var',
      'WEBHOOKS_ALLOW_LOOPBACK:true',
      '--var',
      `PUBLIC_URL:${collector}`,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    // Not detached: a runner that kills this process group (Playwright's webServer, Ctrl-C) stops the collector too.
    { cwd: collectorDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(worker);
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    log += chunk;
    if (process.env.PULSE_VERBOSE) process.stderr.write(chunk);
  };
  worker.stdout.on('data', keep);
  worker.stderr.on('data', keep);
  worker.on('exit', (code) => {
    if (!stopping) {
      console.error(`The collector stopped (exit ${code}).\n${log.slice(-4000)}`);
      stop(1);
    }
  });
  await waitForCollector(worker);

  const keysFile = `${stateDir}/pulse-demo.json`;
  const saved = existsSync(keysFile) ? JSON.parse(readFileSync(keysFile, 'utf8')) : undefined;
  const keys = await seedDemo({ collector, adminToken, origins: [demo, `http://127.0.0.1:${demoPort}`], saved });
  // A week of sample visits, sent once a week at most, so that the dashboard has something to show on first open.
  let sampled = 0;
  if (sampleData && !((keys.sampleAt ?? 0) > Date.now() - 7 * 864e5)) {
    const now = Date.now();
    sampled = await sendEvents({ collector, writeKey: keys.writeKey, origin: demo, events: sampleEvents({ now }) });
    keys.sampleAt = now;
  }
  writeFileSync(keysFile, JSON.stringify(keys, null, 2));

  await serveDemo({ port: demoPort, collector, siteKey: keys.writeKey, sitesDir: `${stateDir}/sites/` });

  console.log(`
Pulse is running.

  Demo shop   ${demo}/
  Dashboard   ${collector}/dashboard
  Collector   ${collector}   (API: ${collector}/v1/openapi.json)

  Demo site   ${keys.id}
  Write key   ${keys.writeKey}   (public: the script tag's data-site)
  Read key    ${keys.readKey}   (secret: dashboard sign-in and the stats API)
  Admin token ${adminToken}

${
  sampleData
    ? `  Sample data ${sampled ? `${sampled} made-up events over the last 7 days, just sent` : 'sent on an earlier start'}: page views,
              friction, vitals and answers of made-up visitors (their free-text answers start with ${SAMPLE_MARK}).
              Start with PULSE_SAMPLE_DATA=off for none.

`
    : ''
}Press Ctrl-C to stop. Data persists in ${stateDir}.
`);
} catch (error) {
  console.error(`Could not start Pulse: ${error instanceof Error ? error.message : error}`);
  stop(1);
}
