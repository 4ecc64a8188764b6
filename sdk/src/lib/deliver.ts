import type { PulseEvent } from '../protocol';
import { byteLength } from './byteLength';
import { listen } from './listen';
import type { Outbox } from './outbox';
import { storage } from './storage';

/** Sends what waits in the outbox. */
export interface Delivery {
  /** Stores a captured event as JSON carries it; a send follows within the send interval. */
  add(event: PulseEvent): void;
  /** Sends until the outbox is empty or the collector is unreachable; nothing while a backoff is pending. */
  flush(): Promise<void>;
  /** Does what a `pagehide` does, for a page that is leaving before this delivery was there to see it. */
  leave(): void;
}

/** Delivery settings. */
export interface DeliveryOptions {
  endpoint: string;
  site: string;
  outbox: Outbox;
  /** Stops the timer and removes the listeners when it aborts. */
  signal: AbortSignal;
  /** Time between sends while something waits, ms. */
  interval?: number;
}

/** Limits of one request: the collector's 100 events, and bytes kept below the 64 KiB keepalive quota. */
export const BATCH_LIMITS = { events: 100, bytes: 60_000, quota: 65_536 };

/**
 * Packs the oldest events into one request body of at most 100 events and 60 kB (UTF-8), at least one event.
 * Returns the body, how many events it holds, and its size in bytes.
 */
export const pack = (site: string, events: PulseEvent[], dropped: number): [string, number, number] => {
  const head = `{"site":${JSON.stringify(site)},${dropped ? `"dropped":${dropped},` : ''}"events":[`;
  const parts: string[] = [];
  let size = byteLength(head) + 2;
  for (const event of events.slice(0, BATCH_LIMITS.events)) {
    const json = JSON.stringify(event);
    const more = byteLength(json) + 1;
    if (parts.length && size + more > BATCH_LIMITS.bytes) break;
    parts.push(json);
    size += more;
  }
  return [`${head}${parts}]}`, parts.length, size];
};

/**
 * Creates the sender. One tab of the origin sends at a time (Web Locks, or a lease in localStorage where they are
 * missing): it takes the oldest events, posts them, and removes them once the collector answers, so no two tabs
 * post the same events. Sends happen every `interval` while something waits, at start-up, when the browser comes
 * online and when the page is hidden; after a failure, with exponential backoff and full jitter from 1 s to 5 min,
 * or after Retry-After, and no send path but the unload sends before that wait is over. When the page is unloaded, the events it captured since its last send go out at once, since
 * no promise may settle after that, and so does every event captured after that until the page is shown again
 * (by `pagehide` listeners that ran later, or as the page turns hidden). Every request is `keepalive`, so it
 * outlives the page.
 */
