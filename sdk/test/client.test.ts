import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { init, type Pulse } from '../src/client';
import type { SiteConfig } from '../src/protocol';
import type { MountOptions } from '../src/widget/types';

const mounted: MountOptions[] = [];
const observed: { type: string; name?: string }[] = [];

// The widget chunk is a fake that records what it was asked to show; every other chunk is real.
vi.mock('../src/lib/loadChunk', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/lib/loadChunk')>();
  return {
    loadChunk: async (name: Parameters<typeof real.loadChunk>[0], assets: string) =>
      name === 'widget'
        ? {
            mount: (options: MountOptions) => {
              mounted.push(options);
              options.onShown();
              return () => undefined;
            },
          }
        : real.loadChunk(name, assets),
  };
});

// The real engine, with every event the client hands it recorded on the way.
vi.mock('../src/surveys/createSurveys', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/surveys/createSurveys')>();
  return {
    createSurveys: (...args: Parameters<typeof real.createSurveys>) => {
      const engine = real.createSurveys(...args);
      return {
        ...engine,
        observe(event: { type: string; name?: string }) {
          observed.push({ type: event.type, name: event.name });
          engine.observe(event);
        },
      };
    },
  };
});

const config: SiteConfig = {
  surveys: [
    {
      id: 'after-failure',
      questions: [{ id: 'q', type: 'text', text: 'Something not working?' }],
      triggers: [{ on: 'event', name: 'checkout_failed' }],
    },
  ],
  thresholds: {},
};

let client: Pulse;

beforeEach(() => {
  localStorage.clear();
  mounted.length = 0;
  observed.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.endsWith('/config')
        ? new Response(JSON.stringify(config), { status: 200 })
        : new Response(JSON.stringify({ accepted: 0, rejected: [] }), { status: 202 }),
    ),
  );
});

afterEach(() => {
  client.shutdown();
  vi.unstubAllGlobals();
});

/** Lets the config load and the engine act on it. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Waits until the client has started (once the page is idle) and its engine has seen the first page view. */
const started = () =>
  vi.waitFor(() => {
    if (!observed.length) throw new Error('not started yet');
  });

describe('the client and the survey engine', () => {
  it('hands every captured event to the engine, so that a track() call shows the survey waiting for it', async () => {
    client = init({ site: 'pk_test', endpoint: 'https://collector.test' });
    await started();
    client.track('checkout_ok');
    await tick();
    expect(mounted).toEqual([]);
    client.track('checkout_failed');
    await tick();
    expect(mounted.map((options) => options.survey.id)).toEqual(['after-failure']);
    expect(observed).toEqual([
      { type: 'pageview', name: undefined },
      { type: 'track', name: 'checkout_ok' },
      { type: 'track', name: 'checkout_failed' },
      { type: 'survey_shown', name: undefined },
    ]);
  });

  it('lets events reach the engine without analytics consent, and shows the survey with survey consent', async () => {
    client = init({ site: 'pk_test', endpoint: 'https://collector.test', consent: 'pending' });
    client.consent({ analytics: false, surveys: true });
    await started();
    client.track('checkout_failed');
    await tick();
    expect(mounted.map((options) => options.survey.id)).toEqual(['after-failure']);
  });

  it("puts the visitor's locale, visit count and the site's segment traits, as strings, on the showing's events", async () => {
    const segmented: SiteConfig = { ...config, segments: ['plan', 'seats', 'team'] };
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url.endsWith('/config')) return new Response(JSON.stringify(segmented), { status: 200 });
        sent.push(...(JSON.parse(String(init?.body)) as { events: unknown[] }).events);
        return new Response(JSON.stringify({ accepted: 0, rejected: [] }), { status: 202 });
      }),
    );
    client = init({ site: 'pk_test', endpoint: 'https://collector.test', locale: 'de-DE' });
    const shown: object[] = [];
    client.on('shown', (detail) => shown.push(detail));
    client.identify('u-1', { plan: 'pro', seats: 12, role: 'admin', email: 'ada@example.com', team: 'x'.repeat(80) });
    await started();
    client.track('checkout_failed');
    await tick();
    await client.flush();
    expect(sent.filter((event) => (event as { type: string }).type === 'survey_shown')).toEqual([
      expect.objectContaining({
        survey: 'after-failure',
        locale: 'de-DE',
        visits: 1,
        // Only the segment keys; a number as a string; at most 64 characters.
        traits: { plan: 'pro', seats: '12', team: 'x'.repeat(64) },
      }),
    ]);
    // The host's listeners get the showing, not the visitor's segment.
    expect(shown).toEqual([{ survey: 'after-failure', response: expect.any(String) }]);
    expect(Object.keys(shown[0]!)).not.toContain('traits');
  });

  it('shows nothing without survey consent', async () => {
    client = init({ site: 'pk_test', endpoint: 'https://collector.test', consent: 'pending' });
    await started();
    client.track('checkout_failed');
    await tick();
    expect(mounted).toEqual([]);
    expect(await client.show('after-failure')).toBe(false);
  });
});
