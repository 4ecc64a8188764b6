// Realistic Pulse events for the benchmark: visits to a small shop, each page view followed by its web vitals and,
// now and then, friction, a tracked event or a survey. The same generator feeds the ingest load (fresh ids per
// request) and the 1,000,000-event seed (deterministic, from a seed number). Runs in Node and in a worker.

/** The shop's pages: [url (ids in it), weight]. Ids are normalised away by the collector (`/product/:id`). */
const LANDING = [
  ['/', 30],
  ['/shop', 12],
  ['/pricing', 6],
  ['/blog', 4],
  ['/about', 2],
  ['/contact', 1],
  ['/help', 3],
];
const BLOG_POSTS = ['fresh-roast', 'brew-guide', 'grinders', 'cold-brew', 'origins', 'tasting-notes', 'water'];
const HELP_PAGES = ['shipping', 'returns', 'payment', 'accounts', 'gift-cards'];
const DEVICES = [
  ['mobile', 55],
  ['desktop', 40],
  ['tablet', 5],
];
const TARGETS = [
  ['#add-to-cart', 'Add to cart'],
  ['button.qty-plus', '+'],
  ['#checkout-pay', 'Pay now'],
  ['a.nav-shop', 'Shop'],
  ['div.hero > img', undefined],
  ['#coupon-apply', 'Apply'],
  ['span.price', undefined],
  ['button.filter', 'Filter'],
];
const ERRORS = [
  "TypeError: Cannot read properties of undefined (reading 'price')",
  'ReferenceError: gtag is not defined',
  'Error: Network request failed',
];
const FOLLOW_UPS = ['Shipping took too long', 'Great coffee, fast delivery', 'The checkout asked for my address twice'];

/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same events, run after run.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export const seeded = (seed) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * A UUIDv7 (RFC 9562): 48 bits of milliseconds, then random bits; `tail`, when given, replaces the last 32 bits so
 * that ids made from a seeded source are unique by construction.
 * @param {number} ts
 * @param {() => number} random
 * @param {number} [tail]
 */
