import { capture as capturer } from './lib/capture';
import { consentState } from './lib/consentState';
import { createDelivery, type Delivery } from './lib/deliver';
import { device } from './lib/device';
import { listen } from './lib/listen';
import { listeners } from './lib/listeners';
import { loadChunk } from './lib/loadChunk';
import { nextTask } from './lib/nextTask';
import { createOutbox } from './lib/outbox';
import { type Identity, touchSession } from './lib/session';
import { storage } from './lib/storage';
import type { PulseEvent, SiteConfig, SurveyDefinition } from './protocol';
import { currentUrl, onPageview } from './signals/onPageview';
import { startSignals } from './signals/startSignals';
import type { Signal } from './signals/types';
import type { PresentOptions, Surveys } from './surveys/createSurveys';
import { recordHistory } from './surveys/history';
import { surveyEvents } from './surveys/surveyEvents';
import { applyThresholds, DEFAULT_THRESHOLDS } from './thresholds';

/** Options of `init`. */
export interface PulseOptions {
  /** The site's public write key (`pk_…`). */
  site: string;
  /** The collector's origin, such as `https://pulse.example.com`. */
  endpoint: string;
  /** `'pending'` captures and sends nothing until `consent()` is called. */
  consent?: 'pending';
  /** UI language (default: `navigator.language`, falling back to English). */
  locale?: string;
  /** CSP nonce for anything the SDK injects. */
  nonce?: string;
  /** Where the lazy chunks load from, ending in `/` (script tag: the folder of `pulse.js`). */
  assets?: string;
  /** Logs each survey decision and its reason in the console (script tag: `data-debug`). */
  debug?: boolean;
}

/** Properties of a custom event or traits of a user. */
export type Properties = Record<string, string | number | boolean | null>;

/** What `on()` can listen to. */
export interface PulseListeners {
  /** A survey appeared. */
  shown: (detail: { survey: string; response: string }) => void;
  /** A question was answered. */
  answered: (detail: { survey: string; response: string; question: string; value: unknown }) => void;
  /** A survey was closed before its end. */
  dismissed: (detail: { survey: string; response: string }) => void;
  /** A friction signal was captured. */
  signal: (event: PulseEvent) => void;
}

/** Consent per purpose: analytics covers page views, custom events and friction; surveys covers prompts and answers. */
export interface Consent {
  analytics?: boolean;
  surveys?: boolean;
}

/** A Pulse client. No method ever throws. */
export interface Pulse {
  /** Links later events to a user id, with traits for survey targeting. */
  identify(userId: string, traits?: Properties): void;
  /** Forgets the user and starts a new anonymous visitor (call it at sign-out). */
  reset(): void;
  /** Records a custom event; surveys can trigger on it. */
  track(name: string, props?: Properties): void;
  /** Records a page view (route changes through the History API are picked up without it). */
  page(): void;
  /** Shows a survey now, whatever its triggers, optionally rendered into a selector. */
  show(surveyId: string, options?: { into?: string }): Promise<boolean>;
  /** Grants or declines consent, for both purposes or each. */
  consent(granted: boolean | Consent): void;
  /** Listens to an SDK event; returns the function that stops listening. */
  on<K extends keyof PulseListeners>(name: K, handler: PulseListeners[K]): () => void;
  /** Sends what waits; resolves when the outbox is empty or the collector is unreachable. */
  flush(): Promise<void>;
  /** Stops every timer and listener. Captured events stay in the outbox for the next page. */
  shutdown(): void;
  /**
   * Turns debug mode on or off, in this browser for this site until turned off: each survey's decision and its
   * reason are logged in the console at every page view and trigger.
   */
  debug(on: boolean): void;
}

/**
 * Creates a Pulse client: captures page views and friction, loads the site's config, and shows surveys when they are
 * due. Until the page has loaded and been idle once (or the visitor first interacts, or leaves), it only listens and
 * keeps what it captures in memory: no storage, no request, no layout read, so that it never slows the page's first
 * paint. Then it starts: the outbox, the session, the survey engine, the config and the first send.
 */
