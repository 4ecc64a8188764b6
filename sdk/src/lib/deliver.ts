import type { EventBatch } from '../protocol';
import type { Outbox } from './outbox';

/** Sends what waits in the outbox. */
export interface Delivery {
  /** Makes sure a send is coming within the send interval. */
  schedule(): void;
  /** Sends until the outbox is empty or the collector is unreachable. */
  flush(): Promise<void>;
  /** Stops the timer. */
  stop(): void;
}

/** Delivery settings. */
export interface DeliveryOptions {
  endpoint: string;
  site: string;
  outbox: Outbox;
  /** Time between sends while something waits, ms. */
  interval?: number;
}

const MAX_EVENTS = 100;
const MAX_BYTES = 60_000;
const MIN_BACKOFF = 1_000;
const MAX_BACKOFF = 300_000;

/**
 * Creates the sender: batches of at most 100 events and 60 kB, every `interval` while the
 * outbox holds anything, with exponential backoff and full jitter after a failure, honouring Retry-After.
 * Accepted and definitively rejected events leave the outbox; the rest wait for the next try.
 */
export const createDelivery = ({ endpoint, site, outbox, interval = 5_000 }: DeliveryOptions): Delivery => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let running: Promise<void> | undefined;

  const wait = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };

  const sendOnce = async (): Promise<boolean> => {
    const events = await outbox.peek(MAX_EVENTS);
    if (!events.length) return false;
    let body = '';
    let count = events.length;
    for (; count > 0; count--) {
      body = JSON.stringify({ site, events: events.slice(0, count) } satisfies EventBatch);
      if (body.length <= MAX_BYTES || count === 1) break;
    }
    const response = await fetch(`${endpoint}/v1/events`, { method: 'POST', body, credentials: 'omit' });
    const { status } = response;
    if (status < 300 || (status < 500 && status !== 408 && status !== 429)) {
      await outbox.remove(events.slice(0, count).map((event) => event.id));
      failures = 0;
      return true;
    }
    // A Retry-After in seconds; an HTTP date or nonsense counts as none.
    throw Number(response.headers.get('retry-after')) * 1000 || 0;
  };

  const run = async () => {
    try {
      while (await sendOnce());
      clearTimeout(timer);
      timer = undefined;
    } catch (hint) {
      failures++;
      const ceiling = Math.min(MAX_BACKOFF, MIN_BACKOFF * 2 ** (failures - 1));
      wait(Math.max(typeof hint === 'number' ? hint : 0, Math.random() * ceiling));
    }
  };

  function flush(): Promise<void> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    schedule: () => {
      if (!timer && !failures) wait(interval);
    },
    flush,
    stop: () => clearTimeout(timer),
  };
};
