// Figures 2 and 3, in headless Chromium (Debian's, through Playwright, with the flags of test/playwright.config.ts):
// the main-thread cost of loading the bench page with no SDK, with Pulse and with PostHog, paired per iteration;
// the cost of opening each SDK's survey; and the time each SDK's click, scroll and input listeners add per event.
import { chromium, devices } from '@playwright/test';
import { LAUNCH_OPTIONS as LAUNCH } from '../chromium.mjs';
import { summary } from './lib/stats.mjs';
import { POSTHOG_SURVEY, PULSE_SURVEY } from './server.mjs';

/** A desktop Chrome context; its User-Agent is not headless, which PostHog would take for a bot and go quiet. */
const CONTEXT = devices['Desktop Chrome'];
/** How long a load may take to reach network idle before it is measured anyway (and counted as never idle). */
const IDLE_MS = 5000;
/** After the network is idle, wait this long for idle callbacks and lazy chunks (Pulse loads vitals.js when idle). */
const SETTLE_MS = 1000;

export const VARIANTS = /** @type {const} */ (['none', 'pulse', 'posthog']);

/** Collects long tasks and the largest contentful paint's time from the very start of the page. */
const LONG_TASKS = () => {
  /** @type {number[]} */
  const durations = [];
  Object.defineProperty(window, '__benchLongTasks', { value: durations });
  const lcp = { time: 0 };
  Object.defineProperty(window, '__benchLcp', { value: lcp });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) lcp.time = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // No long-task or paint timing: the figures stay empty.
  }
};

/**
 * Opens `url` in a fresh context (a first visit: empty cache) at a CPU throttling rate, waits until the page and the
 * SDK have settled, and returns the page with its CDP session for more measuring.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {number} rate
 */
const open = async (browser, url, rate) => {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(url, { waitUntil: 'load' });
  // Bounded: at 4× CPU, PostHog's page now and then never goes 500 ms without a connection.
  const idle = await page.waitForLoadState('networkidle', { timeout: IDLE_MS }).then(
    () => true,
    () => false,
  );
  await page.waitForTimeout(SETTLE_MS);
  return { context, page, cdp, idle };
};

/**
 * Main-thread script and task time so far (ms), from CDP's Performance.getMetrics.
 * @param {import('@playwright/test').CDPSession} cdp
 */
const mainThread = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (/** @type {string} */ name) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return { script: value('ScriptDuration'), task: value('TaskDuration') };
};

/**
 * Long tasks so far on the page: their number and the total blocking time (the sum of their time over 50 ms), with
 * the time of the largest contentful paint.
 */
const longTasksOf = async (/** @type {import('@playwright/test').Page} */ page) => {
  const { durations, lcp } = await page.evaluate(() => ({
    durations: /** @type {any} */ (window).__benchLongTasks ?? [],
    lcp: /** @type {any} */ (window).__benchLcp?.time ?? 0,
  }));
  return {
    count: durations.length,
    blocking: durations.reduce((/** @type {number} */ sum, /** @type {number} */ d) => sum + Math.max(0, d - 50), 0),
    lcp,
  };
};

/**
 * Page cost: `iterations` rounds of the same page with no SDK, Pulse and PostHog (in a rotating order), at each
 * CPU throttling rate. Added times are paired against the no-SDK load of the same round.
 * @param {{ page: string, iterations: number, rates: number[], log: (line: string) => void }} options
 */
