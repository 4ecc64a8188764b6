// Sample data for the demo site: a week of made-up visits to the shop (page views, friction, web vitals, funnel
// steps and survey answers), sent through the collector's real write path, POST /v1/events, so that the dashboard has
// something to show on first open. Every free-text answer starts with "[sample]". The write path accepts capture
// times up to 8 days old, so the sample covers the last 7 days.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Marks every free-text answer of the sample, so that nobody mistakes it for a visitor's words. */
export const SAMPLE_MARK = '[sample]';

/**
 * A small seeded random generator (mulberry32): the same seed gives the same sample.
 * @param {number} seed
 */
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const NPS_REASONS = {
  low: [
    'Checkout asked for my postcode twice.',
    'The size guide button does nothing.',
    'Delivery took longer than promised.',
    'The product photos load very slowly on my phone.',
  ],
  high: [
    'Lovely warm light, exactly as pictured.',
    'Fast delivery and the lamp is beautiful.',
    'The dimmer is smooth and silent.',
    'Great support when my order was late.',
  ],
};
const CES_REASONS = ['The card form rejected my number twice.', 'I could not find where to add a gift note.'];
const CSAT_REASONS = ['The answer I needed was not in the FAQ.', 'Quick and friendly answer.'];

/** @typedef {{ id: string, ts: number, [field: string]: unknown }} SampleEvent an event of the wire protocol (sdk/src/protocol.ts) */

/**
 * A week of sample events for the demo shop, ending an hour before `now`.
 * @param {{ now: number, seed?: number, sessionsPerDay?: number }} options
 * @returns {SampleEvent[]}
 */
