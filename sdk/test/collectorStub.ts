import { afterEach, beforeEach, vi } from 'vitest';
import type { EventBatch } from '../src/protocol';

/**
 * Registers hooks that stub `fetch` as a collector serving an empty config and accepting every batch, fake the clock
 * and clear storage before each test. Register it before a hook that shuts the client down, so that hook runs first.
 */
export const collectorStub = () => {
  const fetchMock = vi.fn<typeof fetch>();
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
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  return {
    fetchMock,
    /** The events of each request that reached the collector, one array per request. */
    batches: () =>
      fetchMock.mock.calls
        .filter(([url]) => String(url).endsWith('/v1/events'))
        .map(([, request]) => (JSON.parse(String((request as RequestInit).body)) as EventBatch).events),
  };
};

/**
 * Lets a new client start as it does on a page once the page is idle (a timer or an idle callback here), and its
 * survey engine chunk arrive.
 */
export const untilStarted = async () => {
  for (let round = 0; round < 3; round++) {
    await vi.advanceTimersByTimeAsync(600);
    await vi.dynamicImportSettled();
  }
};
