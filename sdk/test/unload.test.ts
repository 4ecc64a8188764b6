import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { init, type Pulse } from '../src/client';
import type { EventBatch } from '../src/protocol';

/** The events of each request that reached the collector through the stubbed fetch. */
const batches = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls
    .filter(([url]) => String(url).endsWith('/v1/events'))
    .map(([, request]) => (JSON.parse(String((request as RequestInit).body)) as EventBatch).events);

describe('the unload send', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let client: Pulse;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (url) =>
      String(url).endsWith('/config')
        ? new Response('{"surveys":[],"thresholds":{}}', { status: 200 })
        : new Response('{"accepted":1,"rejected":[]}', { status: 202 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    localStorage.clear();
    sessionStorage.clear();
    document.body.innerHTML = '<form id="checkout"><input name="email"></form>';
  });
  afterEach(() => {
    client.shutdown();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('carries a form abandoned as the visitor leaves, although its detector listens to pagehide after the delivery', async () => {
    client = init({ site: 'pk_test', endpoint: 'https://pulse.test', assets: 'https://pulse.test/sdk/' });
    // The friction chunk, and so the form-abandon detector and its pagehide listener, arrives after the delivery.
    await vi.dynamicImportSettled();
    // The start-up send: happy-dom has no Web Locks, and the lease waits 100–200 ms before it.
    const started = client.flush();
    await vi.advanceTimersByTimeAsync(300);
    await started;
    fetchMock.mockClear();
    const field = document.querySelector('input')!;
    field.value = 'ada@example.com';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    window.dispatchEvent(new Event('pagehide'));
    // No await: only what left during pagehide counts, since nothing runs after it on a page that is gone.
    expect(
      batches(fetchMock)
        .flat()
        .map((event) => event.type),
    ).toEqual(['form_abandon']);
  });
});