export const init = (options: PulseOptions): Pulse => {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const { site } = options;
  const locale = options.locale || navigator.language || 'en';
  const assets = options.assets ?? `${endpoint}/sdk/`;
  const thresholds = structuredClone(DEFAULT_THRESHOLDS);
  // Every listener, observer and timer stops when this aborts (`shutdown`).
  const lifetime = new AbortController();
  const { signal } = lifetime;
  let delivery: Delivery;
  // The survey engine, a chunk of its own that arrives after the start; missing where it could not load.
  let surveys: Surveys | undefined;
  /** The site's segment keys, from its config. */
  let segments: string[] = [];
  /** The `identify` traits under the segment keys, as strings of at most 64 characters. */
  const segmentTraits = () => {
    const traits = storage<Properties>('traits') ?? {};
    return Object.fromEntries(
      segments.filter((key) => traits[key] != null).map((key) => [key, String(traits[key]).slice(0, 64)]),
    );
  };
  // Work that waits for the start, in order; undefined once started.
  let early: (() => void)[] | undefined = [];
  /** Runs `work` now if Pulse has started, else at its start. */
  const later = (work: () => void) => (early ? early.push(work) : work());
  // Resolves once what waited for the start has run: `flush` and `show` see every event captured before.
  let ready: () => void;
  const started = new Promise<void>((done) => {
    ready = done;
  });
  /**
   * Runs what waited for the start, in order, then what `later` gets from then on runs at once. `yielding` runs each
   * piece in a task of its own, so that the start never makes a long task; else everything runs now (the page is
   * being left). Work queued while it yields runs in its turn.
   */
  const run = async (yielding?: boolean) => {
    while (early?.length) {
      early.shift()!();
      if (yielding) await nextTask();
    }
    early = undefined;
  };
  const { _on: on, _emit: emit } = listeners();
  // A preview link's token (`?pulse-preview=`, from the admin API): its survey shows at once, and the page records
  // nothing, neither events nor survey history.
  const preview = /[?&]pulse-preview=([^&#]+)/.exec(location.search)?.[1];
  let debug = !!options.debug;
  const consent = consentState(options.consent === 'pending');
  /** Stores an event for sending and returns it (once started only); see `capture`. */
  const capture = capturer(
    thresholds,
    (purpose) => !preview && consent._granted[purpose],
    (event) => delivery.add(event),
    (event) => surveys?.observe(event),
  );

  /** Captures an event now, or at the start with the time and URL of now; `then` gets it as stored. */
  const record = (event: Signal, then?: (full: PulseEvent) => void) => {
    const now = Date.now();
    const url = currentUrl();
    later(() => {
      const full = capture(event, 'analytics', now, url);
      if (full) then?.(full);
    });
  };

  /** Renders a survey through the widget chunk; rejects when the chunk cannot load (the engine catches it). */
  const present = async (survey: SurveyDefinition, { into, opened, tab, closed, target }: PresentOptions) => {
    // Null only when a selector was given and matches nothing.
    const container = into && document.querySelector(into);
    if (!(consent._granted.surveys || preview) || container === null) return false;
    const { mount } = await loadChunk('widget', assets);
    mount({
      survey,
      locale,
      nonce: options.nonce,
      into: container || undefined,
      opened,
      tab,
      // Each step: its event, the visitor's history, and the host's listeners; nothing at all in a preview.
      ...surveyEvents(
        survey.id,
        (event, what, detail) => {
          if (preview) return;
          capture(event, 'surveys');
          if (!what) return;
          recordHistory(survey.id, what);
          emit(what, detail as Parameters<PulseListeners[typeof what]>[0] & { question: string; value: unknown });
        },
        { target, locale, visits: storage<Identity>('id')?.visits, traits: segmentTraits() },
      ),
      onClose() {
        closed?.();
        void delivery.flush();
      },
    });
    return true;
  };

  const pageview = () => {
    record({ type: 'pageview' });
    later(() => surveys?.pageview());
  };

  onPageview(pageview, signal);
  // Friction signals and web vitals; friction also reaches `on('signal')` listeners.
  startSignals(
    (event) => record(event, (full) => full.type !== 'vital' && emit('signal', full)),
    thresholds,
    assets,
    [endpoint, assets],
    later,
    signal,
  );

  /**
   * Starts for real: the outbox and its first send, the config and the survey engine. What waited runs once the
   * engine is there (or could not load), so that the page views it waited for reach it. Each step is a task of its
   * own. The delivery exists as soon as this is called, since a leaving page sends through it at once.
   */
  const start = async () => {
    if (delivery || signal.aborted) return;
    delivery = createDelivery({ endpoint, site, outbox: createOutbox(site), signal });
    debug ||= !!storage('debug');
    await nextTask();
    void delivery.flush();
    // An error answer (unknown site, a preview link that expired: the browser logs its 403) has none of the fields:
    // defaults, and no surveys. No config (offline): no surveys, and `show` stops waiting for them.
    const config = fetch(
      `${endpoint}/v1/sites/${encodeURIComponent(site)}/config${preview ? `?preview=${preview}` : ''}`,
      { credentials: 'omit' },
    )
      .then((response) => response.json() as Promise<Partial<SiteConfig>>)
      .catch(() => ({}) as Partial<SiteConfig>);
    try {
      surveys = (await loadChunk('surveys', assets)).createSurveys(
        () => ({
          ...touchSession(thresholds.session.idleMinutes),
          traits: storage<Properties>('traits') ?? {},
          locale,
          device: device(),
          path: location.pathname,
        }),
        thresholds,
        present,
        signal,
        (survey, decision, trigger) =>
          debug &&
          loadChunk('debug', assets)
            .then(({ explain }) => explain(survey, decision(), trigger, consent._granted.surveys))
            .catch(() => undefined),
      );
    } catch {
      // No engine (offline, blocked): events are still captured, and no survey shows.
    }
    const answer = await config;
    applyThresholds(thresholds, answer.thresholds);
    segments = answer.segments ?? [];
    await run(true);
    // A preview shows its survey only: no automatic prompt on top of it.
    surveys?.update(preview ? [] : (answer.surveys ?? []));
    if (answer.preview) void present(answer.preview, {}).catch(() => false);
    ready();
  };
  // Idle soon enough that a survey due on the page view shows within a second of the load event.
  const idle = () => (window.requestIdleCallback ?? setTimeout)(start, { timeout: 500 });
  if (document.readyState === 'complete') idle();
  else listen(window, 'load', idle, signal);
  listen(window, 'pointerdown', start, signal);
  listen(window, 'keydown', start, signal);
  // Leaving before the start: start now, and send what the page captured at once, from memory, as an unload does.
  // Before the load event a leaving page fires no `pagehide` (its page is not showing yet), only `beforeunload`.
  for (const type of ['pagehide', 'beforeunload'])
    listen(
      window,
      type,
      () => {
        if (!early) return;
        void start();
        void run();
        delivery.leave();
      },
      signal,
    );

  const client: Pulse = {
    identify(userId, traits) {
      later(() => {
        storage('user', String(userId));
        storage('traits', { ...storage<Properties>('traits'), ...traits });
      });
      record({ type: 'identify', traits });
    },
    reset() {
      later(() => {
        for (const key of ['user', 'traits', 'id']) storage(key, null);
      });
    },
    track: (name, props) => record({ type: 'track', name: String(name), props }),
    page: pageview,
    show: (surveyId, showOptions) =>
      started.then(() => surveys?.show(surveyId, showOptions?.into) ?? false).catch(() => false),
    consent(granted) {
      // The page view that loaded the page was not recorded while consent was missing.
      if (consent._grant(granted)) record({ type: 'pageview' });
    },
    on,
    // The delivery's flush never rejects.
    flush: () => started.then(() => delivery.flush()),
    shutdown: () => lifetime.abort(),
    debug(on) {
      debug = !!on;
      later(() => storage('debug', debug || null));
    },
  };
  // No method throws: each returns nothing where it failed (`on` and `flush` cannot fail: see above).
  for (const name of Object.keys(client) as (keyof Pulse)[]) {
    const method = client[name] as (...args: unknown[]) => unknown;
    (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      try {
        return method(...args);
      } catch {
        return undefined;
      }
    };
  }
  return client;
};
