import type { IngestMessage } from '../env';
import { coalescedSend, type SizedMessage } from './coalescedSend';
import { addCounts, hasCounts, type IngestCounts, msUntilDue, takeCounts } from './counters';
import type { StoredEvent } from './normalize';

/**
 * Queue messages may hold 128 KB. Messages are sent as JSON, so their size is known exactly, and a delivery above
 * this is split: escaping can make a 64 KiB batch take more than 128 KB as a message.
 */
export const MAX_MESSAGE_BYTES = 120_000;

const encoder = new TextEncoder();

/**
 * Splits a delivery into messages that each fit in the Queue, each with the size of its JSON (measured once, for the
 * split and for the shared send); the counts ride with the first.
 */
export const toMessages = (message: IngestMessage): SizedMessage<IngestMessage>[] => {
  const bytes = encoder.encode(JSON.stringify(message)).byteLength;
  if (message.events.length < 2 || bytes <= MAX_MESSAGE_BYTES) return [{ body: message, bytes }];
  const half = Math.ceil(message.events.length / 2);
  const { counts: _, ...rest } = message;
  return [
    ...toMessages({ ...message, events: message.events.slice(0, half) }),
    ...toMessages({ ...rest, id: crypto.randomUUID(), events: message.events.slice(half) }),
  ];
};

const merge = (a: Partial<IngestCounts> | undefined, b: Partial<IngestCounts>): Partial<IngestCounts> | undefined => {
  const sum: Partial<IngestCounts> = { ...a };
  for (const [name, value] of Object.entries(b) as [keyof IngestCounts, number | undefined][])
    if (value) sum[name] = (sum[name] ?? 0) + value;
  return Object.keys(sum).length ? sum : undefined;
};

/**
 * Queues a request's accepted events with its own counts and those waiting for the site, in the Queue send that
 * concurrent requests of this isolate share (`coalescedSend`). The write path answers as soon as the Queue has
 * accepted that send; the consumer stores the events. When the Queue refuses it, the waiting counts wait on and the
 * error is thrown: the client retries, and this request's counts come again with it.
 */
export const enqueue = async (
  queue: Queue<IngestMessage>,
  site: string,
  received: number,
  events: StoredEvent[],
  waitUntil: (promise: Promise<unknown>) => void,
  own: Partial<IngestCounts> = {},
): Promise<void> => {
  const waiting = takeCounts(site, received);
  const messages = toMessages({ id: crypto.randomUUID(), site, received, events, counts: merge(waiting, own) });
  try {
    await coalescedSend(queue, messages, waitUntil);
  } catch (error) {
    if (waiting) addCounts(site, waiting);
    throw error;
  }
};

/** Sites whose waiting counts a pending flush of this isolate will send. */
const flushing = new Set<string>();

/**
 * Counts what a request without events to store lost (a refusal, a bot, rejected events), and makes sure the
 * site's waiting counts reach the Queue within `FLUSH_EVERY_MS`, whether or not another request comes: the request
 * keeps a flush alive through `waitUntil`, so the isolate is not evicted before it runs. Never fails the request: a
 * send the Queue refuses leaves the counts waiting for the next request.
 */
export const countWithoutEvents = (
  queue: Queue<IngestMessage>,
  site: string,
  counts: Partial<IngestCounts>,
  waitUntil: (promise: Promise<unknown>) => void,
  now = Date.now(),
): void => {
  addCounts(site, counts);
  if (flushing.has(site) || !hasCounts(site)) return;
  flushing.add(site);
  const flush = async () => {
    await new Promise((resolve) => setTimeout(resolve, msUntilDue(site, now)));
    flushing.delete(site);
    // This flush is kept alive already, and it awaits the send it opens.
    if (hasCounts(site)) await enqueue(queue, site, Date.now(), [], () => undefined);
  };
  waitUntil(flush().catch(() => undefined));
};
