/** Events of a site that were not stored, by why: kept per hour in `ingest_hourly`, next to the events stored. */
export interface IngestCounts {
  /** Refused by the schema, for good. */
  rejected: number;
  /** Dropped by the SDK's outbox on overflow, as its batches reported; they never reached the collector. */
  dropped: number;
  /** Sent by a bot or a headless browser. */
  bots: number;
  /** Refused with 429 by a rate limit; the SDK sends them again later, so one event may count more than once. */
  limited: number;
  /** Sent from an Origin the site does not allow. */
  refused: number;
}

/**
 * Counts of requests that sent no events are held back at most this long, so that junk traffic costs few Queue
 * messages: the first goes out at once, and later ones together once this has passed since the last send.
 */
export const FLUSH_EVERY_MS = 10_000;

const pending = new Map<string, Partial<IngestCounts>>();
const lastFlush = new Map<string, number>();

/** Adds to a site's counts waiting in this isolate for the next delivery. */
export const addCounts = (site: string, counts: Partial<IngestCounts>): void => {
  const waiting = pending.get(site) ?? {};
  for (const [name, value] of Object.entries(counts) as [keyof IngestCounts, number][])
    if (value) waiting[name] = (waiting[name] ?? 0) + value;
  if (Object.keys(waiting).length) pending.set(site, waiting);
};

/** Takes a site's waiting counts for a delivery; undefined when there are none. */
export const takeCounts = (site: string, now: number): Partial<IngestCounts> | undefined => {
  const waiting = pending.get(site);
  pending.delete(site);
  lastFlush.set(site, now);
  return waiting;
};

/** Tells whether a site has counts waiting in this isolate. */
export const hasCounts = (site: string): boolean => pending.has(site);

/** Milliseconds until a site's waiting counts may go out on their own, without events to carry them (0: now). */
export const msUntilDue = (site: string, now: number): number =>
  Math.max(0, (lastFlush.get(site) ?? Number.NEGATIVE_INFINITY) + FLUSH_EVERY_MS - now);
