// Figure 2b: Lighthouse's mobile run (its default: a mid-range phone, 4× CPU and slow 4G, simulated) of the bench
// page with no SDK and with Pulse, paired and in alternating order. Lighthouse needs Node ≥ 22 and the test command
// runs on Node 20, so the bench runs it through npx with the npm package `node@22`, at the versions pinned here;
// Chromium is Debian's, as everywhere in the tests.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LAUNCH_OPTIONS } from '../chromium.mjs';
import { summary } from './lib/stats.mjs';

const run = promisify(execFile);

/** The Lighthouse and Node releases the figure is measured with. */
export const LIGHTHOUSE = { lighthouse: '13.5.0', node: '22.23.3' };

/** The diagnostics that must never name a Pulse file: long tasks, forced reflows, JavaScript boot-up time. */
const DIAGNOSTICS = ['long-tasks', 'forced-reflow-insight', 'bootup-time'];

/**
 * One Lighthouse mobile run of `url` (performance only): its score, LCP, TBT and the diagnostics that name a file
 * under `/sdk/`, Pulse's.
 * @param {string} url
 * @param {string} dir
 */
const lighthouse = async (url, dir) => {
  const output = join(dir, 'report.json');
  const flags = [
    url,
    '--quiet',
    '--only-categories=performance',
    '--output=json',
    `--output-path=${output}`,
    `--chrome-flags=--headless=new ${LAUNCH_OPTIONS.args.join(' ')}`,
  ];
  await run(
    'npx',
    [
      '--yes',
      '-p',
      `node@${LIGHTHOUSE.node}`,
      '-p',
      `lighthouse@${LIGHTHOUSE.lighthouse}`,
      '-c',
      `lighthouse ${flags.map((flag) => `'${flag}'`).join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: LAUNCH_OPTIONS.executablePath }, timeout: 180_000, maxBuffer: 2 ** 26 },
  );
  const report = JSON.parse(readFileSync(output, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.code}`);
  const audit = (/** @type {string} */ id) => report.audits[id];
  return {
    score: Math.round(report.categories.performance.score * 100),
    lcp: audit('largest-contentful-paint').numericValue,
    tbt: audit('total-blocking-time').numericValue,
    naming: DIAGNOSTICS.filter((id) => JSON.stringify(audit(id)?.details ?? {}).includes('/sdk/')),
  };
};

/**
 * `runs` Lighthouse mobile runs each of the page with no SDK and with Pulse, paired by round; the deltas with
 * median [min–max], and which diagnostics named a Pulse file in how many runs.
 * @param {{ page: string, runs: number, log: (line: string) => void }} options
 */
export const measureLighthouse = async ({ page, runs, log }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-lighthouse-'));
  try {
    /** @type {Record<'none' | 'pulse', Awaited<ReturnType<typeof lighthouse>>[]>} */
    const reports = { none: [], pulse: [] };
    for (let round = 0; round < runs; round++) {
      const order = /** @type {const} */ (round % 2 ? ['pulse', 'none'] : ['none', 'pulse']);
      for (const variant of order) reports[variant].push(await lighthouse(`${page}/${variant}`, dir));
      log(`    lighthouse round ${round + 1}/${runs}: done`);
    }
    const delta = (/** @type {'score' | 'lcp' | 'tbt'} */ key) =>
      summary(
        reports.pulse.map((report, round) => report[key] - reports.none[round][key]),
        0,
      );
    /** @type {Record<string, number>} */
    const naming = {};
    for (const report of reports.pulse) for (const id of report.naming) naming[id] = (naming[id] ?? 0) + 1;
    const figures = (/** @type {'none' | 'pulse'} */ variant) => ({
      score: summary(
        reports[variant].map((report) => report.score),
        0,
      ),
      lcpMs: summary(
        reports[variant].map((report) => report.lcp),
        0,
      ),
      tbtMs: summary(
        reports[variant].map((report) => report.tbt),
        0,
      ),
    });
    return {
      ...LIGHTHOUSE,
      runs,
      none: figures('none'),
      pulse: figures('pulse'),
      addedLcpMs: delta('lcp'),
      addedTbtMs: delta('tbt'),
      scoreDelta: delta('score'),
      diagnosticsNamingPulse: naming,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
