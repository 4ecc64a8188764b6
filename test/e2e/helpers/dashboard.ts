import { expect, type Page } from '@playwright/test';
import type { PulseEvent, SurveyDefinition } from '@pulse/sdk/protocol';
import { eventually } from './collector';
import { ADMIN_TOKEN, COLLECTOR } from './ports.mjs';

/** A fresh UUIDv7 (the SDK's format), so that each run's events are new to the collector. */
export const uuid7 = (time = Date.now()): string => {
  const hex = time.toString(16).padStart(12, '0');
  const random = crypto.randomUUID().replace(/-/g, '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${random.slice(0, 3)}-8${random.slice(3, 6)}-${random.slice(6, 18)}`;
};

/** A site of a scenario's own, created through the admin API: its id and keys. */
export interface LabSite {
  id: string;
  writeKey: string;
  readKey: string;
}

/** Calls the admin API with the end-to-end run's admin token. */
const admin = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${COLLECTOR}/v1/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json();
};

/** Creates a site of its own (any origin may write to it), so that a scenario's numbers are only its own. */
export const createSite = async (id: string): Promise<LabSite> => {
  const created = (await admin('POST', '/sites', { id, name: id })) as LabSite;
  return { id, writeKey: created.writeKey, readKey: created.readKey };
};

/** Defines a funnel of a site through the admin API. */
export const putFunnel = (site: string, funnel: unknown) =>
  admin('PUT', `/sites/${site}/funnels/${(funnel as { id: string }).id}`, funnel);

/** Defines a survey of a site through the admin API. */
export const putSurvey = (site: string, survey: SurveyDefinition) =>
  admin('PUT', `/sites/${site}/surveys/${survey.id}`, survey);

/** An event without its id and, optionally, its time, which `sendEvents` adds (member by member of the union). */
export type Draft = PulseEvent extends infer Event
  ? Event extends PulseEvent
    ? Omit<Event, 'id' | 'ts'> & { ts?: number }
    : never
  : never;

/** Posts events through the write path in one batch, each with a fresh id, and checks that every one was accepted. */
export const sendEvents = async (site: LabSite, drafts: Draft[]): Promise<PulseEvent[]> => {
  const now = Date.now();
  const events = drafts.map((draft, index) => {
    const ts = draft.ts ?? now - (drafts.length - index) * 1000;
    return { ...draft, ts, id: uuid7(ts) } as PulseEvent;
  });
  const response = await fetch(`${COLLECTOR}/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ site: site.writeKey, events }),
  });
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({ accepted: events.length, rejected: [] });
  return events;
};

/** Waits until the site's stored answers number `count` (the write path stores through a Queue). */
export const waitForAnswers = async (site: LabSite, count: number) => {
  const read = async () => {
    const response = await fetch(`${COLLECTOR}/v1/sites/${site.id}/responses?limit=5000`, {
      headers: { Authorization: `Bearer ${site.readKey}` },
    });
    return ((await response.json()) as { answers: unknown[] }).answers.length;
  };
  expect(await eventually(read, (stored) => stored >= count)).toBe(count);
};

/** Opens the dashboard for a site and signs in with a key. */
export const signIn = async (page: Page, site: string, key: string) => {
  await page.goto(`${COLLECTOR}/dashboard?site=${encodeURIComponent(site)}`);
  await expect(page.getByLabel('Site id')).toHaveValue(site);
  await page.getByLabel('Read key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

/** A dashboard section, by its heading. */
export const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Splits CSV text (RFC 4180) into rows of cells. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
};
