import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { init, type Pulse } from '../src/client';
import type { EventBatch, PulseEvent } from '../src/protocol';
import { click } from './signals/helpers';

/** The events that reached the collector through the stubbed fetch. */
const sent = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls
    .filter(([url]) => String(url).endsWith('/v1/events'))
    .flatMap(([, request]) => (JSON.parse(String((request as RequestInit).body)) as EventBatch).events);

describe('privacy and the signal listener', () => {
  const fetchMock = vi.fn<typeof fetch>();
  let client: Pulse | undefined;
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
    document.body.innerHTML = '<button id="pay">Pay</button>';
  });
  afterEach(() => {
    client?.shutdown();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** Starts a client and waits for its friction chunk, which holds the rage-click detector, to load. */
  const start = async (consent?: 'pending') => {
    client = init({ site: 'pk_test', endpoint: 'https://pulse.test', assets: 'https://pulse.test/sdk/', consent });
    await vi.dynamicImportSettled();
    return client;
  };

  /**
   * Sends what waits, as `flush()` does, with the fake clock running: happy-dom has no Web Locks, so the delivery
   * takes its localStorage lease, which waits 100–200 ms before the first send.
   */
  const flush = async (pulse: Pulse) => {
    const done = pulse.flush();
    await vi.advanceTimersByTimeAsync(300);
    await done;
  };

  /** Three quick clicks on the pay button, and the wait that ends the burst. */
  const rage = async () => {
    for (let i = 0; i < 3; i++) click(document.querySelector('#pay')!);
    await vi.advanceTimersByTimeAsync(1100);
  };

  it('captures friction, sends it, and tells on("signal") listeners', async () => {
    const signals: PulseEvent[] = [];
    const pulse = await start();
    pulse.on('signal', (event) => signals.push(event));
    await rage();
    await flush(pulse);
    expect(sent(fetchMock).map((event) => event.type)).toEqual(['pageview', 'rage_click']);
    expect(signals).toEqual([expect.objectContaining({ type: 'rage_click', count: 3, target: '#pay', label: 'Pay' })]);
  });

  it('captures nothing under Global Privacy Control or Do Not Track', async () => {
    for (const [name, value] of [
      ['globalPrivacyControl', true],
      ['doNotTrack', '1'],
    ] as const) {
      vi.stubGlobal('navigator', Object.create(navigator, { [name]: { value } }));
      const signals: PulseEvent[] = [];
      const pulse = await start();
      pulse.on('signal', (event) => signals.push(event));
      await rage();
      await flush(pulse);
      pulse.shutdown();
      expect(sent(fetchMock)).toEqual([]);
      expect(signals).toEqual([]);
    }
  });

  it('captures nothing while consent is pending, and friction after consent(true)', async () => {
    const pulse = await start('pending');
    await rage();
    await flush(pulse);
    expect(sent(fetchMock)).toEqual([]);
    pulse.consent(true);
    await rage();
    await flush(pulse);
    expect(sent(fetchMock).map((event) => event.type)).toEqual(['pageview', 'rage_click']);
  });

  it('sends nothing once the page opted out with localStorage pulse:optout', async () => {
    localStorage.setItem('pulse:optout', 'true');
    const pulse = await start();
    await rage();
    await flush(pulse);
    expect(sent(fetchMock)).toEqual([]);
  });

  it('stops every signal at shutdown', async () => {
    const pulse = await start();
    await flush(pulse);
    pulse.shutdown();
    await rage();
    await flush(pulse);
    expect(sent(fetchMock).map((event) => event.type)).toEqual(['pageview']);
  });
});
