import { expect } from '@playwright/test';
import type { IngestStats } from '../../../collector/src/aggregates/ingest/schema';
import type { NpsStats } from '../../../collector/src/aggregates/scores/schema';
import { COLLECTOR } from './ports.mjs';
import { site } from './site';

/** NPS counts as the stats API reports them. */
export type NpsCounts = Pick<NpsStats, 'n' | 'promoters' | 'passives' | 'detractors'>;

/** Reads `GET /v1/sites/:site/stats/nps` of the scenario's site with its read key, the way a product team would. */
export const npsStats = async (query: Record<string, string> = {}): Promise<NpsCounts> => {
  const response = await fetch(`${COLLECTOR}/v1/sites/${site().id}/stats/nps?${new URLSearchParams(query)}`, {
    headers: { Authorization: `Bearer ${site().readKey}` },
  });
  expect(response.status).toBe(200);
  const { n, promoters, passives, detractors } = (await response.json()) as NpsCounts;
  return { n, promoters, passives, detractors };
};

/** The scenario's site's ingest counters over the last 30 days (`GET /v1/sites/:site/stats/ingest`). */
export const ingestStats = async (): Promise<IngestStats> => {
  const response = await fetch(`${COLLECTOR}/v1/sites/${site().id}/stats/ingest`, {
    headers: { Authorization: `Bearer ${site().readKey}` },
  });
  expect(response.status).toBe(200);
  return response.json();
};

/** Polls `read` until `done` holds of its value, then returns it; fails after `timeout` ms. */
export const eventually = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
};

/**
 * Reads a figure once the collector has gone quiet: twice the same value 1.5 s apart, longer than the Queue's batch
 * timeout. A baseline for an exact count: events a previous test's pages sent as they closed may still be on their way.
 */
export const settled = async <T>(read: () => Promise<T>, timeout = 20_000): Promise<T> => {
  const deadline = Date.now() + timeout;
  let value = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const next = await read();
    if (JSON.stringify(next) === JSON.stringify(value) || Date.now() > deadline) return next;
    value = next;
  }
};

/** Posts a raw batch to the collector's write path from the site's origin, as the SDK on its pages would. */
export const postBatch = (body: unknown) =>
  fetch(`${COLLECTOR}/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', Origin: site().origin },
    body: JSON.stringify(body),
  });