export const sampleEvents = ({ now, seed = 7, sessionsPerDay = 30 }) => {
  const next = random(seed);
  /** @type {<T>(list: T[]) => T} */
  const pick = (list) => list[Math.floor(next() * list.length)];
  /**
   * A value spread around `median` (log-normal), for web vitals.
   * @param {number} median
   * @param {number} width
   */
  const spread = (median, width) => median * Math.exp(width * (next() + next() + next() - 1.5));
  /**
   * A UUIDv7 at `ts` whose random part comes from the seeded generator.
   * @param {number} ts
   */
  const uuid7 = (ts) => {
    /** @param {number} digits */
    const hex = (digits) => Array.from({ length: digits }, () => Math.floor(next() * 16).toString(16)).join('');
    const time = ts.toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
  };

  /** @type {SampleEvent[]} */
  const events = [];
  const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR'];
  const start = now - 7 * DAY;
  const end = now - HOUR;
  for (let index = 0; index < sessionsPerDay * 7; index++) {
    let ts = start + next() * (end - start - HOUR);
    const device = next() < 0.6 ? 'mobile' : next() < 0.9 ? 'desktop' : 'tablet';
    const visitor = uuid7(Math.floor(ts));
    const session = uuid7(Math.floor(ts));
    /**
     * Adds an event of this session a few seconds after the previous one.
     * @param {string} url
     * @param {Record<string, unknown>} fields
     */
    const add = (url, fields) => {
      ts += 2000 + next() * 20_000;
      const at = Math.floor(ts);
      // A survey's events carry the visitor's segment, as the SDK sends it: their locale, their visit (the NPS prompt
      // shows from the second on) and the demo's segment trait, the plan. Drawn from the session's index, so that the
      // rest of the sample stays as it was.
      const segment = String(fields.type).startsWith('survey_')
        ? {
            locale: LOCALES[index % LOCALES.length],
            visits: fields.survey === 'nps' ? 2 : 1,
            traits: { plan: index % 3 === 0 ? 'pro' : 'free' },
          }
        : {};
      events.push({ id: uuid7(at), ts: at, visitor, session, url, device, ...fields, ...segment });
    };
    /**
     * The web vitals of a page view; `slow` for the product page, whose photo comes late.
     * @param {string} url
     * @param {boolean} slow
     */
    const vitals = (url, slow) => {
      const metric = () => `v4-sample-${Math.floor(next() * 1e12)}`;
      add(url, { type: 'vital', name: 'TTFB', value: Math.round(spread(slow ? 700 : 350, 1)), metric: metric() });
      add(url, { type: 'vital', name: 'FCP', value: Math.round(spread(slow ? 1900 : 1200, 0.8)), metric: metric() });
      add(url, {
        type: 'vital',
        name: 'LCP',
        value: Math.round(spread(slow ? 3600 : 1800, 0.8)),
        metric: metric(),
        target: slow ? 'img.hero-image' : 'h1',
      });
      add(url, {
        type: 'vital',
        name: 'CLS',
        value: Number(spread(slow ? 0.14 : 0.02, 1).toFixed(4)),
        metric: metric(),
      });
      if (next() < 0.7)
        add(url, {
          type: 'vital',
          name: 'INP',
          value: Math.round(spread(slow ? 320 : 120, 0.9)),
          metric: metric(),
          target: slow ? '#add' : 'a.card',
        });
    };
    /**
     * A page view and its vitals.
     * @param {string} url
     */
    const view = (url, slow = false) => {
      add(url, { type: 'pageview' });
      vitals(url, slow);
    };

    view('/');
    if (next() < 0.25) view('/pricing');
    view('/shop');
    if (next() < 0.08) add('/shop', { type: 'excessive_scroll', changes: 4 + Math.floor(next() * 4) });
    const product = `/product/${1 + Math.floor(next() * 6)}`;
    view(product, true);
    if (next() < 0.06) add('/shop', { type: 'quick_back', to: product, duration: Math.round(1500 + next() * 3000) });
    if (next() < 0.12)
      add(product, {
        type: 'rage_click',
        target: '#size-guide',
        label: 'Size guide',
        count: 3 + Math.floor(next() * 4),
      });
    else if (next() < 0.15) add(product, { type: 'dead_click', target: '#size-guide', label: 'Size guide' });
    if (next() < 0.05) {
      const message = "TypeError: Cannot read properties of undefined (reading 'email')";
      add(product, { type: 'error_click', target: '#notify', label: 'Notify me about new colours', message });
      add(product, { type: 'js_error', message, file: '/shop.js', line: 84, col: 20 });
    }
    if (next() < 0.2) {
      view('/support');
      if (next() < 0.6) {
        const response = uuid7(Math.floor(ts));
        const score = Math.min(5, Math.max(1, Math.round(3.9 + (next() - 0.4) * 3)));
        add('/support', { type: 'survey_shown', survey: 'support-csat', response });
        add('/support', {
          type: 'survey_answer',
          survey: 'support-csat',
          response,
          question: 'score',
          kind: 'csat',
          value: score,
        });
        if (next() < 0.5)
          add('/support', {
            type: 'survey_answer',
            survey: 'support-csat',
            response,
            question: 'score.followup',
            kind: 'text',
            value: `${SAMPLE_MARK} ${pick(CSAT_REASONS)}`,
          });
      }
    }
    if (next() < 0.5) {
      view('/cart');
      if (next() < 0.7) {
        view('/checkout');
        if (next() < 0.55) {
          // The checkout's fields were changed, then submitted; a sample draws no more numbers for it, so the rest of
          // the sample stays as it was.
          add('/checkout', {
            type: 'form_submit',
            form: '#checkout',
            fields: 5,
            duration: 20_000 + (Math.floor(ts) % 40_000),
          });
          add('/checkout', { type: 'track', name: 'order_placed' });
          view('/checkout/done');
          if (next() < 0.7) {
            const response = uuid7(Math.floor(ts));
            const score = Math.min(7, Math.max(1, Math.round(5.3 + (next() - 0.5) * 4)));
            add('/checkout/done', { type: 'survey_shown', survey: 'checkout-ces', response });
            add('/checkout/done', {
              type: 'survey_answer',
              survey: 'checkout-ces',
              response,
              question: 'effort',
              kind: 'ces',
              value: score,
            });
            if (score <= 4 && next() < 0.7)
              add('/checkout/done', {
                type: 'survey_answer',
                survey: 'checkout-ces',
                response,
                question: 'effort.followup',
                kind: 'text',
                value: `${SAMPLE_MARK} ${pick(CES_REASONS)}`,
              });
          }
        } else
          add('/checkout', {
            type: 'form_abandon',
            form: '#checkout',
            fields: 1 + Math.floor(next() * 4),
            last: pick(['email', 'name', 'postcode', 'card']),
            duration: Math.round(8000 + next() * 60_000),
          });
      }
    }
    // A returning visitor's NPS answer, on a later visit.
    if (next() < 0.35) {
      ts += HOUR * (1 + next() * 20);
      if (ts > end) continue;
      const response = uuid7(Math.floor(ts));
      const roll = next();
      const score =
        roll < 0.5 ? 9 + Math.floor(next() * 2) : roll < 0.75 ? 7 + Math.floor(next() * 2) : Math.floor(next() * 7);
      view('/');
      add('/', { type: 'survey_shown', survey: 'nps', response });
      add('/', { type: 'survey_answer', survey: 'nps', response, question: 'score', kind: 'nps', value: score });
      if (next() < 0.5)
        add('/', {
          type: 'survey_answer',
          survey: 'nps',
          response,
          question: 'score.followup',
          kind: 'text',
          value: `${SAMPLE_MARK} ${pick(score <= 6 ? NPS_REASONS.low : NPS_REASONS.high)}`,
        });
    }
  }
  return events.filter((event) => event.ts < end).sort((a, b) => a.ts - b.ts);
};

/**
 * Sends events through the write path in batches of 100, from `origin` as the shop's pages would.
 * @param {{ collector: string, writeKey: string, origin: string, events: SampleEvent[] }} options
 * @returns {Promise<number>} events accepted
 */
export const sendEvents = async ({ collector, writeKey, origin, events }) => {
  let accepted = 0;
  for (let index = 0; index < events.length; index += 100) {
    const response = await fetch(`${collector}/v1/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: origin },
      body: JSON.stringify({ site: writeKey, events: events.slice(index, index + 100) }),
    });
    if (response.status !== 202) throw new Error(`sample data: ${response.status} ${await response.text()}`);
    const result = /** @type {{ accepted: number, rejected: unknown[] }} */ (await response.json());
    if (result.rejected.length) throw new Error(`sample data refused: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    accepted += result.accepted;
  }
  return accepted;
};
