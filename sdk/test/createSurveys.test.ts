import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SurveyDefinition, Trigger } from '../src/protocol';
import type { Signal } from '../src/signals/types';
import { createSurveys, type PresentOptions } from '../src/surveys/createSurveys';
import { recordHistory } from '../src/surveys/history';
import type { Audience } from '../src/surveys/isEligible';
import { surveyEvents } from '../src/surveys/surveyEvents';

const audience: Audience = {
  visitor: 'visitor-1',
  visits: 1,
  traits: {},
  locale: 'en',
  device: 'desktop',
  path: '/lab/engine',
};

const survey = (id: string, ...triggers: Trigger[]): SurveyDefinition => ({
  id,
  questions: [{ id: 'q', type: 'text', text: 'Anything?' }],
  triggers,
});

/** An engine whose host records what it was asked to present; presenting succeeds. */
const setup = (surveys: SurveyDefinition[], who: Partial<Audience> = {}, cooldownDays = 14) => {
  const shown: { id: string; options: PresentOptions }[] = [];
  const engine = createSurveys(
    // Read at each call, so that a test can move the visitor to another path.
    () => ({ ...audience, ...who }),
    { globalCooldownDays: cooldownDays },
    async (definition, options) => {
      shown.push({ id: definition.id, options });
      recordHistory(definition.id, 'shown');
      return true;
    },
    lifetime.signal,
  );
  engine.update(surveys);
  /** Ids presented so far, after pending promises settle. */
  const ids = async () => {
    await vi.advanceTimersByTimeAsync(0);
    return shown.map((entry) => entry.id);
  };
  /** Closes the last survey presented. */
  const close = () => shown.at(-1)!.options.closed!();
  return { engine, shown, ids, close };
};

/** Ends the engines of a test. */
let lifetime = new AbortController();
const setSize = (width: number, scrollHeight = 3000) => {
  Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
  // The device class reads the width through media queries (a fine pointer here).
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: !query.includes('coarse') && width <= Number(/max-width:([\d.]+)px/.exec(query)?.[1] ?? Infinity),
  }));
  Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
  Object.defineProperty(document.documentElement, 'scrollHeight', { value: scrollHeight, configurable: true });
};
const scrollTo = (y: number) => {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  window.dispatchEvent(new Event('scroll'));
};

beforeEach(() => {
  lifetime = new AbortController();
  vi.useFakeTimers();
  localStorage.clear();
  setSize(1280);
  scrollTo(0);
  document.body.innerHTML = '<button id="help"><span>Help</span></button><button id="other">Other</button>';
});

afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
});

