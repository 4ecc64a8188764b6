import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { init, type Pulse } from '../src/client';
import { collectorStub, untilStarted } from './collectorStub';

describe('the unload send', () => {
  const { fetchMock, batches } = collectorStub();
  let client: Pulse;
  beforeEach(() => {
    document.body.innerHTML = '<form id="checkout"><input name="email"></form>';
  });
  afterEach(() => {
    client.shutdown();
  });

  it('carries a form abandoned as the visitor leaves, whichever of its detector and the delivery hears pagehide first', async () => {
    client = init({ site: 'pk_test', endpoint: 'https://pulse.test', assets: 'https://pulse.test/sdk/' });
    // Pulse starts once the page is idle, so the delivery's pagehide listener comes after the form-abandon detector's.
    await untilStarted();
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
      batches()
        .flat()
        .map((event) => event.type),
    ).toEqual(['form_abandon']);
  });
});
