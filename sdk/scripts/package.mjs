// Checks @pulse/sdk as a package, the way an app would get it: `npm pack` (what `npm publish` would upload), then
// publint and arethetypeswrong on the tarball, then a small app that installs the tarball, type-checks against its
// types and is bundled by esbuild, whose output must keep the lazy chunks apart from the entry.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const sdk = fileURLToPath(new URL('..', import.meta.url));
const bin = (/** @type {string} */ name) => join(sdk, 'node_modules', '.bin', name);
const run = (/** @type {string} */ file, /** @type {string[]} */ args, cwd = sdk) =>
  execFileSync(file, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const work = mkdtempSync(join(tmpdir(), 'pulse-package-'));
try {
  const tarball = join(work, run('npm', ['pack', '--silent', '--pack-destination', work]).trim());
  console.log(`package: ${tarball.split('/').pop()}`);
  // pnpm is not on the PATH here: publint packs with npm, as `npm publish` would.
  console.log(run(bin('publint'), ['--pack', 'npm', '--strict']).trim());
  // ESM only, by design: the CommonJS and node10 resolutions are out of scope, and every other must be green.
  run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
  console.log('attw (esm-only profile): no problem');

  // An app with the tarball installed. Its dependencies (preact, idb-keyval, web-vitals) resolve from the SDK's own
  // node_modules, as they would from the app's after `npm install`.
  const app = join(work, 'app');
  const installed = join(app, 'node_modules', '@pulse', 'sdk');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  writeFileSync(
    join(app, 'main.ts'),
    [
      "import { init, type Pulse, type PulseEvent, RageClickThresholds } from '@pulse/sdk';",
      "import type { SurveyDefinition } from '@pulse/sdk/protocol';",
      "const pulse: Pulse = init({ site: 'pk_app', endpoint: 'https://collector.example' });",
      "pulse.on('signal', (event: PulseEvent) => console.log(event.type, RageClickThresholds.clicks));",
      "const survey: SurveyDefinition = { id: 'nps', questions: [], triggers: [{ on: 'manual' }] };",
      'void pulse.show(survey.id);',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['main.ts'],
    }),
  );
  run(join(sdk, 'node_modules', '.bin', 'tsc'), ['-p', join(app, 'tsconfig.json')], app);
  console.log('types: an app type-checks against the tarball');

  const out = join(app, 'out');
  await build({
    entryPoints: [join(app, 'main.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: out,
    nodePaths: [join(sdk, 'node_modules')],
    logLevel: 'warning',
  });
  const files = readdirSync(out).filter((file) => file.endsWith('.js'));
  // The entry, and the lazy chunks (survey engine, widget, vitals, debug) split out of it.
  if (files.length < 5) throw new Error(`esbuild split the app into ${files.length} files, not the entry and 4 chunks`);
  console.log(`bundle: esbuild splits the app into ${files.length} files (the entry and its lazy chunks)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
