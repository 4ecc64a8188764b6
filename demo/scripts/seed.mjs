// Seeds a demo site through the collector's admin API: the site and its keys, its allowed origins, its thresholds,
// its segment keys, its surveys and its funnels.
import { readFileSync } from 'node:fs';

const surveys = JSON.parse(readFileSync(new URL('../surveys.json', import.meta.url), 'utf8'));
const funnels = JSON.parse(readFileSync(new URL('../funnels.json', import.meta.url), 'utf8'));

/**
 * The demo shows every prompt within a minute, so it turns the global cool-down between two prompts off (the
 * default is 14 days); at most one prompt per page view still holds.
 */
const THRESHOLDS = { globalCooldownDays: 0 };

/** The trait the demo's scores break down by: the plan a signed-in customer is on (see the demo controls). */
const SEGMENTS = ['plan'];

/** @typedef {{ id: string, writeKey: string, readKey: string, sampleAt?: number }} DemoKeys */

/**
 * Makes sure the site `id` (the demo shop's `demo` unless told otherwise) exists with these origins and thresholds,
 * the surveys of demo/surveys.json and the funnels of demo/funnels.json, and returns its keys.
 * Saved keys are reused while they still work; a site whose read key was lost gets new keys.
 * @param {{ collector: string, adminToken: string, origins: string[], saved?: DemoKeys, id?: string, name?: string }} options
 * @returns {Promise<DemoKeys>}
 */
export const seedDemo = async ({ collector, adminToken, origins, saved, id = 'demo', name = 'Lumen demo shop' }) => {
  /** @type {(method: string, path: string, body?: unknown) => Promise<any>} */
  const admin = (method, path, body) =>
    fetch(`${collector}/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    });

  let keys;
  const exists = (await fetch(`${collector}/v1/sites/${id}/config`)).ok;
  if (!exists) {
    const created = await admin('POST', '/sites', { id, name, origins, thresholds: THRESHOLDS, segments: SEGMENTS });
    keys = { id: created.id, writeKey: created.writeKey, readKey: created.readKey };
  } else {
    const site = await admin('PATCH', `/sites/${id}`, { origins, thresholds: THRESHOLDS, segments: SEGMENTS });
    const readWorks =
      saved?.readKey &&
      (await fetch(`${collector}/v1/sites/${id}/stats/nps`, { headers: { Authorization: `Bearer ${saved.readKey}` } }))
        .ok;
    keys = readWorks
      ? { id, writeKey: site.writeKey, readKey: saved.readKey, sampleAt: saved.sampleAt }
      : { id, writeKey: site.writeKey, readKey: (await admin('POST', `/sites/${id}/keys`, { which: 'read' })).readKey };
  }
  for (const survey of surveys) await admin('PUT', `/sites/${id}/surveys/${survey.id}`, survey);
  for (const funnel of funnels) await admin('PUT', `/sites/${id}/funnels/${funnel.id}`, funnel);
  return keys;
};
