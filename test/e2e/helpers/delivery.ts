import { type BrowserContext, expect, type Page, type Request } from '@playwright/test';
import type { EventBatch, PulseEvent } from '@pulse/sdk';
import { ADMIN_TOKEN, COLLECTOR } from './ports.mjs';
import { site } from './site';

/** Creates or replaces an NPS survey (one question, no follow-up) on the scenario's site, shown on one path only. */
export const putLabSurvey = async (id: string, path: string) => {
  const response = await fetch(`${COLLECTOR}/v1/admin/sites/${site().id}/surveys/${id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id,
      questions: [{ id: 'score', type: 'nps', text: `How likely are you to recommend ${id}?` }],
      triggers: [{ on: 'pageview' }],
      url: [{ match: 'exact', value: path }],
    }),
  });
  expect([200, 201]).toContain(response.status);
};

/** Answers the NPS prompt on screen with a score, by tap on a phone and by click on a desktop. */
export const answerNps = async (page: Page, score: number, isMobile: boolean) => {
  // The extremes are named with their meaning ("10, extremely likely").
  const radio = page.getByRole('dialog').getByRole('radio', { name: new RegExp(`^${score}\\b`) });
  if (isMobile) await radio.tap();
  else await radio.click();
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Thank you for your feedback!' })).toBeVisible();
};

/** One `POST /v1/events` as the browser sent it. */
export interface SentBatch {
  /** When the request left, ms since the epoch. */
  at: number;
  body: EventBatch;
  /** Size of the body in bytes. */
  bytes: number;
  /** The collector's status, once it answered. */
  status?: number;
}

/** Records every `POST /v1/events` a browser context makes: body, size, time and status. */
export const recordBatches = (context: BrowserContext): SentBatch[] => {
  const batches: SentBatch[] = [];
  const byRequest = new Map<Request, SentBatch>();
  context.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/v1/events')) return;
    const buffer = request.postDataBuffer() ?? Buffer.alloc(0);
    const batch: SentBatch = { at: Date.now(), body: JSON.parse(buffer.toString('utf8')), bytes: buffer.length };
    batches.push(batch);
    byRequest.set(request, batch);
  });
  context.on('response', (response) => {
    const batch = byRequest.get(response.request());
    if (batch) batch.status = response.status();
  });
  return batches;
};

/** Every event the collector accepted (status 202), in the order the batches went. */
export const acceptedEvents = (batches: SentBatch[]): PulseEvent[] =>
  batches.filter((batch) => batch.status === 202).flatMap((batch) => batch.body.events);

/** Every event id the browser posted, as often as it posted it. */
export const postedIds = (batches: SentBatch[]): string[] =>
  batches.flatMap((batch) => batch.body.events.map((event) => event.id));

/** The SDK's outbox as the page's IndexedDB holds it: how many events wait, and the lost-event count. */
export const readOutbox = (page: Page): Promise<{ events: number; dropped: number }> =>
  page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('outbox').objectStore('outbox');
          const count = store.count(IDBKeyRange.lowerBound(''));
          const tally = store.get(0);
          tally.onsuccess = () => {
            open.result.close();
            resolve({ events: count.result, dropped: (tally.result as number[] | undefined)?.[2] ?? 0 });
          };
        };
      }),
    `pulse:${site().writeKey}`,
  );

/** Closes a page as a visitor closing the tab does (pagehide and unload run), and waits until it is gone. */
export const closeTab = (page: Page) =>
  Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);

/** Calls `pulse(...)` in the page through the snippet's stub, as a site would. */
export const pulse = (page: Page, ...args: unknown[]) =>
  page.evaluate((call) => (window as unknown as { pulse: (...args: unknown[]) => unknown }).pulse(...call), args);