export const measureLoads = async ({ page: origin, iterations, rates, log }) => {
  const browser = await chromium.launch(LAUNCH);
  try {
    const results = [];
    for (const rate of rates) {
      /** @type {Record<string, { script: number, task: number, longTasks: number, blocking: number, lcp: number }[]>} */
      const loads = { none: [], pulse: [], posthog: [] };
      /** Loads that never reached network idle, by variant. */
      const neverIdle = { none: 0, pulse: 0, posthog: 0 };
      for (let round = 0; round < iterations; round++) {
        const order = VARIANTS.map((_, index) => VARIANTS[(index + round) % VARIANTS.length]);
        for (const variant of order) {
          const { context, page, cdp, idle } = await open(browser, `${origin}/${variant}`, rate);
          if (!idle) neverIdle[variant]++;
          const time = await mainThread(cdp);
          const long = await longTasksOf(page);
          loads[variant].push({ ...time, longTasks: long.count, blocking: long.blocking, lcp: long.lcp });
          await context.close();
        }
      }
      /** @param {'pulse' | 'posthog'} variant */
      const added = (variant) => {
        const paired = loads[variant].map((load, round) => {
          const none = loads.none[round];
          return {
            script: load.script - none.script,
            task: load.task - none.task,
            longTasks: load.longTasks - none.longTasks,
            blocking: load.blocking - none.blocking,
            lcp: load.lcp - none.lcp,
          };
        });
        return {
          addedScriptMs: summary(paired.map((pair) => pair.script)),
          addedTaskMs: summary(paired.map((pair) => pair.task)),
          addedLongTasks: summary(
            paired.map((pair) => pair.longTasks),
            0,
          ),
          addedBlockingMs: summary(paired.map((pair) => pair.blocking)),
          addedLcpMs: summary(paired.map((pair) => pair.lcp)),
          longTasks: summary(
            loads[variant].map((load) => load.longTasks),
            0,
          ),
          blockingMs: summary(loads[variant].map((load) => load.blocking)),
          roundsWithAddedLongTask: paired.filter((pair) => pair.longTasks > 0).length,
        };
      };
      const none = {
        scriptMs: summary(loads.none.map((load) => load.script)),
        taskMs: summary(loads.none.map((load) => load.task)),
        longTasks: summary(
          loads.none.map((load) => load.longTasks),
          0,
        ),
        blockingMs: summary(loads.none.map((load) => load.blocking)),
        lcpMs: summary(loads.none.map((load) => load.lcp)),
      };
      results.push({ rate, iterations, neverIdle, none, pulse: added('pulse'), posthog: added('posthog') });
      log(`  page loads at ${rate}× CPU: done`);
    }
    return { chromium: browser.version(), settleMs: SETTLE_MS, results };
  } finally {
    await browser.close();
  }
};

/**
 * Opening a survey on a settled page: Pulse's `pulse('show', id)` (its widget chunk is fetched then) and PostHog's
 * `displaySurvey` as a popover (its surveys chunk is already loaded, since a survey is defined). Script time from
 * the call until the survey's first question is on screen, and that wall time.
 * @param {{ page: string, iterations: number, rates: number[] }} options
 */
export const measureWidget = async ({ page: origin, iterations, rates }) => {
  const browser = await chromium.launch(LAUNCH);
  try {
    const results = [];
    for (const rate of rates) {
      /** @type {Record<string, { script: number, wall: number, longTasks: number }[]>} */
      const opens = { pulse: [], posthog: [] };
      for (let round = 0; round < iterations; round++) {
        for (const variant of /** @type {const} */ (['pulse', 'posthog'])) {
          const { context, page, cdp } = await open(browser, `${origin}/${variant}`, rate);
          const before = await mainThread(cdp);
          const longBefore = (await longTasksOf(page)).count;
          const wall = await page.evaluate(
            async ({ variant, pulseSurvey, posthogSurvey }) => {
              const started = performance.now();
              const onScreen = (/** @type {() => boolean} */ test) =>
                new Promise((done, fail) => {
                  const deadline = started + 10_000;
                  const check = () => {
                    if (test()) done(undefined);
                    else if (performance.now() > deadline) fail(new Error(`${variant}: the survey did not show`));
                    else requestAnimationFrame(check);
                  };
                  check();
                });
              const w = /** @type {any} */ (window);
              if (variant === 'pulse') {
                if (!(await w.pulse('show', pulseSurvey))) throw new Error('pulse: show() resolved false');
                // Shown: its score inputs are in the widget's shadow root.
                await onScreen(() => !!document.querySelector('pulse-survey')?.shadowRoot?.querySelector('input'));
              } else {
                w.posthog.displaySurvey(posthogSurvey, {
                  displayType: 'popover',
                  ignoreConditions: true,
                  ignoreDelay: true,
                });
                await onScreen(
                  () =>
                    !!document.querySelector(`.PostHogSurvey-${posthogSurvey}`)?.shadowRoot?.querySelector('button'),
                );
              }
              // One more frame: the survey has been painted.
              await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
              return performance.now() - started;
            },
            { variant, pulseSurvey: PULSE_SURVEY, posthogSurvey: POSTHOG_SURVEY },
          );
          const after = await mainThread(cdp);
          opens[variant].push({
            script: after.script - before.script,
            wall,
            longTasks: (await longTasksOf(page)).count - longBefore,
          });
          await context.close();
        }
      }
      const of = (/** @type {'pulse' | 'posthog'} */ variant) => ({
        scriptMs: summary(opens[variant].map((open) => open.script)),
        toShownMs: summary(opens[variant].map((open) => open.wall)),
        longTasks: summary(
          opens[variant].map((open) => open.longTasks),
          0,
        ),
      });
      results.push({ rate, iterations, pulse: of('pulse'), posthog: of('posthog') });
    }
    return results;
  } finally {
    await browser.close();
  }
};

