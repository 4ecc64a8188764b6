import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const compile = () => esbuild({ target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact' });

/** Minifies, and mangles `_`-prefixed properties: they are private by convention, so renaming them is safe. */
const minify = (module) =>
  terser({
    module,
    ecma: 2022,
    compress: { passes: 3, unsafe_arrows: true },
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false },
  });

/** The content-hashed file name of each script-tag chunk, as its build wrote it; `pulse.js`, built last, names them. */
const chunkFiles = {};

/**
 * The build of a script-tag chunk, named by its content (`widget-1a2b3c4d.js`); it records the name for `pulse.js`,
 * and removes the previous build's file of that chunk, since only the current one goes out beside the new `pulse.js`.
 */
const chunk = (name, input) => ({
  input,
  output: { dir: 'dist', format: 'es', entryFileNames: `${name}-[hash].js` },
  plugins: [
    {
      name: 'pulse-chunk-name',
      buildStart() {
        for (const file of readdirSync('dist'))
          if (file.startsWith(`${name}-`) && file.endsWith('.js')) rmSync(`dist/${file}`);
      },
      generateBundle(_options, bundle) {
        chunkFiles[name] = Object.keys(bundle).find((file) => file.startsWith(`${name}-`));
        writeFileSync('dist/chunks.json', `${JSON.stringify(chunkFiles, null, 2)}\n`);
      },
    },
    nodeResolve(),
    compile(),
    minify(true),
  ],
});

/**
 * Swaps the npm build's chunk loader for the script tag's, which loads each chunk by URL, under the content-hashed
 * name its build gave it: a cached `pulse.js` only ever asks for the chunks built with it.
 */
const tagLoader = {
  name: 'pulse-tag-loader',
  resolveId(source) {
    return /\/lib\/loadChunk$/.test(source)
      ? fileURLToPath(new URL('./src/lib/loadChunk.tag.ts', import.meta.url))
      : null;
  },
  transform(code) {
    return code.replace(/__PULSE_CHUNK__/g, () => JSON.stringify(chunkFiles));
  },
};

mkdirSync('dist', { recursive: true });

// In order: the chunks first, so that `pulse.js` can name them.
export default [
  chunk('surveys', 'src/surveys/createSurveys.ts'),
  chunk('widget', 'src/widget/index.tsx'),
  chunk('vitals', 'src/vitals/index.ts'),
  chunk('debug', 'src/debug/index.ts'),
  {
    input: 'src/tag.ts',
    // No "use strict": nothing in pulse.js depends on strict mode (its chunks are modules, strict anyway); 13 bytes.
    output: { file: 'dist/pulse.js', format: 'iife', strict: false },
    plugins: [tagLoader, nodeResolve(), compile(), minify(false)],
  },
  {
    input: 'src/index.ts',
    output: { dir: 'dist', format: 'es', entryFileNames: 'index.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    external: [/^preact/, 'idb-keyval', /^web-vitals/],
    plugins: [compile(), minify(true)],
  },
  // The npm build's types in one file: its imports need no extensions, so every resolution mode finds them.
  { input: 'src/index.ts', output: { file: 'dist/index.d.ts', format: 'es' }, plugins: [dts()] },
];