export const createDelivery = ({ endpoint, site, outbox, signal, interval = 5_000 }: DeliveryOptions): Delivery => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  // No send before these times: one the collector asked for (Retry-After), and the backoff after any failure.
  let retryAt = 0;
  let notBefore = 0;
  let running: Promise<void> | undefined;
  // A send asked for while one runs: it runs next, since the running one may have looked at the outbox too early.
  let queued: Promise<void> | undefined;
  let inflight = 0;
  // Events this page captured since its last look at the outbox: what an unload sends.
  let fresh: PulseEvent[] = [];
  // Between `pagehide` and `pageshow`: every event captured then goes out at once.
  let gone = false;

  const wait = (ms: number) => {
    clearTimeout(timer);
    timer = signal.aborted
      ? undefined
      : setTimeout(() => {
          timer = undefined;
          send();
        }, ms);
  };

  const post = async (body: string, bytes: number) => {
    inflight += bytes;
    try {
      const response = await fetch(`${endpoint}/v1/events`, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'omit',
      });
      // Chromium frees a keepalive request's share of the 64 KiB quota only once its body is read.
      await response.text();
      return response;
    } finally {
      inflight -= bytes;
    }
  };

  /**
   * Sends batches until the outbox is empty, or until `owned` says this tab lost the right to send; returns nothing
   * when done, or the least wait in ms before the next try.
   */
  const drain = async (owned = () => true): Promise<number | undefined> => {
    try {
      for (;;) {
        fresh = [];
        const { events, dropped: lost } = await outbox.peek(BATCH_LIMITS.events);
        if (!events.length) return;
        if (!owned()) return interval;
        const dropped = Math.min(lost, 1e6);
        const [body, count, bytes] = pack(site, events, dropped);
        const response = await post(body, bytes);
        const { status } = response;
        if (status > 499 || status === 408 || status === 429) {
          // A Retry-After in seconds; an HTTP date or nonsense counts as none.
          const after = Number(response.headers.get('retry-after')) * 1_000 || 0;
          retryAt = Date.now() + after;
          return after;
        }
        // Any other 4xx refuses these events for good: they count as lost.
        await outbox.remove(
          events.slice(0, count).map((event) => event.id),
          status < 300 ? -dropped : count,
        );
        failures = 0;
      }
    } catch {
      return 0;
    }
  };

  /**
   * Runs `drain` under a lease in localStorage, for browsers without Web Locks (or where they fail). While another
   * tab holds the lease, asks to look again after the send interval, as after a failure.
   */
  const lease = async () => {
    const key = `lock:${site}`;
    // One number is both the lease's expiry (60 s from now) and this tab's token (the random milliseconds).
    const mine = Date.now() + 6e4 + Math.random() * 1e3;
    const ours = () => storage(key) === mine;
    if (storage<number>(key)! > Date.now()) return interval;
    storage(key, mine);
    // A write reaches other tabs a little later, so two tabs may both claim the lease: the last write wins once
    // it has spread. Wait a while before the first send, and stop before any later one once the lease is lost.
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 100));
    try {
      return await drain(ours);
    } finally {
      if (ours()) storage(key, 0);
    }
  };

  /**
   * Sends now, whatever the backoff: the timer that the backoff set calls this. While a send runs, one more follows
   * it, unless it ends in a backoff; so the promise settles only after a look at the outbox made after the call.
   */
  function send(): Promise<void> {
    if (running)
      return (queued ??= running.then(() => {
        queued = undefined;
        return Date.now() < notBefore ? undefined : send();
      }));
    // The DOM typings wrap the callback's promise in another; `request` resolves to the callback's value.
    running = (
      (navigator.locks?.request(`pulse:${site}`, () => drain()).catch(lease) ?? lease()) as Promise<number | undefined>
    ).then((hint) => {
      running = undefined;
      if (hint === undefined) return;
      const ms = Math.max(hint, Math.random() * Math.min(300_000, 1_000 * 2 ** failures++));
      notBefore = Date.now() + ms;
      wait(ms);
    });
    return running;
  }

  /**
   * Every send path but the unload goes through here (start-up, the timer's interval, a closed survey, a hidden
   * page, `flush()`): while a backoff or a Retry-After is pending, it sends nothing, and the timer sends when it ends.
   */
  function flush(): Promise<void> {
    return Date.now() < notBefore ? Promise.resolve() : send();
  }

  /** Sends what this page captured since its last send, synchronously: after `pagehide` no promise may settle. */
  const unload = () => {
    gone = true;
    for (let rest = fresh; rest.length; ) {
      const [body, count, bytes] = pack(site, rest, 0);
      if (inflight + bytes > BATCH_LIMITS.quota) break;
      post(body, bytes).catch(() => undefined);
      rest = rest.slice(count);
    }
    fresh = [];
  };

  listen(window, 'pagehide', unload, signal);
  listen(window, 'pageshow', () => (gone = false), signal);
  listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && flush(), signal);
  listen(
    window,
    'online',
    () => {
      // Back online: the backoff starts again, but the collector's own Retry-After still holds.
      failures = 0;
      notBefore = retryAt;
      flush();
    },
    signal,
  );
  listen(signal, 'abort', () => wait(0));

  return {
    add: (captured) => {
      // What the wire can carry, and nothing IndexedDB could refuse to clone; a value JSON refuses throws here,
      // inside the public method that captured it, which catches it.
      const event = JSON.parse(JSON.stringify(captured)) as PulseEvent;
      fresh.push(event);
      outbox.add(event).then(() => timer || wait(interval));
      if (gone) unload();
    },
    flush,
    leave: unload,
  };
};
