import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery } from '../src/lib/deliver';
import { memoryOutbox } from '../src/lib/outbox';
import type { PulseEvent } from '../src/protocol';

const event = (n: number, extra: Partial<PulseEvent> = {}) =>
  ({
    id: `0190000${n}-0000-7000-8000-000000000000`,
    type: 'pageview',
    ts: n,
    visitor: 'v',
    session: 's',
    url: '/',
    device: 'desktop',
    ...extra,
  }) as PulseEvent;

const respond = (status: number, headers: Record<string, string> = {}) =>
  new Response(status === 202 ? JSON.stringify({ accepted: 1, rejected: [] }) : '{}', { status, headers });

describe('createDelivery', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends what waits as text/plain JSON and empties the outbox on 202', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    await outbox.add(event(2));
    fetchMock.mockResolvedValue(respond(202));
    await createDelivery({ endpoint: 'https://c.example', site: 'pk_x', outbox }).flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://c.example/v1/events');
    expect(typeof init!.body).toBe('string');
    expect(JSON.parse(init!.body as string)).toEqual({ site: 'pk_x', events: [event(1), event(2)] });
    expect(await outbox.peek(10)).toEqual([]);
  });

  it('keeps events and backs off on a 5xx, then delivers them', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockResolvedValueOnce(respond(503)).mockResolvedValue(respond(202));
    const delivery = createDelivery({ endpoint: 'https://c.example', site: 'pk_x', outbox });
    await delivery.flush();
    expect(await outbox.peek(10)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await outbox.peek(10)).toEqual([]);
  });

  it('honours Retry-After', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockResolvedValueOnce(respond(429, { 'Retry-After': '30' })).mockResolvedValue(respond(202));
    const delivery = createDelivery({ endpoint: 'https://c.example', site: 'pk_x', outbox });
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('drops events the collector refuses for good (4xx other than 408 and 429)', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockResolvedValue(respond(403));
    await createDelivery({ endpoint: 'https://c.example', site: 'pk_x', outbox }).flush();
    expect(await outbox.peek(10)).toEqual([]);
  });

  it('keeps events when the network is down, and resolves flush anyway', async () => {
    const outbox = memoryOutbox();
    await outbox.add(event(1));
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await createDelivery({ endpoint: 'https://c.example', site: 'pk_x', outbox }).flush();
    expect(await outbox.peek(10)).toHaveLength(1);
  });

  it('splits batches to stay under 60 kB', async () => {
    const outbox = memoryOutbox();
    const big = 'x'.repeat(20_000);
    for (let n = 1; n <= 5; n++) await outbox.add(event(n, { type: 'track', name: 'big', props: { big } } as never));
    fetchMock.mockImplementation(async () => respond(202));
    await createDelivery({ endpoint: 'https://c.example', site: 'pk_x', outbox }).flush();
    const sizes = fetchMock.mock.calls.map(([, init]) => (init!.body as string).length);
    expect(sizes.every((size) => size <= 60_000)).toBe(true);
    expect(sizes.length).toBeGreaterThan(1);
    expect(await outbox.peek(10)).toEqual([]);
  });
});
