// Prints the raw, gzip -9 and brotli sizes of the script-tag bundle and its lazy chunks, and fails
// when one is over its budget (SPEC §7). The same measure is reused by the benchmark.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Budgets in bytes, brotli. */
const BUDGETS = {
  'pulse.js': { budget: 5 * 1024, goal: 4 * 1024, what: 'script-tag bundle' },
  'widget.js': { budget: 10 * 1024, what: 'survey UI chunk' },
  'friction.js': { what: 'click and form detectors, loaded at start-up (no budget)' },
  'vitals.js': { what: 'web-vitals chunk, loaded once the page is idle (no budget)' },
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
  for (const [file, { budget, goal, what }] of Object.entries(BUDGETS)) {
    const size = sizes(readFileSync(dist + file));
    const over = budget !== undefined && size.brotli > budget;
    failed ||= over;
    const status =
      budget === undefined ? '—' : over ? 'FAIL' : goal && size.brotli > goal ? 'PASS (over the goal)' : 'PASS';
    console.log(
      `${file.padEnd(12)} ${String(size.raw).padStart(6)} ${String(size.gzip).padStart(8)} ${String(size.brotli).padStart(9)} ${String(budget ?? '—').padStart(8)}   ${status}  ${what}`,
    );
  }
  if (failed) {
    console.error('SDK byte budget exceeded (SPEC §7).');
    process.exit(1);
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
