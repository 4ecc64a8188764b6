// Figure 1: raw, gzip -9 and brotli sizes of Pulse's script-tag files, as the build emits them, beside the peers'
// published files, all measured by the SDK's own size script.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sizes } from '../../sdk/scripts/size.mjs';

const PULSE_DIST = fileURLToPath(new URL('../../sdk/dist/', import.meta.url));
/** Where the test package's dev dependency `name` is installed. */
const packageDir = (/** @type {string} */ name) => fileURLToPath(new URL(`../node_modules/${name}`, import.meta.url));
const versionOf = (/** @type {string} */ name) =>
  JSON.parse(readFileSync(`${packageDir(name)}/package.json`, 'utf8')).version;

/** Pulse's budgets in bytes, brotli, as `sdk/scripts/size.mjs` enforces them: `pulse.js` is the whole start-up set. */
export const BYTE_BUDGETS = { 'pulse.js': { budget: 6 * 1024, goal: 5 * 1024 }, 'widget.js': { budget: 10 * 1024 } };

/** What each Pulse file is, for the table. */
const PULSE_ROLES = {
  'pulse.js': 'script-tag bundle, everything loaded before idle',
  'surveys.js': 'survey engine, loaded once idle',
  'widget.js': 'survey UI, loaded when a survey shows',
  'vitals.js': 'web-vitals chunk, loaded once idle',
};

/**
 * Sentry publishes its CDN bundles outside npm, so its feedback bundle (the browser SDK with the feedback
 * integration, as the CDN's `bundle.feedback.min.js`) is bundled here from the installed package, minified.
 */
const sentryFeedbackBundle = async () => {
  const result = await build({
    stdin: {
      contents: "export { init, feedbackIntegration } from '@sentry/browser';",
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'Sentry',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
};

/** Pulse's budgeted files first, then its other chunks by name. */
const rank = (/** @type {string} */ file) => ['pulse.js', 'widget.js'].indexOf(file) >>> 0;

/** The sizes of every file, Pulse's first, each with who publishes it and what it is. */
export const measureBytes = async () => {
  // Each chunk by its name without the content hash the build put in it (`widget-1a2b3c4d.js` is `widget.js`).
  const pulseFiles = readdirSync(PULSE_DIST)
    .filter((file) => file.endsWith('.js') && file !== 'index.js')
    .map((file) => ({ file: file.replace(/^([a-z]+)-[\w-]+\.js$/, '$1.js'), path: PULSE_DIST + file }))
    .sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  const posthog = packageDir('posthog-js');
  const posthogVersion = versionOf('posthog-js');
  const rows = [
    ...pulseFiles.map(({ file, path }) => ({
      who: 'Pulse',
      file,
      what: PULSE_ROLES[/** @type {keyof typeof PULSE_ROLES} */ (file)] ?? 'chunk',
      ...sizes(readFileSync(path)),
    })),
    ...[
      ['array.js', 'script-tag bundle'],
      ['surveys.js', 'survey UI, lazy'],
      ['web-vitals-with-attribution.js', 'web vitals, lazy'],
      ['dead-clicks-autocapture.js', 'dead clicks, lazy'],
      ['exception-autocapture.js', 'error capture, lazy'],
    ].map(([file, what]) => ({
      who: `posthog-js ${posthogVersion}`,
      file,
      what,
      ...sizes(readFileSync(`${posthog}/dist/${file}`)),
    })),
    {
      who: `@sentry/browser ${versionOf('@sentry/browser')}`,
      file: 'feedback bundle',
      what: 'init + feedbackIntegration, bundled and minified here (npm has no CDN bundle)',
      ...sizes(await sentryFeedbackBundle()),
    },
    {
      who: `@formbricks/js ${versionOf('@formbricks/js')}`,
      file: 'dist/index.js',
      what: 'loader only: its core comes from the Formbricks server at run time and is not measured',
      ...sizes(readFileSync(`${packageDir('@formbricks/js')}/dist/index.js`)),
    },
  ];
  return rows.map((row) => {
    const budget = row.who === 'Pulse' ? BYTE_BUDGETS[/** @type {keyof typeof BYTE_BUDGETS} */ (row.file)] : undefined;
    if (!budget) return row;
    const status = row.brotli > budget.budget ? 'FAIL' : 'PASS';
    return { ...row, budget: budget.budget, goal: /** @type {any} */ (budget).goal, status };
  });
};
