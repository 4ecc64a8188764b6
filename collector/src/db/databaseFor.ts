import type { Bindings } from '../env';

const parsed = new Map<string, Map<string, string>>();

/**
 * The site → binding map of `SITE_DATABASES`, parsed once per isolate into a Map: a site id is any string, and one
 * such as `__proto__` must not reach an object's prototype.
 */
const tenants = (env: Bindings): Map<string, string> => {
  const text = env.SITE_DATABASES ?? '{}';
  let map = parsed.get(text);
  if (!map) {
    map = new Map(Object.entries(JSON.parse(text) as Record<string, string>));
    parsed.set(text, map);
  }
  return map;
};

/** The D1 binding named `name`; a name without a binding is a configuration error, thrown rather than guessed. */
const binding = (env: Bindings, name: string): D1Database => {
  const db = (env as unknown as Record<string, D1Database | undefined>)[name];
  if (!db) throw new Error(`SITE_DATABASES names ${name}, which is not a D1 binding of this worker`);
  return db;
};

/**
 * The D1 database that holds a site's surveys, events, rollups and webhooks: the shared `DB`, or the binding that
 * `SITE_DATABASES` (a JSON map of site id to binding name) names for a site that has outgrown it (README, "Past one
 * D1"). The shared `DB` stays the directory of every site: keys and settings are read there, and a site's row is
 * also kept in its own database, whose tables refer to it.
 */
export const databaseFor = (env: Bindings, site: string): D1Database => {
  const name = tenants(env).get(site);
  return name ? binding(env, name) : env.DB;
};

/** Every database the collector stores sites' data in, the shared one first, each once. */
export const allDatabases = (env: Bindings): D1Database[] => [
  env.DB,
  ...[...new Set(tenants(env).values())].map((name) => binding(env, name)),
];
