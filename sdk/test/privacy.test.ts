import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { init, type Pulse } from '../src/client';
import type { PulseEvent } from '../src/protocol';
import { collectorStub, untilStarted } from './collectorStub';
import { click } from './signals/helpers';

describe('privacy and the signal listener', () => {
  const { batches } = collectorStub();
  /** The types of the events the collector received, in order. */
  const sentTypes = () =>
    batches()
      .flat()
      .map((event) => event.type);
  let client: Pulse | undefined;
  beforeEach(() => {
    document.body.innerHTML = '<button id="pay">Pay</button>';
  });
  afterEach(() => {
    client?.shutdown();
  });

  /** Starts a client, and waits until it has started for real. */
  const start = async (consent?: 'pending') => {
    client = init({ site: 'pk_test', endpoint: 'https://pulse.test', assets: 'https://pulse.test/sdk/', consent });
    await untilStarted();
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
    expect(sentTypes()).toEqual(['pageview', 'rage_click']);
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
      expect(batches().flat()).toEqual([]);
      expect(signals).toEqual([]);
    }
  });

  it('captures nothing while consent is pending, and friction after consent(true)', async () => {
    const pulse = await start('pending');
    await rage();
    await flush(pulse);
    // Past the dead-click window of those clicks too: its verdict also comes while consent is pending.
    await vi.advanceTimersByTimeAsync(2500);
    expect(batches().flat()).toEqual([]);
    pulse.consent(true);
    await rage();
    await flush(pulse);
    expect(sentTypes()).toEqual(['pageview', 'rage_click']);
  });

  it('sends nothing once the page opted out with localStorage pulse:optout', async () => {
    localStorage.setItem('pulse:optout', 'true');
    const pulse = await start();
    await rage();
    await flush(pulse);
    expect(batches().flat()).toEqual([]);
  });

  it('stops every signal at shutdown', async () => {
    const pulse = await start();
    await flush(pulse);
    pulse.shutdown();
    await rage();
    await flush(pulse);
    expect(sentTypes()).toEqual(['pageview']);
  });
});