describe('createSurveys triggers', () => {
  it('shows a page-view survey when the config arrives and on each route change, one prompt per page view', async () => {
    const who = { path: '/lab/engine' };
    const { engine, ids, close } = setup(
      [
        { ...survey('a', { on: 'pageview' }), throttle: { repeat: 'once' } },
        { ...survey('b', { on: 'pageview' }), throttle: { repeat: 'once' } },
        { ...survey('pricing', { on: 'pageview' }), url: [{ match: 'exact', value: '/pricing' }] },
      ],
      who,
      0,
    );
    expect(await ids()).toEqual(['a']);
    close();
    engine.pageview();
    expect(await ids()).toEqual(['a', 'b']);
    close();
    who.path = '/pricing';
    engine.pageview();
    expect(await ids()).toEqual(['a', 'b', 'pricing']);
  });

  it('fires a delay trigger that many seconds after the page view, and starts it over on a route change', async () => {
    const { engine, ids } = setup([survey('later', { on: 'delay', seconds: 5 })]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(await ids()).toEqual([]);
    engine.pageview();
    await vi.advanceTimersByTimeAsync(4000);
    expect(await ids()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await ids()).toEqual(['later']);
  });

  it('fires a scroll trigger once the page is scrolled that deep', async () => {
    const { ids } = setup([survey('deep', { on: 'scroll', percent: 50 })]);
    scrollTo(600);
    expect(await ids()).toEqual([]);
    scrollTo(700);
    expect(await ids()).toEqual(['deep']);
  });

  it('fires exit intent when the pointer leaves through the top, on desktop only', async () => {
    const { ids } = setup([survey('exit', { on: 'exit_intent' })]);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 200 }));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: document.body }));
    expect(await ids()).toEqual([]);
    setSize(400);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0 }));
    expect(await ids()).toEqual([]);
    setSize(1280);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0 }));
    expect(await ids()).toEqual(['exit']);
  });

  it('fires on a custom event by name', async () => {
    const { engine, ids } = setup([survey('tracked', { on: 'event', name: 'checkout_failed' })]);
    engine.observe({ type: 'track', name: 'signup' });
    engine.observe({ type: 'pageview' });
    expect(await ids()).toEqual([]);
    engine.observe({ type: 'track', name: 'checkout_failed' });
    expect(await ids()).toEqual(['tracked']);
  });

  it('fires on a click inside an element that matches the selector', async () => {
    const { ids } = setup([survey('clicked', { on: 'click', selector: '#help' })]);
    document.getElementById('other')!.click();
    expect(await ids()).toEqual([]);
    document.querySelector('#help span')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(await ids()).toEqual(['clicked']);
  });

  it('ignores a selector the browser cannot parse', async () => {
    const { ids } = setup([survey('broken', { on: 'click', selector: '##' })]);
    document.getElementById('help')!.click();
    expect(await ids()).toEqual([]);
  });

  it('fires from the Nth visit on', async () => {
    const trigger: Trigger = { on: 'visit', count: 3 };
    expect(await setup([survey('third', trigger)], { visits: 2 }).ids()).toEqual([]);
    expect(await setup([survey('third', trigger)], { visits: 3 }).ids()).toEqual(['third']);
  });

  it('fires right after a friction signal: any by default, or only those listed', async () => {
    const any = setup([survey('any', { on: 'friction' })]);
    any.engine.observe({ type: 'track', name: 'rage_click' });
    any.engine.observe({ type: 'vital' });
    any.engine.observe({ type: 'survey_dismissed' });
    expect(await any.ids()).toEqual([]);
    any.engine.observe({ type: 'rage_click' });
    expect(await any.ids()).toEqual(['any']);

    localStorage.clear();
    const listed = setup([survey('forms', { on: 'friction', signals: ['form_abandon'] })]);
    listed.engine.observe({ type: 'dead_click' });
    expect(await listed.ids()).toEqual([]);
    listed.engine.observe({ type: 'form_abandon' });
    expect(await listed.ids()).toEqual(['forms']);
  });

  it('presents a survey raised by a click problem with that element, so that its events name it', async () => {
    const { engine, ids, shown } = setup([survey('broken', { on: 'friction' })]);
    engine.observe({ type: 'rage_click', target: '#pay' });
    expect(await ids()).toEqual(['broken']);
    expect(shown[0]!.options.target).toBe('#pay');
    const steps: Signal[] = [];
    const event = surveyEvents('broken', (step) => steps.push(step), { target: '#pay' });
    event.onShown!();
    event.onAnswer!({ id: 'what', type: 'text', text: 'What went wrong?' }, 'Nothing happens');
    expect(steps.map((step) => [step.type, (step as { target?: string }).target])).toEqual([
      ['survey_shown', '#pay'],
      ['survey_answer', '#pay'],
    ]);
  });

  it('never fires a manual survey by itself, but shows any survey on request', async () => {
    const { engine, ids, shown } = setup([survey('manual', { on: 'manual' })]);
    expect(await ids()).toEqual([]);
    expect(await engine.show('manual', '#help')).toBe(true);
    expect(shown[0]!.options).toMatchObject({ into: '#help', opened: true });
    expect(await engine.show('missing')).toBe(false);
  });

  it('fires each trigger once per page view', async () => {
    const { engine, ids } = setup([
      { ...survey('twice', { on: 'event', name: 'go' }), throttle: { repeat: { days: 0 } } },
    ]);
    engine.observe({ type: 'track', name: 'go' });
    expect(await ids()).toEqual(['twice']);
    engine.observe({ type: 'track', name: 'go' });
    expect(await ids()).toEqual(['twice']);
  });

  it('opens no second survey while one is on screen', async () => {
    const { engine, ids, close } = setup([survey('first', { on: 'pageview' }), survey('second', { on: 'manual' })]);
    expect(await ids()).toEqual(['first']);
    expect(await engine.show('second')).toBe(false);
    close();
    expect(await engine.show('second')).toBe(true);
    expect(await ids()).toEqual(['first', 'second']);
  });

  it('gives a tab survey its tab wherever it targets, whatever the throttles, without using up the prompt', async () => {
    recordHistory('elsewhere', 'shown');
    const { ids, shown } = setup([
      { ...survey('tab', { on: 'pageview' }), display: { mode: 'tab' } },
      { ...survey('hidden-tab', { on: 'pageview' }), display: { mode: 'tab' }, url: [{ match: 'exact', value: '/' }] },
    ]);
    expect(await ids()).toEqual(['tab']);
    expect(shown[0]!.options).toEqual({ tab: true });
  });

  it('waits while the visitor types in a field of the page, and shows once they leave it', async () => {
    document.body.innerHTML += '<textarea id="message"></textarea><input id="agree" type="checkbox">';
    const field = document.querySelector<HTMLTextAreaElement>('#message')!;
    field.focus();
    const { ids } = setup([survey('support', { on: 'delay', seconds: 5 })]);
    await vi.advanceTimersByTimeAsync(6000);
    expect(await ids()).toEqual([]);
    // A checkbox is no field one types in.
    document.querySelector<HTMLInputElement>('#agree')!.focus();
    await vi.advanceTimersByTimeAsync(10);
    expect(await ids()).toEqual(['support']);
  });

  it('drops a prompt that waited for a field when the page view changes', async () => {
    document.body.innerHTML += '<input id="search" type="search">';
    document.querySelector<HTMLInputElement>('#search')!.focus();
    const who = { path: '/lab/engine' };
    const { engine, ids } = setup(
      [{ ...survey('here', { on: 'pageview' }), url: [{ match: 'exact', value: '/lab/engine' }] }],
      who,
    );
    await vi.advanceTimersByTimeAsync(0);
    // The visitor moves on (a route change) before leaving the field: the prompt was for the page they left.
    who.path = '/lab/other';
    engine.pageview();
    document.querySelector<HTMLInputElement>('#search')!.blur();
    await vi.advanceTimersByTimeAsync(10);
    expect(await ids()).toEqual([]);
  });

  it('stops listening, and its delay timers, once its signal aborts', async () => {
    const { ids } = setup([
      survey('clicked', { on: 'click', selector: '#help' }),
      survey('later', { on: 'delay', seconds: 5 }),
    ]);
    lifetime.abort();
    document.getElementById('help')!.click();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await ids()).toEqual([]);
  });
});