export const uuidv7 = (ts, random, tail) => {
  const hex = (value, digits) => Math.floor(value).toString(16).padStart(digits, '0');
  const time = hex(ts, 12);
  const last = tail === undefined ? hex(random() * 2 ** 32, 8) : hex(tail >>> 0, 8);
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-7${hex(random() * 4096, 3)}-` +
    `${hex(8 + random() * 4, 1)}${hex(random() * 4096, 3)}-${hex(random() * 65536, 4)}${last}`
  );
};

/**
 * @template T
 * @param {() => number} random
 * @param {[T, number][]} weighted
 * @returns {T}
 */
const pick = (random, weighted) => {
  let total = 0;
  for (const [, weight] of weighted) total += weight;
  let roll = random() * total;
  for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
  return weighted[weighted.length - 1][0];
};

/** A log-normal value around `median` (web vitals are roughly log-normal), rounded to 0.1. */
const logNormal = (random, median, spread) => {
  const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.round(median * Math.exp(spread * gauss) * 10) / 10;
};

/** The next page of a visit, or undefined when the visitor leaves. */
const nextPage = (random, url) => {
  if (random() < 0.3) return undefined;
  if (url === '/' || url === '/shop')
    return random() < 0.75 ? `/product/${1 + Math.floor(random() * 400)}` : pick(random, LANDING);
  if (url.startsWith('/product/')) return random() < 0.35 ? '/cart' : `/product/${1 + Math.floor(random() * 400)}`;
  if (url === '/cart') return random() < 0.6 ? '/checkout' : '/shop';
  if (url === '/checkout') return random() < 0.7 ? '/checkout/done' : '/cart';
  if (url === '/blog') return `/blog/${BLOG_POSTS[Math.floor(random() * BLOG_POSTS.length)]}`;
  if (url === '/help') return `/help/${HELP_PAGES[Math.floor(random() * HELP_PAGES.length)]}`;
  return pick(random, LANDING);
};

/**
 * The events of one visit: page views, each with its vitals, and the friction, tracked events and survey answers a
 * real shop sees, in capture order.
 * @param {() => number} random
 * @param {{ start: number, id: (ts: number) => string, visitor?: string, user?: string }} visit
 * @returns {Record<string, unknown>[]}
 */
export const visitEvents = (random, { start, id, visitor, user }) => {
  const device = pick(random, DEVICES);
  const mobile = device === 'mobile' ? 1.4 : 1;
  const base = { visitor: visitor ?? id(start), session: id(start), device, ...(user ? { user } : {}) };
  // What the SDK puts on a showing's events: the locale, the visit count and the site's segment trait, the plan.
  const segment = {
    locale: pick(random, [
      ['en-US', 5],
      ['de-DE', 2],
      ['fr-FR', 2],
      ['pt-BR', 1],
    ]),
    visits: random() < 0.6 ? 1 : 2 + Math.floor(random() * 5),
    traits: { plan: random() < 0.25 ? 'pro' : 'free' },
  };
  /** @type {Record<string, unknown>[]} */
  const events = [];
  let ts = start;
  let url = pick(random, LANDING);
  let pages = 0;
  while (url && pages++ < 12) {
    const at = (offset) => ({ ...base, id: id(ts + offset), ts: Math.round(ts + offset), url });
    events.push({
      ...at(0),
      type: 'pageview',
      ...(pages === 1 && random() < 0.4 ? { referrer: 'https://www.google.com/' } : {}),
    });
    const vital = (name, value, offset) =>
      events.push({ ...at(offset), type: 'vital', name, value, metric: `v5-${Math.round(ts)}-${name}-${pages}` });
    vital('TTFB', logNormal(random, 380 * mobile, 0.5), 400);
    vital('FCP', logNormal(random, 1300 * mobile, 0.45), 1400);
    vital('LCP', logNormal(random, 1900 * mobile, 0.5), 2200);
    const dwell = 4000 + random() * 60_000;
    if (random() < 0.05)
      events.push({
        ...at(dwell * 0.4),
        type: 'js_error',
        message: pick(
          random,
          ERRORS.map((m) => [m, 1]),
        ),
        file: '/assets/app.js',
        line: 1 + Math.floor(random() * 900),
        col: 12,
      });
    const [target, label] = TARGETS[Math.floor(random() * TARGETS.length)];
    const element = { target, ...(label ? { label } : {}) };
    if (random() < 0.04)
      events.push({ ...at(dwell * 0.5), type: 'rage_click', ...element, count: 3 + Math.floor(random() * 5) });
    if (random() < 0.06) events.push({ ...at(dwell * 0.5), type: 'dead_click', ...element });
    if (random() < 0.01) events.push({ ...at(dwell * 0.5), type: 'error_click', ...element, message: ERRORS[0] });
    if (random() < 0.02)
      events.push({ ...at(dwell * 0.6), type: 'excessive_scroll', changes: 4 + Math.floor(random() * 4) });
    if (url === '/checkout' && random() < 0.25)
      events.push({
        ...at(dwell * 0.7),
        type: 'form_abandon',
        form: 'form#checkout',
        fields: 1 + Math.floor(random() * 6),
        last: 'postcode',
        duration: Math.round(dwell * 0.6),
      });
    else if (url === '/checkout' && random() < 0.4)
      events.push({
        ...at(dwell * 0.7),
        type: 'form_submit',
        form: 'form#checkout',
        fields: 6,
        duration: Math.round(dwell * 0.6),
      });
    if (url.startsWith('/product/') && random() < 0.3)
      events.push({ ...at(dwell * 0.3), type: 'track', name: 'add_to_cart', props: { sku: url.slice(9), qty: 1 } });
    if (url === '/checkout/done')
      events.push({
        ...at(300),
        type: 'track',
        name: 'order_placed',
        props: { total: Math.round(random() * 9000) / 100 },
      });
    if (random() < 0.04) {
      const survey = pick(random, [
        ['nps', 6],
        ['csat', 3],
        ['ces', 1],
      ]);
      const response = id(ts + dwell * 0.8);
      const shown = { ...at(dwell * 0.8), survey, response, ...segment };
      events.push({ ...shown, type: 'survey_shown' });
      if (random() < 0.35)
        events.push({ ...at(dwell * 0.85), survey, response, ...segment, type: 'survey_dismissed', question: 'score' });
      else {
        const value =
          survey === 'nps'
            ? Math.floor(random() * 11)
            : survey === 'csat'
              ? 1 + Math.floor(random() * 5)
              : 1 + Math.floor(random() * 7);
        events.push({
          ...at(dwell * 0.85),
          survey,
          response,
          ...segment,
          type: 'survey_answer',
          question: 'score',
          kind: survey,
          value,
        });
        if (random() < 0.3)
          events.push({
            ...at(dwell * 0.9),
            survey,
            response,
            ...segment,
            type: 'survey_answer',
            question: 'score.followup',
            kind: 'text',
            value: FOLLOW_UPS[Math.floor(random() * FOLLOW_UPS.length)],
          });
        events.push({ ...at(dwell * 0.95), survey, response, ...segment, type: 'survey_completed' });
      }
    }
    vital('CLS', random() < 0.5 ? 0 : Math.round(logNormal(random, 0.05, 1) * 1000) / 1000, dwell);
    if (random() < 0.7) vital('INP', logNormal(random, 120 * mobile, 0.6), dwell);
    ts += dwell + 500;
    const next = nextPage(random, url);
    if (next && random() < 0.02)
      events.push({ ...at(dwell + 100), type: 'quick_back', to: next, duration: 2000 + Math.round(random() * 2500) });
    url = next;
  }
  return events;
};
