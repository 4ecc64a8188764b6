import { createDelivery } from './lib/deliver';
import { device } from './lib/device';
import { loadWidget } from './lib/loadWidget';
import { createOutbox } from './lib/outbox';
import { touchSession } from './lib/session';
import { storage } from './lib/storage';
import { uuid7 } from './lib/uuid7';
import type { PulseEvent, SiteConfig, SurveyDefinition } from './protocol';
import { currentUrl, onPageview } from './signals/onPageview';
import { startSignals } from './signals/startSignals';
import type { Signal } from './signals/types';
import { createSurveys, type PresentOptions } from './surveys/createSurveys';
import { recordHistory, type SurveyHistory } from './surveys/history';
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
}

/** Creates a Pulse client: loads the site's config, captures page views, and shows surveys when they are due. */
export const init = (options: PulseOptions): Pulse => {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const { site } = options;
  const locale = options.locale || navigator.language || 'en';
  const assets = options.assets ?? `${endpoint}/sdk/`;
  const thresholds = structuredClone(DEFAULT_THRESHOLDS);
  // Every listener, observer and timer stops when this aborts (`shutdown`).
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const delivery = createDelivery({ endpoint, site, outbox: createOutbox(site), signal });
  // No prototype: `on('__proto__', …)` gets a list of its own like any other name.
  const listeners: { [K in keyof PulseListeners]?: PulseListeners[K][] } = Object.create(null);
  const privacySignal =
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true || navigator.doNotTrack === '1';
  const pending = options.consent === 'pending';
  const consent: Required<Consent> = { analytics: !pending && !privacySignal, surveys: !pending };

  const emit = <K extends keyof PulseListeners>(name: K, detail: Parameters<PulseListeners[K]>[0]) => {
    for (const handler of listeners[name] ?? []) {
      try {
        (handler as (value: typeof detail) => void)(detail);
      } catch {
        // A host handler's error is the host's; it must not stop Pulse.
      }
    }
  };

  /** Stores an event for sending and returns it, or nothing without consent or after an opt-out. */
  const capture = (event: Signal, purpose: keyof Consent = 'analytics') => {
    // Before the consent check: a survey may follow a `track` event or a friction signal even without analytics.
    surveys.observe(event);
    if (!consent[purpose] || storage('optout')) return;
    const now = Date.now();
    const { visitor, session } = touchSession(thresholds.session.idleMinutes, now);
    const full = {
      id: uuid7(now),
      ts: now,
      visitor,
      session,
      url: currentUrl(),
      device: device(),
      user: storage<string>('user') ?? undefined,
      ...event,
    } as PulseEvent;
    delivery.add(full);
    return full;
  };

  /** Renders a survey through the widget chunk; rejects when the chunk cannot load (the engine catches it). */
  const present = async (survey: SurveyDefinition, { into, opened, tab, closed }: PresentOptions) => {
    // Null only when a selector was given and matches nothing.
    const target = into && document.querySelector(into);
    if (!consent.surveys || target === null) return false;
    const mount = await loadWidget(assets);
    // A new response id each time the survey opens: a tab can open it more than once.
    let tag: { survey: string; response: string };
    /** Records one step of the survey: its event, the visitor's history, and the host's listeners. */
    const step = (what: keyof SurveyHistory, event: Signal, detail: object = tag) => {
      capture(event, 'surveys');
      recordHistory(survey.id, what);
      emit(what, detail as Parameters<PulseListeners[typeof what]>[0] & { question: string; value: unknown });
    };
    mount({
      survey,
      locale,
      nonce: options.nonce,
      into: target || undefined,
      opened,
      tab,
      onShown() {
        tag = { survey: survey.id, response: uuid7() };
        step('shown', { type: 'survey_shown', ...tag });
      },
      onAnswer({ id: question, type: kind }, value) {
        step('answered', { type: 'survey_answer', ...tag, question, kind, value }, { ...tag, question, value });
      },
      onDismiss(question) {
        step('dismissed', { type: 'survey_dismissed', ...tag, question: question?.id });
      },
      onClose() {
        closed?.();
        void delivery.flush();
      },
    });
    return true;
  };

  const surveys = createSurveys(
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
  );

  const pageview = () => {
    capture({ type: 'pageview' });
    surveys.pageview();
  };

  onPageview(pageview, signal);
  // Friction signals and web vitals; friction also reaches `on('signal')` listeners.
  startSignals(
    (event) => {
      const full = capture(event);
      if (full && full.type !== 'vital') emit('signal', full);
    },
    thresholds,
    assets,
    [endpoint, assets],
    signal,
  );
  // An error answer (unknown site) has neither field: defaults, and no surveys. No config (offline): no surveys,
  // and `show` stops waiting for them.
  fetch(`${endpoint}/v1/sites/${encodeURIComponent(site)}/config`, { credentials: 'omit' })
    .then((response) => response.json())
    .then((config: Partial<SiteConfig>) => {
      applyThresholds(thresholds, config.thresholds);
      surveys.update(config.surveys ?? []);
    })
    .catch(() => surveys.update([]));
  void delivery.flush();

  const client: Pulse = {
    identify(userId, traits) {
      storage('user', String(userId));
      storage('traits', { ...storage<Properties>('traits'), ...traits });
      capture({ type: 'identify', traits });
    },
    reset() {
      for (const key of ['user', 'traits', 'id']) storage(key, null);
    },
    track: (name, props) => capture({ type: 'track', name: String(name), props }),
    page: pageview,
    show: (surveyId, showOptions) => surveys.show(surveyId, showOptions?.into).catch(() => false),
    consent(granted) {
      const hadAnalytics = consent.analytics;
      Object.assign(consent, typeof granted === 'boolean' ? { analytics: granted, surveys: granted } : granted);
      // The page view that loaded the page was not recorded while consent was missing.
      if (consent.analytics && !hadAnalytics) capture({ type: 'pageview' });
    },
    on(name, handler) {
      const list = (listeners[name] ??= []) as (typeof handler)[];
      list.push(handler);
      // `>>> 0` turns a missing handler's -1 into an index past the end, so a second call removes nothing.
      return () => void list.splice(list.indexOf(handler) >>> 0, 1);
    },
    // The delivery's flush never rejects.
    flush: delivery.flush,
    shutdown: () => lifetime.abort(),
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