describe('createSurveys decisions (debug mode)', () => {
  /** An engine whose every decision is noted, worked out as it comes. */
  const noted = (surveys: SurveyDefinition[]) => {
    const notes: { id: string; decision: unknown; on?: string }[] = [];
    const engine = createSurveys(
      () => audience,
      { globalCooldownDays: 14 },
      async (definition) => {
        recordHistory(definition.id, 'shown');
        return true;
      },
      lifetime.signal,
      (definition, decision, trigger) => notes.push({ id: definition.id, decision: decision(), on: trigger?.on }),
    );
    engine.update(surveys);
    return { engine, notes };
  };

  it('notes each survey at the page view, and the trigger that fired with what came of it', async () => {
    const { notes } = noted([survey('nps', { on: 'pageview' }), survey('help', { on: 'click', selector: '#help' })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(notes).toEqual([
      { id: 'nps', decision: { rule: 'waits' } },
      { id: 'help', decision: { rule: 'waits' } },
      { id: 'nps', decision: { rule: 'shown' }, on: 'pageview' },
    ]);
    notes.length = 0;
    document.querySelector<HTMLElement>('#help')!.click();
    await vi.advanceTimersByTimeAsync(0);
    // The NPS prompt used this page view's one automatic prompt, and started the global cool-down.
    expect(notes).toEqual([{ id: 'help', decision: { rule: 'page' }, on: 'click' }]);
  });

  it('notes a prompt dropped because the visitor typed until the page view changed', async () => {
    document.body.innerHTML += '<input id="search" type="search">';
    document.querySelector<HTMLInputElement>('#search')!.focus();
    const { engine, notes } = noted([survey('nps', { on: 'delay', seconds: 1 })]);
    await vi.advanceTimersByTimeAsync(1000);
    engine.pageview();
    notes.length = 0;
    document.querySelector<HTMLInputElement>('#search')!.blur();
    await vi.advanceTimersByTimeAsync(10);
    expect(notes).toEqual([{ id: 'nps', decision: { rule: 'moved' }, on: 'delay' }]);
  });

  it('names the global cool-down, with the time it ends, on the next page view', async () => {
    const { engine, notes } = noted([
      survey('nps', { on: 'pageview' }),
      survey('help', { on: 'click', selector: '#help' }),
    ]);
    await vi.advanceTimersByTimeAsync(0);
    notes.length = 0;
    engine.pageview();
    const cooldown = { rule: 'cooldown', until: Date.now() + 14 * 864e5 };
    expect(notes).toEqual([
      { id: 'nps', decision: cooldown },
      { id: 'help', decision: cooldown },
      { id: 'nps', decision: cooldown, on: 'pageview' },
    ]);
  });
});
