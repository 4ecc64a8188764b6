// The collector's admin API, as the benchmark uses it: a site of its own with its keys, surveys and funnels.
import { readFileSync } from 'node:fs';

/** The admin token the benchmark's local collectors run with. */
export const ADMIN_TOKEN = 'bench-admin-token';

const fixture = (/** @type {string} */ name) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** The bench site's surveys: defined, but none is triggered on the bench page (an NPS after an order, and so on). */
export const SURVEYS = fixture('surveys.json');
/** The bench site's checkout funnel. */
export const FUNNELS = fixture('funnels.json');

/**
 * Creates a site with the bench surveys and funnels, and returns its keys.
 * @param {string} collector
 * @param {{ id: string, rateLimits?: { site: number, visitor: number } }} site
 * @returns {Promise<{ writeKey: string, readKey: string }>}
 */
export const createSite = async (collector, { id, rateLimits }) => {
  /** @type {(method: string, path: string, body: unknown) => Promise<any>} */
  const admin = async (method, path, body) => {
    const response = await fetch(`${collector}/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const created = await admin('POST', '/sites', {
    id,
    name: `Bench ${id}`,
    segments: ['plan'],
    ...(rateLimits ? { rateLimits } : {}),
  });
  for (const survey of SURVEYS) await admin('PUT', `/sites/${id}/surveys/${survey.id}`, survey);
  for (const funnel of FUNNELS) await admin('PUT', `/sites/${id}/funnels/${funnel.id}`, funnel);
  return { writeKey: created.writeKey, readKey: created.readKey };
};
