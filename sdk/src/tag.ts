import { init, type Pulse, type PulseOptions } from './client';

/** The stub the snippet defines before `pulse.js` arrives: calls wait in `q`. */
type Stub = ((...args: unknown[]) => unknown) & { q?: unknown[][] } & Partial<Pulse>;

/**
 * The script-tag entry: reads the tag's `data-*` attributes, starts a client, replaces the stub
 * with a function that calls the client's methods by name, and replays the calls that queued up.
 */
try {
  const script = document.currentScript as HTMLScriptElement | null;
  const global = window as unknown as { pulse?: Stub };
  const data = script?.dataset;
  if (data?.site && !global.pulse?.identify) {
    // The folder `pulse.js` came from, where its chunks are.
    const assets = new URL('.', script!.src);
    // The attributes bear the options' names (`data-site`, `data-endpoint`, `data-consent`, `data-locale`,
    // `data-debug`); `init` reads only those and ignores any consent but 'pending'.
    const client = init({
      ...(data as unknown as PulseOptions),
      endpoint: data.endpoint || assets.origin,
      nonce: script!.nonce,
      assets: assets.href,
      debug: 'debug' in data,
    });
    const queued = global.pulse?.q ?? [];
    const pulse: Stub = Object.assign((method: unknown, ...args: unknown[]) => {
      const fn = client[method as keyof Pulse] as ((...args: unknown[]) => unknown) | undefined;
      return typeof fn === 'function' ? fn(...args) : undefined;
    }, client);
    global.pulse = pulse;
    for (const args of queued) pulse(...args);
  }
} catch {
  // Never break the host page.
}
