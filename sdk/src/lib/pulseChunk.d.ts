/** The content-hashed file names of the script-tag chunks, written in by the build (`rollup.config.mjs`). */
declare const __PULSE_CHUNK__: { surveys: string; widget: string; vitals: string };