/**
 * Per-interaction cost: on a settled, cross-origin-isolated page (5 µs timers), `events` synthetic clicks (pointer
 * and mouse down/up, then click, on the page's reacting buttons, never three on one spot), scrolls (a new position,
 * then the scroll event) and keystrokes in a text field (keydown, input, keyup), each dispatched in a task of its
 * own. Each figure is the time the dispatch took, so every listener's synchronous work; the SDK's cost is its
 * median minus the median without an SDK.
 * @param {{ page: string, events: number }} options
 */
export const measureInteractions = async ({ page: origin, events }) => {
  const browser = await chromium.launch(LAUNCH);
  try {
    /** @type {Record<string, Record<string, number[]>>} */
    const times = {};
    for (const variant of VARIANTS) {
      const { context, page } = await open(browser, `${origin}/${variant}?isolated`, 1);
      if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the interaction page is not isolated');
      times[variant] = await page.evaluate(async (count) => {
        const nextTask = () =>
          new Promise((done) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done(undefined);
            channel.port2.postMessage(0);
          });
        /** @param {() => void} dispatch */
        const timed = async (dispatch, /** @type {number[]} */ into) => {
          const started = performance.now();
          dispatch();
          into.push(performance.now() - started);
          await nextTask();
        };
        const buttons = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('button.add')]);
        const field = /** @type {HTMLInputElement} */ (document.querySelector('input[name="name"]'));
        /** @type {Record<string, number[]>} */
        const result = { click: [], scroll: [], input: [] };
        for (let index = 0; index < count; index++) {
          const button = buttons[index % buttons.length];
          const box = button.getBoundingClientRect();
          const at = {
            bubbles: true,
            cancelable: true,
            composed: true,
            clientX: box.x + 8,
            clientY: box.y + 8,
            view: window,
          };
          await timed(() => {
            button.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerId: 1, isPrimary: true }));
            button.dispatchEvent(new MouseEvent('mousedown', at));
            button.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerId: 1, isPrimary: true }));
            button.dispatchEvent(new MouseEvent('mouseup', at));
            button.dispatchEvent(new MouseEvent('click', at));
          }, result.click);
        }
        for (let index = 0; index < count; index++) {
          // Down the page, and back up every 100 events, as a reader does.
          const y = (Math.floor(index / 100) % 2 ? 100 - (index % 100) : index % 100) * 12;
          await timed(() => {
            window.scrollTo(0, y);
            document.dispatchEvent(new Event('scroll', { bubbles: true }));
          }, result.scroll);
        }
        field.focus();
        for (let index = 0; index < count; index++) {
          const key = String.fromCharCode(97 + (index % 26));
          await timed(() => {
            field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
            field.value = index % 40 === 39 ? '' : field.value + key;
            field.dispatchEvent(
              new InputEvent('input', { data: key, inputType: 'insertText', bubbles: true, composed: true }),
            );
            field.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
          }, result.input);
        }
        return result;
      }, events);
      await context.close();
    }
    /** @type {Record<string, any>} */
    const results = {};
    for (const kind of ['click', 'scroll', 'input']) {
      const none = summary(times.none[kind], 4);
      results[kind] = { none: { perEventMs: none } };
      for (const variant of /** @type {const} */ (['pulse', 'posthog'])) {
        const own = summary(times[variant][kind], 4);
        results[kind][variant] = { perEventMs: own, addedMs: Math.round((own.median - none.median) * 10_000) / 10_000 };
      }
    }
    return { events, results };
  } finally {
    await browser.close();
  }
};
