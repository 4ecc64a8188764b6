// Lays out the worker's static assets in public/: the SDK build under /sdk, and the dashboard (Preact, bundled by
// esbuild) under /dashboard.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const sdkDist = here('../../sdk/dist/');
const publicDir = here('../public/');

if (!existsSync(`${sdkDist}pulse.js`)) {
  console.error('collector: build the SDK first (pnpm --filter @pulse/sdk build).');
  process.exit(1);
}
rmSync(publicDir, { recursive: true, force: true });
mkdirSync(`${publicDir}sdk`, { recursive: true });
for (const file of readdirSync(sdkDist)) {
  if (file.endsWith('.js') && file !== 'index.js') cpSync(`${sdkDist}${file}`, `${publicDir}sdk/${file}`);
}
mkdirSync(`${publicDir}dashboard`, { recursive: true });
cpSync(here('../dashboard/index.html'), `${publicDir}dashboard/index.html`);
await build({
  entryPoints: { app: here('../dashboard/src/main.tsx'), styles: here('../dashboard/styles.css') },
  outdir: `${publicDir}dashboard`,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('collector: assets ready in public/');
