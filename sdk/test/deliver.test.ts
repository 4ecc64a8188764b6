import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_LIMITS, createDelivery } from '../src/lib/deliver';
import { memoryOutbox, type Outbox } from '../src/lib/outbox';
import type { PulseEvent } from '../src/protocol';

const event = (n: number, extra: Record<string, unknown> = {}) =>
  ({
    id: `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    type: 'pageview',
    ts: Date.now(),
    visitor: 'v',
    session: 's',
    url: '/',
    device: 'desktop',
    ...extra,
  }) as PulseEvent;

const respond = (status: number, headers: Record<string, string> = {}) =>
  new Response(status === 202 ? JSON.stringify({ accepted: 1, rejected: [] }) : '{}', { status, headers });

/** An exclusive Web Locks manager shared by the "tabs" of one test. */
const fakeLocks = () => {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request: vi.fn((_name: string, callback: () => Promise<unknown>) => {
      const run = tail.then(callback);
      tail = run.catch(() => undefined);
      return run;
    }),
  };
};

const setLocks = (locks: unknown) => Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });

describe('createDelivery', () => {
  const fetchMock = vi.fn<typeof fetch>();
  /** Ends every delivery of a test. */
  let lifetime = new AbortController();
  const deliver = (outbox: Outbox, options: { interval?: number; site?: string; signal?: AbortSignal } = {}) =>
    createDelivery({ endpoint: 'https://c.example', site: 'pk_x', outbox, signal: lifetime.signal, ...options });
  const bodies = () => fetchMock.mock.calls.map(([, init]) => JSON.parse(init!.body as string));
  const sentIds = () => bodies().flatMap((body) => body.events.map((one: PulseEvent) => one.id));

  beforeEach(() => {
    lifetime = new AbortController();
    vi.useFakeTimers();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    setLocks(fakeLocks());
  });
  afterEach(() => {
    lifetime.abort();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('sends what waits as keepalive text/plain JSON and empties the outbox on 202', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    await outbox.add(event(2));
    fetchMock.mockImplementation(async () => respond(202));
    await deliver(outbox).flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://c.example/v1/events');
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' });
    expect(typeof init!.body).toBe('string');
    expect(JSON.parse(init!.body as string)).toEqual({ site: 'pk_x', events: [event(1), event(2)] });
    expect(await outbox.peek(10)).toEqual({ events: [], dropped: 0 });
  });

  it('sends an added event after the interval, not before', async () => {
    const outbox = memoryOutbox();
    fetchMock.mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    delivery.add(event(1));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(sentIds()).toEqual([event(1).id]);
  });

  it('flush sends an event added while a send runs, though that send had looked at the outbox before it', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let peeks = 0;
    // The running send's second look finds the outbox empty, and settles only once the event below was added.
    const slow: Outbox = {
      ...outbox,
      peek: async (max) => {
        const found = await outbox.peek(max);
        if (++peeks === 2) await held;
        return found;
      },
    };
    fetchMock.mockImplementation(async () => respond(202));
    const delivery = deliver(slow);
    const first = delivery.flush();
    await vi.waitFor(() => expect(peeks).toBe(2));
    delivery.add(event(2));
    const second = delivery.flush();
    release();
    await first;
    await second;
    expect(sentIds()).toEqual([event(1).id, event(2).id]);
  });

  it('stores an event as JSON carries it: a property JSON drops is not stored either', async () => {
    const outbox = memoryOutbox();
    const delivery = deliver(outbox);
    delivery.add(event(1, { type: 'track', name: 'odd', props: { kept: 1, dropped: () => 1, missing: undefined } }));
    await vi.advanceTimersByTimeAsync(0);
    expect((await outbox.peek(10)).events).toEqual([event(1, { type: 'track', name: 'odd', props: { kept: 1 } })]);
    expect(() => delivery.add(event(2, { type: 'track', name: 'big', props: { n: 1n } }))).toThrow(TypeError);
  });

  it('keeps events and backs off on a 5xx, then delivers them', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockResolvedValueOnce(respond(503)).mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    await delivery.flush();
    expect((await outbox.peek(10)).events).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect((await outbox.peek(10)).events).toEqual([]);
  });

  it('spaces retries exponentially with full jitter, up to 5 minutes', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockImplementation(async () => respond(503));
    const times: number[] = [];
    fetchMock.mockImplementation(async () => {
      times.push(Date.now());
      return respond(503);
    });
    // The top of the jitter range: each wait is its ceiling.
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    await deliver(outbox).flush();
    await vi.advanceTimersByTimeAsync(2_000_000);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    const ceilings = [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map((seconds) => seconds * 1_000);
    expect(gaps.slice(0, ceilings.length).map((gap) => Math.round(gap / 1_000))).toEqual(
      ceilings.map((ceiling) => Math.round(ceiling / 1_000)),
    );
  });

  it('draws each wait uniformly below its ceiling (full jitter)', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    const times: number[] = [];
    fetchMock.mockImplementation(async () => {
      times.push(Date.now());
      return respond(503);
    });
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    await deliver(outbox).flush();
    await vi.advanceTimersByTimeAsync(10_000);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(gaps.slice(0, 4)).toEqual([250, 500, 1_000, 2_000]);
  });

  it('honours Retry-After', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockResolvedValueOnce(respond(429, { 'Retry-After': '30' })).mockImplementation(async () => respond(202));
    await deliver(outbox).flush();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('sends nothing before a pending Retry-After on any path but the unload: flush, hidden page, online', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockResolvedValueOnce(respond(503, { 'Retry-After': '12' })).mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(800);
    // A survey closing flushes; so do a hidden page, and the browser coming back online.
    await delivery.flush();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    // The unload cannot wait: it sends what the page captured since, once.
    delivery.add(event(2));
    window.dispatchEvent(new Event('pagehide'));
    expect(sentIds()).toEqual([event(1).id, event(2).id]);
    window.dispatchEvent(new Event('pageshow'));

    await vi.advanceTimersByTimeAsync(1_300);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect((await outbox.peek(10)).events).toEqual([]);
  });

  it('holds every send path during the backoff after a failure too, until the browser comes back online', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockResolvedValueOnce(respond(503)).mockImplementation(async () => respond(202));
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const delivery = deliver(outbox);
    await delivery.flush();
    await delivery.flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect((await outbox.peek(10)).events).toEqual([]);
  });

  it('drops events the collector refuses for good (4xx other than 408 and 429) and counts them as lost', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    await outbox.add(event(2));
    fetchMock.mockImplementation(async () => respond(400));
    await deliver(outbox).flush();
    expect(await outbox.peek(10)).toEqual({ events: [], dropped: 2 });
  });

  it('retries 408 and 429', async () => {
    for (const status of [408, 429]) {
      const outbox = memoryOutbox();
      await outbox.add(event(1));
      fetchMock.mockReset().mockImplementation(async () => respond(status));
      await deliver(outbox).flush();
      expect(await outbox.peek(10)).toEqual({ events: [event(1)], dropped: 0 });
    }
  });

  it('keeps events when the network is down, and resolves flush anyway', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await deliver(outbox).flush();
    expect((await outbox.peek(10)).events).toHaveLength(1);
  });

  it('reports the dropped count in the next batch and clears it once that batch is accepted', async () => {
    const outbox = memoryOutbox();
    for (let n = 1; n <= 1_002; n++) await outbox.add(event(n));
    fetchMock.mockResolvedValueOnce(respond(503)).mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    await delivery.flush();
    expect((await outbox.peek(1)).dropped).toBe(2);
    // The retry after the backoff (below 1 s for a first failure).
    await vi.advanceTimersByTimeAsync(1_001);
    const sent = bodies();
    expect(sent.map((body) => body.dropped)).toEqual([2, 2, ...Array(9).fill(undefined)]);
    expect(sent.slice(1).flatMap((body) => body.events)).toHaveLength(1_000);
    expect(await outbox.peek(1)).toEqual({ events: [], dropped: 0 });
  });

  it('splits batches at 100 events and 60 kB of UTF-8', async () => {
    const outbox = memoryOutbox();
    // Three bytes per character in UTF-8: a character count would let these batches pass 60 kB.
    const wide = '€'.repeat(5_000);
    for (let n = 1; n <= 30; n++) await outbox.add(event(n, { type: 'track', name: 'wide', props: { wide } }));
    for (let n = 31; n <= 250; n++) await outbox.add(event(n));
    fetchMock.mockImplementation(async () => respond(202));
    await deliver(outbox).flush();
    const sizes = fetchMock.mock.calls.map(([, init]) => new Blob([init!.body as string]).size);
    expect(sizes.every((size) => size <= BATCH_LIMITS.bytes)).toBe(true);
    // 15 kB per wide event: three per batch, then the last three wide ones with 97 small ones.
    expect(bodies().map((body) => body.events.length)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, 100, 100, 23]);
    expect(sentIds()).toEqual(Array.from({ length: 250 }, (_, index) => event(index + 1).id));
  });

  it('sends at once when the page is hidden', async () => {
    const outbox = memoryOutbox();
    fetchMock.mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    delivery.add(event(1));
    await vi.advanceTimersByTimeAsync(0);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sentIds()).toEqual([event(1).id]);
  });

  it('on pagehide, posts what the page captured since its last send synchronously, below the 64 KiB quota', async () => {
    fetchMock.mockReturnValue(new Promise(() => undefined));
    const big = 'x'.repeat(1_000);
    const capture = (count: number) => {
      fetchMock.mockClear();
      const page = new AbortController();
      const delivery = deliver(memoryOutbox(), { signal: page.signal });
      for (let n = 1; n <= count; n++) delivery.add(event(n, { type: 'track', name: 'big', props: { big } }));
      window.dispatchEvent(new Event('pagehide'));
      page.abort();
      // No await between the event and this check: the requests left during the event.
      return fetchMock.mock.calls.map(([, init]) => init!);
    };
    // About 1.17 kB per event: 51 fill a first request of 60 kB, and 5 more fit beside it in the quota.
    const fits = capture(56);
    expect(fits.map((init) => JSON.parse(init.body as string).events.length)).toEqual([51, 5]);
    expect(fits.every((init) => init.keepalive === true)).toBe(true);
    const sizes = fits.map((init) => new Blob([init.body as string]).size);
    expect(sizes[0]).toBeLessThanOrEqual(BATCH_LIMITS.bytes);
    expect(sizes[0]! + sizes[1]!).toBeLessThanOrEqual(BATCH_LIMITS.quota);
    // Past the quota, the rest waits in the outbox for the next page.
    const capped = capture(100);
    expect(capped.map((init) => JSON.parse(init.body as string).events.length)).toEqual([51]);
  });

  it('on pagehide, does not resend what a send already took', async () => {
    const outbox = memoryOutbox();
    fetchMock.mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    delivery.add(event(1));
    await delivery.flush();
    delivery.add(event(2));
    window.dispatchEvent(new Event('pagehide'));
    expect(sentIds()).toEqual([event(1).id, event(2).id]);
  });

  it('after pagehide, posts at once what later listeners capture, until the page is shown again', async () => {
    fetchMock.mockReturnValue(new Promise(() => undefined));
    const delivery = deliver(memoryOutbox());
    delivery.add(event(1));
    // A detector whose pagehide listener comes after the delivery's, as the form-abandon detector's does.
    const late = () => delivery.add(event(2, { type: 'form_abandon', form: '#f', fields: 1, duration: 5 }));
    window.addEventListener('pagehide', late);
    window.dispatchEvent(new Event('pagehide'));
    window.removeEventListener('pagehide', late);
    // web-vitals reports its final values as the page turns hidden, which follows pagehide.
    delivery.add(event(3));
    // No await: each request left as its event was captured.
    expect(bodies().map((body) => body.events.map((one: PulseEvent) => one.id))).toEqual([
      [event(1).id],
      [event(2).id],
      [event(3).id],
    ]);
    // Restored from the back/forward cache: events wait for the next send again.
    window.dispatchEvent(new Event('pageshow'));
    delivery.add(event(4));
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('sends at once when the browser comes back online, with the backoff reset', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockRejectedValueOnce(new TypeError('offline')).mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    await delivery.flush();
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sentIds()).toEqual([event(1).id, event(1).id]);
    expect((await outbox.peek(10)).events).toEqual([]);
  });

  it('stops its timer and listeners', async () => {
    const outbox = memoryOutbox();
    fetchMock.mockImplementation(async () => respond(202));
    const delivery = deliver(outbox);
    delivery.add(event(1));
    await vi.advanceTimersByTimeAsync(0);
    lifetime.abort();
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('online'));
    delivery.add(event(2));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).not.toHaveBeenCalled();
    expect((await outbox.peek(10)).events).toHaveLength(2);
  });

  it('with Web Locks, two tabs never post the same events', async () => {
    const outbox = memoryOutbox();
    const locks = fakeLocks();
    setLocks(locks);
    fetchMock.mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return respond(202);
    });
    const tabs = [deliver(outbox), deliver(outbox)];
    for (let n = 1; n <= 300; n++) tabs[n % 2]!.add(event(n));
    await vi.advanceTimersByTimeAsync(0);
    const flushes = Promise.all([tabs[0]!.flush(), tabs[1]!.flush(), tabs[0]!.flush()]);
    await vi.advanceTimersByTimeAsync(10_000);
    await flushes;
    expect(locks.request).toHaveBeenCalledWith('pulse:pk_x', expect.any(Function));
    expect(sentIds().sort()).toEqual(Array.from({ length: 300 }, (_, index) => event(index + 1).id).sort());
  });

  it('without Web Locks, a lease in localStorage keeps two tabs from posting the same events', async () => {
    setLocks(undefined);
    const outbox = memoryOutbox();
    fetchMock.mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return respond(202);
    });
    const tabs = [deliver(outbox), deliver(outbox)];
    for (let n = 1; n <= 300; n++) tabs[n % 2]!.add(event(n));
    await vi.advanceTimersByTimeAsync(0);
    const flushes = Promise.all([tabs[0]!.flush(), tabs[1]!.flush()]);
    await vi.advanceTimersByTimeAsync(60_000);
    await flushes;
    expect(sentIds().sort()).toEqual(Array.from({ length: 300 }, (_, index) => event(index + 1).id).sort());
    expect(localStorage.getItem('pulse:lock:pk_x')).toBe('0');
  });

  it('falls back to the lease when Web Locks refuse the request', async () => {
    setLocks({ request: () => Promise.reject(new DOMException('sandboxed', 'SecurityError')) });
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockImplementation(async () => respond(202));
    const flushed = deliver(outbox).flush();
    await vi.advanceTimersByTimeAsync(300);
    await flushed;
    expect(sentIds()).toEqual([event(1).id]);
  });

  it('without Web Locks, stops before its next send once another tab took the lease', async () => {
    setLocks(undefined);
    const outbox = memoryOutbox();
    for (let n = 1; n <= 150; n++) await outbox.add(event(n));
    // The lease is one number: its expiry, whose fraction tells the tabs apart.
    const other = String(Date.now() + 60_000.125);
    fetchMock.mockImplementation(async () => {
      // Another tab, whose claim had not reached this one yet, holds the lease now.
      localStorage.setItem('pulse:lock:pk_x', other);
      return respond(202);
    });
    const flushed = deliver(outbox).flush();
    await vi.advanceTimersByTimeAsync(300);
    await flushed;
    expect(bodies().map((body) => body.events.length)).toEqual([100]);
    // The other tab's lease is left alone.
    expect(localStorage.getItem('pulse:lock:pk_x')).toBe(other);
  });
});
