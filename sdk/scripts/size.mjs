// Prints the raw, gzip -9 and brotli sizes of the script-tag bundle and its lazy chunks, and fails
// when one is over its budget (README, Performance). The same measure is reused by the benchmark.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Budgets in bytes, brotli. */
const BUDGETS = {
  // The whole start-up set: a page with the tag and no due survey loads nothing else from Pulse before it is idle
  // (test/e2e/startup-budget checks that in Chromium, from the requests the page makes).
  'pulse.js': { budget: 6 * 1024, goal: 5 * 1024, what: 'script-tag bundle: the whole start-up set' },
  'surveys.js': { what: 'survey engine, loaded once the page is idle (no budget)' },
  'widget.js': { budget: 10 * 1024, what: 'survey UI chunk, loaded only when a prompt will show' },
  'vitals.js': { what: 'web-vitals chunk, loaded once the page is idle (no budget)' },
  'debug.js': { what: 'survey decisions in words, loaded only in debug mode (no budget)' },
};

/** Raw, gzip -9 and brotli (quality 11) sizes of a buffer. */
export const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: gzipSync(buffer, { level: 9 }).length,
  brotli: brotliCompressSync(buffer, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length,
});

const main = () => {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  let failed = false;
  console.log('file          raw      gzip    brotli   budget   status');
  // The chunks carry their content hash in their names (`widget-1a2b3c4d.js`): the build lists them.
  const chunks = JSON.parse(readFileSync(`${dist}chunks.json`, 'utf8'));
  for (const [file, { budget, goal, what }] of Object.entries(BUDGETS)) {
    const size = sizes(readFileSync(dist + (chunks[file.replace('.js', '')] ?? file)));
    const over = budget !== undefined && size.brotli > budget;
    failed ||= over;
    const status =
      budget === undefined ? '—' : over ? 'FAIL' : goal && size.brotli > goal ? 'PASS (over the goal)' : 'PASS';
    console.log(
      `${file.padEnd(12)} ${String(size.raw).padStart(6)} ${String(size.gzip).padStart(8)} ${String(size.brotli).padStart(9)} ${String(budget ?? '—').padStart(8)}   ${status}  ${what}`,
    );
  }
  if (failed) {
    console.error('SDK byte budget exceeded (README, Performance).');
    process.exit(1);
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
