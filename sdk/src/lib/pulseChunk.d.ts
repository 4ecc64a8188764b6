/** The content-hashed file names of the script-tag chunks, written in by the build (`rollup.config.mjs`). */
declare const __PULSE_CHUNK__: Record<keyof import('./chunks').Chunks, string>;
