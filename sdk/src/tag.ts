import { init, type Pulse } from './client';

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
  if (script && data?.site && !global.pulse?.identify) {
    const assets = new URL('.', script.src).href;
    const client = init({
      site: data.site,
      endpoint: data.endpoint || new URL(script.src).origin,
      consent: data.consent === 'pending' ? 'pending' : undefined,
      locale: data.locale,
      nonce: script.nonce,
      assets,
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
