import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { test as base } from '@playwright/test';
import { seedDemo } from '../../../demo/scripts/seed.mjs';
import { ADMIN_TOKEN, COLLECTOR, DEMO_PORT, STATE_DIR } from './ports.mjs';

/** A scenario's own site: its keys, and the origin the demo shop is served from with its tag. */
export interface Site {
  id: string;
  writeKey: string;
  readKey: string;
  origin: string;
}

let current: Site | undefined;

/**
 * wrangler dev (4.86, pinned for Node 20) can answer a request sent on a proxy connection that is closing after 5 s
 * idle with a 503 "Your worker restarted mid-request", though the worker never saw it (workers-sdk#14641); it sends
 * GET and HEAD again itself. The scenarios send such a request once more, as the SDK does: every write they make
 * (events with ids, PUTs, sites by id) can be sent twice.
 */
const fetchOnce = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await fetchOnce(input, init);
  if (response.status !== 503 || (init?.body != null && typeof init.body !== 'string')) return response;
  if (!(await response.clone().text()).startsWith('Your worker restarted mid-request')) return response;
  return fetchOnce(input, init);
};

/**
 * The site of the test that runs now. A Playwright worker runs one test at a time, so the helpers that read what
 * reached the collector can ask for it instead of taking it through every call.
 */
export const site = (): Site => {
  if (!current) throw new Error("no site: import test from '../helpers/site', not from '@playwright/test'");
  return current;
};

/**
 * Creates the site once, seeded like the demo shop (its surveys, funnels and thresholds) and allowed only its own
 * origin, `http://<id>.localhost`; its keys are kept where the demo server reads them to serve its tag.
 */
const siteOf = async (id: string): Promise<Site> => {
  const file = `${STATE_DIR}sites/${id}.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const origin = `http://${id}.localhost:${DEMO_PORT}`;
  const keys = await seedDemo({ collector: COLLECTOR, adminToken: ADMIN_TOKEN, origins: [origin], id, name: id });
  const created = { id, writeKey: keys.writeKey, readKey: keys.readKey, origin };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(created));
  return created;
};

/**
 * Playwright's `test`, on a site of the scenario's own: one per scenario folder and project, so that scenarios read
 * only their own numbers and can run in parallel. Pages open on the site's origin (`baseURL`).
 */
export const test = base.extend<{ site: Site }>({
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use, testInfo) => {
      current = await siteOf(`${basename(dirname(testInfo.file))}-${testInfo.project.name}`);
      await use(current);
      current = undefined;
    },
    { auto: true },
  ],
  baseURL: async ({ site }, use) => use(site.origin),
});

export { expect } from '@playwright/test';
