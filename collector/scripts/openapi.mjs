// Writes the collector's OpenAPI document to dist/openapi.json, as GET /v1/openapi.json serves it: the app is
// bundled for Node with esbuild and asked for the document, so that `redocly lint` and client generation read the
// same document the worker serves.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const bundle = here('../dist/openapi-app.mjs');
mkdirSync(here('../dist'), { recursive: true });
await build({
  entryPoints: [here('../src/app.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  logLevel: 'warning',
});
try {
  const { createApp } = await import(pathToFileURL(bundle).href);
  const response = await createApp().request('http://localhost/v1/openapi.json');
  if (response.status !== 200) throw new Error(`GET /v1/openapi.json answered ${response.status}`);
  writeFileSync(here('../dist/openapi.json'), `${JSON.stringify(await response.json(), null, 2)}\n`);
  console.log('collector: dist/openapi.json written');
} finally {
  rmSync(bundle, { force: true });
}
