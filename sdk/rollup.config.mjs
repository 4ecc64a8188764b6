import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** Swaps the npm build's chunk loaders for the script tag's, which load `widget.js`, `friction.js` and `vitals.js` by URL. */
const tagLoader = {
  name: 'pulse-tag-loader',
  resolveId(source) {
    const loader = /\/lib\/(loadWidget|loadFriction|loadVitals)$/.exec(source)?.[1];
    return loader ? fileURLToPath(new URL(`./src/lib/${loader}.tag.ts`, import.meta.url)) : null;
  },
};

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

export default [
  {
    input: 'src/tag.ts',
    // No "use strict": nothing in pulse.js depends on strict mode (its chunks are modules, strict anyway); 13 bytes.
    output: { file: 'dist/pulse.js', format: 'iife', strict: false },
    plugins: [tagLoader, nodeResolve(), compile(), minify(false)],
  },
  {
    input: 'src/widget/index.tsx',
    output: { file: 'dist/widget.js', format: 'es' },
    plugins: [nodeResolve(), compile(), minify(true)],
  },
  {
    input: 'src/friction/index.ts',
    output: { file: 'dist/friction.js', format: 'es' },
    plugins: [nodeResolve(), compile(), minify(true)],
  },
  {
    input: 'src/vitals/index.ts',
    output: { file: 'dist/vitals.js', format: 'es' },
    plugins: [nodeResolve(), compile(), minify(true)],
  },
  {
    input: 'src/index.ts',
    output: { dir: 'dist', format: 'es', entryFileNames: 'index.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    external: [/^preact/, 'idb-keyval', /^web-vitals/],
    plugins: [compile(), minify(true)],
  },
];
