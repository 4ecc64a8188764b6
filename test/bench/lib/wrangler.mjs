// Starts workers on Miniflare/workerd the way `npm start` does (wrangler dev --local, the collector's pinned
// wrangler), applies the collector's migrations, and stops what it started.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../demo/scripts/freePort.mjs';

export const COLLECTOR_DIR = fileURLToPath(new URL('../../../collector/', import.meta.url));
const WRANGLER = `${COLLECTOR_DIR}node_modules/.bin/wrangler`;
// No internet: keep wrangler from fetching Request.cf data and from sending metrics.
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

/**
 * Runs wrangler to its end, failing loudly.
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<string>}
 */
const run = (args, cwd) =>
  new Promise((done, fail) => {
    const child = spawn(WRANGLER, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? done(output) : fail(new Error(`wrangler ${args[0]} failed:\n${output}`))));
  });

/**
 * Applies the collector's D1 migrations to a local state directory.
 * @param {string} stateDir
 */
export const applyMigrations = async (stateDir) => {
  mkdirSync(stateDir, { recursive: true });
  await run(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], COLLECTOR_DIR);
};

/** Process groups of the workers still running. */
const running = new Set();

/** Stops every worker still running, at once (for an interrupted run). */
export const stopAllWorkers = () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  running.clear();
};

/** @typedef {{ url: string, stop: () => Promise<void>, output: () => string }} Worker */

/**
 * Starts `wrangler dev --local` in `cwd` (its wrangler.jsonc) on 127.0.0.1:`port`, and waits until `ready` answers.
 * @param {{ cwd: string, port: number, stateDir?: string, vars?: Record<string, string>, ready: string }} options
 * @returns {Promise<Worker>}
 */
export const startWorker = async ({ cwd, port, stateDir, vars = {}, ready }) => {
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port)];
  args.push(
    '--inspector-port',
    String(await freePort()),
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
  );
  if (stateDir) args.push('--persist-to', stateDir);
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  // Its own process group, so that stopping it stops workerd too.
  const child = spawn(WRANGLER, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    log = (log + chunk).slice(-8000);
    if (process.env.PULSE_VERBOSE) process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.once('exit', done));
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (pid === undefined || !running.delete(pid)) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev in ${cwd} exited during start-up:\n${log}`);
    try {
      if ((await fetch(`${url}${ready}`)).status < 500) return { url, stop, output: () => log };
    } catch {
      // Not listening yet.
    }
    await new Promise((next) => setTimeout(next, 250));
  }
  await stop();
  throw new Error(`wrangler dev in ${cwd} did not answer on ${url} within 60 s:\n${log}`);
};
