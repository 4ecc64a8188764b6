import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOutbox, memoryOutbox, OUTBOX_LIMITS } from '../src/lib/outbox';
import type { PulseEvent } from '../src/protocol';

let sequence = 0;
/** An event whose id sorts after every earlier one, like a UUIDv7 captured later. */
const event = (type: PulseEvent['type'], extra: Record<string, unknown> = {}): PulseEvent =>
  ({
    id: `01900000-0000-7000-8000-${(++sequence).toString(16).padStart(12, '0')}`,
    type,
    ts: Date.now(),
    visitor: 'v',
    session: 's',
    url: '/',
    device: 'desktop',
    ...(type.startsWith('survey') ? { survey: 'nps', response: 'r' } : {}),
    ...extra,
  }) as PulseEvent;

const all = async (outbox: ReturnType<typeof memoryOutbox>) => outbox.peek(1e9);

describe('outbox', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('hands events back oldest first, at most `max`', async () => {
    const outbox = memoryOutbox();
    const events = [event('pageview'), event('track', { name: 'a' }), event('track', { name: 'b' })];
    for (const one of events) await outbox.add(one);
    expect(await outbox.peek(2)).toEqual({ events: events.slice(0, 2), dropped: 0 });
    await outbox.remove([events[0]!.id], 0);
    expect(await outbox.peek(10)).toEqual({ events: events.slice(1), dropped: 0 });
  });

  it('past 1,000 events, drops the oldest non-survey events and never survey events', async () => {
    const outbox = memoryOutbox();
    const answer = event('survey_answer', { question: 'score', kind: 'nps', value: 9 });
    const shown = event('survey_shown');
    const tracks: PulseEvent[] = [];
    await outbox.add(event('pageview'));
    await outbox.add(shown);
    await outbox.add(answer);
    for (let n = 0; n < 1_100; n++) {
      const track = event('track', { name: 'n', props: { n } });
      tracks.push(track);
      await outbox.add(track);
    }
    const { events, dropped } = await all(outbox);
    expect(events).toHaveLength(OUTBOX_LIMITS.events);
    // 1,103 captured: the page view and the 102 oldest tracks went, both survey events stayed.
    expect(dropped).toBe(103);
    expect(events.slice(0, 2)).toEqual([shown, answer]);
    expect(events.slice(2)).toEqual(tracks.slice(102));
  });

  it('past 1 MB, drops the oldest non-survey events until it fits', async () => {
    const outbox = memoryOutbox();
    const big = 'x'.repeat(100_000);
    const answer = event('survey_answer', { question: 'why', kind: 'text', value: big });
    await outbox.add(answer);
    const tracks: PulseEvent[] = [];
    for (let n = 0; n < 12; n++) {
      tracks.push(event('track', { name: 'big', props: { big } }));
      await outbox.add(tracks[n]!);
    }
    const { events, dropped } = await all(outbox);
    // Each event is a little over 100 kB of JSON: the answer and the 8 newest tracks fit in 1 MB.
    expect(events).toEqual([answer, ...tracks.slice(4)]);
    expect(dropped).toBe(4);
  });

  it('counts the 1 MB in UTF-8 bytes, not characters', async () => {
    const outbox = memoryOutbox();
    // 50,000 characters of three bytes each: 150 kB an event, so 6 fit where a character count would keep 12.
    const wide = '€'.repeat(50_000);
    const tracks: PulseEvent[] = [];
    for (let n = 0; n < 12; n++) {
      tracks.push(event('track', { name: 'wide', props: { wide } }));
      await outbox.add(tracks[n]!);
    }
    const { events, dropped } = await all(outbox);
    expect(events).toEqual(tracks.slice(6));
    expect(dropped).toBe(6);
  });

  it('keeps survey events even past the bounds', async () => {
    const outbox = memoryOutbox();
    for (let n = 0; n < 1_005; n++) await outbox.add(event('survey_answer', { question: 'q', kind: 'nps', value: 5 }));
    await outbox.add(event('rage_click', { target: '#buy', count: 3 }));
    const { events, dropped } = await all(outbox);
    expect(events).toHaveLength(1_005);
    expect(events.every((one) => one.type === 'survey_answer')).toBe(true);
    expect(dropped).toBe(1);
  });

  it('drops events older than 7 days when it next hands events out, and counts them', async () => {
    vi.useFakeTimers({ now: 1_800_000_000_000 });
    const outbox = memoryOutbox();
    const old = event('pageview');
    await outbox.add(old);
    vi.advanceTimersByTime(6 * 864e5);
    const recent = event('track', { name: 'later' });
    await outbox.add(recent);
    expect(await outbox.peek(10)).toEqual({ events: [old, recent], dropped: 0 });
    vi.advanceTimersByTime(864e5 + 1);
    expect(await outbox.peek(10)).toEqual({ events: [recent], dropped: 1 });
  });

  it('moves the lost count as reports are accepted or events refused, never below zero', async () => {
    const outbox = memoryOutbox();
    for (let n = 0; n < 1_003; n++) await outbox.add(event('track', { name: 'n' }));
    expect((await outbox.peek(1)).dropped).toBe(3);
    const [first] = (await outbox.peek(1)).events;
    await outbox.remove([first!.id], 2);
    expect((await outbox.peek(1)).dropped).toBe(5);
    await outbox.remove([], -5);
    await outbox.remove([], -5);
    expect((await outbox.peek(1)).dropped).toBe(0);
    // The removed event no longer counts toward the bound: one more fits without a drop.
    await outbox.add(event('track', { name: 'one more' }));
    expect((await outbox.peek(1)).dropped).toBe(0);
  });

  it('works in memory, without throwing, where IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const outbox = createOutbox('pk_x');
    const one = event('pageview');
    await outbox.add(one);
    expect(await outbox.peek(10)).toEqual({ events: [one], dropped: 0 });
  });

  it('falls back to memory when IndexedDB fails to open', async () => {
    const open = vi.fn(() => {
      const request = {} as IDBOpenDBRequest & { error: DOMException };
      setTimeout(() => {
        (request as { error: DOMException }).error = new DOMException('blocked', 'InvalidStateError');
        request.onerror?.(new Event('error'));
      });
      return request;
    });
    vi.stubGlobal('indexedDB', { open });
    const outbox = createOutbox('pk_x');
    const one = event('pageview');
    await outbox.add(one);
    expect(open).toHaveBeenCalledTimes(1);
    expect(await outbox.peek(10)).toEqual({ events: [one], dropped: 0 });
    // Memory for the rest of the page: IndexedDB is not tried again.
    expect(open).toHaveBeenCalledTimes(1);
  });
});
