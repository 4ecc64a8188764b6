import type { IngestMessage } from '../env';
import { addCounts, countsDue, type IngestCounts, takeCounts } from './counters';
import type { StoredEvent } from './normalize';

/**
 * Queue messages may hold 128 KB. Messages are sent as JSON, so their size is known exactly, and a delivery above
 * this is split: escaping can make a 64 KiB batch take more than 128 KB as a message.
 */
export const MAX_MESSAGE_BYTES = 120_000;

const encoder = new TextEncoder();

/** Splits a delivery into messages that each fit in the Queue; the counts ride with the first. */
export const toMessages = (message: IngestMessage): IngestMessage[] => {
  if (message.events.length < 2 || encoder.encode(JSON.stringify(message)).byteLength <= MAX_MESSAGE_BYTES)
    return [message];
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
 * Queues a request's accepted events with its own counts and those waiting for the site. The write path answers as
 * soon as the Queue has them; the consumer stores them. When the Queue refuses, the waiting counts wait on and the
 * error is thrown: the client retries, and this request's counts come again with it.
 */
export const enqueue = async (
  queue: Queue<IngestMessage>,
  site: string,
  received: number,
  events: StoredEvent[],
  own: Partial<IngestCounts> = {},
): Promise<void> => {
  const waiting = takeCounts(site, received);
  const messages = toMessages({ id: crypto.randomUUID(), site, received, events, counts: merge(waiting, own) });
  try {
    if (messages.length === 1) await queue.send(messages[0]!, { contentType: 'json' });
    else await queue.sendBatch(messages.map((body) => ({ body, contentType: 'json' })));
  } catch (error) {
    if (waiting) addCounts(site, waiting);
    throw error;
  }
};

/**
 * Counts what a request without events to store lost (a refusal, a bot, rejected events), and sends the site's
 * waiting counts when they are due. Never fails the request: a failed send leaves the counts waiting.
 */
export const countWithoutEvents = (
  queue: Queue<IngestMessage>,
  site: string,
  counts: Partial<IngestCounts>,
  waitUntil: (promise: Promise<unknown>) => void,
  now = Date.now(),
): void => {
  addCounts(site, counts);
  if (countsDue(site, now)) waitUntil(enqueue(queue, site, now, []).catch(() => undefined));
};
